import { merchantMine, merchantSetRules } from '../../src/shared/contract';
import { defaultMerchantRules, type MerchantRules } from '../../src/shared/domain/merchant';
import { defineHandler } from '../_lib/platform/handler';
import { collections } from '../_lib/platform/runtime';
import { forgetPointRules } from '../_lib/ledger/point-rules';
import { findShop, merchantRules, shopStanding, shopView } from '../_lib/ledger/shops';
import { transact } from '../_lib/platform/transact';
import { tableIn } from '../_lib/platform/typed-db';
import { applicationIdOf, applicationView, findApplication } from './applications';

// 我的店铺: where an applicant sees their application, and a merchant their shop, its points and its QR.
export const mine = defineHandler(merchantMine, async (_input, { openid, user }) => {
  const [app, shop, rules] = await Promise.all([
    findApplication(applicationIdOf(openid)),
    user.shopId ? findShop(user.shopId) : null,
    merchantRules(user.communityId),
  ]);
  return {
    application: app ? await applicationView(app) : null,
    shop: shop ? shopView(shop, await shopStanding(shop._id)) : null,
    rules,
  };
});

/**
 * 核销上限: stored in the community's point_rules document beside the other point rules, so it is read
 * and written whole in one transaction rather than replaced.
 */
export const setRules = defineHandler(merchantSetRules, async (changes, { openid, user }) => {
  const saved = await transact(async (tx) => {
    const rules = tableIn(tx, collections.pointRules);
    const doc = await rules.get(user.communityId);
    const { _id: _ignored, ...others } = doc ?? { _id: user.communityId };
    const merchant: MerchantRules = { ...defaultMerchantRules, ...others.merchant, ...changes };
    await rules.set(user.communityId, { ...others, merchant, updatedAt: new Date(), updatedBy: openid });
    return merchant;
  }, 'POINTS_BUSY');
  forgetPointRules(user.communityId);
  return saved;
});
