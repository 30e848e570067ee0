import { Cron as Croner } from 'croner';

/**
 * WeChat Cloud timer triggers: seven fields `sec min hour day month week year`, with `* , - /` (and `?` read as
 * `*`). Week days are 0–6 with 0 = Sunday (or SUN…SAT), as Tencent SCF evaluates them; when both the day and the
 * week day are restricted, either one may match. Like the cloud, the expression is read in Beijing time (UTC+8),
 * whatever the time zone the functions themselves run in. Parsing and the next firing are croner's (it reads the
 * seven-field form, year included); this file only holds the cloud's conventions.
 */
export interface Cron {
  source: string;
  schedule: Croner;
}

export const BEIJING_TIME_ZONE = 'Asia/Shanghai';

/** Each field's last value (sec min hour day month week year): an open `N/step` runs to it. */
const FIELD_MAX = [59, 59, 23, 31, 12, 6, 2099];

/** The cloud's triggers run no later than this year (its year field's range). */
const LAST_YEAR = 2099;

export function parseCron(source: string): Cron {
  const parts = source.trim().split(/\s+/);
  if (parts.length !== 7) throw new Error(`cron "${source}" must have 7 fields: sec min hour day month week year`);
  // A week day of 7 (croner's other Sunday) is not the cloud's; `?` is its "no value" for a day field, i.e. any.
  if (/(^|[,-])7($|[,/-])/.test(parts[5])) throw new Error(`cron "${source}": week days are 0–6`);
  // `N/step` (from N to the field's end, as SCF and Quartz read it) is written `N-max/step` for croner.
  const pattern = parts
    .map((p, i) => (p === '?' && (i === 3 || i === 5) ? '*' : p.replace(/(^|,)(\d+)\/(\d+)/g, `$1$2-${FIELD_MAX[i]}/$3`)))
    .join(' ');
  try {
    return { source, schedule: new Croner(pattern, { timezone: BEIJING_TIME_ZONE, paused: true, legacyMode: true }) };
  } catch (error) {
    throw new Error(`cron "${source}": ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** The first firing strictly after `after` (ms since epoch), or null if there is none before 2100. */
export function nextFiring(cron: Cron, after: number): number | null {
  const next = cron.schedule.nextRun(new Date(Math.floor(after / 1000) * 1000));
  if (!next || new Date(next.getTime() + 8 * 3600_000).getUTCFullYear() > LAST_YEAR) return null;
  return next.getTime();
}
