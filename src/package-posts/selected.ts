import type { PostView } from './post-card';

/** The post the manage page opened for editing: handed to the edit page without reading it again. */
let selected: PostView | null = null;

export const editing = {
  set(post: PostView | null): void {
    selected = post;
  },
  take(id: string | undefined): PostView | null {
    return id && selected?.id === id ? selected : null;
  },
};
