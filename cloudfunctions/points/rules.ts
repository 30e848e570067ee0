import { pointsRules, pointsSetRules } from '../../src/shared/contract';
import { defaultPointRules, type PointRules } from '../../src/shared/domain/point-rules';
import { defineHandler } from '../_lib/platform/handler';
import { forgetPointRules, loadPointRules } from '../_lib/ledger/point-rules';
import { collections } from '../_lib/platform/runtime';
import { transact } from '../_lib/platform/transact';
import { tableIn } from '../_lib/platform/typed-db';

const view = (rules: PointRules) => ({ expiryDays: rules.expiryDays, updatedAt: rules.updatedAt ? new Date(rules.updatedAt).toISOString() : null });

export const rules = defineHandler(pointsRules, async (_input, { user }) => view(await loadPointRules(user.communityId)));

/**
 * 积分有效期: changes only the kinds named. The document also holds the wish award rule, so it is read and
 * written whole in one transaction rather than replaced.
 */
export const setRules = defineHandler(pointsSetRules, async ({ expiryDays }, { openid, user }) => {
  const next = await transact(async (tx) => {
    const pointRules = tableIn(tx, collections.pointRules);
    const doc = await pointRules.get(user.communityId);
    const { _id: _ignored, ...others } = doc ?? { _id: user.communityId };
    const merged: PointRules = {
      expiryDays: { ...defaultPointRules.expiryDays, ...others.expiryDays, ...expiryDays },
      updatedAt: new Date(),
      updatedBy: openid,
    };
    await pointRules.set(user.communityId, { ...others, ...merged });
    return merged;
  }, 'POINTS_BUSY');
  forgetPointRules(user.communityId);
  return view(next);
});
