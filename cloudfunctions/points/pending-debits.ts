import { clearPending, findPosting, givePendingBack, PENDING_STALE_MS, type BalanceDoc } from '../_lib/ledger';
import { _, collections } from '../_lib/platform/runtime';
import { table } from '../_lib/platform/typed-db';

/** Marks live for milliseconds: a thousand balances marked at once is far beyond any crowd (index pending_count). */
const PAGE = 1000;

/**
 * What the ledger's ten-minute timer does first: it finishes the debits whose call died between reserving the points
 * and clearing the mark (ledger quickDebit). A debit whose posting is in keeps its points; one whose posting is not
 * gets them back. A retry of the call arriving meanwhile is safe either way: its transaction takes the mark, or finds
 * it gone, before it posts. Reads only the balances that carry a mark.
 */
export async function sweepPendingDebits(): Promise<Record<string, unknown>> {
  const now = Date.now();
  const tally = { balances: 0, kept: 0, returned: 0 };
  const docs: BalanceDoc[] = await table(collections.balances)
    .where({ pendingCount: _.gt(0) })
    .limit(PAGE)
    .get();
  for (const doc of docs) {
    tally.balances += 1;
    for (const debit of Object.values(doc.pending ?? {})) {
      // A hold waits for the resident: its charge decides it (the merchant's sweep, quick-charge.ts sweepDeskMarks).
      if (debit.holdUntil || now - new Date(debit.at).getTime() < PENDING_STALE_MS) continue;
      if (await findPosting(debit.postingId)) {
        await clearPending(doc._id, debit);
        tally.kept += 1;
      } else {
        await givePendingBack(doc._id, debit);
        tally.returned += 1;
      }
    }
  }
  return tally;
}
