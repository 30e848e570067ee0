import { useState } from 'react';
import { call } from '../services/api';
import { serverClockHeard, serverNow } from '../services/server-clock';
import { monthOf } from '../shared/domain/time';
import { recentMonths, shiftMonth } from '../utils/month';
import { useRemote } from './use-remote';

/** How many months back the picker offers. */
const MONTHS = 12;

/**
 * One month's 党员积分 ranking. Months count from the server's current month, not from the phone's clock:
 * `startOffset` 0 opens on this month, -1 on the last one (the month to close). The server's clock is known
 * from any earlier reply, so the month to open is asked for at once; only an app that has heard nothing yet
 * asks for this month first to learn it.
 */
export function useMonthRanking(startOffset: 0 | -1) {
  const [current, setCurrent] = useState<string | null>(() => (serverClockHeard() ? monthOf(new Date(serverNow())) : null));
  const [picked, setPicked] = useState<string | null>(null);
  const ranking = useRemote(async () => {
    if (picked) return call('points.ranking', { month: picked });
    if (current) return call('points.ranking', { month: shiftMonth(current, startOffset) });
    const now = await call('points.ranking', {});
    if (!now.ok) return now;
    setCurrent(now.data.month);
    return startOffset === 0 ? now : call('points.ranking', { month: shiftMonth(now.data.month, startOffset) });
  }, picked ?? '');
  const month = picked ?? (current ? shiftMonth(current, startOffset) : null);
  const months = current ? recentMonths(shiftMonth(current, startOffset), MONTHS) : [];
  return { ranking, month, months, pick: setPicked };
}
