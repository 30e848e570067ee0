import type { Charge } from '../../src/shared/domain/merchant-charge';
import { advance, expireHold } from '../_lib/ledger/charge-ledger';
import { charges } from '../_lib/ledger/charges';
import { removeOldCodes } from '../_lib/ledger/points-code';
import { sweepDeskMarks } from '../_lib/ledger/quick-charge';
import { _ } from '../_lib/platform/runtime';
import type { Query } from '../_lib/platform/typed-db';

/** Older than this, ledger work still owed has no caller left finishing it: functions time out long before. */
const STALE_MS = 60_000;
const BATCH = 100;

async function each(
  where: Query<Charge>,
  order: 'updatedAt' | 'holdUntil',
  work: (c: Charge) => Promise<unknown>,
): Promise<{ done: number; failed: number }> {
  const found = await charges().where(where).orderBy(order, 'asc').limit(BATCH).get();
  const tally = { done: 0, failed: 0 };
  for (const charge of found) {
    try {
      await work(charge);
      tally.done += 1;
    } catch (error) {
      tally.failed += 1;
      console.warn('[merchant] sweep failed', charge._id, error);
    }
  }
  return tally;
}

/**
 * The minute timer: charges a crash left between the desk and the shop's credit are finished by their payment
 * (quick-charge.ts), holds past their 5 minutes go back to the resident, charges left half-way (a crash, a busy
 * ledger) are finished as their call would have finished them, and spent codes are cleared away.
 */
export async function sweep(): Promise<Record<string, unknown>> {
  const desks = await sweepDeskMarks();
  const now = new Date();
  const expired = await each({ status: 'awaiting', holdUntil: _.lte(now) }, 'holdUntil', (c) => expireHold(c, now));
  const finished = await each({ pending: true, updatedAt: _.lt(new Date(now.getTime() - STALE_MS)) }, 'updatedAt', advance);
  return { desks, expired, finished, codesRemoved: await removeOldCodes(now) };
}
