import { join } from 'node:path';
import { Store } from '../../emulator/src/db/store';
import { chargePostingIds } from '../../src/shared/domain/merchant-charge';
import { startEmulator, type TestEmulator } from '../helpers/emulator';
import { caller, newWish, ok } from './call';
import { measureMainFlows } from './cost-flows';
import { databaseOf } from './ledger-fixture';
import { merchantKit } from './merchant-helpers';
import { liu, merchant, wang, zhao } from './personas';

/**
 * Issue 18, migrations: a data directory written by the previous release — grid workers with a `gridId` and no
 * `workGrids` (before issue 12), no `migrations` record — is brought up to date by the `migrate` function when the
 * emulator starts on it, before it serves; the flows that depend on the new shape then work. A finished step never
 * runs again, a step resumes from its cursor, and the mini-program cannot call the function.
 */
let emu: TestEmulator;
const call = caller(() => emu);
const { giveVirtue, codeOf, charge } = merchantKit({ call } as Parameters<typeof merchantKit>[0]);

beforeAll(async () => {
  emu = await startEmulator();
});
afterAll(() => emu?.stop());

/** Stops the emulator, rewrites its store as `change` says (as an older release would have left it), starts it again. */
async function restartOn(change: (store: Store) => void): Promise<void> {
  await emu.kill('SIGTERM');
  const store = new Store(join(emu.dataDir, 'db.sqlite'));
  try {
    change(store);
  } finally {
    store.close();
  }
  await emu.restart();
}

/** The previous release's grid worker: no `workGrids`. */
function withoutWorkGrids(store: Store, id: string): void {
  const { workGrids: _dropped, ...old } = store.get('users', id)!.doc as Record<string, unknown>;
  store.apply([{ coll: 'users', id, doc: old }]);
}

const userOf = async (id: string) => (await databaseOf(emu).collection('users').doc(id).get()).data;
const recordOf = async (id: string) => (await databaseOf(emu).collection('migrations').doc(id).get()).data;
const queue = async (who: string) => ok(await call(who, 'wish.listQueue', { kind: 'review' })).items.map((w: { id: string }) => w.id);

describe('migrations', () => {
  it('an old data directory is migrated at start, and a resident’s wish reaches her grid worker again', async () => {
    await restartOn((store) => {
      withoutWorkGrids(store, liu);
      withoutWorkGrids(store, zhao);
    });
    expect((await userOf(liu)).workGrids).toEqual(['grid-1']);
    expect((await userOf(zhao)).workGrids).toEqual(['grid-2']);
    expect(await recordOf('001-work-grids')).toMatchObject({ cursor: null, changed: 2, lastError: null, finishedAt: expect.anything() });
    // Every query it made is covered by an index (the meter holds the start's invocations).
    const runs = (await emu.meter()).filter((r) => r.function === 'migrate');
    expect(runs.length).toBeGreaterThan(0);
    expect(runs.flatMap((r) => r.uncovered)).toEqual([]);

    const id = ok(await call(wang, 'wish.create', newWish, `migrate-wish-${process.pid}`)).wish.id;
    expect(await queue(liu)).toContain(id);
    expect(await queue(zhao)).not.toContain(id);
    // And she is told of it (the grid workers of grid-1 are found by workGrids).
    const told = ((await emu.outbox()) as { touser: string; page: string }[]).filter((m) => m.touser === liu && String(m.page).includes(id));
    expect(told).toHaveLength(1);
  });

  it('every main flow works on the migrated directory: the flows db-cost measures, each answered ok, twice', async () => {
    const flows = await measureMainFlows(emu);
    expect(flows.length).toBeGreaterThan(100);
    expect(flows.filter((f) => f.flagged > 0).map((f) => f.label)).toEqual([]);
  }, 240_000);

  it('a finished step never runs again; a call with a caller, or with another action, is refused', async () => {
    expect(await emu.invoke('migrate', { action: 'migrate.run' })).toEqual({ ok: true, data: { done: true, ran: [] } });
    expect(await emu.invoke('migrate', { action: 'migrate.status' })).toEqual({ ok: true, data: { pending: [] } });
    expect(await emu.invoke('migrate', { action: 'migrate.status' }, wang)).toMatchObject({ ok: false, code: 'FORBIDDEN_ROLE' });
    expect(await emu.invoke('migrate', { action: 'migrate.run' }, wang)).toMatchObject({ ok: false, code: 'FORBIDDEN_ROLE' });
    expect(await emu.invoke('migrate', { action: 'wish.create' })).toMatchObject({ ok: false, code: 'UNKNOWN_ACTION' });
    // Dressed as a timer, it is no timer either.
    expect(await emu.invoke('migrate', { Type: 'timer', TriggerName: 'x' }, wang)).toMatchObject({ ok: false, code: 'FORBIDDEN_ROLE' });
  });

  it('a step that failed part-way resumes from its cursor, not from the start', async () => {
    const at = new Date();
    await restartOn((store) => {
      withoutWorkGrids(store, liu);
      withoutWorkGrids(store, zhao);
      // Its last call finished the page ending at 刘芳 (demo-grid-liu), then failed.
      const record = {
        _id: '001-work-grids',
        what: 'x',
        startedAt: at,
        finishedAt: null,
        cursor: liu,
        changed: 5,
        pages: 1,
        lastError: 'Error: boom',
        updatedAt: at,
      };
      store.apply([{ coll: 'migrations', id: record._id, doc: record }]);
    });
    // 赵强 comes after the cursor and is migrated; 刘芳 was behind it, so this run did not look at her again.
    expect((await userOf(zhao)).workGrids).toEqual(['grid-2']);
    expect((await userOf(liu)).workGrids).toBeUndefined();
    expect(await recordOf('001-work-grids')).toMatchObject({ cursor: null, changed: 6, pages: 2, lastError: null, finishedAt: expect.anything() });
  });

  it('points back from a refused hold stop counting as lifetime credit (the virtue level), once', async () => {
    await giveVirtue(wang, 120);
    // A hold through escrow, the one this step is about: the transaction makes it for a shop whose desk is not on its
    // balance yet (every hold was one when the step was written; a hold kept on the balance posts no return at all).
    const db = databaseOf(emu);
    await db
      .collection('balances')
      .doc('shop:shop-zhouji|virtue|0')
      .update({ data: { desk: db.command.remove() } });
    // 60: above the per-charge cap, within what the main flows above left of wang's day (they confirm a hold of 60).
    const held = ok(await charge(merchant, await codeOf(wang), 60, '米面粮油')).charge;
    expect(held).toMatchObject({ mode: 'hold', status: 'awaiting' });
    ok(await call(wang, 'points.rejectHold', { chargeId: held.id }, `migrate-reject-${process.pid}`));
    const lifetime = async () => ok(await call(wang, 'points.balance')).balances.find((b: { asset: string }) => b.asset === 'virtue').lifetime;
    const right = await lifetime();
    const ids = chargePostingIds(held.id);
    const balance = `user:${wang}|virtue|0`;
    // As the previous release left it: the return was no reversal, and it lifted the lifetime total by 60.
    await restartOn((store) => {
      const back = store.get('postings', ids.back)!.doc;
      const counted = store.get('balances', balance)!.doc as { lifetimeIn: number };
      store.apply([
        { coll: 'postings', id: ids.back, doc: { ...back, reversalOf: null } },
        { coll: 'balances', id: balance, doc: { ...counted, lifetimeIn: counted.lifetimeIn + 60 } },
        // This data dir already ran the step (at the first restart): as if it never had.
        { coll: 'migrations', id: '002-hold-back-lifetime', doc: null },
      ]);
    });
    expect(await lifetime()).toBe(right);
    expect(await recordOf('002-hold-back-lifetime')).toMatchObject({ changed: 1, finishedAt: expect.anything() });
    expect((await databaseOf(emu).collection('postings').doc(ids.back).get()).data.reversalOf).toBe(ids.pay);
    // Run again from the start, it finds the posting marked and takes nothing more off.
    await restartOn((store) => store.apply([{ coll: 'migrations', id: '002-hold-back-lifetime', doc: null }]));
    expect(await lifetime()).toBe(right);
    expect(await recordOf('002-hold-back-lifetime')).toMatchObject({ changed: 0, finishedAt: expect.anything() });
  });
});
