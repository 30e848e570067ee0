const CST_MS = 8 * 3_600_000;

/** The China day of an instant (`2026-03-07`), whatever the phone's time zone. */
export const dayOf = (iso: string): string => new Date(Date.parse(iso) + CST_MS).toISOString().slice(0, 10);

/** `3月7日` for a China day. */
export const dayLabel = (day: string): string => `${Number(day.slice(5, 7))}月${Number(day.slice(8, 10))}日`;

/**
 * The deadline asked for (申请延期) on a chosen China day: the end of that day, or the latest allowed when the bound
 * falls within it (the server checks the same bound).
 */
export function untilOf(day: string, latest: string): string {
  const end = Date.parse(`${day}T23:59:59.999+08:00`);
  return new Date(Math.min(end, Date.parse(latest))).toISOString();
}
