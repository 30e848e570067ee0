import { ok, useEmulator } from './call';
import { file, HOUR, sent, verified } from './petition-fixtures';
import { admin, li, liu, qian, sun, wang, zhang } from './personas';

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
  it('property matters go to council as a topic; once the topic is decided (household vote closed), its decision resolves the case', async () => {
    // 物业 and 业委会 seats of 梧桐社区, appointed by the street's admin.
    const seat = (openid: string, role: string) =>
      call(admin, 'role.grant', { openid, role, unitId: 'community-wutong', reason: '三方议事成员' }, `seat-${openid}-${role}`);
    ok(await seat(li, 'owners_committee'));
    ok(await seat(zhang, 'property_rep'));
    const id = await file(call, wang, { categoryId: 'heating', description: '2号楼暖气一直不热，物业说不归他们管' });
    ok(await call(liu, 'petition.escalate', { petitionId: id, reason: '涉及物业和业委会' }));
    const convened = ok(await call(sun, 'petition.convene', { petitionId: id }, 'convene-heating')).petition;
    expect(convened).toMatchObject({ status: 'council', councilTopicId: expect.any(String) });
    const topicId = convened.councilTopicId;
    // A retry raises no second topic.
    ok(await call(sun, 'petition.convene', { petitionId: id }, 'convene-heating'));
    const topics = ok(await call(sun, 'council.list', {})).items.filter((t: any) => t.id === topicId);
    expect(topics).toEqual([expect.objectContaining({ status: 'open', party: 'community', title: expect.stringContaining('2号楼暖气') })]);
    expect(ok(await call(sun, 'council.get', { topicId })).topic.petitionId).toBe(id);

    // Not decided yet: the case waits for the topic.
    expect(await call(sun, 'petition.decide', { petitionId: id, topicId })).toMatchObject({ ok: false, code: 'COUNCIL_ILLEGAL_STEP' });
    const soon = (hours: number) => new Date(Date.now() + hours * HOUR).toISOString();
    ok(await call(sun, 'council.schedule', { topicId, at: soon(24), place: '社区议事厅', agenda: ['暖气排查'] }, 'council-heating-1'));
    const minutes = {
      topicId,
      attendeeIds: [sun, li, zhang],
      minutes: '三方听取了居民反映，物业同意排查管道。',
      decision: '物业本周内排查管道，费用由维修基金列支',
    };
    ok(await call(sun, 'council.minutes', { ...minutes, vote: { question: '是否同意动用维修基金', deadline: soon(48) } }, 'council-heating-2'));
    ok(await call(wang, 'council.vote', { topicId, choice: 'agree' }, 'council-heating-3'));
    expect(await call(sun, 'petition.decide', { petitionId: id, topicId })).toMatchObject({ ok: false, code: 'COUNCIL_ILLEGAL_STEP' });
    // Another case's topic does not decide this one.
    expect(await call(sun, 'petition.decide', { petitionId: id, topicId: 'ct-elsewhere' })).toMatchObject({
      ok: false,
      code: 'COUNCIL_TOPIC_NOT_FOUND',
    });

    await env.emu.clock({ advanceMs: 48 * HOUR + 60_000 });
    const decided = ok(await call(sun, 'petition.decide', { petitionId: id, topicId })).petition;
    expect(decided).toMatchObject({
      status: 'verifying',
      resolution: {
        kind: 'council',
        level: 'community',
        topicId,
        text: '物业本周内排查管道，费用由维修基金列支（居民表决通过：同意 1 户、反对 0 户、弃权 0 户）',
        council: { ownersCommittee: '李明', propertyCompany: '张建国' },
      },
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
