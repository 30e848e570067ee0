import { ok as okOf, RACING, useEmulator } from './call';
import { admin, gao, li, stranger, sun, wang, zhang } from './personas';
import { insertDocs } from './post-helpers';
import { expectCovered, rid } from './points-helpers';
import { databaseOf } from './ledger-fixture';

/**
 * 三方议事 (issue 16): a topic from the community, 业委会, 物业 or residents (with co-signs); a meeting the staff schedule;
 * minutes, a decision, a household vote (一户一票) and follow-up tasks that show in their owners' lists.
 */
const env = useEmulator(RACING);
const { call } = env;
const DAY = 24 * 60 * 60 * 1000;
const committee = 'test-council-ye'; // 叶委员, 业委会 of 梧桐苑
const property = 'test-council-bai'; // 白经理, 物业代表 of the whole community
const outsider = 'test-council-other-staff'; // staff of another community

/** The data of a successful reply; a refusal fails the test with its code and message in view. */
function ok(reply: any): any {
  if (!reply.ok) throw new Error(`expected success, got ${JSON.stringify(reply)}`);
  return okOf(reply);
}

let serial = 0;
const act = (who: string, action: string, payload: Record<string, unknown>) =>
  call(who, action, payload, rid(`council-${action.replace('.', '-')}`, ++serial));

const person = (id: string, name: string, roles: string[], extra: Record<string, unknown> = {}) => ({
  _id: id,
  name,
  phone: '13900009999',
  roles,
  streetId: 'street-qingshi',
  communityId: 'community-wutong',
  gridId: null,
  buildingId: null,
  room: null,
  birthYear: 1975,
  ...extra,
});

async function seatCouncil() {
  await insertDocs(env.emu, 'users', [
    person(committee, '叶文华', ['resident', 'owners_committee'], {
      councilEstate: '梧桐苑',
      gridId: 'grid-1',
      buildingId: 'building-1',
      room: '2单元201',
    }),
    person(property, '白志刚', ['property_rep']),
    person(outsider, '外社区干部', ['staff'], { communityId: 'community-other' }),
  ]);
}

/** `n` residents living in `homes` homes (round-robin) of building 3. */
async function households(n: number, homes: number): Promise<string[]> {
  const ids = Array.from({ length: n }, (_, i) => `test-home-${i}`);
  await insertDocs(
    env.emu,
    'users',
    ids.map((id, i) => person(id, `住户${i}`, ['resident'], { gridId: 'grid-1', buildingId: 'building-3', room: `1单元${101 + (i % homes)}` })),
  );
  return ids;
}

const raise = async (who: string, party: string, extra: Record<string, unknown> = {}) =>
  ok(
    await act(who, 'council.raise', {
      party,
      title: '小区停车位重新划线',
      body: '地面停车位划线不清，夜里乱停堵住消防通道，请三方商量重新规划',
      ...extra,
    }),
  ).topic;
const inDays = (d: number) => new Date(Date.now() + d * DAY).toISOString();

async function toVote(topicId: string, tasks: { title: string; ownerId: string; deadline: string }[] = []) {
  ok(await act(sun, 'council.schedule', { topicId, at: inDays(1), place: '社区议事厅', agenda: ['停车位划线方案', '收费标准'] }));
  return ok(
    await act(sun, 'council.minutes', {
      topicId,
      attendeeIds: [sun, committee, property],
      minutes: '三方听取了居民意见，物业提出了两套划线方案，业委会同意提交居民表决。',
      decision: '采用方案一，重新划线 60 个车位',
      vote: { question: '是否同意方案一', deadline: inDays(3) },
      tasks,
    }),
  ).topic;
}

beforeEach(seatCouncil);

describe('三方议事: roles', () => {
  it('an admin appoints a 业委会委员 for one 小区 of a community; removing the role clears the seat', async () => {
    const granted = ok(
      await act(admin, 'role.grant', {
        openid: wang,
        role: 'owners_committee',
        unitId: 'community-wutong',
        estate: '梧桐苑',
        reason: '业委会换届选举产生',
      }),
    );
    expect(granted.person.roles).toEqual(['resident', 'owners_committee']);
    expect(granted.entry).toMatchObject({ role: 'owners_committee', scope: '梧桐社区 · 梧桐苑' });
    const db = databaseOf(env.emu);
    expect((await db.collection('users').doc(wang).get()).data).toMatchObject({ councilEstate: '梧桐苑' });
    // Her seat is 梧桐苑: she raises 业委会 topics for it, not as 物业 nor for another 小区.
    expect((await raise(wang, 'owners_committee')).estate).toBe('梧桐苑');
    expect(await act(wang, 'council.raise', { party: 'property', title: '物业费调整', body: '物业费标准多年未调整，需要三方商量' })).toMatchObject({
      ok: false,
      code: 'COUNCIL_NOT_PARTY',
    });
    expect(
      await act(wang, 'council.raise', {
        party: 'owners_committee',
        estate: '银杏苑',
        title: '物业费调整',
        body: '物业费标准多年未调整，需要三方商量',
      }),
    ).toMatchObject({ ok: false, code: 'COUNCIL_NOT_PARTY' });
    ok(await act(admin, 'role.revoke', { openid: wang, role: 'owners_committee', reason: '任期届满' }));
    const after = (await db.collection('users').doc(wang).get()).data;
    expect(after.roles).toEqual(['resident']);
    expect(after.councilEstate).toBeUndefined();
    // A 小区 belongs to the council roles only.
    expect(
      await act(admin, 'role.grant', { openid: li, role: 'staff', unitId: 'community-wutong', estate: '梧桐苑', reason: '社区招聘' }),
    ).toMatchObject({
      ok: false,
      code: 'BAD_INPUT',
    });
  });
});

describe('三方议事: the community’s staff fill its seats', () => {
  it('staff appoint and remove 业委会委员 and 物业代表 of their own community, nothing else, never themselves', async () => {
    const seat = { openid: li, role: 'property_rep', unitId: 'community-wutong', reason: '物业公司派驻代表' };
    const granted = ok(await act(sun, 'role.grant', seat));
    expect(granted.person.roles).toEqual(['resident', 'property_rep']);
    expect(granted.entry).toMatchObject({ role: 'property_rep', scope: '梧桐社区', byName: '孙丽' });
    expect(ok(await call(sun, 'council.members')).members).toEqual(
      expect.arrayContaining([{ id: li, name: '李明', parties: ['property'], estate: null }]),
    );
    // Not another role, not another community's seat, not herself.
    expect(await act(sun, 'role.grant', { ...seat, role: 'staff' })).toMatchObject({ ok: false, code: 'FORBIDDEN_SCOPE' });
    expect(await act(sun, 'role.grant', { ...seat, openid: zhang, role: 'grid_worker', unitId: 'grid-1' })).toMatchObject({
      ok: false,
      code: 'FORBIDDEN_SCOPE',
    });
    expect(await act(outsider, 'role.grant', { ...seat, openid: zhang })).toMatchObject({ ok: false, code: 'FORBIDDEN_SCOPE' });
    expect(await act(sun, 'role.grant', { ...seat, openid: sun })).toMatchObject({ ok: false, code: 'FORBIDDEN_SELF' });
    expect(await act(sun, 'role.revoke', { openid: admin, role: 'admin', reason: '越权免职' })).toMatchObject({ ok: false, code: 'FORBIDDEN_SCOPE' });
    const removed = ok(await act(sun, 'role.revoke', { openid: li, role: 'property_rep', reason: '物业公司更换代表' }));
    expect(removed.person.roles).toEqual(['resident']);
  });
});

describe('三方议事: one vote per household', () => {
  it('20 members of 5 households vote at once: 5 ballots, each reply true of the stored tally', async () => {
    const topic = await raise(sun, 'community');
    await toVote(topic.id);
    const crowd = await households(20, 5);
    const choices = ['agree', 'disagree', 'agree', 'abstain', 'agree'];
    const replies = await Promise.all(
      crowd.map((who, i) => call(who, 'council.vote', { topicId: topic.id, choice: choices[i % 5] }, rid('vote', i))),
    );

    const won = crowd.filter((_, i) => replies[i].ok);
    expect(won).toHaveLength(5);
    for (const reply of replies.filter((r) => !r.ok))
      expect(reply).toMatchObject({ code: 'COUNCIL_HOUSEHOLD_VOTED', message: '你家已经投过票了（每户一票）' });
    const db = databaseOf(env.emu);
    const stored = (await db.collection('council_ballots').where({ topicId: topic.id }).get()).data;
    expect(stored).toHaveLength(5);
    // One winner per home, and the stored ballot is the winner's, with the winner's choice.
    expect(new Set(stored.map((b: any) => b.householdId)).size).toBe(5);
    expect(stored.map((b: any) => b.voterId).sort()).toEqual([...won].sort());
    for (const b of stored) expect(b.choice).toBe(choices[crowd.indexOf(b.voterId) % 5]);
    // Each winner's reply: their home's vote is theirs, and the tally is at most the final one.
    for (const [i, reply] of replies.entries()) {
      if (!reply.ok) continue;
      expect(reply.data.topic.myVote).toEqual({ choice: choices[i % 5], byMe: true });
      const { agree, disagree, abstain } = reply.data.topic.vote;
      expect(agree + disagree + abstain).toBeGreaterThanOrEqual(1);
      expect(agree).toBeLessThanOrEqual(3);
    }
    const final = ok(await call(crowd[0], 'council.get', { topicId: topic.id })).topic;
    expect(final.vote).toMatchObject({ agree: 3, disagree: 1, abstain: 1, open: true, passed: true });
    // A home's members who lost see their home's vote, not theirs.
    const loser = crowd.find((who) => !won.includes(who))!;
    expect(ok(await call(loser, 'council.get', { topicId: topic.id })).topic.myVote).toMatchObject({ byMe: false });
    await expectCovered(env.emu);
  });

  it('a retry answers the tally without a second vote; voting again, without a home, or after the deadline is refused', async () => {
    const topic = await raise(sun, 'community');
    await toVote(topic.id);
    const [first, sameHome] = await households(2, 1);
    const cast = ok(await call(first, 'council.vote', { topicId: topic.id, choice: 'agree' }, 'vote-once'));
    const again = ok(await call(first, 'council.vote', { topicId: topic.id, choice: 'agree' }, 'vote-once'));
    expect(again.topic.vote).toEqual(cast.topic.vote);
    expect(again.topic.vote.agree).toBe(1);
    expect(await call(first, 'council.vote', { topicId: topic.id, choice: 'disagree' }, 'vote-twice')).toMatchObject({
      ok: false,
      code: 'COUNCIL_HOUSEHOLD_VOTED',
    });
    expect(await act(property, 'council.vote', { topicId: topic.id, choice: 'agree' })).toMatchObject({ ok: false, code: 'COUNCIL_NO_HOME' });
    expect(await act(outsider, 'council.vote', { topicId: topic.id, choice: 'agree' })).toMatchObject({ ok: false, code: 'COUNCIL_NO_HOME' });
    expect(await act(sameHome, 'council.vote', { topicId: topic.id, choice: 'agree' })).toMatchObject({ ok: false, code: 'COUNCIL_HOUSEHOLD_VOTED' });
    await env.emu.clock({ advanceMs: 3 * DAY + 60_000 });
    expect(await act(zhang, 'council.vote', { topicId: topic.id, choice: 'agree' })).toMatchObject({ ok: false, code: 'COUNCIL_VOTE_CLOSED' });
    const closed = ok(await call(zhang, 'council.get', { topicId: topic.id })).topic;
    expect(closed).toMatchObject({ status: 'decided', vote: { agree: 1, open: false, passed: true } });
    await env.emu.clock({ reset: true });
  });
});

describe('三方议事: a topic through to its follow-up tasks', () => {
  it('a residents’ topic needs 5 co-signs; the meeting, minutes and tasks follow; the owner marks a task done', async () => {
    const topic = await raise(wang, 'resident');
    expect(topic).toMatchObject({ status: 'gathering', cosigns: 0, cosignsNeeded: 5, raisedByMe: true });
    expect(await act(wang, 'council.cosign', { topicId: topic.id })).toMatchObject({ ok: false, code: 'COUNCIL_OWN_TOPIC' });
    // Not yet on the council's agenda: staff cannot schedule it.
    expect(await act(sun, 'council.schedule', { topicId: topic.id, at: inDays(1), place: '社区议事厅', agenda: [] })).toMatchObject({
      ok: false,
      code: 'BAD_INPUT',
    });
    expect(await act(sun, 'council.schedule', { topicId: topic.id, at: inDays(1), place: '社区议事厅', agenda: ['停车位划线'] })).toMatchObject({
      ok: false,
      code: 'COUNCIL_ILLEGAL_STEP',
    });
    const cosigners = await households(5, 5);
    let last: any;
    for (const who of cosigners) last = ok(await act(who, 'council.cosign', { topicId: topic.id })).topic;
    expect(last).toMatchObject({ status: 'open', cosigns: 5, cosignedByMe: true });
    expect(await act(cosigners[0], 'council.cosign', { topicId: topic.id })).toMatchObject({ ok: false, code: 'COUNCIL_ILLEGAL_STEP' });
    // Neighbours see the resident who raised it as 王**; the community's staff by name.
    expect(ok(await call(cosigners[0], 'council.get', { topicId: topic.id })).topic.raisedByName).toBe('王**');
    expect(ok(await call(sun, 'council.get', { topicId: topic.id })).topic.raisedByName).toBe('王秀英');

    const voted = await toVote(topic.id, [
      { title: '重新划线并设置标识', ownerId: property, deadline: inDays(14) },
      { title: '组织业主代表验收', ownerId: committee, deadline: inDays(20) },
    ]);
    expect(voted).toMatchObject({ status: 'voting', minutes: { byName: '孙丽' }, runs: true });
    expect(voted.attendees).toEqual([
      { name: '孙丽', party: 'community' },
      { name: '叶文华', party: 'owners_committee' },
      { name: '白志刚', party: 'property' },
    ]);
    const mine = ok(await call(property, 'council.list', { view: 'tasks' })).items;
    expect(mine).toHaveLength(1);
    expect(mine[0].tasks).toEqual([expect.objectContaining({ title: '重新划线并设置标识', ownerName: '白志刚', mine: true, status: 'open' })]);
    expect(await act(committee, 'council.finishTask', { topicId: topic.id, taskId: mine[0].tasks[0].id, note: '已完成' })).toMatchObject({
      ok: false,
      code: 'COUNCIL_TASK_NOT_FOUND',
    });
    const done = ok(await act(property, 'council.finishTask', { topicId: topic.id, taskId: mine[0].tasks[0].id, note: '60 个车位已重新划线' })).topic;
    expect(done.tasks[0]).toMatchObject({ status: 'done', note: '60 个车位已重新划线' });
    expect(ok(await call(wang, 'council.list', {})).items.map((t: any) => t.id)).toContain(topic.id);
    await expectCovered(env.emu);
  });

  it('refuses by role and scope: residents do not schedule; another community’s staff do not see the topic; attendees are council members', async () => {
    const topic = await raise(committee, 'owners_committee');
    expect(topic).toMatchObject({ status: 'open', estate: '梧桐苑', raisedByName: '叶文华' });
    const meeting = { topicId: topic.id, at: inDays(1), place: '社区议事厅', agenda: ['停车位划线'] };
    expect(await act(wang, 'council.schedule', meeting)).toMatchObject({ ok: false, code: 'FORBIDDEN_ROLE' });
    expect(await act(outsider, 'council.schedule', meeting)).toMatchObject({ ok: false, code: 'COUNCIL_TOPIC_NOT_FOUND' });
    expect(await call(outsider, 'council.get', { topicId: topic.id })).toMatchObject({ ok: false, code: 'COUNCIL_TOPIC_NOT_FOUND' });
    expect(await act(wang, 'council.raise', { party: 'community', title: '小区停车位', body: '居民冒充社区提出的议题，应被拒绝' })).toMatchObject({
      ok: false,
      code: 'COUNCIL_NOT_PARTY',
    });
    expect(await act(stranger, 'council.raise', { party: 'resident', title: '小区停车位', body: '未登记的人不能提出议题' })).toMatchObject({
      ok: false,
    });
    ok(await act(sun, 'council.schedule', meeting));
    const minutes = { topicId: topic.id, minutes: '三方听取了居民意见，同意重新划线。', decision: '重新划线', vote: null, tasks: [] };
    expect(await act(sun, 'council.minutes', { ...minutes, attendeeIds: [sun, wang] })).toMatchObject({ ok: false, code: 'COUNCIL_PERSON_INVALID' });
    const decided = ok(await act(sun, 'council.minutes', { ...minutes, attendeeIds: [sun, committee] })).topic;
    expect(decided).toMatchObject({ status: 'decided', vote: null });
    expect(await act(sun, 'council.minutes', { ...minutes, attendeeIds: [sun, committee] })).toMatchObject({
      ok: false,
      code: 'COUNCIL_ILLEGAL_STEP',
    });
    expect(await act(wang, 'council.vote', { topicId: topic.id, choice: 'agree' })).toMatchObject({ ok: false, code: 'COUNCIL_NO_VOTE' });
    expect(ok(await call(sun, 'council.members')).members.map((m: any) => m.name)).toEqual(expect.arrayContaining(['孙丽', '叶文华', '白志刚']));
  });

  it('回避: a staff member who raised a topic as a resident does not run it; a colleague does', async () => {
    const topic = await raise(gao, 'resident');
    const cosigners = await households(5, 5);
    for (const who of cosigners) ok(await act(who, 'council.cosign', { topicId: topic.id }));
    const meeting = { topicId: topic.id, at: inDays(1), place: '社区议事厅', agenda: ['停车位划线'] };
    expect(await act(gao, 'council.schedule', meeting)).toMatchObject({ ok: false, code: 'FORBIDDEN_SELF' });
    expect(ok(await call(gao, 'council.get', { topicId: topic.id })).topic.runs).toBe(false);
    expect(ok(await act(sun, 'council.schedule', meeting)).topic.status).toBe('scheduled');
  });
});
