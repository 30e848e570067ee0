/** Months as the server names them (`2026-11`, China time). The app counts them from the server's month, not the phone's clock. */

/** The month `delta` months after (or, negative, before) `month`. */
export function shiftMonth(month: string, delta: number): string {
  const [year, mon] = month.split('-').map(Number);
  const index = year * 12 + (mon - 1) + delta;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** `month` and the `count - 1` months before it, newest first: the choices of a month picker. */
export function recentMonths(month: string, count: number): string[] {
  return Array.from({ length: count }, (_, i) => shiftMonth(month, -i));
}

/** 2026-11 → 2026年11月. */
export function monthLabel(month: string): string {
  const [year, mon] = month.split('-').map(Number);
  return `${year}年${mon}月`;
}
