import type { CollectionName, DocOf } from '../../_lib/platform/documents';
import { _ } from '../../_lib/platform/runtime';
import { table, type Found, type Query } from '../../_lib/platform/typed-db';

/** Documents a step looks at per page: a page is one read and a few writes, well inside the function's timeout. */
export const PAGE = 100;

/**
 * The next page of `name` after `cursor` in `_id` order (the `_id_` index every collection has): a step pages
 * through a whole collection this way, whatever its shape, and resumes from the last id it finished.
 */
export function pageAfter<N extends CollectionName>(name: N, cursor: string | null): Found<DocOf<N>> {
  // From the start, after '' (every id is a non-empty string): a range on `_id`, as every later page.
  const after: Query<{ _id: string }> = { _id: _.gt(cursor ?? '') };
  return table(name)
    .where(after as Query<DocOf<N>>)
    .orderBy('_id' as keyof DocOf<N> & string, 'asc')
    .limit(PAGE);
}

/** Where the next page starts: after the last id read, or nowhere (null) when this page was the last. */
export function nextCursor(docs: readonly { _id: string }[]): string | null {
  return docs.length < PAGE ? null : docs[docs.length - 1]._id;
}
