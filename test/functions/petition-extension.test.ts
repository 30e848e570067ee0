// 延期申请 (issue 15): the handler holding a case asks the level above for a later deadline for the current step;
// an approved one moves the deadline the timer escalates at and is shown to the resident.
import { ok, useEmulator } from './call';
import { databaseOf } from './ledger-fixture';
import { consent, file, HOUR, sent, upload } from './petition-fixtures';
import { gao, liu, luo, qian, song, sun, wang, zhao } from './personas';
import { verifyDays } from './stats-random';

jest.setTimeout(120_000);

const env = useEmulator();
const { call } = env;

// 09:00 in Beijing, 2 March: the case is filed and the grid takes it at once, so the grid has 72 hours to settle
// it (the ladder's deadline: 5 March 09:00, give or take the milliseconds the emulator's clock runs on), and may
// ask up to 30 days beyond that (4 April 09:00).
const T0 = '2026-03-02T01:00:00.000Z';
const DAY = 24 * HOUR;
let LADDER_DUE = '';
let LATEST = '';
// The end of 7 March in Beijing.
const UNTIL = '2026-03-07T15:59:59.999Z';

const get = async (id: string, who = wang) => ok(await call(who, 'petition.get', { petitionId: id })).petition;
const stored = async (id: string) => (await databaseOf(env.emu).collection('petitions').doc(id).get()).data as any;
const lines = (timeline: any[]) => timeline.filter((s) => s.event.startsWith('extend')).map((s) => [s.event, s.level, s.by]);
const ask = (who: string, petitionId: string, until = UNTIL, requestId?: string) =>
  call(who, 'petition.requestExtension', { petitionId, reason: '需要等待施工队排期，材料周末才到', until }, requestId);

/** 王秀英's ramp, taken by 刘芳 at the grid at T0. */
async function taken(): Promise<string> {
  await env.emu.clock({ set: T0 });
  const id = await file(call);
  const { dueAt } = ok(await call(liu, 'petition.accept', { petitionId: id })).petition;
  LADDER_DUE = dueAt;
  LATEST = new Date(Date.parse(dueAt) + 30 * DAY).toISOString();
  expect(LADDER_DUE.slice(0, 16)).toBe('2026-03-05T01:00');
  return id;
}

/** A second district staff member, written straight into the database (the seed has one). */
async function secondDistrictStaff(): Promise<string> {
  await databaseOf(env.emu)
    .collection('users')
    .add({
      data: {
        _id: 'district-two',
        name: '韩督办',
        phone: '13900009002',
        roles: ['district_staff'],
        streetId: '',
        communityId: '',
        gridId: null,
        buildingId: null,
        room: null,
        birthYear: 1980,
      },
    });
  return 'district-two';
}

describe('延期申请: ask, decide, and the deadline moves', () => {
  it('the grid asks, the community approves: the deadline, the timeline, the notices and the resident’s view', async () => {
    await consent(call, wang, 3);
    const id = await taken();
    const before = await get(id, liu);
    expect(before).toMatchObject({ dueAt: LADDER_DUE, extendedUntil: null, extension: null, decidesExtension: false });
    expect(before.mayExtend).toEqual({ after: LADDER_DUE, latest: LATEST });

    const assignedBefore = (await sent(env.emu, 'petition-assigned')).length;
    const asked = ok(await ask(liu, id, UNTIL, 'ext-ask-1')).petition;
    expect(asked).toMatchObject({ dueAt: LADDER_DUE, extendedUntil: null, mayExtend: null });
    expect(asked.extension).toMatchObject({ status: 'pending', until: UNTIL, level: 'grid', requestedBy: '刘芳', decidedBy: null });
    // A retry of the same tap answers the same and asks nothing more.
    expect(ok(await ask(liu, id, UNTIL, 'ext-ask-1')).petition.extension).toEqual(asked.extension);
    // The community (the level above) is told; the grid worker who asked is not (高敏 has not accepted work notices yet:
    // hers is an in-app message only).
    const told = (await sent(env.emu, 'petition-assigned')).slice(assignedBefore);
    expect(told.map((m) => m.touser)).toEqual([sun]);
    expect(told[0].data.thing4.value).toContain('申请延期');
    // A second request while one is pending is refused, saying why.
    expect(await ask(liu, id, '2026-03-06T15:59:59.999Z')).toMatchObject({
      ok: false,
      code: 'PETITION_EXTENSION_PENDING',
      message: '这一步已有一份延期申请待审批，请等审批结果',
    });
    // The community's staff may decide; the resident sees neither the request nor any new deadline yet.
    expect(await get(id, sun)).toMatchObject({ decidesExtension: true, extension: { status: 'pending' } });
    expect(await get(id)).toMatchObject({ extension: null, extendedUntil: null, decidesExtension: false, mayExtend: null });
    // The street's 督办员 sees the request and its line (worth knowing before carding the case), but does not decide it;
    // another street's 督办员 does not open the case at all.
    const supervised = await get(id, song);
    expect(supervised).toMatchObject({ decidesExtension: false, mayExtend: null, extension: { status: 'pending', requestedBy: '刘芳' } });
    expect(lines(supervised.timeline)).toEqual([['extendRequest', 'grid', '刘芳']]);
    expect(lines((await get(id)).timeline)).toEqual([]);

    const progressBefore = (await sent(env.emu, 'petition-progress')).length;
    const decided = ok(await call(sun, 'petition.decideExtension', { petitionId: id, approve: true, note: '同意，请按期完成' }, 'ext-ok-1')).petition;
    expect(decided).toMatchObject({ dueAt: UNTIL, extendedUntil: UNTIL, decidesExtension: false });
    expect(decided.extension).toMatchObject({ status: 'approved', decidedBy: '孙丽', note: '同意，请按期完成' });
    // Stored as answered: the case's deadline and the timer's next look are the new date.
    const doc = await stored(id);
    expect(new Date(doc.dueAt).toISOString()).toBe(UNTIL);
    expect(new Date(doc.actAt).toISOString()).toBe(UNTIL);
    expect(new Date(doc.extendedUntil).toISOString()).toBe(UNTIL);
    expect(doc.extension).toMatchObject({ status: 'approved', decidedBy: sun, requestedBy: liu });

    // The grid worker hears the decision; the resident hears the new deadline.
    const toLiu = (await sent(env.emu, 'petition-assigned')).filter((m) => m.touser === liu);
    expect(toLiu.at(-1)!.data.thing4.value).toBe('同意延期至 03-07 23:59');
    const progress = (await sent(env.emu, 'petition-progress')).slice(progressBefore);
    expect(progress.map((m) => m.touser)).toEqual([wang]);
    expect(progress[0].data.thing3.value).toBe('办理期限延至 03-07 23:59');

    const seen = await get(id);
    expect(seen).toMatchObject({ dueAt: UNTIL, extendedUntil: UNTIL, extension: null, overdue: false });
    // She sees the approval (办理期限延至 …), not the staff's request; the handler sees both.
    expect(lines(seen.timeline)).toEqual([['extend', 'grid', '孙丽']]);
    expect(lines((await get(id, liu)).timeline)).toEqual([
      ['extendRequest', 'grid', '刘芳'],
      ['extend', 'grid', '孙丽'],
    ]);
    expect(seen.timeline.at(-1).note).toBe('同意延期，办理期限延至 2026-03-07 23:59：同意，请按期完成');
    // A further extension is still possible within the bound, from the new deadline on.
    expect((await get(id, liu)).mayExtend).toEqual({ after: UNTIL, latest: LATEST });
  });

  it('a refusal keeps the deadline, tells the grid worker why, and lets them ask again', async () => {
    const id = await taken();
    ok(await ask(liu, id));
    expect(await call(sun, 'petition.decideExtension', { petitionId: id, approve: false })).toMatchObject({ ok: false, code: 'BAD_INPUT' });
    const refused = ok(await call(sun, 'petition.decideExtension', { petitionId: id, approve: false, note: '材料可以先用库存' })).petition;
    expect(refused).toMatchObject({ dueAt: LADDER_DUE, extendedUntil: null, extension: { status: 'refused', note: '材料可以先用库存' } });
    expect((await stored(id)).actAt).toEqual((await stored(id)).dueAt);
    expect(new Date((await stored(id)).actAt).toISOString()).toBe(LADDER_DUE);
    expect((await sent(env.emu, 'petition-assigned')).filter((m) => m.touser === liu).at(-1)!.data.thing4.value).toContain('不同意延期');
    expect(lines((await get(id, liu)).timeline)).toEqual([
      ['extendRequest', 'grid', '刘芳'],
      ['extendRefused', 'grid', '孙丽'],
    ]);
    // The resident sees neither: her deadline did not change.
    expect(lines((await get(id)).timeline)).toEqual([]);
    // Deciding it again is refused; a new request may be made.
    expect(await call(gao, 'petition.decideExtension', { petitionId: id, approve: true })).toMatchObject({
      ok: false,
      code: 'PETITION_EXTENSION_DECIDED',
    });
    expect(ok(await ask(liu, id)).petition.extension).toMatchObject({ status: 'pending' });
  });
});

describe('延期申请: who may ask and decide, and when', () => {
  it('only the holder asks, for a date after the current deadline and at most 30 days beyond the ladder’s', async () => {
    const id = await taken();
    // Someone on the ladder above (the community) is told where the case is; another grid's worker, that it is not theirs.
    expect(await ask(sun, id)).toMatchObject({ ok: false, code: 'PETITION_NOT_HOLDER' });
    expect(await ask(zhao, id)).toMatchObject({ ok: false, code: 'FORBIDDEN_SCOPE' });
    expect(await ask(wang, id)).toMatchObject({ ok: false, code: 'FORBIDDEN_ROLE' });
    // Not later than the current deadline, or too far.
    expect(await ask(liu, id, LADDER_DUE)).toMatchObject({ ok: false, code: 'PETITION_EXTENSION_DATE', message: expect.stringContaining('须晚于') });
    expect(await ask(liu, id, new Date(Date.parse(LATEST) + 1).toISOString())).toMatchObject({
      ok: false,
      code: 'PETITION_EXTENSION_DATE',
      message: '最多延至 2026-04-04 09:00（原期限后 30 天）',
    });
    expect(await ask(liu, id, 'next week')).toMatchObject({ ok: false, code: 'BAD_INPUT' });
    // The latest allowed is allowed; the reason passes the content check like other text.
    expect(await call(liu, 'petition.requestExtension', { petitionId: id, reason: '短', until: LATEST })).toMatchObject({
      ok: false,
      code: 'BAD_INPUT',
    });
    expect(ok(await ask(liu, id, LATEST)).petition.extension).toMatchObject({ until: LATEST });
    // Nothing was written by the refusals: one request line.
    expect(lines((await get(id, liu)).timeline)).toEqual([['extendRequest', 'grid', '刘芳']]);
  });

  it('only the level above decides, never who asked, and a request whose step is gone lapses', async () => {
    const id = await taken();
    ok(await ask(liu, id));
    // The grid worker who asked is not of the level above; the street is not the level above the grid.
    expect(await call(liu, 'petition.decideExtension', { petitionId: id, approve: true })).toMatchObject({ ok: false, code: 'FORBIDDEN_ROLE' });
    expect(await call(qian, 'petition.decideExtension', { petitionId: id, approve: true })).toMatchObject({ ok: false, code: 'FORBIDDEN_SCOPE' });

    // The case moves while the request is pending: it lapses, and nobody may decide it any more.
    ok(await call(liu, 'petition.escalate', { petitionId: id, reason: '需要社区协调施工队' }));
    const moved = await get(id, sun);
    expect(moved).toMatchObject({ level: 'community', status: 'pending', extension: null, decidesExtension: false, extendedUntil: null });
    expect(await call(sun, 'petition.decideExtension', { petitionId: id, approve: true })).toMatchObject({
      ok: false,
      code: 'PETITION_EXTENSION_LAPSED',
    });
    // The new holder may ask for their own step.
    expect(moved.mayExtend).not.toBeNull();
  });

  it('the level above opens the case its notice links to, though the case has not reached it — a private one too', async () => {
    // A dispute between neighbours is never listed: the street sees nothing of it until the community asks.
    await env.emu.clock({ set: T0 });
    const id = await file(call, wang, { categoryId: 'dispute', description: '楼上邻居每天深夜装修，噪音很大' });
    ok(await call(liu, 'petition.escalate', { petitionId: id, reason: '需要社区调解' }));
    ok(await call(sun, 'petition.accept', { petitionId: id }));
    expect(await call(qian, 'petition.get', { petitionId: id })).toMatchObject({ ok: false, code: 'PETITION_NOT_FOUND' });
    ok(await ask(sun, id));
    const seen = await get(id, qian);
    expect(seen).toMatchObject({ level: 'community', decidesExtension: true, extension: { status: 'pending', requestedBy: '孙丽' } });
    // As a neighbour would see her: masked.
    expect(seen.reporter).toMatchObject({ name: '王**', phone: null, room: null });
    expect(ok(await call(qian, 'petition.decideExtension', { petitionId: id, approve: true })).petition.extension).toMatchObject({
      status: 'approved',
    });
    // Once the case moves on, the request is gone and so is the street's view of the case.
    ok(await call(sun, 'petition.resolve', { petitionId: id, feedback: '已组织双方调解，约定装修时间' }));
    expect(await call(qian, 'petition.get', { petitionId: id })).toMatchObject({ ok: false, code: 'PETITION_NOT_FOUND' });
  });

  it('the district’s own step: a colleague decides, not who asked', async () => {
    const other = await secondDistrictStaff();
    const id = await taken();
    ok(await call(liu, 'petition.escalate', { petitionId: id, reason: '需要社区协调施工队' }));
    ok(await call(sun, 'petition.escalate', { petitionId: id, reason: '涉及道路产权，需要街道协调' }));
    ok(await call(qian, 'petition.escalate', { petitionId: id, reason: '需要区级统筹多个部门' }));
    ok(await call(luo, 'petition.accept', { petitionId: id }));
    const latest = (await get(id, luo)).mayExtend.latest;
    ok(await ask(luo, id, latest));
    expect(await call(luo, 'petition.decideExtension', { petitionId: id, approve: true })).toMatchObject({
      ok: false,
      code: 'FORBIDDEN_SELF',
      message: '不能为自己办理，请由其他工作人员或管理员办理',
    });
    expect(await get(id, luo)).toMatchObject({ decidesExtension: false });
    expect(await get(id, other)).toMatchObject({ decidesExtension: true });
    expect(ok(await call(other, 'petition.decideExtension', { petitionId: id, approve: true })).petition).toMatchObject({
      extendedUntil: latest,
      extension: { status: 'approved', decidedBy: '韩督办' },
    });
  });

  it('a case a staff member reported as a resident: they neither ask nor decide for it (回避)', async () => {
    // 高敏 (community staff, a resident too) reports the ramp; the grid takes it and asks for more time.
    await env.emu.clock({ set: T0 });
    const id = await file(call, gao);
    ok(await call(liu, 'petition.accept', { petitionId: id }));
    ok(await ask(liu, id));
    expect(await get(id, gao)).toMatchObject({ decidesExtension: false });
    expect(await call(gao, 'petition.decideExtension', { petitionId: id, approve: true })).toMatchObject({ ok: false, code: 'FORBIDDEN_SELF' });
    ok(await call(sun, 'petition.decideExtension', { petitionId: id, approve: false, note: '请按原期限办理' }));
    // At the community, where she works, she may not ask for it either.
    ok(await call(liu, 'petition.escalate', { petitionId: id, reason: '需要社区协调施工队' }));
    expect((await get(id, gao)).mayExtend).toBeNull();
    expect((await get(id, sun)).mayExtend).not.toBeNull();
    expect(await ask(gao, id)).toMatchObject({ ok: false, code: 'FORBIDDEN_SELF' });
  });
});

describe('延期待批: the level above lists the requests it decides', () => {
  const waiting = async (who: string, level?: string) =>
    ok(await call(who, 'petition.listQueue', { extensions: true, ...(level ? { level } : {}) })).items.map((p: any) => p.id);

  it('lists each pending request on its decider’s list only, until it is decided or lapses — one indexed page', async () => {
    const id = await taken();
    ok(await ask(liu, id));
    // The grid's request is the community's to decide: on 孙丽's list, with the request on the row; not the street's.
    const listed = ok(await call(sun, 'petition.listQueue', { extensions: true }));
    expect(listed).toMatchObject({ level: 'community', unitName: '梧桐社区' });
    expect(listed.items.map((p: any) => p.id)).toContain(id);
    expect(listed.items.find((p: any) => p.id === id)).toMatchObject({ decidesExtension: true, extension: { status: 'pending' } });
    expect(await waiting(qian)).not.toContain(id);
    // Decided: off the list.
    ok(await call(sun, 'petition.decideExtension', { petitionId: id, approve: false, note: '先按原期限办理' }));
    expect(await waiting(sun)).not.toContain(id);

    // The community asks the street: on 钱伟's list; the case moves on (resolved): the request lapses, off the list.
    ok(await call(liu, 'petition.escalate', { petitionId: id, reason: '需要社区协调施工队' }));
    ok(await call(sun, 'petition.accept', { petitionId: id }));
    const latest = (await get(id, sun)).mayExtend.latest;
    ok(await ask(sun, id, latest));
    expect(await waiting(qian)).toContain(id);
    expect(await waiting(sun)).not.toContain(id);
    expect(await waiting(luo)).not.toContain(id);
    ok(await call(sun, 'petition.resolve', { petitionId: id, feedback: '已联系施工队修补坡道' }));
    expect(await waiting(qian)).not.toContain(id);
    expect((await stored(id)).extensionDecider).toBeNull();
    expect((await env.emu.meter()).flatMap((r) => r.uncovered)).toEqual([]);
  });

  it('is for the deciding levels only: a grid worker has no such list', async () => {
    expect(await call(liu, 'petition.listQueue', { extensions: true })).toMatchObject({ ok: false, code: 'FORBIDDEN_SCOPE' });
  });
});

describe('延期申请: two decisions at once, and the timer', () => {
  it('two approvals racing (and a refusal): exactly one wins, the others are told it was decided, and every reply is true', async () => {
    const id = await taken();
    ok(await ask(liu, id));
    const replies = await Promise.all([
      call(sun, 'petition.decideExtension', { petitionId: id, approve: true, note: '同意' }, 'race-sun'),
      call(gao, 'petition.decideExtension', { petitionId: id, approve: true, note: '同意延期' }, 'race-gao'),
      call(gao, 'petition.decideExtension', { petitionId: id, approve: false, note: '不同意' }, 'race-gao-no'),
    ]);
    const won = replies.filter((r) => r.ok);
    expect(won).toHaveLength(1);
    expect(replies.filter((r) => !r.ok).map((r) => r.code)).toEqual(['PETITION_EXTENSION_DECIDED', 'PETITION_EXTENSION_DECIDED']);
    const doc = await stored(id);
    const winner = won[0].data.petition.extension;
    // The data says what the winner was told: who decided, how, and (approved) the deadline.
    expect(doc.extension).toMatchObject({ status: winner.status, note: winner.note, decidedBy: winner.decidedBy === '孙丽' ? sun : gao });
    expect(doc.history.filter((s: any) => s.event === 'extend' || s.event === 'extendRefused')).toHaveLength(1);
    expect(doc.extendedUntil ? new Date(doc.extendedUntil).toISOString() : null).toBe(won[0].data.petition.extendedUntil);
    expect(new Date(doc.dueAt).toISOString()).toBe(won[0].data.petition.dueAt);
    // A retry of each tap answers as it was answered.
    const again = await call(sun, 'petition.decideExtension', { petitionId: id, approve: true, note: '同意' }, 'race-sun');
    expect(again.ok).toBe(replies[0].ok);
  });

  it('the timer escalates at the extended date, not the ladder’s', async () => {
    const id = await taken();
    ok(await ask(liu, id));
    ok(await call(sun, 'petition.decideExtension', { petitionId: id, approve: true }));
    // An hour past the ladder's deadline: the grid keeps the case.
    await env.emu.clock({ set: new Date(Date.parse(LADDER_DUE) + HOUR).toISOString() });
    await env.emu.fireTrigger('petition');
    expect(await get(id)).toMatchObject({ level: 'grid', status: 'accepted', overdue: false, dueAt: UNTIL });
    // A minute past the extended one: it climbs, and the new step has the ladder's clock again.
    await env.emu.clock({ set: new Date(Date.parse(UNTIL) + 60_000).toISOString() });
    await env.emu.fireTrigger('petition');
    const up = await get(id, sun);
    expect(up).toMatchObject({ level: 'community', status: 'pending', extendedUntil: null, extension: null });
    expect(up.timeline.at(-1)).toMatchObject({ event: 'escalate', automatic: true });
    expect(up.dueAt).toBe(new Date(Date.parse(up.timeline.at(-1).at) + 24 * HOUR).toISOString());
    expect((await stored(id)).extendedUntil).toBeNull();
  });

  it('refuses a closed case, a case not found, and a decision with no request', async () => {
    await env.emu.clock({ set: T0 });
    const id = await file(call);
    expect(await call(sun, 'petition.decideExtension', { petitionId: id, approve: true })).toMatchObject({
      ok: false,
      code: 'PETITION_EXTENSION_NONE',
    });
    ok(await call(liu, 'petition.dismiss', { petitionId: id, reason: '重复提交的诉求' }));
    expect(await ask(liu, id)).toMatchObject({ ok: false, code: 'PETITION_ILLEGAL_MOVE' });
    expect(await ask(liu, 'no-such-case')).toMatchObject({ ok: false, code: 'PETITION_NOT_FOUND' });
  });
});

describe('延期申请 in the reports', () => {
  it('a case resolved after the ladder’s deadline but before the extended one counts as 按期办结, and the verify job agrees', async () => {
    const id = await taken();
    ok(await ask(liu, id));
    ok(await call(sun, 'petition.decideExtension', { petitionId: id, approve: true }));
    // 6 March 10:00 in Beijing: a day past the ladder's deadline (5 March 09:00), before the extended one (7 March).
    await env.emu.clock({ set: '2026-03-06T02:00:00.000Z' });
    const [before, after] = [await upload(env.emu, liu, 'before.png'), await upload(env.emu, liu, 'after.png')];
    ok(await call(liu, 'petition.resolve', { petitionId: id, feedback: '坡道已经修好了', beforePhotos: [before], afterPhotos: [after] }));
    await env.emu.invoke('report', { Type: 'timer', TriggerName: 'stats' });
    // The rates are of the cases filed in the period (filed 2 March).
    const counted = ok(await call(sun, 'report.dashboard', { from: '2026-03-02', to: '2026-03-06' })).petitions;
    expect(counted).toMatchObject({ received: 1, resolved: 1 });
    expect(counted.onTimeRate).toBe(1);
    // Recounted from the cases' history alone, the days' counters are the same.
    const checks = await verifyDays(env.emu, call, ['2026-03-02', '2026-03-06']);
    expect(checks.map((c) => [c.status, c.differences])).toEqual([
      ['done', []],
      ['done', []],
    ]);
  });
});
