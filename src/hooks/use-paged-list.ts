import { useDidShow } from '@tarojs/taro';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Reply } from '../shared/contract/envelope';
import { usePersona } from './use-persona';

export interface Page<T> {
  items: T[];
  nextOffset: number | null;
}

export type LoadState = 'loading' | 'ready' | 'error';

/** A failed load: the stable code decides what the page offers (retry or not), the message is shown. */
export interface LoadError {
  code: string;
  message: string;
}

export interface PagedList<T> {
  state: LoadState;
  items: T[];
  error: LoadError | null;
  hasMore: boolean;
  loadingMore: boolean;
  /** A failed "加载更多" keeps what is shown and says so here. */
  moreError: string | null;
  /** Resolves when the first page has arrived (or failed), so pull-to-refresh knows when to stop. */
  reload(): Promise<void>;
  loadMore(): void;
  /**
   * Shows what a mutation's reply says instead of reading the list again: each item is kept, replaced, or
   * dropped (null) because it no longer belongs to the list, which the next page's offset then accounts for.
   */
  edit(change: (item: T) => T | null): void;
  /** Shows items a mutation's reply says were added at the head of the list (newest first), without reading it again. */
  prepend(added: readonly T[]): void;
}

/**
 * One paged list from the server: first page on mount, on every return to the page (so a wish posted
 * or approved elsewhere shows up), when the acting persona changes, and when `key` (filters) changes. A
 * null `key` waits: what to list is not known yet, and a guess would be fetched only to be thrown away.
 */
export function usePagedList<T>(fetchPage: (offset: number) => Promise<Reply<Page<T>>>, key: string | null): PagedList<T> {
  const persona = usePersona();
  const [state, setState] = useState<LoadState>('loading');
  const [items, setItems] = useState<T[]>([]);
  const [error, setError] = useState<LoadError | null>(null);
  const [nextOffset, setNextOffset] = useState<number | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const [moreError, setMoreError] = useState<string | null>(null);
  // Only the newest request may write state, so a slow answer for an old filter never wins.
  const generation = useRef(0);
  const fetchRef = useRef(fetchPage);
  fetchRef.current = fetchPage;

  const reload = useCallback(() => {
    const mine = ++generation.current;
    setState((s) => (s === 'ready' ? s : 'loading'));
    setMoreError(null);
    return fetchRef.current(0).then((reply) => {
      if (mine !== generation.current) return;
      if (reply.ok) {
        setItems(reply.data.items);
        setNextOffset(reply.data.nextOffset);
        setState('ready');
      } else {
        setError({ code: reply.code, message: reply.message });
        setState('error');
      }
    });
  }, []);

  const loadMore = useCallback(() => {
    if (nextOffset === null || loadingMore) return;
    const mine = generation.current;
    setLoadingMore(true);
    setMoreError(null);
    void fetchRef.current(nextOffset).then((reply) => {
      setLoadingMore(false);
      if (mine !== generation.current) return;
      if (reply.ok) {
        setItems((prev) => [...prev, ...reply.data.items]);
        setNextOffset(reply.data.nextOffset);
      } else {
        setMoreError(reply.message);
      }
    });
  }, [nextOffset, loadingMore]);

  const shownItems = useRef(items);
  shownItems.current = items;
  const edit = useCallback((change: (item: T) => T | null) => {
    const kept = shownItems.current.flatMap((item) => {
      const next = change(item);
      return next === null ? [] : [next];
    });
    const dropped = shownItems.current.length - kept.length;
    shownItems.current = kept;
    setItems(kept);
    setNextOffset((offset) => (offset === null ? null : offset - dropped));
  }, []);

  const prepend = useCallback((added: readonly T[]) => {
    if (added.length === 0) return;
    shownItems.current = [...added, ...shownItems.current];
    setItems(shownItems.current);
    setNextOffset((offset) => (offset === null ? null : offset + added.length));
  }, []);

  useEffect(() => {
    if (key === null) return;
    setState('loading');
    void reload();
  }, [reload, key, persona?.openid]);
  // The mount effect already loaded; useDidShow also fires for that first show.
  const shownBefore = useRef(false);
  useDidShow(() => {
    if (shownBefore.current && key !== null) void reload();
    shownBefore.current = true;
  });

  return { state, items, error, hasMore: nextOffset !== null, loadingMore, moreError, reload, loadMore, edit, prepend };
}
