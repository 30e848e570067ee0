import { ok, useEmulator } from './call';
import { databaseOf } from './ledger-fixture';
import { consent, ramp, sent } from './petition-fixtures';
import { li, liu, wang } from './personas';
import { rid } from './points-helpers';

/**
 * The consent the filing tap accepted travels with the case (issue 10: petition.accept read the reporter's one-time
 * grant on every move): petition.create carries `accepted`, the case keeps one progress notice for whoever tapped, and
 * the move that tells them spends it in its own transaction — no grant is read. Co-signers, and cases filed by a
 * client that asked nothing, go by the grants of notify.subscribe as before.
 */
const env = useEmulator();
const { call } = env;
const PROGRESS = 'petition-progress';

const caseDoc = async (id: string) => (await databaseOf(env.emu).collection('petitions').doc(id).get()).data as any;
const grantOf = async (openid: string) =>
  (
    (
      await databaseOf(env.emu)
        .collection('subscriptions')
        .where({ _id: `${openid}:${PROGRESS}` })
        .get()
    ).data as any[]
  )[0] ?? null;
const toWang = async () => (await sent(env.emu, PROGRESS)).filter((m) => m.touser === wang).map((m) => m.data.phrase2.value);

/** The DB requests of the newest call of `action` (the emulator's meter). */
async function lastCost(action: string): Promise<number> {
  const record = [...(await env.emu.meter(20))].reverse().find((r) => r.action === action && r.parentId === null);
  return record!.dbRequests;
}

describe('the reporter’s consent kept on the case', () => {
  it('accepted on the filing tap: the first move tells her without any grant on record, and spends it', async () => {
    const id = ok(await call(wang, 'petition.create', { ...ramp, accepted: [PROGRESS] }, rid('consent-file', 1))).petition.id;
    expect((await caseDoc(id)).progressConsent).toEqual({ reporter: 1, filer: null });
    expect(await grantOf(wang)).toBeNull();

    ok(await call(liu, 'petition.accept', { petitionId: id }, rid('consent-accept', 1)));
    expect(await toWang()).toEqual(['已受理']);
    expect((await caseDoc(id)).progressConsent).toEqual({ reporter: 0, filer: null });
    // A retry replays the reply: nothing is spent or sent again.
    ok(await call(liu, 'petition.accept', { petitionId: id }, rid('consent-accept', 1)));
    // One tap, one notice: the next step tells her nothing, and takes nothing given for other cases.
    await consent(call, wang, 1);
    ok(await call(liu, 'petition.escalate', { petitionId: id, reason: '坡道需要社区统一维修' }, rid('consent-escalate', 1)));
    expect(await toWang()).toEqual(['已受理']);
    expect(await grantOf(wang)).toMatchObject({ remaining: 1 });
  });

  it('declined on the tap: she is told nothing and her grants from elsewhere stay; no grant is read either way', async () => {
    await consent(call, wang, 1);
    // Warm the grid worker's instance and her balance on a first case, then compare a declined and an accepted one.
    const warm = ok(await call(wang, 'petition.create', { ...ramp, accepted: [] }, rid('consent-file', 2))).petition.id;
    ok(await call(liu, 'petition.accept', { petitionId: warm }, rid('consent-accept', 2)));
    const declined = ok(await call(wang, 'petition.create', { ...ramp, accepted: [] }, rid('consent-file', 3))).petition.id;
    const accepted = ok(await call(wang, 'petition.create', { ...ramp, accepted: [PROGRESS] }, rid('consent-file', 4))).petition.id;

    ok(await call(liu, 'petition.accept', { petitionId: declined }, rid('consent-accept', 3)));
    const silent = await lastCost('petition.accept');
    expect(await toWang()).toEqual([]);
    expect(await grantOf(wang)).toMatchObject({ remaining: 1 });
    ok(await call(liu, 'petition.accept', { petitionId: accepted }, rid('consent-accept', 4)));
    // Telling her costs only the send's outcome, written to the call's retry record after the commit.
    expect(await lastCost('petition.accept')).toBe(silent + 1);
    expect(await toWang()).toEqual(['已受理']);
    expect(await grantOf(wang)).toMatchObject({ remaining: 1 });
    expect(silent).toBeLessThanOrEqual(8);
  });

  it('a client that asked nothing files as before: her grants given through notify.subscribe are read and spent', async () => {
    const id = ok(await call(wang, 'petition.create', ramp, rid('consent-file', 5))).petition.id;
    expect((await caseDoc(id)).progressConsent).toBeUndefined();
    await consent(call, wang, 1);
    ok(await call(liu, 'petition.accept', { petitionId: id }, rid('consent-accept', 5)));
    expect(await toWang()).toEqual(['已受理']);
    expect(await grantOf(wang)).toMatchObject({ remaining: 0 });
  });

  it('代办: the helper’s tap is his own consent, kept for him; his parent is told under her own grants', async () => {
    const asking = { parentName: '王秀英', parentPhone: '13800001001', relation: '儿子' };
    const bindingId = ok(await call(li, 'helper.request', asking, rid('consent-helper', 1))).binding.id;
    ok(await call(wang, 'helper.consent', { bindingId }, rid('consent-helper', 2)));
    const onBehalfOf = { helperBinding: bindingId };
    const id = ok(await call(li, 'petition.create', { ...ramp, onBehalfOf, accepted: [PROGRESS] }, rid('consent-file', 6))).petition.id;
    expect((await caseDoc(id)).progressConsent).toEqual({ reporter: null, filer: 1 });
    await consent(call, wang, 1);
    ok(await call(liu, 'petition.accept', { petitionId: id }, rid('consent-accept', 6)));
    const told = (await sent(env.emu, PROGRESS)).map((m) => m.touser).sort();
    expect(told).toEqual([li, wang].sort());
    expect((await caseDoc(id)).progressConsent).toEqual({ reporter: null, filer: 0 });
    expect(await grantOf(wang)).toMatchObject({ remaining: 0 });
    expect(await grantOf(li)).toBeNull();
  });
});
