import { ok, useEmulator } from './call';
import { expectCovered, rid } from './points-helpers';
import { admin, gao, li, qian, sun, wang, zhang } from './personas';

/**
 * 双报到: a resident reports as a party member, community staff approve (the member role, their skills and a
 * role_log entry in one transaction) or reject; units report, are reviewed and evaluated once a year.
 */
const env = useEmulator();
const { call } = env;

let serial = 0;
const next = (name: string) => rid(`report-${name}`, ++serial);
const refused = (reply: any, code: string) => expect(reply).toMatchObject({ ok: false, code });
const form = { category: '离退休', partyOrg: '青石机械厂退休党支部', skills: ['修水电', '理发'], freeTimes: '工作日上午' };
const unitForm = {
  name: '区实验小学',
  partyOrg: '区实验小学党支部',
  contactName: '周老师',
  contactPhone: '13900001234',
  resources: ['venue', 'volunteers'],
  offer: '周末开放操场，每月派 5 名志愿者',
};
const rolesOf = async (openid: string) => ok(await call(openid, 'user.me')).roles;

describe('member.report / member.reviewReport / member.list', () => {
  it('a resident reports, staff approve: the member role, the skills and a role_log entry; the list shows the phone masked', async () => {
    const { report } = ok(await call(wang, 'member.report', form, next('r')));
    expect(report).toMatchObject({ status: 'pending', category: '离退休', skills: ['修水电', '理发'], phone: '13800001001' });
    expect(ok(await call(wang, 'member.mine')).report.id).toBe(report.id);

    const waiting = ok(await call(sun, 'member.list', { status: 'pending' }));
    expect(waiting.items).toHaveLength(1);
    expect(waiting.items[0]).toMatchObject({ name: '王秀英', phone: '138****1001' });

    const { report: approved } = ok(await call(sun, 'member.reviewReport', { reportId: report.id, approve: true }, next('a')));
    expect(approved.status).toBe('approved');
    expect(await rolesOf(wang)).toEqual(expect.arrayContaining(['resident', 'member']));
    const members = ok(await call(sun, 'user.listMembers', { limit: 50 })).items;
    expect(members.find((m: any) => m.id === wang)?.skills).toEqual(['修水电', '理发']);
    const log = ok(await call(admin, 'role.log', { openid: wang })).items;
    expect(log).toEqual([expect.objectContaining({ change: 'grant', role: 'member', targetId: wang, byName: '孙丽' })]);
    expect(ok(await call(sun, 'member.list', { status: 'pending' })).items).toEqual([]);
    refused(await call(wang, 'member.report', form, next('again')), 'ALREADY_MEMBER');
    await expectCovered(env.emu);
  });

  it('a second report answers the pending one; a retry replays; a rejection says why and the person may report again', async () => {
    const requestId = next('r');
    const first = ok(await call(li, 'member.report', form, requestId)).report;
    expect(ok(await call(li, 'member.report', { ...form, category: '在职' }, requestId)).report).toEqual(first);
    const second = ok(await call(li, 'member.report', { ...form, category: '在职', skills: [] }, next('r'))).report;
    expect(second).toMatchObject({ id: first.id, category: '在职', skills: [], createdAt: first.createdAt });
    expect(ok(await call(sun, 'member.list', {})).items).toHaveLength(1);

    refused(await call(sun, 'member.reviewReport', { reportId: first.id, approve: false }, next('x')), 'BAD_INPUT');
    const rejected = ok(
      await call(sun, 'member.reviewReport', { reportId: first.id, approve: false, reason: '请补充党组织关系证明' }, next('x')),
    ).report;
    expect(rejected).toMatchObject({ status: 'rejected', reason: '请补充党组织关系证明' });
    expect(await rolesOf(li)).toEqual(['resident']);
    expect(ok(await call(li, 'member.mine')).report.status).toBe('rejected');
    expect(ok(await call(li, 'member.report', form, next('r'))).report.status).toBe('pending');
  });

  it('refuses: a member reporting, others than community staff reviewing or listing, deciding twice', async () => {
    refused(await call(zhang, 'member.report', form, next('r')), 'ALREADY_MEMBER');
    refused(await call(wang, 'member.report', { ...form, category: '预备' }, next('r')), 'BAD_INPUT');
    const { report } = ok(await call(wang, 'member.report', form, next('r')));
    for (const who of [wang, zhang, qian, admin]) {
      refused(await call(who, 'member.reviewReport', { reportId: report.id, approve: true }, next('a')), 'FORBIDDEN_ROLE');
      refused(await call(who, 'member.list', {}), 'FORBIDDEN_ROLE');
    }
    refused(await call(sun, 'member.reviewReport', { reportId: 'no-such-report', approve: true }, next('a')), 'REPORT_NOT_FOUND');
    ok(await call(sun, 'member.reviewReport', { reportId: report.id, approve: true }, next('a')));
    refused(await call(gao, 'member.reviewReport', { reportId: report.id, approve: false, reason: '重复审核' }, next('a')), 'REPORT_DECIDED');
  });

  it('an approval retried replays its reply and grants once', async () => {
    const { report } = ok(await call(wang, 'member.report', form, next('r')));
    const requestId = next('a');
    const first = ok(await call(sun, 'member.reviewReport', { reportId: report.id, approve: true }, requestId));
    expect(ok(await call(sun, 'member.reviewReport', { reportId: report.id, approve: true }, requestId))).toEqual(first);
    expect(ok(await call(admin, 'role.log', { openid: wang })).items).toHaveLength(1);
  });

  it('我的数据: the export holds the report; deleting the account removes it from the staff list', async () => {
    ok(await call(li, 'member.report', form, next('r')));
    ok(await call(li, 'user.exportMine', {}, next('e')));
    await env.emu.fireTrigger('user', 'myData');
    const { url } = ok(await call(li, 'user.exportMine', {}, next('e')));
    const exported = await (await fetch(url)).text();
    expect(exported).toContain('青石机械厂退休党支部');
    ok(await call(li, 'user.deleteMine', { confirm: '确认注销' }, next('d')));
    await env.emu.fireTrigger('user', 'myData');
    expect(ok(await call(sun, 'member.list', {})).items).toEqual([]);
  });

  it('two staff approving at once: one grant, one role_log entry', async () => {
    const { report } = ok(await call(wang, 'member.report', form, next('r')));
    const replies = await Promise.all([
      call(sun, 'member.reviewReport', { reportId: report.id, approve: true }, next('a')),
      call(gao, 'member.reviewReport', { reportId: report.id, approve: true }, next('a')),
    ]);
    expect(replies.filter((r) => r.ok)).toHaveLength(1);
    expect(replies.filter((r) => !r.ok).map((r) => r.code)).toEqual([expect.stringMatching(/^(REPORT_DECIDED|BUSY)$/)]);
    expect((await rolesOf(wang)).filter((r: string) => r === 'member')).toHaveLength(1);
    expect(ok(await call(admin, 'role.log', { openid: wang })).items).toHaveLength(1);
  });
});

describe('unit.report / unit.review / unit.evaluate / unit.list', () => {
  it('a unit reports, staff approve and evaluate once a year; street staff see the evaluation', async () => {
    const requestId = next('u');
    const { unit } = ok(await call(wang, 'unit.report', unitForm, requestId));
    expect(ok(await call(wang, 'unit.report', unitForm, requestId)).unit).toEqual(unit);
    expect(ok(await call(sun, 'unit.list', {})).items.map((u: any) => u.id)).toEqual([unit.id]);

    refused(await call(sun, 'unit.evaluate', { unitId: unit.id, year: 2026, score: 90, comment: '很好' }, next('e')), 'UNIT_NOT_APPROVED');
    expect(ok(await call(sun, 'unit.review', { unitId: unit.id, approve: true }, next('v'))).unit.status).toBe('approved');
    refused(await call(gao, 'unit.review', { unitId: unit.id, approve: true }, next('v')), 'REPORT_DECIDED');

    const evaluation = { unitId: unit.id, year: 2026, score: 92, comment: '场地开放及时，志愿者积极' };
    const evalId = next('e');
    const evaluated = ok(await call(sun, 'unit.evaluate', evaluation, evalId)).unit;
    expect(evaluated.evaluations).toEqual([{ year: 2026, score: 92, comment: '场地开放及时，志愿者积极', byName: '孙丽' }]);
    expect(ok(await call(sun, 'unit.evaluate', evaluation, evalId)).unit).toEqual(evaluated);
    refused(await call(gao, 'unit.evaluate', { ...evaluation, score: 60 }, next('e')), 'UNIT_ALREADY_EVALUATED');
    ok(await call(gao, 'unit.evaluate', { ...evaluation, year: 2027, score: 80 }, next('e')));

    const street = ok(await call(qian, 'unit.list', { status: 'approved' })).items;
    expect(street).toHaveLength(1);
    expect(street[0].evaluations.map((e: any) => [e.year, e.score])).toEqual([
      [2027, 80],
      [2026, 92],
    ]);
    await expectCovered(env.emu);
  });

  it('refuses bad input, other roles, a rejection without a reason, and scores out of range', async () => {
    refused(await call(wang, 'unit.report', { ...unitForm, resources: [] }, next('u')), 'BAD_INPUT');
    refused(await call(wang, 'unit.report', { ...unitForm, contactPhone: '123' }, next('u')), 'BAD_INPUT');
    const { unit } = ok(await call(wang, 'unit.report', unitForm, next('u')));
    refused(await call(wang, 'unit.review', { unitId: unit.id, approve: true }, next('v')), 'FORBIDDEN_ROLE');
    refused(await call(qian, 'unit.review', { unitId: unit.id, approve: true }, next('v')), 'FORBIDDEN_ROLE');
    refused(await call(wang, 'unit.list', {}), 'FORBIDDEN_ROLE');
    refused(await call(sun, 'unit.review', { unitId: unit.id, approve: false }, next('v')), 'BAD_INPUT');
    const rejected = ok(await call(sun, 'unit.review', { unitId: unit.id, approve: false, reason: '请补充联系人' }, next('v'))).unit;
    expect(rejected).toMatchObject({ status: 'rejected', reason: '请补充联系人' });
    refused(await call(sun, 'unit.evaluate', { unitId: unit.id, year: 2026, score: 101, comment: '好' }, next('e')), 'BAD_INPUT');
  });
});

describe('双报到 reaches the staff who review it', () => {
  it('a new report tells the community staff who consented, never the reporter; the badge on 报到审核 counts what waits', async () => {
    expect(ok(await call(sun, 'user.me')).pendingReports).toBe(0);
    expect(ok(await call(wang, 'user.me')).pendingReports).toBeUndefined();
    ok(await call(wang, 'member.report', form, next('r')));
    ok(await call(li, 'unit.report', unitForm, next('u')));
    const told = async () =>
      (await env.emu.outbox()).filter((m) => m.templateId === 'report-submitted').map((m) => [m.touser, JSON.stringify(m.data), m.page]);
    // 孙丽 holds the long-term grant; 高敏 has not accepted the work notices yet, so nothing can reach her.
    expect(await told()).toEqual([
      [sun, expect.stringContaining('党员报到'), 'package-report/review/index'],
      [sun, expect.stringContaining('区实验小学'), 'package-report/review/index'],
    ]);
    expect(ok(await call(sun, 'user.me')).pendingReports).toBe(2);
    expect(ok(await call(gao, 'user.me')).pendingReports).toBe(2);
    // Changing a waiting report is not news; a retry of one is not either.
    ok(await call(wang, 'member.report', { ...form, freeTimes: '周末' }, next('r')));
    const again = next('u');
    ok(await call(li, 'unit.report', unitForm, again));
    ok(await call(li, 'unit.report', unitForm, again));
    expect(await told()).toHaveLength(3);
    // Staff reporting a unit themself are not told of their own report.
    ok(await call(sun, 'unit.report', { ...unitForm, name: '青石社区卫生站' }, next('u')));
    expect(await told()).toHaveLength(3);
    // Once decided, it no longer counts.
    const { items } = ok(await call(gao, 'member.list', { status: 'pending' }));
    ok(await call(gao, 'member.reviewReport', { reportId: items[0].id, approve: true }, next('a')));
    expect(ok(await call(sun, 'user.me')).pendingReports).toBe(3);
    await expectCovered(env.emu);
  });
});
