/**
 * WeChat Cloud timer triggers: seven fields `sec min hour day month week year`, with `* , - /` (and `?` read as
 * `*`). Week days are 0–6 with 0 = Sunday (or SUN…SAT), as Tencent SCF evaluates them. Like the cloud, the
 * expression is read in Beijing time (UTC+8), whatever the time zone the functions themselves run in.
 */
export interface Cron {
  source: string;
  second: Set<number>;
  minute: Set<number>;
  hour: Set<number>;
  day: Set<number>;
  month: Set<number>;
  week: Set<number>;
  year: Set<number>;
  anyDay: boolean;
  anyWeek: boolean;
}

export const BEIJING_OFFSET_MS = 8 * 3600 * 1000;

const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];
const WEEKDAYS = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'];

interface FieldSpec {
  min: number;
  max: number;
  names?: string[];
  namesFrom?: number;
}

const FIELDS: FieldSpec[] = [
  { min: 0, max: 59 },
  { min: 0, max: 59 },
  { min: 0, max: 23 },
  { min: 1, max: 31 },
  { min: 1, max: 12, names: MONTHS, namesFrom: 1 },
  { min: 0, max: 6, names: WEEKDAYS, namesFrom: 0 },
  { min: 1970, max: 2099 },
];

export function parseCron(source: string): Cron {
  const parts = source.trim().split(/\s+/);
  if (parts.length !== 7) throw new Error(`cron "${source}" must have 7 fields: sec min hour day month week year`);
  const [second, minute, hour, day, month, week, year] = parts.map((p, i) => parseField(p, FIELDS[i], source));
  const isAny = (p: string) => p === '*' || p === '?';
  return { source, second, minute, hour, day, month, week, year, anyDay: isAny(parts[3]), anyWeek: isAny(parts[5]) };
}

function parseField(text: string, spec: FieldSpec, source: string): Set<number> {
  const values = new Set<number>();
  for (const item of text.split(',')) {
    const [range, stepText] = item.split('/');
    const step = stepText === undefined ? 1 : Number(stepText);
    let lo: number;
    let hi: number;
    if (range === '*' || range === '?') [lo, hi] = [spec.min, spec.max];
    else if (range.includes('-')) [lo, hi] = range.split('-').map((v) => value(v, spec, source)) as [number, number];
    else [lo, hi] = [value(range, spec, source), stepText === undefined ? value(range, spec, source) : spec.max];
    if (!Number.isInteger(step) || step < 1 || lo > hi) throw new Error(`cron "${source}": bad field "${text}"`);
    for (let v = lo; v <= hi; v += step) values.add(v);
  }
  return values;
}

function value(text: string, spec: FieldSpec, source: string): number {
  const named = spec.names?.indexOf(text.toUpperCase()) ?? -1;
  const n = named >= 0 ? named + (spec.namesFrom ?? 0) : Number(text);
  if (text === '' || !Number.isInteger(n) || n < spec.min || n > spec.max) throw new Error(`cron "${source}": "${text}" is out of range`);
  return n;
}

/** The first firing strictly after `after` (ms since epoch), or null if there is none before 2100. */
export function nextFiring(cron: Cron, after: number, tzOffsetMs = BEIJING_OFFSET_MS): number | null {
  // Work on the local wall clock as if it were UTC, so UTC getters read local fields.
  let t = Math.floor((after + tzOffsetMs) / 1000) * 1000 + 1000;
  for (let guard = 0; guard < 100_000; guard++) {
    const d = new Date(t);
    const [y, mo, day, h, mi, s] = [d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds()];
    if (y > 2099) return null;
    if (!cron.year.has(y)) t = Date.UTC(y + 1, 0, 1);
    else if (!cron.month.has(mo + 1)) t = Date.UTC(y, mo + 1, 1);
    else if (!dayMatches(cron, day, d.getUTCDay())) t = Date.UTC(y, mo, day + 1);
    else if (!cron.hour.has(h)) t = Date.UTC(y, mo, day, h + 1);
    else if (!cron.minute.has(mi)) t = Date.UTC(y, mo, day, h, mi + 1);
    else if (!cron.second.has(s)) t = Date.UTC(y, mo, day, h, mi, s + 1);
    else return t - tzOffsetMs;
  }
  return null;
}

/** Standard cron: when both day-of-month and day-of-week are restricted, either one may match. */
function dayMatches(cron: Cron, day: number, weekday: number): boolean {
  if (cron.anyDay && cron.anyWeek) return true;
  if (cron.anyDay) return cron.week.has(weekday);
  if (cron.anyWeek) return cron.day.has(day);
  return cron.day.has(day) || cron.week.has(weekday);
}
