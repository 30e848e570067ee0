import { ok, useEmulator } from './call';
import { file, HOUR, sent, verified } from './petition-fixtures';
import { li, liu, qian, sun, wang } from './personas';

const env = useEmulator();
const { call } = env;

const get = async (id: string, who = wang) => ok(await call(who, 'petition.get', { petitionId: id })).petition;
const resolveAtCommunity = async (id: string) => {
  ok(await call(sun, 'petition.accept', { petitionId: id }));
  ok(await call(sun, 'petition.resolve', { petitionId: id, feedback: '已联系施工队修补坡道' }));
  await verified(call, env.emu, id);
};

/** A ramp case 刘芳 passed to the community: resolved there by 孙丽. */
async function resolvedByCommunity(): Promise<string> {
  const id = await file(call);
  ok(await call(liu, 'petition.escalate', { petitionId: id, reason: '需要社区协调施工' }));
  await resolveAtCommunity(id);
  return id;
}

const virtue = async (who: string) => ok(await call(who, 'points.balance')).balances.find((b: any) => b.asset === 'virtue')?.balance ?? 0;

describe('rating: 满意 / 基本满意 / 不满意', () => {
  it('基本满意 closes the case with the rating', async () => {
    const id = await resolvedByCommunity();
    const p = ok(await call(wang, 'petition.rate', { petitionId: id, rating: 'basic' })).petition;
    expect(p).toMatchObject({ status: 'closed', outcome: 'rated', rating: { value: 'basic', comment: null } });
    expect(await call(wang, 'petition.rate', { petitionId: id, rating: 'satisfied' })).toMatchObject({ ok: false, code: 'PETITION_ILLEGAL_MOVE' });
  });

  it('only the reporter rates, only once resolved, and 不满意 says why', async () => {
    const id = await file(call);
    expect(await call(wang, 'petition.rate', { petitionId: id, rating: 'satisfied' })).toMatchObject({ ok: false, code: 'PETITION_ILLEGAL_MOVE' });
    ok(await call(liu, 'petition.escalate', { petitionId: id, reason: '需要社区协调施工' }));
    await resolveAtCommunity(id);
    expect(await call(li, 'petition.rate', { petitionId: id, rating: 'satisfied' })).toMatchObject({ ok: false, code: 'PETITION_NOT_REPORTER' });
    const unexplained = await call(wang, 'petition.rate', { petitionId: id, rating: 'unsatisfied' });
    expect(unexplained).toMatchObject({ ok: false, code: 'BAD_INPUT', issues: [{ path: 'comment', message: '请说明哪里不满意' }] });
  });

  it('不满意 reopens once at the level that resolved it; a second 不满意 goes to community review', async () => {
    const id = await resolvedByCommunity();
    let p = ok(await call(wang, 'petition.rate', { petitionId: id, rating: 'unsatisfied', comment: '修补的地方又裂了' })).petition;
    expect(p).toMatchObject({ status: 'accepted', level: 'community', reopens: 1, holder: { handlerName: '孙丽' } });
    ok(await call(sun, 'petition.resolve', { petitionId: id, feedback: '重新浇筑了整段坡道' }));
    await verified(call, env.emu, id);
    p = ok(await call(wang, 'petition.rate', { petitionId: id, rating: 'unsatisfied', comment: '坡度太陡，轮椅还是上不去' })).petition;
    expect(p).toMatchObject({ status: 'review', level: 'community', reopens: 2 });
    const toSun = (await sent(env.emu, 'petition-assigned')).filter((m) => m.touser === sun);
    expect(toSun.at(-1)!.data.thing4.value).toContain('不满意');
    expect(ok(await call(sun, 'petition.listQueue')).items.map((x: any) => [x.id, x.status])).toEqual([[id, 'review']]);

    p = ok(await call(sun, 'petition.conclude', { petitionId: id, conclusion: '坡度符合规范，已向居民解释并加装扶手' })).petition;
    expect(p).toMatchObject({ status: 'closed', outcome: 'reviewed' });
    expect((await get(id)).timeline.slice(-4).map((s: any) => [s.event, s.status])).toEqual([
      ['resolve', 'verifying'],
      ['verify', 'resolved'],
      ['rate', 'review'],
      ['conclude', 'closed'],
    ]);
  });

  it('a community review may send the case back to a level it reached, which is told', async () => {
    const id = await file(call);
    ok(await call(liu, 'petition.escalate', { petitionId: id, reason: '需要社区协调施工' }));
    ok(await call(sun, 'petition.escalate', { petitionId: id, reason: '需要街道协调' }));
    ok(await call(qian, 'petition.accept', { petitionId: id }));
    ok(await call(qian, 'petition.resolve', { petitionId: id, feedback: '街道已协调修好' }));
    await verified(call, env.emu, id);
    ok(await call(wang, 'petition.rate', { petitionId: id, rating: 'unsatisfied', comment: '没修好' }));
    expect((await get(id)).level).toBe('street');
    ok(await call(qian, 'petition.resolve', { petitionId: id, feedback: '再次修补完成' }));
    await verified(call, env.emu, id);
    ok(await call(wang, 'petition.rate', { petitionId: id, rating: 'unsatisfied', comment: '还是没修好' }));
    expect(await call(sun, 'petition.reopen', { petitionId: id, level: 'district', reason: '请区里处理' })).toMatchObject({
      ok: false,
      code: 'PETITION_ILLEGAL_MOVE',
    });
    const p = ok(await call(sun, 'petition.reopen', { petitionId: id, level: 'street', reason: '复核发现确未修好，请街道重办' })).petition;
    expect(p).toMatchObject({ status: 'pending', level: 'street' });
    expect((await sent(env.emu, 'petition-assigned')).at(-1)).toMatchObject({ touser: qian });
  });

  it('a resolution left unrated for 7 days closes by itself, without a rating', async () => {
    const id = await resolvedByCommunity();
    await env.emu.clock({ advanceMs: 7 * 24 * HOUR - HOUR });
    await env.emu.fireTrigger('petition');
    expect((await get(id)).status).toBe('resolved');
    await env.emu.clock({ advanceMs: HOUR + 60_000 });
    await env.emu.fireTrigger('petition');
    const p = await get(id);
    expect(p).toMatchObject({ status: 'closed', outcome: 'unrated', rating: null });
    expect(p.timeline.at(-1)).toMatchObject({ event: 'expire', by: '系统', automatic: true, note: '7 天内未评价，自动办结' });
  });
});

describe('三方议事: the council’s decision is the resolution', () => {
  it('property matters go to the community, owners’ committee and property company', async () => {
    const id = await file(call, wang, { categoryId: 'heating', description: '2号楼暖气一直不热，物业说不归他们管' });
    ok(await call(liu, 'petition.escalate', { petitionId: id, reason: '涉及物业和业委会' }));
    expect(ok(await call(sun, 'petition.convene', { petitionId: id })).petition.status).toBe('council');
    const decided = ok(
      await call(sun, 'petition.decide', {
        petitionId: id,
        decision: '物业本周内排查管道，费用由维修基金列支',
        ownersCommittee: '业委会刘主任',
        propertyCompany: '安居物业',
      }),
    ).petition;
    expect(decided).toMatchObject({
      status: 'verifying',
      resolution: { kind: 'council', level: 'community', council: { ownersCommittee: '业委会刘主任', propertyCompany: '安居物业' } },
    });
    await verified(call, env.emu, id);
    expect(ok(await call(wang, 'petition.rate', { petitionId: id, rating: 'satisfied' })).petition.outcome).toBe('rated');
  });

  it('other matters cannot', async () => {
    const id = await file(call);
    ok(await call(liu, 'petition.escalate', { petitionId: id, reason: '需要社区协调施工' }));
    expect(await call(sun, 'petition.convene', { petitionId: id })).toMatchObject({ ok: false, code: 'PETITION_COUNCIL_NOT_ELIGIBLE' });
  });
});

describe('virtue credit for a valid petition', () => {
  it('is posted once, when the case is first taken, whatever follows', async () => {
    const id = await file(call);
    expect(await virtue(wang)).toBe(0);
    ok(await call(liu, 'petition.accept', { petitionId: id }));
    expect(await virtue(wang)).toBe(2);
    ok(await call(liu, 'petition.escalate', { petitionId: id, reason: '需要社区协调施工' }));
    await resolveAtCommunity(id);
    ok(await call(wang, 'petition.rate', { petitionId: id, rating: 'unsatisfied', comment: '没修好' }));
    ok(await call(sun, 'petition.resolve', { petitionId: id, feedback: '再次修补完成' }));
    await env.emu.fireTrigger('petition');
    expect(await virtue(wang)).toBe(2);
    const history = ok(await call(wang, 'points.history', { asset: 'virtue' })).items;
    expect(history.map((h: any) => [h.amount, h.reason, h.ref])).toEqual([[2, '有效诉求：无障碍设施', id]]);
  });

  it('is not earned by a dismissed case, nor by a grid worker’s own patrol report', async () => {
    const id = await file(call);
    ok(await call(liu, 'petition.dismiss', { petitionId: id, reason: '与另一条诉求重复' }));
    const patrol = await file(call, liu);
    ok(await call(liu, 'petition.accept', { petitionId: patrol }));
    expect(await virtue(wang)).toBe(0);
    expect(await virtue(liu)).toBe(0);
  });
});
