import { useCallback, useEffect, useRef, useState } from 'react';
import type { LoadError, LoadState } from '../../hooks/use-paged-list';
import { usePersona } from '../../hooks/use-persona';
import { call } from '../../services/api';
import type { Input, Output } from '../../shared/contract';

export type RosterPage = Output<'roster.list'>;
export type RosterItem = RosterPage['items'][number];
export type RosterFilter = Pick<Input<'roster.list'>, 'communityId' | 'buildingId' | 'tag' | 'name'>;

/**
 * The roster a page at a time, by the server's cursor (`nextAfter`): the first page whenever the filter or the
 * persona changes, then "加载更多". Only the newest request may write, so a slow answer for an old filter never wins.
 */
export function useRoster(filter: RosterFilter) {
  const persona = usePersona();
  const [state, setState] = useState<LoadState>('loading');
  const [page, setPage] = useState<RosterPage | null>(null);
  const [items, setItems] = useState<RosterItem[]>([]);
  const [error, setError] = useState<LoadError | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const generation = useRef(0);
  const key = JSON.stringify(filter);

  const reload = useCallback(async () => {
    const mine = ++generation.current;
    setState('loading');
    const reply = await call('roster.list', { ...(JSON.parse(key) as RosterFilter), limit: 20 });
    if (mine !== generation.current) return;
    if (reply.ok) {
      setPage(reply.data);
      setItems(reply.data.items);
      setState('ready');
    } else {
      setError({ code: reply.code, message: reply.message });
      setState('error');
    }
  }, [key]);

  const loadMore = useCallback(async () => {
    if (!page?.nextAfter || loadingMore) return;
    const mine = generation.current;
    setLoadingMore(true);
    const reply = await call('roster.list', { ...(JSON.parse(key) as RosterFilter), limit: 20, after: page.nextAfter });
    setLoadingMore(false);
    if (mine !== generation.current || !reply.ok) return;
    setPage(reply.data);
    setItems((prev) => [...prev, ...reply.data.items]);
  }, [key, page, loadingMore]);

  useEffect(() => {
    void reload();
  }, [reload, persona?.openid]);

  return { state, page, items, error, loadingMore, reload, loadMore };
}
