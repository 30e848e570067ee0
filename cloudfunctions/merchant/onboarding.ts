import { merchantApplications, merchantApply, merchantReview, merchantSuspend } from '../../src/shared/contract';
import { DomainError } from '../../src/shared/domain/errors';
import { assertMayApply, assertPending, managesShops, type MerchantApplication, type Shop } from '../../src/shared/domain/merchant';
import { assertNotSelf } from '../../src/shared/domain/self-dealing';
import { assertPublishable } from '../_lib/platform/content';
import { isProfile } from '../_lib/platform/actor';
import { defineHandler } from '../_lib/platform/handler';
import { collections } from '../_lib/platform/runtime';
import { findShop, shopStanding, shopView } from '../_lib/ledger/shops';
import { fieldsOf, transact } from '../_lib/platform/transact';
import { markDeskIn } from '../_lib/ledger/shop-desk';
import { tableIn } from '../_lib/platform/typed-db';
import { applicationIdOf, applications, applicationView, applicationViews } from './applications';

// 商家入驻申请: the shop's details and licence photo go through content security before staff see them.
export const apply = defineHandler(merchantApply, async (input, { openid, user }) => {
  const verdict = await assertPublishable(openid, `${input.shopName}\n${input.address}`, [input.licence]);
  const now = new Date();
  const app = await transact(async (tx) => {
    const _id = applicationIdOf(openid);
    const applications = tableIn(tx, collections.merchantApplications);
    assertMayApply(await applications.get(_id), user.shopId);
    const next: MerchantApplication = {
      _id,
      applicantId: openid,
      applicantName: user.name,
      ...input,
      streetId: user.streetId,
      communityId: user.communityId,
      status: 'pending',
      flagged: verdict === 'review',
      reason: null,
      shopId: null,
      createdAt: now,
      decidedAt: null,
      decidedBy: null,
    };
    await applications.set(_id, fieldsOf(next));
    return next;
  }, 'POINTS_BUSY');
  return { application: await applicationView(app) };
});

export const listApplications = defineHandler(merchantApplications, async ({ status, offset, limit }, { user }) => {
  const where = user.roles.includes('staff') ? { communityId: user.communityId, status } : { streetId: user.streetId, status };
  const { docs, nextOffset } = await applications().where(where).orderBy('createdAt', 'asc').page(offset, limit);
  return { items: await applicationViews(docs), nextOffset };
});

function openShop(app: MerchantApplication, now: Date): Shop {
  return {
    _id: `shop-${app._id.slice('app-'.length)}`,
    name: app.shopName,
    address: app.address,
    category: app.category,
    contact: app.contact,
    ownerId: app.applicantId,
    ownerName: app.applicantName,
    streetId: app.streetId,
    communityId: app.communityId,
    status: 'active',
    suspendReason: null,
    applicationId: app._id,
    ratingSum: 0,
    ratingCount: 0,
    createdAt: now,
    updatedAt: now,
  };
}

/**
 * 审核: approving opens the shop and makes the applicant its merchant, in the same transaction as the
 * decision, so an approved application always has its shop and its owner the role. Nobody reviews their own.
 */
export const review = defineHandler(merchantReview, async ({ applicationId, approve, reason }, { openid, user }) => {
  const now = new Date();
  const { app, shop } = await transact(async (tx) => {
    const applications = tableIn(tx, collections.merchantApplications);
    const found = await applications.get(applicationId);
    const pending = assertPending(found && managesShops(user, found) ? found : null);
    assertNotSelf(openid, pending.applicantId);
    const shop = approve ? openShop(pending, now) : null;
    const decided = {
      status: approve ? 'approved' : 'rejected',
      reason: reason ?? null,
      shopId: shop?._id ?? null,
      decidedAt: now,
      decidedBy: openid,
    } as const;
    if (shop) {
      const users = tableIn(tx, collections.users);
      const owner = await users.get(pending.applicantId);
      if (!isProfile(owner)) throw new DomainError('NOT_FOUND', '申请人已不在社区登记');
      await tableIn(tx, collections.shops).set(shop._id, fieldsOf(shop));
      const roles = owner.roles.includes('merchant') ? owner.roles : [...owner.roles, 'merchant' as const];
      await users.change(owner._id, { roles, shopId: shop._id });
    }
    await applications.change(applicationId, decided);
    return { app: { ...pending, ...decided }, shop };
  }, 'POINTS_BUSY');
  return { application: await applicationView(app), shop: shop ? shopView(shop, { points: 0, virtue: 0 }) : null };
});

// 暂停/恢复: a suspended shop keeps its role and its history, but every merchant action refuses. Never one's own shop.
// The shop and its desk (what charges decide by, on its virtue balance) change in one transaction: a charge in
// flight writes the desk too, so it conflicts, retries and is refused.
export const suspend = defineHandler(
  merchantSuspend,
  async ({ shopId, suspend: stop, reason }, { openid, user, request }) => {
    const [found, standing] = await Promise.all([findShop(shopId), shopStanding(shopId)]);
    if (!found || !managesShops(user, found)) throw new DomainError('SHOP_NOT_FOUND');
    assertNotSelf(openid, found.ownerId);
    const changes = { status: stop ? 'suspended' : 'active', suspendReason: stop ? reason : null, updatedAt: new Date() } as const;
    const output = { shop: shopView({ ...found, ...changes }, standing) };
    return transact(
      async (tx) => {
        await tableIn(tx, collections.shops).change(shopId, changes);
        await markDeskIn(tx, shopId, changes.status);
        return output;
      },
      { busy: 'POINTS_BUSY', record: { request } },
    );
  },
  { record: 'inTransaction' },
);
