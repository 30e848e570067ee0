import type { PetitionLevel } from './petition-ladder';
import { summarizePetitions, type Counters } from './stats';
import { monthOf } from './time';

/**
 * 月通报 (issue 14): what a community's monthly bulletin says, from the stats month documents of the closed month
 * and the one before it. Pure: the report function's bulletin timer reads the counters and freezes the result
 * in the bulletin document (a draft is a snapshot: later corrections to the counters do not move it).
 */

/** The month before `month` (`YYYY-MM`). */
export function previousMonth(month: string): string {
  const [y, m] = month.split('-').map(Number);
  const k = y * 12 + (m - 1) - 1;
  return `${Math.floor(k / 12)}-${String((k % 12) + 1).padStart(2, '0')}`;
}

/** The last month that is over at `now` (China time): the month a bulletin prepared now is about. */
export function closedMonth(now: Date): string {
  return previousMonth(monthOf(now));
}

/** A community's numbers for one month, as the bulletin shows them beside the month before. */
export interface BulletinNumbers {
  received: number;
  resolved: number;
  /** 办结率, 按期办结率, 满意率, 就地解决率: null when nothing was counted (shown as “—”). */
  resolutionRate: number | null;
  onTimeRate: number | null;
  satisfactionRate: number | null;
  onSpot: number;
  onSpotRate: number | null;
  averageHours: number | null;
  volunteerHours: number;
  wishesCompleted: number;
  pointsIssued: number;
  pointsRedeemed: number;
}

const sumPrefixed = (c: Counters, prefix: string) =>
  Object.entries(c).reduce((sum, [name, n]) => (name.startsWith(prefix) && typeof n === 'number' ? sum + n : sum), 0);

/** The month's numbers from its summed counters (the same formulas as the dashboard: summarizePetitions). */
export function bulletinNumbers(c: Counters): BulletinNumbers {
  const p = summarizePetitions(c);
  return {
    received: p.received,
    resolved: p.resolved,
    resolutionRate: p.resolutionRate,
    onTimeRate: p.onTimeRate,
    satisfactionRate: p.satisfactionRate,
    onSpot: p.onSpot,
    onSpotRate: p.onSpotRate,
    averageHours: p.averageHours,
    volunteerHours: c['h.total'] ?? 0,
    wishesCompleted: c['w.completed'] ?? 0,
    pointsIssued: sumPrefixed(c, 'pt.issued.'),
    pointsRedeemed: sumPrefixed(c, 'pt.redeemed.'),
  };
}

/** Cases a deadline moved up from each level in the month (levels with none left out), most first. */
export function overdueByLevel(c: Counters): { level: PetitionLevel; count: number }[] {
  const { overdueAt } = summarizePetitions(c);
  return (Object.entries(overdueAt) as [PetitionLevel, number][])
    .filter(([, count]) => count > 0)
    .map(([level, count]) => ({ level, count }))
    .sort((a, b) => b.count - a.count);
}

/** Cases a department let pass its deadline in the month (`d.<dept>.overdue`), most first. */
export function overdueByDepartment(c: Counters): { departmentId: string; count: number }[] {
  return Object.entries(c)
    .flatMap(([name, count]) => {
      const m = /^d\.([^.]+)\.overdue$/.exec(name);
      return m && count > 0 ? [{ departmentId: m[1], count }] : [];
    })
    .sort((a, b) => b.count - a.count || a.departmentId.localeCompare(b.departmentId));
}

/** Volunteers thanked by name in a bulletin. */
export const BULLETIN_VOLUNTEERS = 5;

/**
 * The month's most active volunteers: by hours on duty, then wishes completed; at most BULLETIN_VOLUNTEERS,
 * only people who did something. Names are the ones they serve under (privacy.ts: a member serving works under
 * their own name; the party ranking is a public honour roll) — never a phone or a room.
 */
export function topVolunteers(
  shifts: readonly { holderId: string; holderName: string; minutes: number }[],
  wishes: readonly { claimantId: string | null; claimantName: string | null }[],
): { name: string; hours: number; wishes: number }[] {
  const people = new Map<string, { name: string; minutes: number; wishes: number }>();
  const of = (id: string, name: string) => {
    const p = people.get(id) ?? { name, minutes: 0, wishes: 0 };
    people.set(id, p);
    return p;
  };
  for (const s of shifts) of(s.holderId, s.holderName).minutes += s.minutes;
  for (const w of wishes) if (w.claimantId) of(w.claimantId, w.claimantName ?? '志愿者').wishes += 1;
  return [...people.values()]
    .filter((p) => p.minutes > 0 || p.wishes > 0)
    .sort((a, b) => b.minutes - a.minutes || b.wishes - a.wishes || a.name.localeCompare(b.name, 'zh-CN'))
    .slice(0, BULLETIN_VOLUNTEERS)
    .map((p) => ({ name: p.name, hours: Math.round((p.minutes / 60) * 10) / 10, wishes: p.wishes }));
}
