import { ok, type useEmulator } from './call';
import { databaseOf } from './ledger-fixture';
import { fang, merchant, sun, tang } from './personas';

type Env = ReturnType<typeof useEmulator>;
let serial = 0;

/** What the merchant tests do over and over: give a resident virtue points, show a code, charge it. */
export function merchantKit(env: Env) {
  const { call } = env;
  const next = (prefix: string) => `${prefix}-${++serial}-${Date.now()}`;
  return {
    /** Staff credit virtue points (美德信用积分), the kind merchants take. */
    giveVirtue: async (openid: string, amount: number) =>
      ok(await call(sun, 'points.award', { openid, asset: 'virtue', amount, reason: '测试发放' }, next('virtue'))),
    /** The resident's points code as the QR carries it. */
    codeOf: async (openid: string): Promise<string> => ok(await call(openid, 'points.issueCode', {}, next('code'))).token,
    charge: (merchant: string, token: string, points: number, note = '', requestId = next('charge')) =>
      call(merchant, 'merchant.charge', { token, points, note }, requestId),
    virtueOf: async (openid: string): Promise<number> =>
      ok(await call(openid, 'points.balance')).balances.find((b: { asset: string }) => b.asset === 'virtue').balance,
    /** Virtue points the merchant's shop has taken, net of refunds. */
    takenBy: async (merchant: string): Promise<number> => ok(await call(merchant, 'merchant.mine')).shop.virtue,
    holdsOf: async (openid: string) => ok(await call(openid, 'points.pendingHolds')).items,
  };
}

/**
 * What the tests of charges without a transaction read underneath the calls: the documents themselves, the marks left
 * on the residents' balances and the shops' desks, and the desks moved onto the shops' balances.
 */
export function chargeDocs(env: Env) {
  const kit = merchantKit(env);
  const docOf = async (collection: string, id: string): Promise<any> => (await databaseOf(env.emu).collection(collection).doc(id).get()).data ?? null;
  const residentDoc = (openid: string) => docOf('balances', `user:${openid}|virtue|0`);
  const deskDoc = (shopId: string) => docOf('balances', `shop:${shopId}|virtue|0`);
  return {
    docOf,
    residentDoc,
    deskDoc,
    /** No mark is left on the residents' balances or the shops' desks: every charge was decided and its work done. */
    expectNoMarks: async (openids: string[]): Promise<void> => {
      for (const openid of openids) expect((await residentDoc(openid))?.pendingCount ?? 0).toBe(0);
      for (const shop of ['shop-zhouji', 'shop-fangji']) expect((await deskDoc(shop))?.deskPendingCount ?? 0).toBe(0);
    },
    /** The shops' desks kept on their balances, as every charge after a shop's first finds them. */
    desksMoved: async (): Promise<void> => {
      await kit.giveVirtue(tang, 20);
      ok(await kit.charge(merchant, await kit.codeOf(tang), 1));
      ok(await kit.charge(fang, await kit.codeOf(tang), 1));
    },
  };
}
