import { ok, useEmulator } from './call';
import { file, sent } from './petition-fixtures';
import { insertDocs } from './post-helpers';
import { admin, he, li, liu, qian, song, sun, wang, xu, zhao, zheng } from './personas';

/**
 * 督办员 (issue 15): 宋嘉 supervises 青石街道, 郑和平 the district. They see every open case of their area with its
 * card, card a step by hand, and order a case escalated (责令上报) or reassigned (改派) — never outside their area,
 * never a closed case, never one they filed themselves.
 */
const env = useEmulator();
const { call } = env;

let serial = 0;
const rid = (what: string) => `supervise-${what}-${++serial}`;
const refused = (reply: any, code: string) => expect(reply).toMatchObject({ ok: false, code });
const comment = '超过三天没有进展，请尽快处理';
const districtAdmin = 'o-sup-district-admin';
const otherSupervisor = 'o-sup-baihe';

async function outsiders(): Promise<void> {
  const person = { room: null, birthYear: 1980, buildingId: null, communityId: '', gridId: null };
  await insertDocs(env.emu, 'users', [
    { _id: districtAdmin, name: '区管理员', phone: '13900009002', roles: ['admin'], adminScope: 'district', streetId: '', ...person },
    {
      _id: otherSupervisor,
      name: '白督办',
      phone: '13900009003',
      roles: ['supervisor'],
      supervisorScope: 'street',
      streetId: 'street-baihe',
      ...person,
    },
  ]);
}

/** A case escalated to the street and summoned to 区住建局 (a department step). */
async function atDepartment(): Promise<string> {
  const id = await file(call);
  ok(await call(liu, 'petition.escalate', { petitionId: id, reason: '网格办不了' }));
  ok(await call(sun, 'petition.escalate', { petitionId: id, reason: '需要街道协调' }));
  ok(await call(qian, 'petition.summon', { petitionId: id, departmentId: 'dept-housing', reason: '请住建局维修' }));
  return id;
}

describe('任命督办员', () => {
  it('a street admin appoints one for their street; only a district admin one for the district; nobody themselves; each is logged', async () => {
    await outsiders();
    const street = ok(await call(admin, 'role.grant', { openid: li, role: 'supervisor', unitId: 'street-qingshi', reason: '街道督办' }, rid('g')));
    expect(street.person.roles).toContain('supervisor');
    expect(street.entry).toMatchObject({ role: 'supervisor', scope: '青石街道', change: 'grant' });
    refused(await call(admin, 'role.grant', { openid: wang, role: 'supervisor', reason: '全区督办' }, rid('g')), 'ROLE_ABOVE_SCOPE');
    refused(
      await call(admin, 'role.grant', { openid: admin, role: 'supervisor', unitId: 'street-qingshi', reason: '自己督办' }, rid('g')),
      'FORBIDDEN_SELF',
    );
    refused(
      await call(admin, 'role.grant', { openid: wang, role: 'supervisor', unitId: 'grid-1', reason: '网格督办' }, rid('g')),
      'ROLE_UNIT_INVALID',
    );
    const district = ok(await call(districtAdmin, 'role.grant', { openid: wang, role: 'supervisor', reason: '全区督办' }, rid('g')));
    expect(district.entry).toMatchObject({ role: 'supervisor', scope: '全区' });
    // 李明 now supervises his street, 王秀英 the district (she reported nothing yet: she sees every open case).
    const id = await file(call);
    expect(ok(await call(wang, 'petition.listSupervised', {})).items.map((i: any) => i.petition.id)).toContain(id);
    // The street admin may not remove the district one; the district admin may.
    refused(await call(admin, 'role.revoke', { openid: wang, role: 'supervisor', reason: '调整' }, rid('r')), 'ROLE_ABOVE_SCOPE');
    ok(await call(districtAdmin, 'role.revoke', { openid: wang, role: 'supervisor', reason: '调整' }, rid('r')));
    ok(await call(admin, 'role.revoke', { openid: li, role: 'supervisor', reason: '调整' }, rid('r')));
    refused(await call(li, 'petition.listSupervised', {}), 'FORBIDDEN_ROLE');
    const log = ok(await call(districtAdmin, 'role.log', { openid: li })).items;
    expect(log.map((e: any) => [e.change, e.role])).toEqual([
      ['revoke', 'supervisor'],
      ['grant', 'supervisor'],
    ]);
  });
});

describe('督办台', () => {
  it('lists the open cases of the area, red before yellow before the rest, with filters, a page at a time', async () => {
    await outsiders();
    const ids = [await file(call), await file(call), await file(call)];
    const closed = await file(call);
    ok(await call(liu, 'petition.dismiss', { petitionId: closed, reason: '重复提交' }));
    ok(await call(song, 'petition.issueCard', { petitionId: ids[2], color: 'yellow', comment }, rid('c')));
    ok(await call(song, 'petition.issueCard', { petitionId: ids[1], color: 'red', comment }, rid('c')));

    const all = ok(await call(song, 'petition.listSupervised', {}));
    expect(all).toMatchObject({ scope: 'street', unitName: '青石街道', nextOffset: null });
    expect(all.items.map((i: any) => [i.petition.id, i.card?.color ?? null])).toEqual([
      [ids[1], 'red'],
      [ids[2], 'yellow'],
      [ids[0], null],
    ]);
    expect(all.items[0].card).toMatchObject({ reason: 'manual', byName: '宋嘉', comment, level: 'grid' });
    // Pages of one cross from the carded cases to the rest and end.
    const pages: string[] = [];
    let offset: number | null = 0;
    while (offset !== null) {
      const page: any = ok(await call(song, 'petition.listSupervised', { limit: 1, offset }));
      pages.push(...page.items.map((i: any) => i.petition.id));
      offset = page.nextOffset;
    }
    expect(pages).toEqual([ids[1], ids[2], ids[0]]);
    const ids2 = (payload: object) => call(song, 'petition.listSupervised', payload).then((r) => ok(r).items.map((i: any) => i.petition.id));
    expect(await ids2({ color: 'red' })).toEqual([ids[1]]);
    expect(await ids2({ color: 'none' })).toEqual([ids[0]]);
    expect(await ids2({ level: 'street' })).toEqual([]);
    expect((await ids2({ sort: 'due' })).sort()).toEqual([...ids].sort());
    // The district sees them too; another street's supervisor none; nobody else may ask.
    expect(ok(await call(zheng, 'petition.listSupervised', {})).items).toHaveLength(3);
    expect(ok(await call(otherSupervisor, 'petition.listSupervised', {})).items).toEqual([]);
    refused(await call(qian, 'petition.listSupervised', {}), 'FORBIDDEN_ROLE');
  });
});

describe('亮牌', () => {
  it('cards the step, writes the timeline, tells the holders, keeps red, and answers a retry from its record', async () => {
    const id = await file(call);
    const before = (await sent(env.emu, 'petition-assigned')).length;
    const yellow = ok(await call(song, 'petition.issueCard', { petitionId: id, color: 'yellow', comment }, 'sup-card-tap'));
    expect(yellow.card).toMatchObject({ color: 'yellow', reason: 'manual', byName: '宋嘉' });
    // The same tap again answers the same and cards nothing more.
    expect(ok(await call(song, 'petition.issueCard', { petitionId: id, color: 'yellow', comment }, 'sup-card-tap')).card.color).toBe('yellow');
    const told = (await sent(env.emu, 'petition-assigned')).slice(before);
    expect(told.map((m) => m.touser)).toEqual([liu]);
    expect(told[0].data.thing4.value).toContain('黄牌督办');
    refused(await call(song, 'petition.issueCard', { petitionId: id, color: 'yellow', comment }, rid('c')), 'PETITION_CARD_HELD');
    expect(ok(await call(zheng, 'petition.issueCard', { petitionId: id, color: 'red', comment }, rid('c'))).card.color).toBe('red');
    refused(await call(song, 'petition.issueCard', { petitionId: id, color: 'yellow', comment }, rid('c')), 'PETITION_CARD_HELD');
    const timeline = ok(await call(song, 'petition.get', { petitionId: id })).petition.timeline;
    expect(timeline.filter((s: any) => s.event === 'card').map((s: any) => [s.by, s.note])).toEqual([
      ['宋嘉', `黄牌督办：${comment}`],
      ['郑和平', `红牌督办：${comment}`],
    ]);
    refused(await call(song, 'petition.issueCard', { petitionId: id, color: 'red', comment: '' }, rid('c')), 'BAD_INPUT');
  });

  it('refuses outside the area, on a closed case, on a case one filed, and to anyone but a 督办员', async () => {
    await outsiders();
    const id = await file(call);
    refused(await call(otherSupervisor, 'petition.issueCard', { petitionId: id, color: 'red', comment }, rid('c')), 'FORBIDDEN_SCOPE');
    refused(await call(otherSupervisor, 'petition.orderEscalate', { petitionId: id, comment }, rid('o')), 'FORBIDDEN_SCOPE');
    refused(await call(qian, 'petition.issueCard', { petitionId: id, color: 'red', comment }, rid('c')), 'FORBIDDEN_ROLE');
    refused(await call(liu, 'petition.orderReassign', { petitionId: id, to: { gridId: 'grid-2' }, comment }, rid('o')), 'FORBIDDEN_ROLE');
    ok(await call(liu, 'petition.dismiss', { petitionId: id, reason: '重复提交' }));
    refused(await call(song, 'petition.issueCard', { petitionId: id, color: 'red', comment }, rid('c')), 'PETITION_ILLEGAL_MOVE');
  });
});

describe('责令上报 and 改派', () => {
  it('责令上报 moves the case one rung up, as ordered by the 督办员, and tells the next level', async () => {
    const id = await file(call);
    const before = (await sent(env.emu, 'petition-assigned')).length;
    const moved = ok(await call(song, 'petition.orderEscalate', { petitionId: id, comment }, 'sup-esc-tap'));
    expect(moved.petition).toMatchObject({ level: 'community', status: 'pending' });
    expect(ok(await call(song, 'petition.orderEscalate', { petitionId: id, comment }, 'sup-esc-tap')).petition.level).toBe('community');
    expect((await sent(env.emu, 'petition-assigned')).slice(before).map((m) => m.touser)).toContain(sun);
    const last = ok(await call(song, 'petition.get', { petitionId: id })).petition.timeline.at(-1);
    expect(last).toMatchObject({ event: 'escalate', by: '宋嘉', level: 'community', note: `督办员责令上报：${comment}`, automatic: false });
  });

  it('改派 sends a grid case to another grid of the community, and a department case to another department', async () => {
    const id = await file(call);
    ok(await call(liu, 'petition.accept', { petitionId: id }));
    expect(ok(await call(song, 'petition.reassignChoices', { petitionId: id }))).toEqual({
      kind: 'grid',
      choices: [
        { id: 'grid-2', name: '第二网格' },
        { id: 'grid-3', name: '第三网格' },
      ],
    });
    refused(await call(song, 'petition.orderReassign', { petitionId: id, to: { gridId: 'grid-1' }, comment }, rid('o')), 'PETITION_ILLEGAL_MOVE');
    refused(
      await call(song, 'petition.orderReassign', { petitionId: id, to: { gridId: 'building-2' }, comment }, rid('o')),
      'PETITION_PLACE_INVALID',
    );
    refused(
      await call(song, 'petition.orderReassign', { petitionId: id, to: { departmentId: 'dept-urban' }, comment }, rid('o')),
      'PETITION_ILLEGAL_MOVE',
    );
    const moved = ok(await call(song, 'petition.orderReassign', { petitionId: id, to: { gridId: 'grid-2' }, comment }, rid('o'))).petition;
    expect(moved).toMatchObject({ level: 'grid', status: 'pending', gridName: '第二网格', holder: { handlerName: null } });
    // The grid now holds it: its worker takes it, the former one no longer may.
    refused(await call(liu, 'petition.escalate', { petitionId: id, reason: '网格办不了' }), 'FORBIDDEN_SCOPE');
    ok(await call(zhao, 'petition.accept', { petitionId: id }));

    const dept = await atDepartment();
    const others = ok(await call(zheng, 'petition.reassignChoices', { petitionId: dept }));
    expect(others.kind).toBe('department');
    expect(others.choices.map((c: any) => c.id)).toEqual(expect.arrayContaining(['dept-urban', 'dept-heating']));
    expect(others.choices.map((c: any) => c.id)).not.toContain('dept-housing');
    const toUrban = ok(await call(zheng, 'petition.orderReassign', { petitionId: dept, to: { departmentId: 'dept-urban' }, comment }, rid('o')));
    expect(toUrban.petition).toMatchObject({ level: 'department', status: 'pending', holder: { unitName: '区城管局' } });
    refused(await call(he, 'petition.report', { petitionId: dept }), 'PETITION_NOT_HOLDER');
    ok(await call(xu, 'petition.report', { petitionId: dept }));
    const steps = ok(await call(zheng, 'petition.get', { petitionId: dept })).petition.timeline.map((s: any) => s.event);
    expect(steps).toEqual(['create', 'escalate', 'escalate', 'summon', 'reassign', 'report']);
  });

  it('nobody supervises a case they filed: a 督办员 who reports a problem as a resident', async () => {
    await insertDocs(env.emu, 'users', [
      {
        _id: 'o-sup-resident',
        name: '居民督办员',
        phone: '13900009005',
        roles: ['resident', 'supervisor'],
        supervisorScope: 'street',
        streetId: 'street-qingshi',
        communityId: 'community-wutong',
        gridId: 'grid-1',
        buildingId: 'building-2',
        room: '2单元101',
        birthYear: 1980,
      },
    ]);
    const id = await file(call, 'o-sup-resident');
    refused(await call('o-sup-resident', 'petition.issueCard', { petitionId: id, color: 'red', comment }, rid('c')), 'FORBIDDEN_SELF');
    refused(await call('o-sup-resident', 'petition.orderEscalate', { petitionId: id, comment }, rid('o')), 'FORBIDDEN_SELF');
  });
});
