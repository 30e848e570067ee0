import type { Step } from '.';
import { chargePostingIds } from '../../../src/shared/domain/merchant-charge';
import { balanceId } from '../../_lib/ledger';
import { _, collections } from '../../_lib/platform/runtime';
import { transact } from '../../_lib/platform/transact';
import { table, tableIn } from '../../_lib/platform/typed-db';
import { nextCursor, pageAfter } from './page';

/**
 * A held merchant charge the resident refused or let lapse gives the points back (`charge:<id>:back`). Before that
 * posting was marked a reversal of the hold's payment, it counted as new credit: the resident's `lifetimeIn` (the
 * virtue level) went up by points they had only got back. Each such posting becomes what today's release writes
 * (`reversalOf` the payment), and the same transaction takes the amount off the balance's `lifetimeIn` — once: a
 * posting already marked is left alone. The stats count neither shape (a hold's return is no issue nor redemption).
 */
export const holdBackLifetime: Step = {
  id: '002-hold-back-lifetime',
  what: 'points back from a refused or lapsed hold no longer lift the lifetime total (virtue level)',
  async page(cursor) {
    const charges = await pageAfter(collections.merchantCharges, cursor).field({ mode: true, status: true }).get();
    const returned = charges.filter((c) => c.mode === 'hold' && (c.status === 'rejected' || c.status === 'expired'));
    const backs = await table(collections.postings).byIds(returned.map((c) => chargePostingIds(c._id).back));
    let changed = 0;
    for (const charge of returned) {
      const ids = chargePostingIds(charge._id);
      const seen = backs.get(ids.back);
      // Not settled yet (today's code will mark it), or marked already.
      if (!seen || seen.reversalOf) continue;
      changed += await transact(async (tx) => {
        const postings = tableIn(tx, collections.postings);
        const back = await postings.get(ids.back);
        if (!back || back.reversalOf) return 0;
        await postings.change(ids.back, { reversalOf: ids.pay });
        await tableIn(tx, collections.balances).change(balanceId(back.to, back.asset), { lifetimeIn: _.inc(-back.amount) });
        return 1;
      });
    }
    return { changed, cursor: nextCursor(charges) };
  },
};
