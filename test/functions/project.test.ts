import { newWish, ok, RACING, useEmulator } from './call';
import { expectCovered, rid } from './points-helpers';
import { insertDocs } from './post-helpers';
import { chen, gao, li, liu, merchant, fang, sun, wang, zhang } from './personas';

/**
 * 三张清单 (issue 16): needs gathered from the month counters and entered by staff, resources offered by units,
 * shops and members, projects made of them, claimed by one unit, reported on and rated once each.
 */
const env = useEmulator(RACING);
const { call } = env;

let serial = 0;
const next = (name: string) => rid(`project-${name}`, ++serial);
const refused = (reply: any, code: string) => expect(reply).toMatchObject({ ok: false, code });
const fold = () => env.emu.invoke('report', { Type: 'timer', TriggerName: 'stats' });

const unitForm = (name: string) => ({
  name,
  partyOrg: `${name}党支部`,
  contactName: '周老师',
  contactPhone: '13900001234',
  resources: ['venue'],
  offer: '周末开放场地',
});

/** A unit reported by `contact` and approved by `approver`. */
async function approvedUnit(contact: string, name: string, approver = sun): Promise<string> {
  const { unit } = ok(await call(contact, 'unit.report', unitForm(name), next('unit')));
  ok(await call(approver, 'unit.review', { unitId: unit.id, approve: true }, next('review')));
  return unit.id;
}

const newProject = { title: '楼道照明改造', detail: '2号楼楼道灯不亮，老人夜里出行不便，更换声控灯' };
const create = async (by = sun, extra: Record<string, unknown> = {}) =>
  ok(await call(by, 'project.create', { ...newProject, ...extra }, next('create'))).project;

/** A project claimed by `contact`'s unit and reported finished. */
async function finished(contact: string, unitName: string, by = sun) {
  const project = await create(by);
  const unitId = await approvedUnit(contact, unitName);
  ok(await call(contact, 'project.claim', { projectId: project.id, unitId }, next('claim')));
  ok(await call(contact, 'project.report', { projectId: project.id, text: '灯已全部换好', progress: 100 }, next('report')));
  return { project, unitId };
}

describe('需求清单 list.needs / project.addNeed', () => {
  it('gathers wishes by category from the month counters, and lists the needs staff enter, by grid', async () => {
    const countOf = async () =>
      ok(await call(sun, 'list.needs', {})).gathered.find((g: any) => g.source === 'wish' && g.categoryId === 'repair')?.count ?? 0;
    await fold();
    const before = await countOf();
    ok(await call(wang, 'wish.create', newWish, next('wish')));
    await fold();
    expect(await countOf()).toBe(before + 1);
    const gathered = ok(await call(sun, 'list.needs', {})).gathered;
    expect(gathered.find((g: any) => g.categoryId === 'repair' && g.source === 'wish')).toMatchObject({ categoryName: '家电维修' });

    const requestId = next('need');
    const { need } = ok(await call(sun, 'project.addNeed', { title: '老人助餐点', detail: '独居老人多，午饭难', gridId: 'grid-1' }, requestId));
    expect(need).toMatchObject({ title: '老人助餐点', placeName: '第一网格', projectId: null });
    // A retry lands on the same need.
    expect(ok(await call(sun, 'project.addNeed', { title: '老人助餐点', detail: '独居老人多，午饭难', gridId: 'grid-1' }, requestId)).need).toEqual(
      need,
    );
    ok(await call(sun, 'project.addNeed', { title: '儿童四点半课堂' }, next('need')));

    const grid = ok(await call(liu, 'list.needs', { gridId: 'grid-1' }));
    expect(grid.placeName).toBe('第一网格');
    expect(grid.entered.items.map((n: any) => n.title)).toEqual(['老人助餐点']);
    const all = ok(await call(zhang, 'list.needs', { months: 1 }));
    expect(all.months).toHaveLength(1);
    expect(all.entered.items.map((n: any) => n.title)).toEqual(['儿童四点半课堂', '老人助餐点']);
    // No resident's name or phone: counts per category, and what staff wrote.
    expect(JSON.stringify(all)).not.toMatch(/王秀英|138\d{8}|138\*{4}/);
    await expectCovered(env.emu);
  });

  it('refuses: residents and merchants reading or entering, a place outside the community', async () => {
    refused(await call(wang, 'list.needs', {}), 'FORBIDDEN_ROLE');
    refused(await call(merchant, 'list.needs', {}), 'FORBIDDEN_ROLE');
    refused(await call(zhang, 'project.addNeed', { title: '老人助餐点' }, next('need')), 'FORBIDDEN_ROLE');
    refused(await call(liu, 'project.addNeed', { title: '老人助餐点' }, next('need')), 'FORBIDDEN_ROLE');
    refused(await call(sun, 'project.addNeed', { title: '老人助餐点', gridId: 'community-wutong' }, next('need')), 'PROJECT_PLACE_INVALID');
    refused(await call(sun, 'list.needs', { gridId: 'grid-nowhere' }), 'PROJECT_PLACE_INVALID');
    refused(await call(sun, 'project.addNeed', { title: '老' }, next('need')), 'BAD_INPUT');
  });
});

describe('资源清单 list.resources / project.addResource', () => {
  it('a member offers themself, a merchant their shop, a unit’s contact their unit, staff a unit or shop', async () => {
    const offer = { kind: 'skills', title: '水电维修', detail: '会修水龙头、换灯', availability: '周末上午' };
    const { resource: mine } = ok(await call(zhang, 'project.addResource', { provider: 'member', ...offer }, next('res')));
    expect(mine.provider).toEqual({ kind: 'member', id: zhang, name: '张建国' });
    const shop = { kind: 'equipment', title: '折叠桌椅 10 套', availability: '提前一天预约' };
    ok(await call(merchant, 'project.addResource', { provider: 'shop', providerId: 'shop-zhouji', ...shop }, next('res')));
    ok(
      await call(
        sun,
        'project.addResource',
        { provider: 'shop', providerId: 'shop-fangji', ...shop, kind: 'funds', title: '每月 200 元' },
        next('res'),
      ),
    );
    const unitId = await approvedUnit(wang, '区实验小学');
    const venue = { kind: 'venue', title: '学校操场', availability: '周六、周日全天' };
    ok(await call(wang, 'project.addResource', { provider: 'unit', providerId: unitId, ...venue }, next('res')));

    const byStaff = ok(await call(sun, 'list.resources', {})).items;
    expect(byStaff.map((r: any) => r.title)).toEqual(['学校操场', '每月 200 元', '折叠桌椅 10 套', '水电维修']);
    expect(byStaff.find((r: any) => r.title === '水电维修').provider.name).toBe('张建国');
    // A neighbour sees a member offering as 张**; units and shops by their names; never a contact's phone.
    const byResident = ok(await call(li, 'list.resources', {})).items;
    expect(byResident.find((r: any) => r.title === '水电维修').provider.name).toBe('张**');
    expect(byResident.find((r: any) => r.title === '学校操场').provider).toMatchObject({ kind: 'unit', name: '区实验小学' });
    expect(JSON.stringify(byResident)).not.toMatch(/13900001234|139\*{4}1234|周老师|王秀英/);
    expect(ok(await call(li, 'list.resources', { kind: 'venue' })).items.map((r: any) => r.title)).toEqual(['学校操场']);
    await expectCovered(env.emu);
  });

  it('refuses: a resident who is no member, another’s shop or unit, a unit not approved, a grid worker', async () => {
    const offer = { kind: 'skills', title: '水电维修', availability: '周末上午' };
    refused(await call(wang, 'project.addResource', { provider: 'member', ...offer }, next('res')), 'PROJECT_PROVIDER_INACTIVE');
    refused(await call(fang, 'project.addResource', { provider: 'shop', providerId: 'shop-zhouji', ...offer }, next('res')), 'FORBIDDEN_ROLE');
    const unitId = await approvedUnit(wang, '区实验小学');
    refused(await call(li, 'project.addResource', { provider: 'unit', providerId: unitId, ...offer }, next('res')), 'FORBIDDEN_ROLE');
    const { unit: pending } = ok(await call(li, 'unit.report', unitForm('青石小学'), next('unit')));
    refused(await call(li, 'project.addResource', { provider: 'unit', providerId: pending.id, ...offer }, next('res')), 'PROJECT_PROVIDER_INACTIVE');
    refused(await call(sun, 'project.addResource', { provider: 'unit', ...offer }, next('res')), 'BAD_INPUT');
    refused(await call(liu, 'project.addResource', { provider: 'member', ...offer }, next('res')), 'FORBIDDEN_ROLE');
  });
});

describe('项目清单: create, claim, report, rate', () => {
  it('a need and a resource become a project; a unit claims it, reports to 100 %, residents and staff rate it once each', async () => {
    const { need } = ok(await call(sun, 'project.addNeed', { title: '楼道灯不亮', gridId: 'grid-1' }, next('need')));
    const offer = { provider: 'member', kind: 'skills', title: '水电维修', availability: '周末上午' };
    const { resource } = ok(await call(zhang, 'project.addResource', offer, next('res')));
    const project = await create(sun, { needIds: [need.id], resourceIds: [resource.id] });
    expect(project).toMatchObject({
      status: 'open',
      needs: [{ id: need.id, title: '楼道灯不亮' }],
      resources: [{ id: resource.id, kind: 'skills', title: '水电维修', providerName: '张**' }],
      claimant: null,
      createdByName: '孙丽',
    });
    expect(ok(await call(sun, 'list.needs', {})).entered.items[0]).toMatchObject({ id: need.id, projectId: project.id });
    // A need goes into one project.
    refused(await call(sun, 'project.create', { ...newProject, needIds: [need.id] }, next('create')), 'PROJECT_ITEM_INVALID');

    const unitId = await approvedUnit(wang, '区实验小学');
    ok(await call(wang, 'unit.report', unitForm('还在审核的单位'), next('unit')));
    expect(ok(await call(wang, 'list.myUnits')).units).toEqual([{ id: unitId, name: '区实验小学' }]);
    expect(ok(await call(li, 'list.myUnits')).units).toEqual([]);
    const claimed = ok(await call(wang, 'project.claim', { projectId: project.id, unitId }, next('claim'))).project;
    expect(claimed).toMatchObject({ status: 'claimed', claimant: { unitId, unitName: '区实验小学' }, mayReport: true });
    refused(await call(li, 'project.rate', { projectId: project.id, stars: 5 }, next('rate')), 'PROJECT_NOT_DONE');
    refused(await call(li, 'project.report', { projectId: project.id, text: '开始了', progress: 10 }, next('report')), 'PROJECT_NOT_CLAIMANT');

    ok(await call(wang, 'project.report', { projectId: project.id, text: '采购了声控灯', progress: 40 }, next('report')));
    refused(
      await call(wang, 'project.report', { projectId: project.id, text: '算错了', progress: 30 }, next('report')),
      'PROJECT_PROGRESS_BACKWARDS',
    );
    const done = ok(await call(wang, 'project.report', { projectId: project.id, text: '全部换好', progress: 100 }, next('report'))).project;
    expect(done).toMatchObject({ status: 'done', progress: 100, mayReport: false });
    expect(done.reports.map((r: any) => r.progress)).toEqual([40, 100]);
    refused(await call(wang, 'project.report', { projectId: project.id, text: '补充', progress: 100 }, next('report')), 'PROJECT_DONE');

    const rateId = next('rate');
    const rated = ok(await call(li, 'project.rate', { projectId: project.id, stars: 5, comment: '晚上回家亮堂了' }, rateId)).project;
    expect(rated.rating.residents).toEqual({ average: 5, count: 1 });
    // A retry of the same call is answered; another call is refused.
    expect(
      ok(await call(li, 'project.rate', { projectId: project.id, stars: 5, comment: '晚上回家亮堂了' }, rateId)).project.rating.residents.count,
    ).toBe(1);
    refused(await call(li, 'project.rate', { projectId: project.id, stars: 1 }, next('rate')), 'PROJECT_ALREADY_RATED');
    ok(await call(sun, 'project.rate', { projectId: project.id, stars: 4 }, next('rate')));
    refused(await call(wang, 'project.rate', { projectId: project.id, stars: 5 }, next('rate')), 'FORBIDDEN_SELF');
    refused(await call(liu, 'project.rate', { projectId: project.id, stars: 5 }, next('rate')), 'FORBIDDEN_ROLE');

    const page = ok(await call(li, 'project.get', { projectId: project.id })).project;
    expect(page).toMatchObject({ ratedByMe: true, mayRate: false, rating: { score: 4.5, staff: { average: 4, count: 1 } } });
    expect(ok(await call(chen, 'project.get', { projectId: project.id })).project).toMatchObject({ ratedByMe: false, mayRate: true });
    // The unit's year, shown beside its annual evaluation (unit.evaluate).
    const ofUnit = ok(await call(sun, 'list.projects', { unitId }));
    expect(ofUnit.items.map((p: any) => p.id)).toEqual([project.id]);
    expect(ofUnit.unitYear).toMatchObject({ unitId, projectsDone: 1, rating: { score: 4.5, residents: { count: 1 }, staff: { count: 1 } } });
    expect(ok(await call(li, 'list.projects', { status: 'done' })).items.map((p: any) => p.id)).toEqual([project.id]);
    expect(ok(await call(li, 'list.projects', { status: 'open' })).items).toEqual([]);
    expect(JSON.stringify(ofUnit)).not.toMatch(/王秀英|李明|13900001234|周老师/);
    await expectCovered(env.emu);
  });

  it('two units claiming at once: one claimant, the other told it is taken', async () => {
    const project = await create();
    const [a, b] = [await approvedUnit(wang, '区实验小学'), await approvedUnit(li, '青石小学')];
    const replies = await Promise.all([
      call(wang, 'project.claim', { projectId: project.id, unitId: a }, next('claim')),
      call(li, 'project.claim', { projectId: project.id, unitId: b }, next('claim')),
    ]);
    expect(replies.filter((r) => r.ok)).toHaveLength(1);
    expect(replies.find((r) => !r.ok)).toMatchObject({ code: 'PROJECT_ALREADY_CLAIMED' });
    const winner = replies.find((r) => r.ok).data.project.claimant.unitId;
    expect(ok(await call(sun, 'project.get', { projectId: project.id })).project.claimant.unitId).toBe(winner);
  });

  it('refuses: residents creating, claiming for a unit one is not the contact of, a pending unit, another community', async () => {
    refused(await call(wang, 'project.create', newProject, next('create')), 'FORBIDDEN_ROLE');
    const project = await create();
    const unitId = await approvedUnit(wang, '区实验小学');
    refused(await call(li, 'project.claim', { projectId: project.id, unitId }, next('claim')), 'FORBIDDEN_ROLE');
    const { unit: pending } = ok(await call(li, 'unit.report', unitForm('青石小学'), next('unit')));
    refused(await call(li, 'project.claim', { projectId: project.id, unitId: pending.id }, next('claim')), 'UNIT_NOT_APPROVED');
    refused(await call(sun, 'project.create', { ...newProject, resourceIds: ['res-nowhere'] }, next('create')), 'PROJECT_ITEM_INVALID');

    // Someone of another community sees none of it.
    const other = 'o-project-other-staff';
    await insertDocs(env.emu, 'users', [
      {
        _id: other,
        name: '外社区',
        phone: '13900009999',
        roles: ['staff', 'resident'],
        streetId: 'street-qingshi',
        communityId: 'community-other',
        gridId: null,
        buildingId: null,
        room: null,
        birthYear: 1980,
        createdAt: new Date(),
      },
    ]);
    refused(await call(other, 'project.get', { projectId: project.id }), 'PROJECT_NOT_FOUND');
    expect(ok(await call(other, 'list.projects', {})).items).toEqual([]);
    refused(await call(other, 'project.claim', { projectId: project.id, unitId }, next('claim')), 'PROJECT_NOT_FOUND');
  });

  it('回避: staff do not claim a project they created for their own unit, nor rate one their own unit carried out', async () => {
    const own = await create(gao);
    const gaoUnit = await approvedUnit(gao, '高敏所在单位');
    refused(await call(gao, 'project.claim', { projectId: own.id, unitId: gaoUnit }, next('claim')), 'FORBIDDEN_SELF');
    // A project another staff member created: her unit may claim it, but she may not rate it.
    const { project } = await finished(gao, '高敏的第二个单位');
    refused(await call(gao, 'project.rate', { projectId: project.id, stars: 5 }, next('rate')), 'FORBIDDEN_SELF');
    ok(await call(sun, 'project.rate', { projectId: project.id, stars: 5 }, next('rate')));
  });
});
