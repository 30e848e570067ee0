import { shopInspect } from '../../src/shared/contract';
import { DomainError } from '../../src/shared/domain/errors';
import { inspectionGrade, inspectionScore } from '../../src/shared/domain/merchant-shop';
import { assertNotSelf } from '../../src/shared/domain/self-dealing';
import { defineHandler } from '../_lib/platform/handler';
import { collections } from '../_lib/platform/runtime';
import { table } from '../_lib/platform/typed-db';
import { findShop, publicShopView, shopPoints } from '../_lib/ledger/shops';
import { submissionKey } from '../_lib/ledger/staff-entry';
import { postShopPoints } from './shop-points';

/**
 * 商铺检查: staff mark the checklist, the score's grade posts or deducts shop points with the inspection as
 * the reason. Keyed by the submission, so a retried form posts once and records one inspection. A staff
 * member who runs a shop never inspects it.
 */
export const inspect = defineHandler(shopInspect, async ({ shopId, checklist, note }, { openid, user, requestId }) => {
  const _id = submissionKey('inspect', openid, requestId);
  const shop = await findShop(shopId);
  if (!shop || shop.communityId !== user.communityId) throw new DomainError('SHOP_NOT_FOUND');
  assertNotSelf(openid, shop.ownerId);
  const score = inspectionScore(checklist);
  const grade = inspectionGrade(score);
  const reason = `社区检查：${grade.name}（${score} 分）${note ? `，${note}` : ''}`;
  const points = await postShopPoints(shop, grade.points, { _id, reason, ref: shopId, by: openid, byName: user.name });
  await table(collections.shopInspections).set(_id, {
    shopId,
    communityId: shop.communityId,
    checklist,
    score,
    grade: grade.name,
    points,
    note,
    by: openid,
    byName: user.name,
    at: new Date(),
  });
  return { inspectionId: _id, score, grade: grade.name, points, shop: publicShopView(shop, await shopPoints(shopId)) };
});
