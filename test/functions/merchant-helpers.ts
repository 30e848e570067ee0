import { ok, type useEmulator } from './call';
import { sun } from './personas';

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
