import { petitionStatusLabels, type PetitionStatus } from '../../src/shared/domain/petition';
import { DAY_MS, HOUR_MS, dayCst, startOfDayCst } from '../../src/shared/domain/time';
import { wishStatusLabels, type WishStatus } from '../../src/shared/domain/wish';
import type { WeeklyFeedbackJob } from '../_lib/platform/documents';
import type { Notice } from '../_lib/platform/outbox';
import { _, collections } from '../_lib/platform/runtime';
import { templates, thing } from '../_lib/platform/templates';
import { transact } from '../_lib/platform/transact';
import { table, tableIn } from '../_lib/platform/typed-db';

/**
 * 周反馈 (issue 14, 日收集、快办理、周反馈、月通报): every week each resident with an open petition or wish is told
 * where it stands — an in-app message always, a subscribe message where they consented (a one-time grant is
 * spent; outbox.ts). The notify function's `weekly` timer pages through the open cases, status by status in
 * `_id` order, a page per transaction: the page's notices and messages are written with the week's job
 * (`notify_jobs`, `weekly:<Monday>`), whose cursor moves in the same transaction — so a rerun, a crash or a
 * second instance never tells anyone twice in a week, and 50 k cases are done over as many runs as they take.
 */

/** The statuses a case is still open in, in the order the job walks them. */
const OPEN: readonly (readonly ['petitions', PetitionStatus] | readonly ['wishes', WishStatus])[] = [
  ['petitions', 'pending'],
  ['petitions', 'accepted'],
  ['petitions', 'council'],
  ['petitions', 'review'],
  ['wishes', 'submitted'],
  ['wishes', 'approved'],
  ['wishes', 'claimed'],
  ['wishes', 'in_service'],
];

/** The week's feedback starts on Monday at 09:00 China time. */
const START_HOUR = 9;
/** What one timer run spends before leaving the rest to the next (the function's timeout is 60 s). */
const RUN_MS = Number(process.env.LINLI_WEEKLY_RUN_MS) || 40_000;
const PAGE = 20;

/** The China-time Monday of the week of `at` (`2026-11-30`), and when that week's feedback starts. */
export function weekOf(at: Date): { week: string; startsAt: Date } {
  const day = startOfDayCst(at);
  const weekday = new Date(day.getTime() + 8 * HOUR_MS).getUTCDay(); // 0 = Sunday, in China time
  const monday = new Date(day.getTime() - ((weekday + 6) % 7) * DAY_MS);
  return { week: dayCst(monday), startsAt: new Date(monday.getTime() + START_HOUR * HOUR_MS) };
}

const daysSince = (from: Date, now: Date) => Math.max(1, Math.ceil((now.getTime() - new Date(from).getTime()) / DAY_MS));

/** A resident to tell: registered (not a 红色代办 without an account) and not erased. */
const reachable = (openid: string | null | undefined): openid is string => !!openid && !openid.startsWith('gone-');

async function pageOfCases(step: number, after: string, now: Date): Promise<{ ids: string[]; notices: Notice[] }> {
  const [kind, status] = OPEN[step];
  if (kind === 'petitions') {
    const docs = await table(collections.petitions)
      .where({ status: status as PetitionStatus, _id: _.gt(after) })
      .orderBy('_id', 'asc')
      .limit(PAGE)
      .field({ reporterId: true, categoryName: true, description: true, createdAt: true })
      .get();
    const notices = docs
      .filter((p) => reachable(p.reporterId))
      .map((p) => ({
        touser: p.reporterId as string,
        templateId: templates.petitionProgress,
        page: `pages/petition-detail/index?id=${p._id}`,
        data: {
          thing1: thing(`${p.categoryName}：${p.description}`),
          phrase2: '本周进展',
          thing3: thing(`${petitionStatusLabels[status as PetitionStatus]}，已${daysSince(p.createdAt, now)}天`),
        },
      }));
    return { ids: docs.map((d) => d._id), notices };
  }
  const docs = await table(collections.wishes)
    .where({ status: status as WishStatus, _id: _.gt(after) })
    .orderBy('_id', 'asc')
    .limit(PAGE)
    .field({ residentId: true, title: true, createdAt: true })
    .get();
  const notices = docs
    .filter((w) => reachable(w.residentId))
    .map((w) => ({
      touser: w.residentId,
      templateId: templates.wishProgress,
      page: `pages/wish-detail/index?id=${w._id}`,
      data: {
        thing1: thing(w.title),
        phrase2: '本周进展',
        thing3: thing(`${wishStatusLabels[status as WishStatus]}，已${daysSince(w.createdAt, now)}天`),
      },
    }));
  return { ids: docs.map((d) => d._id), notices };
}

/** The `weekly` timer: goes on with this week's feedback where the last run left it; nothing before Monday 09:00. */
export async function weeklyFeedback(now = new Date(), runMs = RUN_MS): Promise<Record<string, unknown>> {
  const { week, startsAt } = weekOf(now);
  if (now < startsAt) return { week, waiting: true };
  const id = `weekly:${week}`;
  let job = await table(collections.notifyJobs).get(id);
  if (!job) {
    const fresh: Omit<WeeklyFeedbackJob, '_id'> = { kind: 'weekly', week, step: 0, after: '', told: 0, done: false, updatedAt: now };
    // Two instances may both start it: the second insert fails and reads the first's.
    await table(collections.notifyJobs)
      .add({ _id: id, ...fresh })
      .catch(() => undefined);
    job = await table(collections.notifyJobs).get(id);
    if (!job) return { week, error: 'job not started' };
  }
  const until = Date.now() + runMs;
  let told = 0;
  // At least one page a run, however short the run.
  for (let page = 0; !job.done && (page === 0 || Date.now() < until); page++) {
    const at: WeeklyFeedbackJob = job;
    const { ids, notices } = await pageOfCases(at.step, at.after, now);
    const next = ids.length < PAGE ? { step: at.step + 1, after: '' } : { step: at.step, after: ids[ids.length - 1] };
    const moved = await transact(async (tx, unit) => {
      const current = await tableIn(tx, collections.notifyJobs).get(id);
      // Another run moved on from here: this page is theirs.
      if (!current || current.step !== at.step || current.after !== at.after) return null;
      const changes = { ...next, told: current.told + notices.length, done: next.step >= OPEN.length, updatedAt: new Date() };
      await tableIn(tx, collections.notifyJobs).change(id, changes);
      await unit.notify(notices);
      return { ...current, ...changes };
    }, 'BUSY');
    if (!moved) break;
    told += notices.length;
    job = moved;
  }
  return { week, told, done: job.done };
}
