const pad = (n: number) => String(n).padStart(2, '0');

/** A day as the date picker writes it (2026-12-08), `days` from now on the phone's calendar. */
export function dayFromNow(days: number, now = new Date()): string {
  const d = new Date(now.getFullYear(), now.getMonth(), now.getDate() + days);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** The picked day and time as an instant, in the phone's own time zone (China time for our users). */
export function instantOf(day: string, time: string): string {
  const [y, m, d] = day.split('-').map(Number);
  const [h, min] = time.split(':').map(Number);
  return new Date(y, m - 1, d, h, min).toISOString();
}
