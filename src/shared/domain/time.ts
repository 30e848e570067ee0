import { DomainError } from './errors';

/**
 * Time as the mission counts it. Days and months turn at midnight in China (UTC+8, no daylight saving)
 * whatever zone the code runs in, and rules take `now` from their caller, so a test chooses the clock.
 */
export const HOUR_MS = 60 * 60 * 1000;
export const DAY_MS = 24 * HOUR_MS;
const CST_MS = 8 * HOUR_MS;

export function addHours(at: Date, hours: number): Date {
  return new Date(new Date(at).getTime() + hours * HOUR_MS);
}

export function addDays(at: Date, days: number): Date {
  return new Date(new Date(at).getTime() + days * DAY_MS);
}

/** The China-time wall clock of `at`, read through the getUTC* fields. */
function wallClockCst(at: Date): Date {
  return new Date(at.getTime() + CST_MS);
}

/** Start of the China-time day containing `at`, as an instant. */
export function startOfDayCst(at: Date): Date {
  const cst = wallClockCst(at);
  return new Date(Date.UTC(cst.getUTCFullYear(), cst.getUTCMonth(), cst.getUTCDate()) - CST_MS);
}

/** The China-time day of `at`: `2026-11-30`. */
export function dayCst(at: Date): string {
  return wallClockCst(at).toISOString().slice(0, 10);
}

/** The China-time minute of `at`: `2026-11-30 14:05`. */
export function minuteCst(at: Date): string {
  return wallClockCst(at).toISOString().slice(0, 16).replace('T', ' ');
}

export const monthPattern = /^\d{4}-(0[1-9]|1[0-2])$/;

/** Months are tallied in China time: 2026-11-30 20:00 UTC is already December in Beijing. */
export function monthOf(at: Date): string {
  return dayCst(at).slice(0, 7);
}

/** The instants a China-time month spans, [start, end). */
export function monthRange(month: string): { start: Date; end: Date } {
  if (!monthPattern.test(month)) throw new DomainError('BAD_INPUT', `月份格式应为 YYYY-MM：${month}`);
  const [year, mon] = month.split('-').map(Number);
  return { start: new Date(Date.UTC(year, mon - 1, 1) - CST_MS), end: new Date(Date.UTC(year, mon, 1) - CST_MS) };
}
