import { ok, useEmulator } from './call';
import { consent, file, HOUR, sent, upload, verified } from './petition-fixtures';
import { he, liu, luo, qian, sun, wang, xu } from './personas';

const env = useEmulator();
const { call } = env;

const steps = async (id: string, who = wang) => ok(await call(who, 'petition.get', { petitionId: id })).petition;

describe('the ladder by hand: 网格预警 → 社区吹哨 → 街道统筹 → 部门报到 → 办结 → 评价', () => {
  it('climbs level by level, each level notified, and the resident sees every step', async () => {
    const id = await file(call);
    let p = await steps(id);
    expect(p).toMatchObject({ status: 'pending', level: 'grid', holder: { unitName: '第一网格', handlerName: null }, reporter: { name: '王秀英' } });
    expect(ok(await call(liu, 'petition.accept', { petitionId: id })).petition).toMatchObject({
      status: 'accepted',
      holder: { handlerName: '刘芳' },
    });
    ok(await call(liu, 'petition.escalate', { petitionId: id, reason: '坡道要重新浇筑，网格办不了' }));
    ok(await call(sun, 'petition.accept', { petitionId: id }));
    ok(await call(sun, 'petition.escalate', { petitionId: id, reason: '需要街道协调施工' }));
    expect((await steps(id)).holder).toEqual({ level: 'street', unitName: '青石街道', handlerName: null });
    ok(await call(qian, 'petition.accept', { petitionId: id }));
    p = ok(await call(qian, 'petition.summon', { petitionId: id, departmentId: 'dept-housing', reason: '请住建局维修坡道' })).petition;
    expect(p).toMatchObject({ status: 'pending', level: 'department', holder: { unitName: '区住建局' } });
    expect(ok(await call(he, 'petition.listQueue')).items.map((x: any) => x.id)).toEqual([id]);
    ok(await call(he, 'petition.report', { petitionId: id, note: '明天派人到现场' }));
    p = ok(await call(he, 'petition.resolve', { petitionId: id, feedback: '坡道已重新浇筑，加装了扶手' })).petition;
    expect(p).toMatchObject({ status: 'verifying', resolution: { kind: 'handled', level: 'department', byName: '何建华' } });
    expect(p.feedback.at).not.toBeNull();
    await verified(call, env.emu, id);
    p = ok(await call(wang, 'petition.rate', { petitionId: id, rating: 'satisfied', comment: '修得很好' })).petition;
    expect(p).toMatchObject({ status: 'closed', outcome: 'rated', rating: { value: 'satisfied', comment: '修得很好' } });

    const detail = await steps(id);
    expect(detail.timeline.map((s: any) => [s.event, s.level, s.by, s.automatic])).toEqual([
      ['create', 'grid', '王秀英', false],
      ['accept', 'grid', '刘芳', false],
      ['escalate', 'community', '刘芳', false],
      ['accept', 'community', '孙丽', false],
      ['escalate', 'street', '孙丽', false],
      ['accept', 'street', '钱伟', false],
      ['summon', 'department', '钱伟', false],
      ['report', 'department', '何建华', false],
      ['resolve', 'department', '何建华', false],
      ['verify', 'department', '刘芳', false],
      ['rate', 'department', '王秀英', false],
    ]);
    expect(detail.timeline[6]).toMatchObject({ departmentName: '区住建局', note: '召集区住建局：请住建局维修坡道' });
    const assigned = (await sent(env.emu, 'petition-assigned')).map((m) => m.touser);
    expect(assigned).toEqual([liu, sun, qian, he]);
    expect((await env.emu.meter()).flatMap((r) => r.uncovered)).toEqual([]);
  });

  it('a street that summons no department hands the case to the district, which closes it', async () => {
    const id = await file(call);
    ok(await call(liu, 'petition.escalate', { petitionId: id, reason: '网格办不了' }));
    ok(await call(sun, 'petition.escalate', { petitionId: id, reason: '社区办不了' }));
    ok(await call(qian, 'petition.escalate', { petitionId: id, reason: '涉及多个部门，请区里统筹' }));
    const queue = ok(await call(luo, 'petition.listQueue'));
    expect(queue).toMatchObject({ level: 'district', unitName: '明德区' });
    expect(queue.items.map((x: any) => x.id)).toEqual([id]);
    ok(await call(luo, 'petition.accept', { petitionId: id }));
    expect(ok(await call(luo, 'petition.resolve', { petitionId: id, feedback: '区里协调住建局完成维修' })).petition.status).toBe('verifying');
    expect((await env.emu.meter()).flatMap((r) => r.uncovered)).toEqual([]);
  });

  it('the grid resolves on the spot only with before and after photos', async () => {
    const id = await file(call);
    ok(await call(liu, 'petition.accept', { petitionId: id }));
    const feedback = '已当场清理坡道上的杂物';
    expect(await call(liu, 'petition.resolve', { petitionId: id, feedback })).toMatchObject({ ok: false, code: 'PETITION_PHOTOS_REQUIRED' });
    const before = await upload(env.emu, liu, 'before');
    const after = await upload(env.emu, liu, 'after');
    const risky = await upload(env.emu, liu, 'bad', 'LINLI-RISKY');
    const residents = await upload(env.emu, wang, 'ramp');
    expect(await call(liu, 'petition.resolve', { petitionId: id, feedback, beforePhotos: [residents], afterPhotos: [after] })).toMatchObject({
      ok: false,
      code: 'BAD_INPUT',
    });
    expect(await call(liu, 'petition.resolve', { petitionId: id, feedback, beforePhotos: [before], afterPhotos: [risky] })).toMatchObject({
      ok: false,
      code: 'CONTENT_RISKY',
    });
    const p = ok(await call(liu, 'petition.resolve', { petitionId: id, feedback, beforePhotos: [before], afterPhotos: [after] })).petition;
    expect(p.resolution).toMatchObject({ level: 'grid', beforePhotos: [{ fileID: before }], afterPhotos: [{ fileID: after }] });
    expect(p.resolution.afterPhotos[0].url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\//);
  });
});

describe('a retried acceptance', () => {
  const virtue = async (who: string) => ok(await call(who, 'points.balance')).balances.find((b: any) => b.asset === 'virtue')?.balance ?? 0;

  it('a retry with the same requestId gets the case as accepted: one timeline line, one credit, the reporter told once', async () => {
    await consent(call, wang, 2);
    const id = await file(call);
    const before = await virtue(wang);
    const accept = () => call(liu, 'petition.accept', { petitionId: id, note: '马上处理' }, 'accept-retry-01');
    const first = ok(await accept()).petition;
    expect(first).toMatchObject({ status: 'accepted', holder: { handlerName: '刘芳' } });
    expect(ok(await accept()).petition).toMatchObject({ id, status: 'accepted', holder: { handlerName: '刘芳' } });
    const timeline = (await steps(id)).timeline.map((s: any) => s.event);
    expect(timeline).toEqual(['create', 'accept']);
    expect((await virtue(wang)) - before).toBe(2);
    expect((await sent(env.emu, 'petition-progress')).filter((m) => m.touser === wang)).toHaveLength(1);
    // Another submission to accept the same case is refused by the case's state, not answered as a replay.
    expect(await call(liu, 'petition.accept', { petitionId: id }, 'accept-retry-02')).toMatchObject({ ok: false });
  });
});

describe('the timer: an untouched petition climbs by itself', () => {
  it('escalates on schedule at every level, records it as automatic, and tells each level and the resident', async () => {
    await consent(call, wang, 6);
    const id = await file(call, wang, { categoryId: 'streetlight', description: '2号楼前的路灯不亮了，晚上很黑' });
    const climb = async () => {
      await env.emu.clock({ advanceMs: 24 * HOUR + 60_000 });
      await env.emu.fireTrigger('petition');
      return steps(id);
    };
    await env.emu.clock({ advanceMs: 23 * HOUR });
    await env.emu.fireTrigger('petition');
    expect(await steps(id)).toMatchObject({ level: 'grid', overdue: false });
    await env.emu.clock({ advanceMs: HOUR + 60_000 });
    await env.emu.fireTrigger('petition');
    expect(await steps(id)).toMatchObject({ level: 'community', status: 'pending' });
    expect(await climb()).toMatchObject({ level: 'street' });
    expect(await climb()).toMatchObject({ level: 'department', holder: { unitName: '区城管局' } });
    const top = await climb();
    expect(top).toMatchObject({ level: 'district', status: 'pending' });
    expect(top.feedback).toMatchObject({ at: null, overdue: false });
    // The district (48 h to take a case) is the top: an overdue case stays there, flagged, for people to chase;
    // three days on, the week promised for feedback has run out too.
    await env.emu.clock({ advanceMs: 72 * HOUR });
    await env.emu.fireTrigger('petition');
    expect(await steps(id)).toMatchObject({ level: 'district', status: 'pending', overdue: true, feedback: { overdue: true } });

    const automatic = top.timeline.filter((s: any) => s.automatic && s.event !== 'card');
    expect(automatic.map((s: any) => [s.event, s.level, s.by])).toEqual([
      ['escalate', 'community', '系统'],
      ['escalate', 'street', '系统'],
      ['summon', 'department', '系统'],
      ['escalate', 'district', '系统'],
    ]);
    expect(automatic[0].note).toBe('网格超时未受理，自动上报');
    // Besides: each level that let its deadline pass got its red 督办 card first (found past the red limit, no yellow before).
    expect(top.timeline.filter((s: any) => s.event === 'card').map((s: any) => [s.level, s.note])).toEqual([
      ['grid', '红牌督办：网格受理用时超过红牌时限'],
      ['community', '红牌督办：社区受理用时超过红牌时限'],
      ['street', '红牌督办：街道受理用时超过红牌时限'],
      ['department', '红牌督办：职能部门受理用时超过红牌时限'],
    ]);
    const assigned = await sent(env.emu, 'petition-assigned');
    expect(assigned.filter((m) => !m.data.thing4.value.includes('督办')).map((m) => m.touser)).toEqual([liu, sun, qian, xu, luo]);
    const toWang = await sent(env.emu, 'petition-progress');
    expect(toWang.map((m) => [m.touser, m.data.phrase2.value])).toEqual([
      [wang, '已上报'],
      [wang, '已上报'],
      [wang, '已召集部门'],
      [wang, '已上报'],
    ]);
    expect((await env.emu.meter()).flatMap((r) => r.uncovered)).toEqual([]);
  });

  it('an accepted case left unresolved past the level’s deadline climbs too', async () => {
    const id = await file(call);
    ok(await call(liu, 'petition.accept', { petitionId: id }));
    await env.emu.clock({ advanceMs: 71 * HOUR });
    await env.emu.fireTrigger('petition');
    expect(await steps(id)).toMatchObject({ level: 'grid', status: 'accepted' });
    await env.emu.clock({ advanceMs: HOUR + 60_000 });
    await env.emu.fireTrigger('petition');
    const p = await steps(id);
    expect(p).toMatchObject({ level: 'community', status: 'pending', holder: { handlerName: null } });
    expect(p.timeline.at(-1)).toMatchObject({ note: '网格超时未办结，自动上报', automatic: true });
  });

  it('urgent cases run on shorter deadlines', async () => {
    const id = await file(call, wang, { urgency: 'urgent' });
    await env.emu.clock({ advanceMs: 2 * HOUR + 60_000 });
    await env.emu.fireTrigger('petition');
    expect(await steps(id)).toMatchObject({ level: 'community', urgency: 'urgent' });
  });
});
