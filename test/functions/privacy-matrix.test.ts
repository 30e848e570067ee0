import { demoSeed } from '../../scripts/emulator/seed';
import type { UserProfile } from '../../src/shared/domain/org';
import {
  appointee,
  careTier,
  councilRaiser,
  customer,
  directoryEntry,
  helperParent,
  householdMember,
  listed,
  joinApplicant,
  petitionReporter,
  rosterEntry,
  wishResident,
  type Disclosure,
} from '../../src/shared/domain/privacy';
import { clearOfMidnight, newWish, ok, useEmulator } from './call';
import { ramp } from './petition-fixtures';
import { rid } from './points-helpers';
import { admin, fang, li, liu, merchant, qian, song, stranger, sun, wang, zhang, zhao, zheng } from './personas';
import { importAll, residentHeader, uploadFile, xlsx } from './roster-kit';

/**
 * The privacy rule (src/shared/domain/privacy.ts) over every read action that returns people: for every seeded
 * person (and a stranger), what the reply shows of 王秀英 — her full name, phone and room, anywhere in it — is
 * at most what the rule allows; for a detail read it is exactly that.
 */
const env = useEmulator();
const { call } = env;

const users = demoSeed().collections.users as unknown as UserProfile[];
const her = users.find((u) => u._id === wang)!;
const viewers: (UserProfile | { _id: string })[] = [...users, { _id: stranger }];

const place = { streetId: her.streetId, communityId: her.communityId, gridId: her.gridId, buildingId: her.buildingId };
const wishFacts = { ...place, residentId: wang, claimantId: zhang };
/** The wish 李明 filed for her as her 代办人 (submitted, at her home), and their binding. */
const helperWishFacts = { ...place, residentId: wang, claimantId: null, filedById: li };
const bindingFacts = { ...place, parentId: wang, helperId: li };
const caseFacts = { ...place, reporterId: wang, topLevel: 'grid' as const, departmentIds: [] };
/** Her application to move to 5号楼 (第二网格). */
const moveFacts = { ...place, gridId: 'grid-2', buildingId: 'building-5', applicantId: wang };

let serial = 0;

interface Scene {
  wishId: string;
  petitionId: string;
  proxyId: string;
  token: string;
  postId: string;
  helperWishId: string;
  topicId: string;
  projectId: string;
  unitId: string;
}

/** 王秀英's wish (approved, claimed by 张建国), her own ramp case and one 刘芳 filed for her, a shop rating and her points code. */
async function scene(): Promise<Scene> {
  const wishId = ok(await call(wang, 'wish.create', newWish)).wish.id;
  ok(await call(liu, 'wish.approve', { wishId, points: 10 }));
  ok(await call(zhang, 'wish.claim', { wishId }));
  const petitionId = ok(await call(wang, 'petition.create', ramp)).petition.id;
  const proxyId = ok(
    await call(liu, 'petition.create', { ...ramp, description: '2号楼楼道灯坏了一个月，晚上看不见台阶', onBehalfOf: { residentId: wang } }),
  ).petition.id;
  ok(await call(wang, 'shop.rate', { shopId: 'shop-fangji', stars: 5, comment: '豆浆很好喝' }));
  // A duty shift of 张建国 (on a post open every day) that 王秀英 rated.
  // Open all day but its last minute (a schedule ends at 23:59): a shift started in that minute would be refused.
  await clearOfMidnight(env.emu, 5 * 60_000);
  const always = { days: [0, 1, 2, 3, 4, 5, 6], start: '00:00', end: '23:59', maxHours: 12 };
  const post = { placeId: 'building-2', type: 'elder_helper', title: '2号楼助老岗', slots: 2, schedule: always, pointsPerHour: 10 };
  const postId = ok(await call(sun, 'post.publish', post, rid('pm-post', ++serial))).post.id;
  ok(await call(zhang, 'post.claim', { postId }, rid('pm-claim', serial)));
  ok(await call(zhang, 'post.checkIn', { postId }, rid('pm-in', serial)));
  const { shift } = ok(await call(zhang, 'post.checkOut', { postId }, rid('pm-out', serial)));
  ok(await call(wang, 'post.rate', { shiftId: shift.id, stars: 5, comment: '很耐心' }, rid('pm-rate', serial)));
  const { token } = ok(await call(wang, 'points.issueCode'));
  ok(await call(wang, 'member.report', { category: '在职', partyOrg: '区实验小学党支部', freeTimes: '周末' }, rid('pm-report', serial)));
  const roster = await xlsx([residentHeader, [her.name, her.phone, '2号楼', '1', '302', '独居老人']]);
  await importAll(call, sun, { fileID: await uploadFile(env.emu, sun, roster), communityId: her.communityId, kind: 'residents' });
  // 李明 is her 代办人 (she consented) and files a wish for her.
  const binding = ok(await call(li, 'helper.request', { parentName: her.name, parentPhone: her.phone, relation: '儿子' }, rid('pm-helper', serial)));
  ok(await call(wang, 'helper.consent', { bindingId: binding.binding.id }, rid('pm-consent', serial)));
  const helperWishId = ok(await call(li, 'wish.create', { ...newWish, onBehalfOf: { helperBinding: binding.binding.id } }, rid('pm-hwish', serial)))
    .wish.id;
  // 三方议事: a residents' topic she raised (co-signed by 李明), with a follow-up task for 孙丽 once minuted.
  const topic = { party: 'resident', title: '楼道堆物清理', body: '2号楼楼道堆满杂物，老人上下楼不方便，请三方商量清理' };
  const topicId = ok(await call(wang, 'council.raise', topic, rid('pm-topic', serial))).topic.id;
  ok(await call(li, 'council.cosign', { topicId }, rid('pm-cosign', serial)));
  // 三张清单: her unit (she is its contact, by her own name and phone) offers its venue, claims a project and finishes it.
  const unitForm = { name: '区实验小学', partyOrg: '区实验小学党支部', contactName: her.name, contactPhone: her.phone, resources: ['venue'] };
  const unitId = ok(await call(wang, 'unit.report', unitForm, rid('pm-unit', serial))).unit.id;
  ok(await call(sun, 'unit.review', { unitId, approve: true }, rid('pm-unit-ok', serial)));
  const venue = { provider: 'unit', providerId: unitId, kind: 'venue', title: '学校操场', availability: '周末' };
  const { resource } = ok(await call(wang, 'project.addResource', venue, rid('pm-res', serial)));
  const { need } = ok(await call(sun, 'project.addNeed', { title: '儿童活动场地', gridId: 'grid-1' }, rid('pm-need', serial)));
  const project = { title: '周末儿童活动', detail: '借用学校操场', needIds: [need.id], resourceIds: [resource.id] };
  const projectId = ok(await call(sun, 'project.create', project, rid('pm-project', serial))).project.id;
  ok(await call(wang, 'project.claim', { projectId, unitId }, rid('pm-claim-project', serial)));
  ok(await call(wang, 'project.report', { projectId, text: '活动办完了', progress: 100 }, rid('pm-project-done', serial)));
  ok(await call(li, 'project.rate', { projectId, stars: 5, comment: '孩子们很开心' }, rid('pm-project-rate', serial)));
  ok(await call(wang, 'user.updateProfile', { buildingId: 'building-5' }, 'privacy-move-0001'));
  // 民主评议: a round open, 张建国 has rated himself; raters are never shown, members are named.
  const { round } = ok(await call(sun, 'review.open', {}, rid('pm-review', serial)));
  ok(await call(zhang, 'review.submit', { roundId: round.id, memberId: zhang, kind: 'self', grade: 'good' }, rid('pm-rate-self', serial)));
  // 消息: the notices of all the above, in everyone's in-app list.
  await env.emu.fireTrigger('notify', 'inbox');
  return { wishId, petitionId, proxyId, token, postId, helperWishId, topicId, projectId, unitId };
}

type Rule = (viewer: UserProfile) => Disclosure;
const openness: Disclosure[] = ['masked', 'named', 'directory', 'contact'];
/** The most any of the rules lets the viewer see. */
const widest =
  (...rules: Rule[]): Rule =>
  (v) =>
    rules.map((r) => r(v)).reduce((a, b) => (openness.indexOf(b) > openness.indexOf(a) ? b : a), 'masked');
/** 人口台账: admins in reach, and the staff of her community and the grid worker of her grid (masked phone). */
const onRoster: Rule = (v) =>
  v.roles.includes('admin')
    ? rosterEntry({ admin: true })
    : (v.roles.includes('staff') && v.communityId === her.communityId) ||
        (v.roles.includes('grid_worker') && !!her.gridId && (v.workGrids ?? []).includes(her.gridId))
      ? rosterEntry({ admin: false })
      : 'masked';
const self: Rule = (v) => (v._id === wang ? 'contact' : 'masked');

/** Each read action with its payload, the rule that bounds it, and whether the reply must show exactly that. */
const reads: [action: string, payload: (s: Scene) => Record<string, unknown>, rule: Rule, exact?: 'exact'][] = [
  ['wish.get', (s) => ({ wishId: s.wishId }), (v) => wishResident(v, wishFacts), 'exact'],
  ['wish.listWall', () => ({}), (v) => wishResident(v, wishFacts)],
  ['wish.listMine', () => ({}), (v) => wishResident(v, wishFacts)],
  ['wish.listQueue', () => ({ kind: 'dispatch' }), (v) => wishResident(v, wishFacts)],
  ['wish.listTasks', () => ({ state: 'active' }), (v) => wishResident(v, wishFacts)],
  // 代办人: the wish 李明 filed for her, to him in full (he gave her contacts), and his list of what he filed.
  ['wish.get', (s) => ({ wishId: s.helperWishId }), (v) => wishResident(v, helperWishFacts), 'exact'],
  ['wish.listMine', () => ({ kind: 'filed' }), (v) => wishResident(v, helperWishFacts)],
  ['helper.list', () => ({}), (v) => helperParent(v, bindingFacts)],
  // 我的家庭 → 家人: the people of her home by name, phone masked; to everyone else she is not listed at all.
  ['family.members', () => ({}), (v) => householdMember(v, her)],
  ['petition.get', (s) => ({ petitionId: s.petitionId }), (v) => petitionReporter(v, caseFacts), 'exact'],
  ['petition.get', (s) => ({ petitionId: s.proxyId }), (v) => petitionReporter(v, caseFacts), 'exact'],
  ['petition.listMine', () => ({}), (v) => petitionReporter(v, caseFacts)],
  ['petition.listMine', () => ({ kind: 'filed' }), (v) => petitionReporter(v, caseFacts)],
  ['petition.listQueue', () => ({}), (v) => petitionReporter(v, caseFacts)],
  // 督办台: a 督办员 sees her cases (still at the grid) without her contacts, as the street's staff would.
  ['petition.listSupervised', () => ({}), (v) => petitionReporter(v, caseFacts)],
  ['petition.similar', () => ({ categoryId: 'accessibility' }), (v) => petitionReporter(v, caseFacts)],
  ['user.me', () => ({}), (v) => directoryEntry(v, her)],
  ['user.listPeople', () => ({ limit: 50 }), (v) => directoryEntry(v, her)],
  ['role.people', () => ({ limit: 50 }), (v) => appointee(v, her)],
  ['user.listMembers', () => ({}), () => listed],
  ['user.applications', () => ({}), (v) => joinApplicant(v, moveFacts)],
  ['user.joinStatus', () => ({}), self],
  // 我的数据: her export is hers in full; anyone else's (the member who claimed her wish, the grid worker who
  // reviewed her, the staff who imported the roster) names her no more than the rule lets them see.
  ['user.exportMine', () => ({}), self],
  ['shop.get', () => ({ shopId: 'shop-fangji' }), () => customer],
  ['shop.history', () => ({}), () => customer],
  ['merchant.scan', (s) => ({ token: s.token }), () => customer],
  ['merchant.history', () => ({}), () => customer],
  ['points.history', () => ({ asset: 'virtue' }), self],
  ['points.historyOf', () => ({ openid: wang }), () => listed],
  ['points.ranking', () => ({}), () => listed],
  ['points.partyEntries', () => ({}), () => listed],
  ['points.pendingAwards', () => ({}), () => listed],
  ['points.pendingHolds', () => ({}), self],
  ['mall.listOrders', () => ({}), () => listed],
  ['merchant.applications', () => ({}), () => listed],
  ['shop.list', () => ({}), () => listed],
  // The org tree counts people and never names them.
  // Post holders are listed by name to staff; a rater of a shift is 王** to everyone, the holder included.
  ['post.list', () => ({ view: 'all' }), () => 'masked'],
  ['post.list', () => ({ view: 'nearby' }), () => 'masked'],
  ['post.shifts', (s) => ({ postId: s.postId }), () => 'masked'],
  ['post.memberStats', () => ({}), () => 'masked'],
  // 三张清单: counts, places, units and shops by name; the unit's contact (her) never.
  ['list.needs', () => ({}), () => 'masked'],
  ['list.resources', () => ({}), () => 'masked'],
  ['list.projects', () => ({}), () => 'masked'],
  ['list.projects', (s) => ({ unitId: s.unitId }), () => 'masked'],
  ['project.get', (s) => ({ projectId: s.projectId }), () => 'masked'],
  ['org.tree', () => ({}), () => 'masked'],
  ['org.tree', () => ({ parentId: 'grid-1', includeRetired: true }), () => 'masked'],
  ['org.buildingCode', () => ({ buildingId: 'building-2' }), () => 'masked'],
  ['org.printCodes', () => ({ gridId: 'grid-1' }), () => 'masked'],
  ['roster.list', () => ({}), onRoster],
  // 三方议事: the topic she raised, named to her and her community's staff, 王** to the rest; never her phone or room.
  ['council.get', (s) => ({ topicId: s.topicId }), (v) => councilRaiser(v, { raisedBy: wang, communityId: her.communityId }), 'exact'],
  ['council.list', () => ({}), (v) => councilRaiser(v, { raisedBy: wang, communityId: her.communityId })],
  ['council.members', () => ({}), () => 'masked'],
  // 双报到: her report, to herself in full and to her community's staff as in their directory.
  ['member.mine', () => ({}), self],
  ['member.list', () => ({}), (v) => directoryEntry(v, her)],
  // 数据看板's lists behind a number: titles, categories and states of cases, never the resident, to anyone.
  ['report.cases', () => ({ from: '2026-01-01', to: '2026-12-31', metric: 'openNow' }), () => 'masked'],
  ['report.cases', () => ({ from: '2026-01-01', to: '2026-12-31', metric: 'wishes' }), () => 'masked'],
  // 月通报 thanks volunteers by the name they serve under and names no resident they served (bulletin.test.ts
  // checks a prepared one; here the closed month has none yet, so these hold the read path to the rule).
  ['report.bulletin', () => ({}), () => 'masked'],
  ['report.bulletins', () => ({}), () => 'masked'],
  // 民主评议: the members of the round by name; she is no member, and who rated whom is never told.
  ['review.mine', () => ({}), () => 'masked'],
  ['review.results', () => ({}), () => 'masked'],
  // 消息: each person's own messages; her name only where a notice told someone allowed to see it (the grid
  // worker or staff reviewing her wish, the grid worker of the building she applied to move to).
  [
    'notify.messages',
    () => ({}),
    widest(
      (v) => wishResident(v, wishFacts),
      (v) => wishResident(v, helperWishFacts),
      (v) => petitionReporter(v, caseFacts),
      (v) => joinApplicant(v, moveFacts),
    ),
  ],
];

interface Shown {
  name: boolean;
  phone: boolean;
  room: boolean;
}

function shown(reply: unknown): Shown {
  const text = JSON.stringify(reply);
  return { name: text.includes(her.name), phone: text.includes(her.phone), room: text.includes(her.room!) };
}

function allowed(d: Disclosure | null): Shown {
  return { name: d !== null && d !== 'masked', phone: d === 'contact', room: d === 'contact' };
}

const atMost = (seen: Shown, may: Shown) => ({ name: seen.name && !may.name, phone: seen.phone && !may.phone, room: seen.room && !may.room });

describe('who sees 王秀英’s full name, phone and room', () => {
  it.each(reads.map(([action, payload, rule, exact], i) => [`${action} ${i}`, action, payload, rule, exact === 'exact'] as const))(
    '%s',
    async (_label, action, payload, rule, exact) => {
      const s = await scene();
      const leaks: string[] = [];
      const misses: string[] = [];
      for (const viewer of viewers) {
        const reply = await call(viewer._id, action, payload(s));
        const may = allowed('roles' in viewer ? rule(viewer) : null);
        const seen = shown(reply);
        const over = atMost(seen, may);
        if (over.name || over.phone || over.room) leaks.push(`${viewer._id}: ${JSON.stringify(over)}`);
        if (exact && JSON.stringify(seen) !== JSON.stringify(may))
          misses.push(`${viewer._id}: saw ${JSON.stringify(seen)}, rule ${JSON.stringify(may)}`);
      }
      expect(leaks).toEqual([]);
      expect(misses).toEqual([]);
    },
  );

  it('the matrix can fail: the people the rule lets see her do see her', async () => {
    const s = await scene();
    expect(shown(await call(liu, 'petition.get', { petitionId: s.proxyId }))).toEqual({ name: true, phone: true, room: true });
    expect(shown(await call(zhang, 'wish.get', { wishId: s.wishId }))).toEqual({ name: true, phone: true, room: true });
    expect(ok(await call(fang, 'merchant.scan', { token: s.token })).resident.name).toBe('王**');
    expect(ok(await call(merchant, 'shop.get', { shopId: 'shop-fangji' })).ratings[0].raterName).toBe('王**');
    expect(shown(await call(admin, 'roster.list', {}))).toMatchObject({ name: true, phone: true });
    expect(shown(await call(sun, 'roster.list', {}))).toMatchObject({ name: true, phone: false });
    expect(ok(await call(zhang, 'post.memberStats', {})).mine.recent[0].raterName).toBe('王**');
    expect(shown(await call(zhao, 'user.applications', {}))).toMatchObject({ name: true, phone: true });
    expect(shown(await call(liu, 'notify.messages', {}))).toMatchObject({ name: true, phone: false });
  });
});

describe('a 督办员 sees her as the staff of their level do', () => {
  it('the street’s once the case reached the street, the district’s once it reached the district', async () => {
    const { petitionId } = await scene();
    const seen = async (who: string) => shown(await call(who, 'petition.get', { petitionId }));
    const masked = { name: false, phone: false, room: false };
    const full = { name: true, phone: true, room: true };
    expect([await seen(song), await seen(zheng)]).toEqual([masked, masked]);
    ok(await call(liu, 'petition.escalate', { petitionId, reason: '网格办不了' }));
    ok(await call(sun, 'petition.escalate', { petitionId, reason: '需要街道协调' }));
    const street = { ...caseFacts, topLevel: 'street' as const };
    for (const [who, d] of [
      [song, 'contact'],
      [zheng, 'masked'],
    ] as const) {
      expect(
        petitionReporter(
          users.find((u) => u._id === who)!,
          street,
        ),
      ).toBe(d);
      expect(await seen(who)).toEqual(d === 'contact' ? full : masked);
    }
    ok(await call(qian, 'petition.escalate', { petitionId, reason: '请区里统筹' }));
    expect([await seen(song), await seen(zheng)]).toEqual([full, full]);
  });
});

describe('数据导出 names her no more than the directory rule', () => {
  /** What the file of `viewer`'s postings and volunteer-hours export shows of her (null: they may not export). */
  async function exported(viewer: string): Promise<Shown | null> {
    const day = new Date(Date.parse((await env.emu.clock()).now) + 8 * 3600_000).toISOString().slice(0, 10);
    const payload = { from: day, to: day, kinds: ['postings', 'hours'], format: 'xlsx' };
    const started = await call(viewer, 'report.exportStart', payload, rid('pm-export', ++serial));
    if (!started.ok) return null;
    for (let i = 0; i < 20; i++) {
      const view = ok(await call(viewer, 'report.exportStatus', {})).export;
      if (view.status === 'done') return shown(await sheetText(view.url));
    }
    throw new Error(`${viewer}'s export did not finish`);
  }
  /** Every cell of the workbook as text. */
  async function sheetText(url: string): Promise<string> {
    const { default: ExcelJS } = await import('exceljs');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await (await fetch(url)).arrayBuffer());
    return JSON.stringify(book.worksheets.map((ws) => ws.getSheetValues()));
  }

  it('postings and volunteer hours that name her, as each person exporting them sees her', async () => {
    ok(await call(sun, 'points.award', { openid: wang, asset: 'volunteer', amount: 5, reason: '参加社区活动' }, rid('pm-award', ++serial)));
    const leaks: string[] = [];
    let named = 0;
    for (const viewer of users) {
      const seen = await exported(viewer._id);
      if (!seen) continue;
      const may = allowed(directoryEntry(viewer, her));
      const over = atMost(seen, may);
      if (over.name || over.phone || over.room) leaks.push(`${viewer._id}: ${JSON.stringify(over)}`);
      if (seen.name) named++;
    }
    expect(leaks).toEqual([]);
    // The matrix can fail: her community's staff do see her name.
    expect(named).toBeGreaterThan(0);
  });
});

describe('红黄蓝: her home’s tier and its reason, and a hospital stay reported there, over every read action', () => {
  const reason = '独居需每周探望护膝';
  const stay = '肺炎住院观察';
  const home = { communityId: her.communityId, gridId: her.gridId!, buildingId: her.buildingId!, room: her.room! };
  const careReads: [action: string, payload: (householdId: string, rosterKey: string) => Record<string, unknown>][] = [
    ['care.household', (householdId) => ({ householdId })],
    ['care.household', () => ({})],
    ['care.household', (_id, rosterKey) => ({ rosterKey })],
    ['care.dueVisits', () => ({})],
    ['care.coverage', () => ({})],
    ['roster.list', () => ({})],
  ];

  it('only the grid worker of her grid, the community’s staff and her household see it; they do see it', async () => {
    const s = await scene();
    const key: string = ok(await call(liu, 'roster.list', { name: her.name })).items[0].id;
    const { household } = ok(await call(liu, 'care.setTier', { rosterKey: key, tier: 'red', reason }, rid('pm-tier', 1)));
    ok(await call(liu, 'care.reportEvent', { householdId: household.id, kind: 'hospital', note: stay }, rid('pm-tier', 2)));
    // Due today, so 今日走访 lists her.
    await env.emu.clock({ advanceMs: 7 * 24 * 3600_000 });
    const leaks: string[] = [];
    const misses: string[] = [];
    const all: [string, Record<string, unknown>][] = [
      ...reads.map(([action, payload]) => [action, payload(s)] as [string, Record<string, unknown>]),
      ...careReads.map(([action, payload]) => [action, payload(household.id, key)] as [string, Record<string, unknown>]),
    ];
    for (const viewer of viewers) {
      const may = 'roles' in viewer && careTier(viewer, home);
      for (const [action, payload] of all) {
        const reply = JSON.stringify(await call(viewer._id, action, payload));
        if ((reply.includes(reason) || reply.includes(stay)) && !may) leaks.push(`${viewer._id} ${action}`);
      }
      if (may) {
        const card = await call(viewer._id, 'care.household', { householdId: household.id });
        if (!JSON.stringify(card).includes(reason)) misses.push(viewer._id);
      }
    }
    expect(leaks).toEqual([]);
    expect(misses).toEqual([]);
    // The rule is not empty: her grid worker, the staff and she herself are among those who see it.
    expect(viewers.filter((v) => 'roles' in v && careTier(v, home)).map((v) => v._id)).toEqual(expect.arrayContaining([liu, sun, wang]));
    // Every read action for every viewer (~1,300 calls, more with each read added): longer than one call's default.
  }, 120_000);
});
