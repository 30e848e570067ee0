import { useState } from 'react';
import { usePagedList } from '../../hooks/use-paged-list';
import { call } from '../../services/api';
import type { Member, Round } from './views';

/** The round of a half-year and its members, a page at a time (the round comes with every page). */
export function useResults(period: string | undefined, key: string) {
  const [round, setRound] = useState<Round | null>(null);
  const list = usePagedList<Member>(async (offset) => {
    const reply = await call('review.results', { ...(period ? { period } : {}), offset, limit: 20 });
    if (reply.ok) setRound(reply.data.round);
    return reply;
  }, key);
  return { round, list, setRound };
}
