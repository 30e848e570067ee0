import type { z } from 'zod';
import { pointsPartyEntries, pointsPartyEntry, pointsPartyItems } from '../../src/shared/contract';
import { DomainError } from '../../src/shared/domain/errors';
import { account, type Posting, type PostingInput } from '../../src/shared/domain/ledger';
import type { UserProfile } from '../../src/shared/domain/org';
import { entryPoints, isDebit, usableItem, type PointItem } from '../../src/shared/domain/point-items';
import { monthOf } from '../../src/shared/domain/time';
import { assertOwnPhotos, photoUrls } from '../_lib/platform/files';
import { defineHandler, type Context } from '../_lib/platform/handler';
import { AlreadyPosted, findPosting, postIn } from '../_lib/ledger';
import { transact } from '../_lib/platform/transact';
import { expiryFor } from '../_lib/ledger/point-rules';
import { collections } from '../_lib/platform/runtime';
import type { PartyEntryDoc } from '../_lib/platform/documents';
import { table, tableIn } from '../_lib/platform/typed-db';
import { personOf, submissionKey } from '../_lib/ledger/staff-entry';
import { cachedPointItem, listPointItems } from './point-items';

export const partyItems = defineHandler(pointsPartyItems, async (_input, { user }) => {
  const items = await listPointItems(user.communityId, 'party', true);
  return { items: items.map((i) => ({ id: i._id, kind: i.kind, name: i.name, points: i.points, maxPoints: Math.max(i.points, i.maxPoints) })) };
});

/**
 * "1+1−1" says a deduction counts in full: refusing it because the member has few points would leave
 * misconduct unrecorded. So when the balance is short, the deduction is posted with an override that records
 * exactly that (decided in the posting's transaction, against the balance read there).
 */
const OVERDRAFT = '党员积分减分如实记录，余额不足时记为负分';

/** The evidence beside the posting, under the same id. */
function evidenceOf(posting: Posting, member: UserProfile, item: PointItem, points: number, input: Pick<PartyEntryDoc, 'reason' | 'evidence'>) {
  const entry: Omit<PartyEntryDoc, '_id'> = {
    communityId: member.communityId,
    memberId: member._id,
    memberName: member.name,
    itemId: item._id,
    itemName: item.name,
    kind: item.kind,
    points,
    month: monthOf(new Date(posting.at)),
    reason: input.reason,
    evidence: input.evidence,
    by: posting.by,
    byName: posting.byName,
    at: posting.at,
  };
  return entry;
}

type PartyEntryInput = z.output<(typeof pointsPartyEntry)['input']>;

const answer = (posting: Posting, replayed: boolean) => {
  const points = posting.to.startsWith('user:') ? posting.amount : -posting.amount;
  return { postingId: posting._id, replayed, points, month: monthOf(new Date(posting.at)), belowZero: posting.override !== null };
};

// 党员积分录入: base points, a bonus or a deduction for one member, with a reason and evidence. The posting, both
// balances, the member's monthly tally and the evidence are one transaction; the posting id is the submission's,
// so it is the call's retry record too (a retry finds it and is answered from it).
export const partyEntry = defineHandler(
  pointsPartyEntry,
  async (input, ctx) => {
    const _id = submissionKey('party', ctx.openid, ctx.requestId);
    try {
      return await enter(_id, input, ctx);
    } catch (error) {
      // A retry finds its posting made, or is refused first by what changed since (the item withdrawn, the
      // member's role): either way it is answered from its posting.
      if (!(error instanceof AlreadyPosted) && !(error instanceof DomainError)) throw error;
      const made = await findPosting(_id);
      if (!made) throw error instanceof AlreadyPosted ? error.cause : error;
      return answer(made, true);
    }
  },
  { record: 'effect', subject: 'openid' },
);

async function enter(_id: string, input: PartyEntryInput, { openid, user, subject }: Context) {
  await assertOwnPhotos(openid, input.evidence.photos);
  const member = await personOf(input.openid, user, subject);
  if (!member.roles.includes('member')) throw new DomainError('MEMBER_NOT_FOUND');
  const item = usableItem(await cachedPointItem(input.itemId), 'party', user.communityId);
  const amount = entryPoints(item, input.points);
  const debit = isDebit(item.kind);
  const [issuer, holder] = [account.issuer(member.communityId), account.user(member._id)];
  const posting: PostingInput = {
    _id,
    asset: 'party',
    from: debit ? holder : issuer,
    to: debit ? issuer : holder,
    amount,
    reason: `${item.name}：${input.reason}`,
    ref: item._id,
    communityId: member.communityId,
    by: openid,
    byName: user.name,
    expiresAt: debit ? null : await expiryFor(member.communityId, 'party'),
  };
  const overdraft = debit ? { by: openid, reason: OVERDRAFT } : null;
  return transact(async (tx) => {
    const { posting: saved } = await postIn(tx, posting, { creditBalance: 'unread', overdraft });
    await tableIn(tx, collections.partyEntries).set(_id, evidenceOf(saved, member, item, debit ? -amount : amount, input));
    return answer(saved, false);
  }, 'POINTS_BUSY');
}

// 党员积分明细: what staff entered in a month, with the evidence, for review and audit.
export const partyEntries = defineHandler(pointsPartyEntries, async ({ month = monthOf(new Date()), offset, limit }, { user }) => {
  const { docs, nextOffset } = await table(collections.partyEntries)
    .where({ communityId: user.communityId, month })
    .orderBy('at', 'desc')
    .page(offset, limit);
  const urls = await photoUrls(docs.flatMap((d) => d.evidence.photos));
  return {
    items: docs.map((d) => ({
      postingId: d._id,
      memberName: d.memberName,
      kind: d.kind,
      itemName: d.itemName,
      points: d.points,
      reason: d.reason,
      byName: d.byName,
      evidence: { text: d.evidence.text, photos: d.evidence.photos.map((fileID) => ({ fileID, url: urls.get(fileID) ?? null })) },
      at: new Date(d.at).toISOString(),
    })),
    nextOffset,
  };
});
