import type { TestEmulator } from '../helpers/emulator';
import { ok, type useEmulator } from './call';
import { admin, sun } from './personas';

type Env = ReturnType<typeof useEmulator>;
let serial = 0;

/** What the points tests do over and over: staff credit someone, read a balance, check the books. */
export function pointsKit(env: Env) {
  const { call } = env;
  return {
    /** Staff award, each under a fresh requestId. */
    award: async (openid: string, amount: number, asset = 'volunteer') =>
      ok(await call(sun, 'points.award', { openid, asset, amount, reason: '测试发放' }, `test-award-${++serial}-${Date.now()}`)),
    balanceOf: async (openid: string, asset = 'volunteer'): Promise<number> =>
      ok(await call(openid, 'points.balance')).balances.find((b: { asset: string }) => b.asset === asset).balance,
    /** The books balance: every cached balance equals the sum of its postings. */
    expectReconciled: async () => expect(ok(await call(sun, 'points.reconcile')).differences).toEqual([]),
  };
}

/** The points mall as its callers use it: the shelf as the admin sees it, a new item, an order. */
export function mallKit(env: Env) {
  const { call } = env;
  return {
    stockOf: async (itemId: string): Promise<number> =>
      ok(await call(admin, 'mall.listItems')).items.find((i: { id: string }) => i.id === itemId).stock,
    newItem: async (stock: number, price = 10): Promise<string> =>
      ok(await call(admin, 'mall.setItem', { name: '限量环保袋', price, asset: 'volunteer', stock }, `test-item-${++serial}-${Date.now()}`)).item.id,
    order: (openid: string, itemId: string, requestId: string, qty = 1) => call(openid, 'mall.order', { itemId, qty }, requestId),
  };
}

/** No query of the calls so far would be a collection scan on WeChat Cloud. */
export async function expectCovered(emu: TestEmulator): Promise<void> {
  expect((await emu.meter()).flatMap((r) => r.uncovered)).toEqual([]);
}

/** A requestId for the n-th of a crowd of calls. */
export const rid = (prefix: string, n: number | string) => `${prefix}-${String(n).padStart(4, '0')}`;
