import { useCallback, useEffect, useRef, useState } from 'react';
import type { Input, Output } from '../../shared/contract';
import type { LoadError, LoadState, PagedList } from '../../hooks/use-paged-list';
import { usePersona } from '../../hooks/use-persona';
import { call } from '../../services/api';

export type CaseRow = Output<'report.cases'>['items'][number];
type Query = Omit<Input<'report.cases'>, 'cursor'>;

/**
 * The list behind a number, paged by the server's cursor: the first page (with the title and the count) on mount,
 * when the query or the acting persona changes, and on pull-to-refresh; "加载更多" asks for the next page once.
 */
export function useCasesList(query: Query | null): PagedList<CaseRow> & { title: string | null; count: number | null } {
  const persona = usePersona();
  const [state, setState] = useState<LoadState>('loading');
  const [items, setItems] = useState<CaseRow[]>([]);
  const [error, setError] = useState<LoadError | null>(null);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const [moreError, setMoreError] = useState<string | null>(null);
  const [head, setHead] = useState<{ title: string | null; count: number | null }>({ title: null, count: null });
  // Only the newest request may write state: a slow answer for an old query never wins.
  const generation = useRef(0);
  const key = query ? JSON.stringify(query) : null;

  const reload = useCallback(async () => {
    if (!query) return;
    const mine = ++generation.current;
    setState((s) => (s === 'ready' ? s : 'loading'));
    setMoreError(null);
    const reply = await call('report.cases', query);
    if (mine !== generation.current) return;
    if (reply.ok) {
      setItems(reply.data.items);
      setCursor(reply.data.nextCursor);
      setHead({ title: reply.data.title, count: reply.data.count });
      setState('ready');
    } else {
      setError({ code: reply.code, message: reply.message });
      setState('error');
    }
  }, [key]);

  const loadMore = useCallback(() => {
    if (!query || cursor === null || loadingMore) return;
    const mine = generation.current;
    setLoadingMore(true);
    setMoreError(null);
    void call('report.cases', { ...query, cursor }).then((reply) => {
      setLoadingMore(false);
      if (mine !== generation.current) return;
      if (reply.ok) {
        setItems((shown) => [...shown, ...reply.data.items.filter((r) => !shown.some((s) => s.id === r.id))]);
        setCursor(reply.data.nextCursor);
      } else setMoreError(`${reply.message}，请点“加载更多”再试`);
    });
  }, [key, cursor, loadingMore]);

  useEffect(() => {
    void reload();
  }, [reload, persona]);

  return {
    state: query ? state : 'ready',
    items,
    error,
    hasMore: cursor !== null,
    loadingMore,
    moreError,
    reload,
    loadMore,
    edit: () => undefined,
    prepend: () => undefined,
    ...head,
  };
}
