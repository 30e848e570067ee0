import { collections } from '../_lib/platform/runtime';
import { table } from '../_lib/platform/typed-db';
import { steps as allSteps, type Step } from './steps';

/** How long one call keeps paging (the function's timeout is 60 s): the deploy calls again until it is done. */
const CALL_BUDGET_MS = 20_000;

export interface RunResult {
  /** Every step has finished. */
  done: boolean;
  /** The steps this call worked on, with the documents changed and whether each finished. */
  ran: { id: string; changed: number; finished: boolean }[];
}

/**
 * Runs the steps not finished yet, in order, page by page until the budget is spent: each page's cursor is
 * recorded in `migrations` (one document per step) as soon as it is done, so a call that fails or times out
 * resumes at that page; a finished step never runs again. A page that throws is recorded (`lastError`) and
 * stops the call, which throws.
 */
export async function runPending(steps: readonly Step[] = allSteps, budgetMs = CALL_BUDGET_MS): Promise<RunResult> {
  const started = Date.now();
  const records = table(collections.migrations);
  const known = new Map((await records.limit(1000).get()).map((r) => [r._id, r]));
  const ran: RunResult['ran'] = [];
  for (const step of steps) {
    let record = known.get(step.id);
    if (record?.finishedAt) continue;
    if (Date.now() - started >= budgetMs) return { done: false, ran };
    const now = new Date();
    if (!record) {
      record = {
        _id: step.id,
        what: step.what,
        startedAt: now,
        finishedAt: null,
        cursor: null,
        changed: 0,
        pages: 0,
        lastError: null,
        updatedAt: now,
      };
      const { _id: id, ...fields } = record;
      await records.set(id, fields);
    }
    const done = { id: step.id, changed: 0, finished: false };
    ran.push(done);
    let { cursor } = record;
    let { changed, pages } = record;
    while (Date.now() - started < budgetMs) {
      let page: Awaited<ReturnType<Step['page']>>;
      try {
        page = await step.page(cursor);
      } catch (error) {
        await records.change(step.id, { lastError: String(error).slice(0, 500), updatedAt: new Date() });
        throw error;
      }
      changed += page.changed;
      pages += 1;
      done.changed += page.changed;
      cursor = page.cursor;
      const finishedAt = cursor === null ? new Date() : null;
      await records.change(step.id, { cursor, changed, pages, finishedAt, lastError: null, updatedAt: new Date() });
      if (finishedAt) {
        done.finished = true;
        break;
      }
    }
    if (!done.finished) return { done: false, ran };
  }
  return { done: true, ran };
}

/** The steps not finished yet (one read): what the deploy asks before planning, so an unfinished run is resumed. */
export async function pendingSteps(steps: readonly Step[] = allSteps): Promise<string[]> {
  const finished = new Set((await table(collections.migrations).limit(1000).get()).filter((r) => r.finishedAt).map((r) => r._id));
  return steps.filter((s) => !finished.has(s.id)).map((s) => s.id);
}
