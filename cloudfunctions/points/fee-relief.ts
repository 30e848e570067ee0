import { pointsFeeRelief } from '../../src/shared/contract';
import { DomainError } from '../../src/shared/domain/errors';
import { account } from '../../src/shared/domain/ledger';
import { defineHandler } from '../_lib/platform/handler';
import { post, type PostResult } from '../_lib/ledger';
import { personOf } from '../_lib/ledger/staff-entry';

/**
 * 物业费抵扣: staff redeem a resident's volunteer points against a property-fee receipt. The posting id
 * is the receipt number, so a receipt relieves once however often it is entered; entering it again for
 * another person or amount is refused rather than answered with the first redemption.
 */
export const feeRelief = defineHandler(
  pointsFeeRelief,
  async ({ openid: target, amount, receiptNo }, { openid, user, request, subject }) => {
    const person = await personOf(target, user, subject);
    const holder = account.user(person._id);
    const output = ({ posting, replayed, balances }: PostResult) => ({ postingId: posting._id, replayed, balance: balances.get(holder) ?? 0 });
    const result = await post(
      {
        _id: `fee:${person.communityId}:${receiptNo}`,
        asset: 'volunteer',
        from: holder,
        to: account.fee(person.communityId),
        amount,
        reason: `物业费抵扣（收据 ${receiptNo}）`,
        ref: receiptNo,
        communityId: person.communityId,
        by: openid,
        byName: user.name,
      },
      { record: { request, output } },
    );
    // Compared whatever `replayed` says: two entries racing on one receipt both get the one posting back.
    // (Only a replay can differ, and a replay's reply is recorded after this check, not with the posting.)
    if (result.posting.from !== holder || result.posting.amount !== amount) throw new DomainError('POINTS_RECEIPT_USED');
    return output(result);
  },
  { record: 'inTransaction', subject: 'openid' },
);
