import { randomBytes } from 'node:crypto';
import { pointsGrantVirtue, pointsSetVirtueItem, pointsVirtueCatalogue } from '../../src/shared/contract';
import { DomainError } from '../../src/shared/domain/errors';
import { account, virtueLevel } from '../../src/shared/domain/ledger';
import { usableItem, type PointItem } from '../../src/shared/domain/point-items';
import { defineHandler } from '../_lib/platform/handler';
import { post } from '../_lib/ledger';
import { expiryFor } from '../_lib/ledger/point-rules';
import { personOf, standingOf, submissionKey } from '../_lib/ledger/staff-entry';
import { cachedPointItem, findPointItem, listPointItems, savePointItem } from './point-items';

const itemView = (i: PointItem) => ({ id: i._id, name: i.name, points: i.points, active: i.active, order: i.order });

// 美德信用积分目录: what civic behaviour earns, per community.
export const virtueCatalogue = defineHandler(pointsVirtueCatalogue, async (_input, { user }) => ({
  items: (await listPointItems(user.communityId, 'virtue', false)).map(itemView),
}));

export const setVirtueItem = defineHandler(pointsSetVirtueItem, async ({ itemId, name, points, active, order }, { user }) => {
  const existing = itemId ? await findPointItem(itemId) : null;
  const ours = existing?.asset === 'virtue' && existing.communityId === user.communityId;
  if (itemId && !ours) throw new DomainError('POINT_ITEM_NOT_FOUND');
  const item: PointItem = {
    _id: itemId ?? `virtue-${randomBytes(6).toString('hex')}`,
    communityId: user.communityId,
    asset: 'virtue',
    kind: 'civic',
    name,
    points,
    maxPoints: points,
    active,
    order,
    updatedAt: new Date(),
  };
  await savePointItem(item);
  return { item: itemView(item) };
});

// 记美德信用: staff credit a resident for a behaviour in the catalogue, at the catalogue's points.
export const grantVirtue = defineHandler(
  pointsGrantVirtue,
  async ({ openid: target, itemId, note }, { openid, user, requestId, subject }) => {
    const _id = submissionKey('virtue', openid, requestId);
    const person = await personOf(target, user, subject);
    const item = usableItem(await cachedPointItem(itemId), 'virtue', user.communityId);
    const { posting, replayed } = await post({
      _id,
      asset: 'virtue',
      from: account.issuer(person.communityId),
      to: account.user(person._id),
      amount: item.points,
      reason: note ? `${item.name}：${note}` : item.name,
      ref: item._id,
      communityId: person.communityId,
      by: openid,
      byName: user.name,
      expiresAt: await expiryFor(person.communityId, 'virtue'),
    });
    const { balance, lifetime } = await standingOf(person._id, 'virtue');
    const level = virtueLevel(lifetime);
    return { postingId: posting._id, replayed, balance, level: { stars: level.stars, name: level.name } };
  },
  { subject: 'openid' },
);
