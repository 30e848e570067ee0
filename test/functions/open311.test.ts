import { DEMO_OPEN311_KEY } from '../../scripts/emulator/seed';
import { ok, useEmulator } from './call';
import { databaseOf } from './ledger-fixture';
import { upload } from './petition-fixtures';
import { liu, sun } from './personas';

/**
 * Issue 15, hotline cases: the 12345 hotline files and reads cases through Open311 GeoReport v2 over the emulator's
 * HTTP access path (/open311/v2/…), as CloudBase's HTTP access serves the open311 function when deployed.
 */
const env = useEmulator();
const key = DEMO_OPEN311_KEY;

async function http(method: 'GET' | 'POST', path: string, body?: string, type = 'application/json') {
  const res = await fetch(`${env.emu.url}/open311/v2/${path}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': type },
    body,
  });
  return { status: res.status, type: res.headers.get('content-type'), json: (await res.json()) as any };
}
const post = (fields: Record<string, unknown>) => http('POST', 'requests.json', JSON.stringify(fields));

const ramp = {
  api_key: key,
  service_code: 'accessibility',
  description: '2号楼门口的无障碍坡道塌了一块，轮椅推不上去',
  address_id: 'building-2',
  address_string: '1单元门口',
  first_name: '大爷',
  last_name: '周',
  phone: '13900001111',
  external_id: 'HL-2026-0001',
};

function expectErrorShape(json: unknown, code: number) {
  expect(json).toEqual([{ code, description: expect.any(String) }]);
}

describe('Open311 GeoReport v2', () => {
  it('lists the petition categories as services', async () => {
    const { status, type, json } = await http('GET', 'services.json');
    expect(status).toBe(200);
    expect(type).toContain('application/json');
    expect(json).toContainEqual({
      service_code: 'accessibility',
      service_name: '无障碍设施',
      description: '无障碍设施',
      metadata: false,
      type: 'realtime',
      keywords: '',
      group: '无障碍设施',
    });
    expect(json.find((s: any) => s.service_code === 'heating')).toMatchObject({ group: '物业供暖' });
  });

  it('files a case at its building’s grid, reads it back without the phone, and a repeat finds the same case', async () => {
    const created = await post(ramp);
    expect(created.status).toBe(201);
    expect(created.json).toEqual([{ service_request_id: expect.stringMatching(/^[0-9a-f]{32}$/), service_notice: '', account_id: null }]);
    const id = created.json[0].service_request_id;

    const one = await http('GET', `requests/${id}.json?api_key=${key}`);
    expect(one.status).toBe(200);
    expect(one.json).toEqual([
      expect.objectContaining({
        service_request_id: id,
        external_id: 'HL-2026-0001',
        status: 'open',
        status_notes: '待受理 · 网格（第一网格）',
        service_code: 'accessibility',
        service_name: '无障碍设施',
        agency_responsible: '第一网格',
        address: '2号楼 1单元门口',
        address_id: 'building-2',
        requested_datetime: expect.any(String),
        updated_datetime: expect.any(String),
        expected_datetime: expect.any(String),
      }),
    ]);
    expect(JSON.stringify(one.json)).not.toMatch(/13900001111|周大爷/);

    // The grid worker of 2号楼 has it in their queue, the caller's phone with it for them (privacy.ts).
    const queue = ok(await env.call(liu, 'petition.listQueue')).items;
    expect(queue.map((x: any) => x.id)).toContain(id);
    const asHandler = ok(await env.call(liu, 'petition.get', { petitionId: id })).petition;
    expect(asHandler).toMatchObject({ level: 'grid', status: 'pending', gridName: '第一网格' });
    expect(JSON.stringify(asHandler)).toContain('13900001111');

    // The same partner sending the same case again gets the same id, and no second case.
    const again = await post(ramp);
    expect(again.json[0].service_request_id).toBe(id);
    const listed = await http('GET', `requests.json?api_key=${key}`);
    expect(listed.status).toBe(200);
    expect(listed.json.map((r: any) => r.service_request_id)).toEqual([id]);
    const later = await http('GET', `requests.json?api_key=${key}&start_date=${encodeURIComponent(new Date(Date.now() + 3600_000).toISOString())}`);
    expect(later.json).toEqual([]);
    const byIds = await http('GET', `requests.json?api_key=${key}&service_request_id=${id},abc`);
    expect(byIds.json.map((r: any) => r.service_request_id)).toEqual([id]);

    // The ladder's moves are what the partner reads: accepted and resolved by the grid worker.
    ok(await env.call(liu, 'petition.accept', { petitionId: id }));
    const accepted = await http('GET', `requests/${id}.json?api_key=${key}`);
    expect(accepted.json[0]).toMatchObject({ status: 'open', status_notes: '办理中 · 网格（第一网格）' });
    // Resolved, it waits to be verified (待验证): still open to the partner, with the resolution in the notes.
    const [beforePhotos, afterPhotos] = [[await upload(env.emu, liu, 'before.png')], [await upload(env.emu, liu, 'after.png')]];
    ok(await env.call(liu, 'petition.resolve', { petitionId: id, feedback: '已修补坡道，轮椅可以通行', beforePhotos, afterPhotos }));
    const verifying = await http('GET', `requests/${id}.json?api_key=${key}`);
    expect(verifying.json[0]).toMatchObject({ status: 'open', status_notes: '待验证 · 网格（第一网格） · 已修补坡道，轮椅可以通行' });

    // A running hotline's case (its function warm) stays within the budget of an action; no query is uncovered.
    await post({ ...ramp, external_id: 'HL-2026-0002' });
    const meter = await env.emu.meter();
    expect(meter.flatMap((r) => r.uncovered)).toEqual([]);
    expect(meter.filter((r) => r.function === 'open311').at(-1)!.dbRequests).toBeLessThanOrEqual(8);
  });

  it('a case without a building it can place lands at the partner’s community intake; the form body is taken', async () => {
    const form = new URLSearchParams({
      api_key: key,
      service_code: 'environment',
      description: '小区东门外垃圾堆了三天没人清',
      lat: '34.1',
      long: '113.2',
    });
    const created = await http('POST', 'requests.json', form.toString(), 'application/x-www-form-urlencoded');
    expect(created.status).toBe(201);
    const id = created.json[0].service_request_id;
    const back = (await http('GET', `requests/${id}.json?api_key=${key}`)).json[0];
    expect(back).toMatchObject({
      status: 'open',
      status_notes: '待受理 · 社区',
      agency_responsible: '社区',
      lat: 34.1,
      long: 113.2,
      address_id: null,
    });
    expect(ok(await env.call(sun, 'petition.listQueue')).items.map((x: any) => x.id)).toContain(id);
  });

  it('a lat/long near a building with a map point places the case at that building', async () => {
    await databaseOf(env.emu)
      .collection('org_units')
      .doc('building-8')
      .update({ data: { point: { lat: 34.75, lng: 113.62 } } });
    const created = await post({ ...ramp, address_id: undefined, external_id: 'HL-2', lat: 34.7502, long: 113.6201 });
    const back = (await http('GET', `requests/${created.json[0].service_request_id}.json?api_key=${key}`)).json[0];
    expect(back).toMatchObject({ address_id: 'building-8', agency_responsible: '第三网格' });
  });

  it('refuses a bad key, a malformed body, an unknown service and another partner’s case in the error shape', async () => {
    const id = (await post(ramp)).json[0].service_request_id;
    for (const bad of [
      await post({ ...ramp, api_key: 'wrong' }),
      await http('GET', `requests.json?api_key=wrong`),
      await http('GET', `requests/${id}.json?api_key=wrong`),
    ]) {
      expect(bad.status).toBe(403);
      expectErrorShape(bad.json, 403);
    }
    const malformed = await http('POST', 'requests.json', '{"api_key": ');
    expect(malformed.status).toBe(400);
    expectErrorShape(malformed.json, 400);
    for (const body of [{ ...ramp, description: undefined }, { ...ramp, lat: 'north' }, [ramp]]) {
      const res = await http('POST', 'requests.json', JSON.stringify(body));
      expect(res.status).toBe(400);
      expectErrorShape(res.json, 400);
    }
    const unknown = await post({ ...ramp, service_code: 'no-such', external_id: 'HL-3' });
    expect(unknown.status).toBe(400);
    expect(unknown.json).toEqual([{ code: 400, description: 'unknown service_code no-such' }]);
    const missing = await http('GET', `requests/${'0'.repeat(32)}.json?api_key=${key}`);
    expect(missing.status).toBe(404);
    expectErrorShape(missing.json, 404);
    // Nothing of those was filed.
    expect((await http('GET', `requests.json?api_key=${key}`)).json).toHaveLength(1);
  });
});
