import { changeScopes, deltasOf, sumCounters, type Counters, type StatChange } from './stats';

/**
 * The verify job's arithmetic (issue 14): a day's counters of a place and of every place within it, recomputed
 * from the events with the fold's own rules (`deltasOf`), and compared with what the fold stored. Pure.
 */

/** Counters by place (a grid, community, street id or `district`). */
export type PlaceCounters = Record<string, Counters>;

/** One counter of one place that the stored documents and the events disagree on. */
export interface CounterDifference {
  scope: string;
  counter: string;
  stored: number;
  /** What the events say; `upTo` when steps made while the check ran may or may not have been counted yet. */
  expected: number;
  upTo?: number;
}

/**
 * The places a change counts for that lie within `place`: its scopes are listed most local first (grid,
 * community, street, district), so those up to and including `place` — none when the change is elsewhere.
 */
export function scopesWithin(change: StatChange, place: string): readonly string[] {
  const scopes = changeScopes(change);
  const i = scopes.indexOf(place);
  return i === -1 ? [] : scopes.slice(0, i + 1);
}

/** Adds to `into` the counters `changes` give `day` (China time) in `place` and the places within it. */
export function addDayCounters(into: PlaceCounters, changes: readonly StatChange[], day: string, place: string): void {
  for (const change of changes) {
    const counters = deltasOf(change)[day];
    if (!counters) continue;
    for (const scope of scopesWithin(change, place)) into[scope] = sumCounters([into[scope] ?? {}, counters]);
  }
}

/** Sums are of hours too (fractions): a difference smaller than this share of the count is rounding. */
const TOLERANCE = 1e-6;
const near = (a: number, b: number) => Math.abs(a - b) <= TOLERANCE * Math.max(1, Math.abs(a), Math.abs(b));

/**
 * Every counter of `scopes` where the stored value is outside what the events allow: at least `expected` (the
 * steps made before the check began, all folded by then) and at most that plus `late` (steps made while it
 * ran, which the fold may or may not have reached: every step adds, so they can only raise a counter).
 */
export function counterDifferences(
  scopes: Iterable<string>,
  stored: PlaceCounters,
  expected: PlaceCounters,
  late: PlaceCounters = {},
): CounterDifference[] {
  const out: CounterDifference[] = [];
  for (const scope of [...new Set(scopes)].sort()) {
    const [s, e, l] = [stored[scope] ?? {}, expected[scope] ?? {}, late[scope] ?? {}];
    for (const counter of [...new Set([...Object.keys(s), ...Object.keys(e), ...Object.keys(l)])].sort()) {
      const [have, low] = [s[counter] ?? 0, e[counter] ?? 0];
      const high = low + (l[counter] ?? 0);
      if ((have >= low || near(have, low)) && (have <= high || near(have, high))) continue;
      out.push({ scope, counter, stored: have, expected: low, ...(high !== low ? { upTo: high } : {}) });
    }
  }
  return out;
}
