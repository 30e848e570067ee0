import { ok, useEmulator } from './call';
import { file, HOUR, ramp, sent } from './petition-fixtures';
import { li, liu, sun, wang } from './personas';

const env = useEmulator();
const { call } = env;

const get = async (id: string, who = wang) => ok(await call(who, 'petition.get', { petitionId: id })).petition;
const urges = (timeline: any[]) => timeline.filter((s) => s.event === 'urge').map((s) => [s.level, s.status, s.note]);

describe('催办: the resident urges an open case, once per case per China day', () => {
  it('records the urge on the timeline, counts it, tells the handler, and refuses a second one the same China day', async () => {
    // 09:00 in Beijing.
    await env.emu.clock({ set: '2026-03-02T01:00:00.000Z' });
    const id = await file(call);
    expect((await get(id)).urge).toBe('may');
    ok(await call(liu, 'petition.accept', { petitionId: id }));

    const before = (await sent(env.emu, 'petition-assigned')).length;
    const p = ok(await call(wang, 'petition.urge', { petitionId: id }, 'urge-tap-1')).petition;
    expect(p).toMatchObject({ status: 'accepted', level: 'grid', urgeCount: 1, urge: 'done' });
    // A retry of the same tap answers the same, and urges nothing more.
    expect(ok(await call(wang, 'petition.urge', { petitionId: id }, 'urge-tap-1')).petition).toMatchObject({ urgeCount: 1 });
    const told = (await sent(env.emu, 'petition-assigned')).slice(before);
    expect(told.map((m) => m.touser)).toEqual([liu]);
    expect(told[0].data.thing4.value).toContain('催办');

    // 23:30 in Beijing: still the same day.
    await env.emu.clock({ advanceMs: 14 * HOUR + 30 * 60_000 });
    const again = await call(wang, 'petition.urge', { petitionId: id });
    expect(again).toMatchObject({ ok: false, code: 'PETITION_URGED_TODAY', message: '今天已经催办过这条诉求，请明天再催' });

    // 00:30 the next day in Beijing (still 2 March in UTC): a new day, a new urge.
    await env.emu.clock({ advanceMs: HOUR });
    expect(ok(await call(wang, 'petition.urge', { petitionId: id })).petition).toMatchObject({ urgeCount: 2, urge: 'done' });
    const detail = await get(id);
    expect(urges(detail.timeline)).toEqual([
      ['grid', 'accepted', '第 1 次催办'],
      ['grid', 'accepted', '第 2 次催办'],
    ]);
    // The handler sees the count too (督办 will read it), but may not urge.
    expect(await get(id, liu)).toMatchObject({ urgeCount: 2, urge: null });
  });

  it('her 代办人 urges for her (under the same once-a-day limit); a grid worker who filed 红色代办 does not', async () => {
    const binding = ok(await call(li, 'helper.request', { parentName: '王秀英', parentPhone: '13800001001', relation: '儿子' }, 'urge-helper-req'))
      .binding.id;
    ok(await call(wang, 'helper.consent', { bindingId: binding }, 'urge-helper-consent'));
    const id = ok(await call(li, 'petition.create', { ...ramp, onBehalfOf: { helperBinding: binding } }, 'urge-helper-pet')).petition.id;
    expect((await get(id, li)).urge).toBe('may');
    expect(ok(await call(li, 'petition.urge', { petitionId: id })).petition).toMatchObject({ urgeCount: 1, urge: 'done' });
    expect(await call(wang, 'petition.urge', { petitionId: id })).toMatchObject({ ok: false, code: 'PETITION_URGED_TODAY' });
    expect((await get(id)).timeline.filter((s: any) => s.event === 'urge').map((s: any) => s.by)).toEqual(['李明']);

    const redProxy = ok(await call(liu, 'petition.create', { ...ramp, onBehalfOf: { residentId: wang } })).petition.id;
    expect(await call(liu, 'petition.urge', { petitionId: redProxy })).toMatchObject({ ok: false });
    ok(await call(wang, 'petition.urge', { petitionId: redProxy }));
  });

  it('only the reporter urges, and only an open case', async () => {
    const id = await file(call);
    expect(await call(li, 'petition.urge', { petitionId: id })).toMatchObject({ ok: false, code: 'PETITION_URGE_NOT_REPORTER' });
    expect(await call(liu, 'petition.urge', { petitionId: id })).toMatchObject({ ok: false });
    expect(await call(wang, 'petition.urge', { petitionId: 'no-such-case' })).toMatchObject({ ok: false, code: 'PETITION_NOT_FOUND' });
    ok(await call(liu, 'petition.escalate', { petitionId: id, reason: '需要社区协调施工' }));
    // Waiting at the community, taken by nobody yet: its people are told.
    const before = (await sent(env.emu, 'petition-assigned')).length;
    ok(await call(wang, 'petition.urge', { petitionId: id }));
    expect((await sent(env.emu, 'petition-assigned')).slice(before).map((m) => m.touser)).toContain(sun);

    ok(await call(sun, 'petition.accept', { petitionId: id }));
    ok(await call(sun, 'petition.resolve', { petitionId: id, feedback: '已联系施工队修补坡道' }));
    expect((await get(id)).urge).toBeNull();
    expect(await call(wang, 'petition.urge', { petitionId: id })).toMatchObject({ ok: false, code: 'PETITION_ILLEGAL_MOVE' });
  });
});
