import { DEMO_OPEN311_KEY } from '../../scripts/emulator/seed';
import { ok, useEmulator } from './call';
import { databaseOf } from './ledger-fixture';
import { admin, sun } from './personas';

/**
 * Issue 15, 热线对接: the district admin adds an Open311 partner, issues and replaces its API key (shown once, only
 * its hash kept) and switches it off and on; the keys are tried through the emulator's HTTP access path
 * (/open311/v2/…) as the partner's system calls it.
 */
const env = useEmulator();
const { call } = env;
const district = 'o-district-admin';
const MINUTE = 60_000;
let serial = 0;
const rid = () => `o311-admin-${++serial}-${process.pid}`;
const refused = (reply: any, code: string) => expect(reply).toMatchObject({ ok: false, code });

async function districtAdmin(): Promise<void> {
  await databaseOf(env.emu)
    .collection('users')
    .doc(district)
    .set({
      data: {
        name: '区管理员',
        phone: '13900009002',
        roles: ['admin'],
        adminScope: 'district',
        streetId: '',
        communityId: '',
        gridId: null,
        buildingId: null,
        room: null,
        birthYear: 1980,
        createdAt: new Date(),
      },
    });
}

/**
 * A reset restores the data, not the function instances: what an earlier test left warm in the open311 instance (a
 * partner kept for a minute of the emulator's clock, which that test moved on) lapses once the clock is past it.
 */
const lapseWarm = () => env.emu.clock({ advanceMs: 10 * MINUTE });

async function file(apiKey: string, externalId: string) {
  const res = await fetch(`${env.emu.url}/open311/v2/requests.json`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ api_key: apiKey, service_code: 'environment', description: '小区东门外垃圾堆了三天没人清', external_id: externalId }),
  });
  return { status: res.status, json: (await res.json()) as any };
}

async function listed(apiKey: string) {
  const res = await fetch(`${env.emu.url}/open311/v2/requests.json?api_key=${encodeURIComponent(apiKey)}`);
  return { status: res.status, json: (await res.json()) as any };
}

/** Every document of the collections a key could have been written to, as text. */
async function stored(): Promise<string> {
  const db = databaseOf(env.emu);
  const docs = await Promise.all(['open311_partners', 'requests', 'messages'].map(async (c) => (await db.collection(c).limit(1000).get()).data));
  return JSON.stringify(docs);
}

async function lastRecord(action: string) {
  const record = (await env.emu.meter(20)).filter((r) => r.action === action).at(-1)!;
  expect(record).toMatchObject({ ok: true, uncovered: [] });
  return record;
}

describe('热线对接 (hotline.partners, savePartner, rotateKey)', () => {
  it('the district admin adds a partner and issues its key, shown once; a replaced key is refused, the partner’s cases stay its own', async () => {
    await districtAdmin();
    const first = ok(await call(district, 'hotline.partners'));
    expect((await lastRecord('hotline.partners')).dbRequests).toBeLessThanOrEqual(3);
    expect(first.partners).toEqual([
      expect.objectContaining({
        id: 'o311-12345',
        name: '12345热线',
        placeName: '青石街道 梧桐社区',
        active: true,
        key: expect.objectContaining({ tail: '-key' }),
      }),
    ]);
    expect(first.communities).toContainEqual({ id: 'community-wutong', name: '梧桐社区', streetName: '青石街道' });

    // Added: no key yet. The same submission again is the same partner, changed once.
    const add = rid();
    const { partner } = ok(await call(district, 'hotline.savePartner', { name: '区数字城管', communityId: 'community-wutong' }, add));
    expect((await lastRecord('hotline.savePartner')).dbRequests).toBeLessThanOrEqual(8);
    expect(partner).toMatchObject({
      name: '区数字城管',
      placeName: '青石街道 梧桐社区',
      active: true,
      key: null,
      log: [{ byName: '区管理员', what: 'created' }],
    });
    expect(ok(await call(district, 'hotline.savePartner', { name: '区数字城管', communityId: 'community-wutong' }, add)).partner).toEqual(partner);
    expect(ok(await call(district, 'hotline.partners')).partners.map((p: any) => p.name)).toEqual(['12345热线', '区数字城管']);

    // Its key, this once; a retry of the same call issues no other and shows none.
    const issue = rid();
    const issued = ok(await call(district, 'hotline.rotateKey', { partnerId: partner.id }, issue));
    expect((await lastRecord('hotline.rotateKey')).dbRequests).toBeLessThanOrEqual(8);
    const key: string = issued.key;
    expect(key).toMatch(/^o311_[\w-]{32}$/);
    expect(issued.partner).toMatchObject({ key: { tail: key.slice(-4) }, log: [{ what: 'key' }, { what: 'created' }] });
    const again = ok(await call(district, 'hotline.rotateKey', { partnerId: partner.id }, issue));
    expect(again).toEqual({ partner: issued.partner, key: null });
    expect(await stored()).not.toContain(key);

    // The key files a case through the HTTP path and reads it back.
    const filed = await file(key, 'CG-0001');
    expect(filed.status).toBe(201);
    const caseId = filed.json[0].service_request_id;
    expect((await listed(key)).json.map((r: any) => r.service_request_id)).toEqual([caseId]);

    // Replaced: the new key works at once; the old one, once the minute a warm instance keeps it has passed, gets 403.
    const next: string = ok(await call(district, 'hotline.rotateKey', { partnerId: partner.id }, rid())).key;
    expect(next).not.toBe(key);
    expect((await listed(next)).json.map((r: any) => r.service_request_id)).toEqual([caseId]);
    await env.emu.clock({ advanceMs: MINUTE + 1000 });
    expect(await file(key, 'CG-0002')).toEqual({ status: 403, json: [{ code: 403, description: 'invalid api_key' }] });
    expect((await listed(key)).status).toBe(403);
    expect((await file(next, 'CG-0002')).status).toBe(201);

    // The demo hotline's key replaced too: its cases filed under the old key are read with the new one.
    const hotline = await file(DEMO_OPEN311_KEY, 'HL-0001');
    expect(hotline.status).toBe(201);
    const hotlineKey: string = ok(await call(district, 'hotline.rotateKey', { partnerId: 'o311-12345' }, rid())).key;
    await env.emu.clock({ advanceMs: MINUTE + 1000 });
    expect((await listed(DEMO_OPEN311_KEY)).status).toBe(403);
    expect((await listed(hotlineKey)).json.map((r: any) => r.service_request_id)).toEqual([hotline.json[0].service_request_id]);
    expect(await stored()).not.toMatch(new RegExp(`${next}|${hotlineKey}`));
    expect((await env.emu.meter()).flatMap((r) => r.uncovered)).toEqual([]);
  });

  it('a partner switched off is refused as a bad key is, and works again switched on; the log says who did what', async () => {
    await districtAdmin();
    await lapseWarm();
    const off = ok(
      await call(
        district,
        'hotline.savePartner',
        { partnerId: 'o311-12345', name: '12345热线', communityId: 'community-wutong', active: false },
        rid(),
      ),
    );
    expect(off.partner).toMatchObject({ active: false, log: [{ byName: '区管理员', what: 'disabled', at: expect.any(String) }] });
    await env.emu.clock({ advanceMs: MINUTE + 1000 });
    expect((await file(DEMO_OPEN311_KEY, 'HL-0100')).status).toBe(403);
    const on = ok(
      await call(district, 'hotline.savePartner', { partnerId: 'o311-12345', name: '12345市民热线', communityId: 'community-wutong' }, rid()),
    );
    expect(on.partner).toMatchObject({ name: '12345市民热线', active: true, log: [{ what: 'enabled' }, { what: 'disabled' }] });
    await env.emu.clock({ advanceMs: MINUTE + 1000 });
    expect((await file(DEMO_OPEN311_KEY, 'HL-0100')).status).toBe(201);
  });

  it('only the district admin manages partners: a street admin, staff, an unknown partner or a place that is no community change nothing', async () => {
    await districtAdmin();
    await lapseWarm();
    const before = ok(await call(district, 'hotline.partners'));
    refused(await call(admin, 'hotline.partners'), 'DISTRICT_SETTING');
    refused(await call(admin, 'hotline.savePartner', { name: '街道热线', communityId: 'community-wutong' }, rid()), 'DISTRICT_SETTING');
    refused(await call(admin, 'hotline.rotateKey', { partnerId: 'o311-12345' }, rid()), 'DISTRICT_SETTING');
    refused(await call(sun, 'hotline.rotateKey', { partnerId: 'o311-12345' }, rid()), 'FORBIDDEN_ROLE');
    refused(await call(sun, 'hotline.partners'), 'FORBIDDEN_ROLE');
    refused(await call(district, 'hotline.rotateKey', { partnerId: 'o311-none' }, rid()), 'OPEN311_PARTNER_NOT_FOUND');
    refused(
      await call(district, 'hotline.savePartner', { partnerId: 'o311-none', name: '不存在', communityId: 'community-wutong' }, rid()),
      'OPEN311_PARTNER_NOT_FOUND',
    );
    refused(await call(district, 'hotline.savePartner', { name: '网格热线', communityId: 'grid-1' }, rid()), 'ORG_UNIT_NOT_FOUND');
    refused(await call(district, 'hotline.savePartner', { name: '热', communityId: 'community-wutong' }, rid()), 'BAD_INPUT');
    expect(ok(await call(district, 'hotline.partners'))).toEqual(before);
    expect((await listed(DEMO_OPEN311_KEY)).status).toBe(200);
  });
});
