import { settleLots } from '../../src/shared/domain/ledger';
import type { TestEmulator } from '../helpers/emulator';
import { ok, type useEmulator } from './call';
import { databaseOf } from './ledger-fixture';
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
    /** A person's balance document as the ledger keeps it. */
    balanceDoc: (openid: string, asset = 'volunteer') => balanceDocOf(env, openid, asset),
    /** The balance is what its lots hold once the points reserved debits took are taken from them, and no mark is left. */
    expectLotsAgree: async (openid: string, asset = 'volunteer') => {
      const doc = await balanceDocOf(env, openid, asset);
      expect({ held: lotsHeld(doc), pendingCount: doc.pendingCount }).toEqual({ held: doc.balance, pendingCount: 0 });
    },
  };
}

async function balanceDocOf(env: Env, openid: string, asset: string): Promise<any> {
  return (await databaseOf(env.emu).collection('balances').doc(`user:${openid}|${asset}|0`).get()).data;
}

/** What a balance's lots hold once the points reserved debits took (`unsettled`) are taken from them. */
export const lotsHeld = (doc: any): number => settleLots(doc.lots, doc.unsettled ?? 0).reduce((sum, lot) => sum + lot.remaining, 0);

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
