import { merchantCharge, merchantRefund, merchantScan, merchantVerifyLevel } from '../../src/shared/contract';
import { DomainError } from '../../src/shared/domain/errors';
import { account, spendable, virtueLevel } from '../../src/shared/domain/ledger';
import { shopDay, type ShopDesk } from '../../src/shared/domain/merchant';
import { chargeIdOf, type Charge } from '../../src/shared/domain/merchant-charge';
import { assertFresh, assertUnused, type CodeClaims } from '../../src/shared/domain/points-code';
import { customer, nameFor } from '../../src/shared/domain/privacy';
import { dayCst } from '../../src/shared/domain/time';
import { chargeNow, refundCharge } from '../_lib/ledger/charge-ledger';
import { chargeInFlight, chargeReserved } from '../_lib/ledger/quick-charge';
import { charges, chargeView, residentDay } from '../_lib/ledger/charges';
import { defineHandler } from '../_lib/platform/handler';
import { balancesOf } from '../_lib/ledger';
import { openCode, sealedClaims } from '../_lib/ledger/points-code';
import { _, collections } from '../_lib/platform/runtime';
import { assertOpen, deskIn, openDeskOf, saveDeskIn } from '../_lib/ledger/shop-desk';
import { activeShopOf, merchantRules } from '../_lib/ledger/shops';
import { transact } from '../_lib/platform/transact';
import { table, tableIn } from '../_lib/platform/typed-db';

/**
 * The resident behind a scanned code, as the merchant may see them: surname, level and spendable points. A code
 * a merchant has charged is refused (its use is kept on the resident's virtue balance, read here anyway).
 */
async function residentOf(code: CodeClaims, merchantId: string, shop: Pick<ShopDesk, 'communityId'>, now: Date) {
  if (code.openid === merchantId) throw new DomainError('MERCHANT_OWN_CODE');
  if (code.communityId !== shop.communityId) throw new DomainError('MERCHANT_OTHER_COMMUNITY');
  const virtue = (await balancesOf(account.user(code.openid))).get('virtue');
  assertUnused(virtue?.usedCodes, code.codeId);
  const level = virtueLevel(virtue?.lifetimeIn ?? 0);
  return {
    resident: { name: nameFor(code.name, customer), level: { stars: level.stars, name: level.name } },
    balance: virtue ? Math.min(virtue.balance, spendable(virtue.lots, now)) : 0,
    spentToday: residentDay(virtue, dayCst(now)).total,
  };
}

const insufficient = '居民的美德信用积分不足，未扣分';

/** How long a twin of a charge on its way (chargeReserved: its code taken, the charge not yet written) waits for it. */
const TWIN_WAIT_MS = 2_000;

/**
 * The charge of this code, for a retry: as written, or — taken by a twin of the call still on its way — once it is
 * written (a short wait). A twin that outwaits it is told to try again, never that the code is used: that charge
 * may yet fail, and then nothing is posted.
 * The twin's mark goes only after its charge is written, so a charge not found and then no mark means the twin
 * finished between the two reads (seen in a double tap raced under load): the charge is read again.
 */
async function madeBy(code: CodeClaims): Promise<Charge | null> {
  const id = chargeIdOf(code.codeId);
  const made = await charges().get(id);
  if (made) return made;
  if (!(await chargeInFlight(code.openid, code.codeId))) return charges().get(id);
  for (const started = Date.now(); Date.now() - started < TWIN_WAIT_MS;) {
    await new Promise((resolve) => setTimeout(resolve, 200));
    const written = await charges().get(id);
    if (written) return written;
  }
  throw new DomainError('POINTS_BUSY');
}

// 扫码: who it is and what they can spend; the code stays usable for the charge that follows.
export const scan = defineHandler(merchantScan, async ({ token }, { openid, user }) => {
  const now = new Date();
  const code = openCode(token, now);
  const shop = await openDeskOf(user);
  const shopToday = shopDay(shop, dayCst(now)).total;
  const [{ resident, balance, spentToday }, rules] = await Promise.all([residentOf(code, openid, shop, now), merchantRules(shop.communityId)]);
  const dailyLeft = Math.max(0, Math.min(rules.shopDaily - shopToday, rules.residentDaily - spentToday));
  return { resident, balance, perCharge: rules.perCharge, dailyLeft, expiresAt: new Date(code.expiresAt).toISOString() };
});

/**
 * 核销: the code, the caps, the payment and the charge in one transaction (charge-ledger.ts chargeNow), which
 * refuses a charge the balance cannot cover before anything is taken. The token's seal and expiry are checked
 * first, without a read. The charge is the call's retry record (`effect`): a retry finds the code taken by the
 * charge this requestId made, and is answered with that charge as it stands.
 */
export const charge = defineHandler(
  merchantCharge,
  async ({ token, points, note }, { openid, user, requestId }) => {
    const now = new Date();
    if (!user.shopId) throw new DomainError('MERCHANT_NO_SHOP');
    const code = sealedClaims(token);
    try {
      assertFresh(code, now);
      const req = { code, shopId: user.shopId, merchantId: openid, points, note, requestId: requestId ?? null };
      const made = (await chargeReserved(req, now)) ?? (await chargeNow(req, now));
      return { charge: chargeView(made, new Date()) };
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      if (error.code === 'POINTS_INSUFFICIENT') throw new DomainError('POINTS_INSUFFICIENT', insufficient);
      // A retry of a charge that was made (its code now taken, or expired since) is answered with that charge.
      if (!requestId || (error.code !== 'POINTS_CODE_USED' && error.code !== 'POINTS_CODE_EXPIRED')) throw error;
      const made = await madeBy(code);
      if (made?.merchantId !== openid || made.requestId !== requestId) throw error;
      return { charge: chargeView(made, new Date()) };
    }
  },
  { record: 'effect' },
);

// 核验等级: for a "信用+" discount; recorded once per code and shop (and counted in the shop's day), takes nothing.
export const verifyLevel = defineHandler(merchantVerifyLevel, async ({ token }, { openid, user }) => {
  const now = new Date();
  const code = openCode(token, now);
  const checkId = `${user.shopId}:${code.codeId}`;
  try {
    return await transact(async (tx) => {
      const shop = await deskIn(tx, user.shopId);
      const { resident } = await residentOf(code, openid, assertOpen(shop.desk), now);
      // Inserted: a second check of the same code fails here and counts nothing.
      await tableIn(tx, collections.merchantChecks).add({
        _id: checkId,
        shopId: shop.shopId,
        residentId: code.openid,
        merchantId: openid,
        level: resident.level.stars,
        at: now,
      });
      const day = shopDay(shop.desk, dayCst(now));
      await saveDeskIn(tx, shop, { ...shop.desk, today: { ...day, checks: day.checks + 1 } }, false);
      return { resident, checkedAt: now.toISOString() };
    }, 'POINTS_BUSY');
  } catch (error) {
    if (error instanceof DomainError || !(await table(collections.merchantChecks).get(checkId))) throw error;
    const { resident } = await residentOf(code, openid, await openDeskOf(user), now);
    return { resident, checkedAt: now.toISOString() };
  }
});

export const refund = defineHandler(merchantRefund, async ({ chargeId, reason }, { user }) => {
  const shop = await activeShopOf(user);
  return { charge: chargeView(await refundCharge(chargeId, shop._id, reason), new Date()) };
});
