// The main flows, one action at a time, with what each call cost the database as the emulator's meter saw
// it. Shared by test/functions/db-cost.test.ts (counts) and scripts/bench.ts (the printed table), so both
// measure the same calls. No jest here: the bench runs it outside a test.
import { areaOf } from '../../src/shared/contract/action';
import { closedMonth } from '../../src/shared/domain/bulletin';
import { periodOf, roundIdOf } from '../../src/shared/domain/review';
import type { TestEmulator } from '../helpers/emulator';
import type { InvocationRecord } from '../../emulator/src/meter';
import { databaseOf } from './ledger-fixture';
import { ramp, upload } from './petition-fixtures';
import { admin, chen, li, liu, luo, merchant, qian, song, sun, tang, wang, zhang, zheng } from './personas';

export interface ActionCost {
  /** The action, with the situation when one action is measured twice (petition.accept at grid and community). */
  label: string;
  action: string;
  /** A read that lists one page (the 3-request budget of issue 10), as opposed to a mutation or a single read. */
  list: boolean;
  /** DB requests of the call and of the calls it made (nested invocations), retry record included. */
  requests: number;
  /**
   * The same, for the first pass of the flow (see measureMainFlows): `requests` and the rest are the second.
   * Null while the first pass is being measured.
   */
  first: number | null;
  read: number;
  examined: number;
  written: number;
  /** Queries the meter flagged (no index, part of one, sort outside one, skip > 1000). */
  flagged: number;
}

/** Budgets of issue 10: every action ≤ 8 requests, a page read ≤ 3. */
export const BUDGET = { action: 8, list: 3 } as const;
export const budgetOf = (cost: ActionCost) => (cost.list ? BUDGET.list : BUDGET.action);

/** The call and every invocation it caused (nested callFunction), from the newest meter records. */
function treeOf(records: InvocationRecord[], action: string): InvocationRecord[] {
  const root = [...records].reverse().find((r) => r.action === action && r.parentId === null);
  if (!root) throw new Error(`no meter record for ${action}`);
  const tree = [root];
  for (let i = 0; i < tree.length; i++) tree.push(...records.filter((r) => r.parentId === tree[i].invocationId));
  return tree;
}

let serial = 0;

/**
 * Calls `action` as `openid` (mutations under a fresh requestId) and returns its data and its cost; with `refusal`, the
 * call must be refused with that code (what a refusal costs is held to the budget too).
 */
async function measured(emu: TestEmulator, label: string, openid: string, action: string, payload: unknown = {}, list = false, refusal?: string) {
  const reply: any = await emu.invoke(areaOf(action), { action, payload, requestId: `cost-${++serial}-${Date.now()}` }, openid);
  if (refusal ? reply?.code !== refusal : !reply?.ok) throw new Error(`${label} failed: ${JSON.stringify(reply)}`);
  const tree = treeOf(await emu.meter(50), action);
  const sum = (key: 'dbRequests' | 'read' | 'examined' | 'written') => tree.reduce((n, r) => n + r[key], 0);
  const cost: ActionCost = {
    label,
    action,
    list,
    requests: sum('dbRequests'),
    first: null,
    read: sum('read'),
    examined: sum('examined'),
    written: sum('written'),
    flagged: tree.reduce((n, r) => n + r.uncovered.length, 0),
  };
  return { data: reply.data, cost };
}

/**
 * Runs the main flows twice on a freshly seeded emulator and answers the second pass, each action carrying
 * what it cost in the first (`first`). The first pass is a cold start: every function instance new (nothing
 * kept warm: categories, org names, holders, point rules and items, petition settings) and accounts, monthly
 * tallies and balances that do not exist yet, so a credit sets them instead of incrementing. The second
 * repeats the same calls within the minute: what each action costs a running community. Budgets are held
 * against the second; the first is printed beside it.
 */
export async function measureMainFlows(emu: TestEmulator): Promise<ActionCost[]> {
  // Both passes start on the coming Monday at 09:00 China time: a duty day for the service post, and the same
  // morning whenever the tests run (no flow crosses midnight). The second pass goes back to that same morning,
  // an hour before the first one's shift ended, so the caches the first filled are still warm for it.
  const monday = comingMondayMorning(Date.now());
  await rosterInForce(emu);
  await hardshipInForce(emu);
  await districtAdminInForce(emu);
  await emu.clock({ set: monday });
  const first = await measurePass(emu);
  await emu.clock({ set: monday });
  const second = await measurePass(emu);
  return second.map((cost, i) => ({ ...cost, first: first[i].requests }));
}

/** No 民主评议 round, rating or tally of the community yet (the second pass opens this half-year's round again). */
async function freshReviewRound(emu: TestEmulator): Promise<void> {
  const db = databaseOf(emu);
  const roundId = roundIdOf('community-wutong', periodOf(new Date((await emu.clock()).now)));
  await db.collection('review_rounds').doc(roundId).remove();
  for (const collection of ['review_ratings', 'review_scores']) await db.collection(collection).where({ roundId }).remove();
}

/** A petition category about hardship (the seed has none): a case of it asks for a visit (困难必访). */
async function hardshipInForce(emu: TestEmulator): Promise<void> {
  const hardship = { name: '生活困难', parentId: null, order: 80, departmentId: null, council: false, private: true };
  await databaseOf(emu).collection('petition_categories').doc('hardship').set({ data: hardship });
}

/** The district's admin (the seed has none): 热线对接 (hotline.*) is theirs. */
const districtAdmin = 'o-cost-district-admin';

async function districtAdminInForce(emu: TestEmulator): Promise<void> {
  const person = { name: '区管理员', phone: '13900009003', roles: ['admin'], adminScope: 'district', streetId: '', communityId: '', birthYear: 1980 };
  const place = { gridId: null, buildingId: null, room: null };
  await databaseOf(emu)
    .collection('users')
    .doc(districtAdmin)
    .set({ data: { ...person, ...place, createdAt: new Date() } });
}

/** 三方议事's 物业代表 of 梧桐社区 (the seed has none). */
const councilProperty = 'o-cost-council-property';

async function councilInForce(emu: TestEmulator): Promise<void> {
  const person = {
    name: '白志刚',
    phone: '13900009004',
    roles: ['property_rep'],
    streetId: 'street-qingshi',
    communityId: 'community-wutong',
    birthYear: 1975,
  };
  const place = { gridId: null, buildingId: null, room: null };
  await databaseOf(emu)
    .collection('users')
    .doc(councilProperty)
    .set({ data: { ...person, ...place, createdAt: new Date() } });
}

/** 郑大爷 of 2号楼, a person of 梧桐社区's 人口台账 who has not joined: 红色代办 files for him by his entry's key. */
const rosterKey = 'community-wutong|building-2|3|501|郑大爷';

/** The community's roster in force holds 郑大爷 (added to the seed's roster if it has one, else a roster of him). */
async function rosterInForce(emu: TestEmulator): Promise<void> {
  const db = databaseOf(emu);
  const head = (await db.collection('roster_heads').doc('community-wutong').get()).data;
  const importId: string = head?.activeImport ?? 'import-cost';
  if (!head) {
    const fields = { communityId: 'community-wutong', streetId: 'street-qingshi', activeImport: importId, rows: 1 };
    await db.collection('roster_heads').doc('community-wutong').set({ data: fields });
  }
  const place = { communityId: 'community-wutong', gridId: 'grid-1', buildingId: 'building-2', buildingName: '2号楼', unit: '3', room: '501' };
  const person = { name: '郑大爷', phone: '13700005678', tags: ['独居老人'], userId: null, page: 0, sortKey: 'building-2|3|501|郑大爷' };
  await db
    .collection('roster_entries')
    .doc(`${importId}-cost-zheng`)
    .set({ data: { key: rosterKey, importId, ...place, ...person } });
}

/**
 * The main flows once: a wish from post to confirmation, a petition accepted at the grid, escalated, resolved
 * and rated, the points desk, the mall and a merchant charge, and the list pages each of them is seen through.
 */
let passes = 0;

/** The next Monday (China time) at 09:00, at least a day ahead of `now`, as an ISO string. */
function comingMondayMorning(now: number): string {
  const cst = new Date(now + 8 * 3_600_000);
  const days = ((8 - cst.getUTCDay()) % 7) + 1;
  const day = new Date(Date.UTC(cst.getUTCFullYear(), cst.getUTCMonth(), cst.getUTCDate() + days, 1, 0, 0));
  return day.toISOString();
}

async function measurePass(emu: TestEmulator): Promise<ActionCost[]> {
  const costs: ActionCost[] = [];
  const step = async (label: string, openid: string, action: string, payload: unknown = {}, list = false) => {
    const { data, cost } = await measured(emu, label, openid, action, payload, list);
    costs.push(cost);
    return data;
  };
  const list = (openid: string, action: string, payload: unknown = {}) => step(action, openid, action, payload, true);
  const refused = async (label: string, openid: string, action: string, payload: unknown, code: string) => {
    costs.push((await measured(emu, label, openid, action, payload, false, code)).cost);
  };

  // What every page asks first.
  await list(wang, 'user.me');
  const wish = { title: '帮忙换灯泡', description: '厨房灯泡坏了，够不着，想请人帮忙换一下', categoryId: 'repair' };
  const wishId = (await step('wish.create', wang, 'wish.create', wish)).wish.id;
  await list(liu, 'wish.listQueue');
  await step('wish.approve', liu, 'wish.approve', { wishId, points: 10 });
  await list(zhang, 'wish.listWall');
  await step('wish.claim', zhang, 'wish.claim', { wishId });
  await list(zhang, 'wish.listTasks');
  await step('wish.checkIn', zhang, 'wish.checkIn', { wishId });
  await step('wish.complete', zhang, 'wish.complete', { wishId, proof: '已上门换好灯泡，试过能用' });
  await step('wish.confirm', wang, 'wish.confirm', { wishId, rating: 5, comment: '小张很热心，谢谢！' });
  await list(wang, 'wish.listMine');

  // 民主评议: this half-year's round (the first pass's taken away, as a new half-year would be), 张建国 rated by
  // himself, a peer and 王秀英 whom he just served; the settle timer that posts the results is not an action.
  await freshReviewRound(emu);
  const roundId = (await step('review.open', sun, 'review.open')).round.id;
  await list(zhang, 'review.mine');
  await step('review.submit (自评)', zhang, 'review.submit', { roundId, memberId: zhang, kind: 'self', grade: 'excellent' });
  await step('review.submit (互评)', chen, 'review.submit', { roundId, memberId: zhang, kind: 'peer', grade: 'good' });
  await step('review.mine (resident)', wang, 'review.mine', {}, true);
  await step('review.submit (群评)', wang, 'review.submit', { roundId, memberId: zhang, kind: 'mass', grade: 'excellent' });
  await list(sun, 'review.results');
  await step('review.close', sun, 'review.close', { roundId });

  // As everywhere in these flows, residents take no notices (one sent costs its outcome write after the commit):
  // she declines on the filing tap, as the app tells the case (`accepted`), so no move reads a grant of hers.
  const petitionId = (await step('petition.create', wang, 'petition.create', { ...ramp, accepted: [] })).petition.id;
  await list(liu, 'petition.listQueue');
  await step('petition.accept (grid)', liu, 'petition.accept', { petitionId });
  await step('petition.escalate', liu, 'petition.escalate', { petitionId, reason: '需要社区协调施工' });
  const { dueAt } = (await step('petition.accept (community)', sun, 'petition.accept', { petitionId })).petition;
  // 延期申请: the community asks the street for a day more, which approves it (the grid worker and she are told).
  const until = new Date(Date.parse(dueAt) + 24 * 3_600_000).toISOString();
  await step('petition.requestExtension', sun, 'petition.requestExtension', { petitionId, reason: '需要等待施工队排期', until });
  // 延期待批: 钱伟 finds it on the street's list of requests to decide.
  await step('petition.listQueue (延期待批)', qian, 'petition.listQueue', { extensions: true }, true);
  await step('petition.decideExtension', qian, 'petition.decideExtension', { petitionId, approve: true, note: '同意' });
  // 催办: she urges the community's handler (once today), who is told.
  await step('petition.urge', wang, 'petition.urge', { petitionId });
  await step('petition.resolve', sun, 'petition.resolve', { petitionId, feedback: '已联系施工队修补坡道' });
  // 现场验证: 刘芳 checks the community's resolution on site with a photo; 已解决 passes it on to 待评价.
  const site = [await upload(emu, liu, 'site.png')];
  await step('petition.verify', liu, 'petition.verify', { petitionId, result: 'resolved', note: '到现场看过，坡道已修好', photos: site });
  await step('petition.rate', wang, 'petition.rate', { petitionId, rating: 'satisfied' });
  // 确认办理结果: on a case 刘芳 resolved on the spot, 王秀英 answers 已解决 and 满意 in one tap (verified and rated).
  const quiet = async (openid: string, action: string, payload: unknown) => {
    const reply: any = await emu.invoke(areaOf(action), { action, payload, requestId: `cost-${++serial}-${Date.now()}` }, openid);
    if (!reply?.ok) throw new Error(`${action} failed: ${JSON.stringify(reply)}`);
    return reply.data;
  };
  const spot = (await quiet(wang, 'petition.create', { ...ramp, accepted: [] })).petition.id;
  await quiet(liu, 'petition.accept', { petitionId: spot });
  const [beforePhotos, afterPhotos] = [[await upload(emu, liu, 'before.png')], [await upload(emu, liu, 'after.png')]];
  await quiet(liu, 'petition.resolve', { petitionId: spot, feedback: '当场修补了坡道', beforePhotos, afterPhotos });
  await step('petition.confirm', wang, 'petition.confirm', { petitionId: spot, result: 'resolved', rating: 'satisfied' });
  // 第三次催办: the cost flow cannot span three China days, so a case she urged twice, the last time yesterday, is
  // set up in the database; her third urge cards it yellow (黄牌督办) and its notices go out.
  const urged = (await quiet(wang, 'petition.create', { ...ramp, accepted: [] })).petition.id;
  await quiet(liu, 'petition.accept', { petitionId: urged });
  const yesterday = new Date(Date.parse((await emu.clock()).now) - 24 * 3_600_000);
  await databaseOf(emu)
    .collection('petitions')
    .doc(urged)
    .update({ data: { urgeCount: 2, lastUrgedAt: yesterday } });
  const third = await step('petition.urge (third: yellow card)', wang, 'petition.urge', { petitionId: urged });
  if (third.petition.card?.color !== 'yellow') throw new Error(`the third urge left no yellow card: ${JSON.stringify(third.petition.card)}`);
  await list(wang, 'petition.listMine');
  // 我也遇到 by map point: a neighbour at about the spot of a case filed there finds it (geoNear on its geo index).
  const atGate = { latitude: 34.75, longitude: 113.62 };
  await quiet(wang, 'petition.create', { ...ramp, location: { kind: 'point', point: { ...atGate, address: '小区南门外人行道' } }, accepted: [] });
  await step(
    'petition.similar (map point)',
    zhang,
    'petition.similar',
    { categoryId: ramp.categoryId, point: { ...atGate, latitude: 34.7505 } },
    true,
  );
  // 红色代办 from the roster: the grid worker files for 郑大爷, who has no WeChat, at his building.
  await step('petition.create (roster proxy)', liu, 'petition.create', { ...ramp, onBehalfOf: { rosterKey } });
  // 困难必访: a case about his hardship, filed for him, puts his home on 今日走访 (the event rides in the record).
  const hardship = { categoryId: 'hardship', description: '独居，生活困难，需要帮扶', onBehalfOf: { rosterKey } };
  await step('petition.create (roster proxy, 困难)', liu, 'petition.create', hardship);
  // 红黄蓝 (issue 16): 刘芳 tags 郑大爷's home 连心户; 王秀英 asks for company to the hospital (助老), which puts her home
  // on 今日走访 in the wish's own transaction; 刘芳 reads her round, opens the card, logs the visit; 孙丽 reads coverage.
  const { household } = await step('care.setTier', liu, 'care.setTier', { rosterKey, tier: 'red', reason: '独居，腿脚不便' });
  const elderly = { title: '陪我去医院复查', description: '下周二上午去区医院复查，想请人陪同', categoryId: 'elderly' };
  await step('wish.create (助老)', wang, 'wish.create', elderly);
  const round = await list(liu, 'care.dueVisits');
  const hers = round.items.find((i: { names: string[] }) => i.names.includes('王秀英'));
  await step('care.household', liu, 'care.household', { householdId: household.id }, true);
  await step('care.logVisit', liu, 'care.logVisit', { householdId: hers.id, note: '已上门了解，安排志愿者陪同复查' });
  // 大病回访: 刘芳 reports 郑大爷 in hospital from his card.
  await step('care.reportEvent', liu, 'care.reportEvent', { householdId: household.id, kind: 'hospital', note: '肺炎住院' });
  await step('care.coverage', sun, 'care.coverage');
  // 督办 (issue 15): 宋嘉, the street's 督办员, reads her queue, cards a case by hand, has it reassigned to the grid
  // that should take it and then escalated to the community. The case is filed unmeasured (petition.create is above).
  const supervisedId = (await measured(emu, 'setup', wang, 'petition.create', { ...ramp, accepted: [] })).data.petition.id;
  await list(song, 'petition.listSupervised');
  await step('petition.listSupervised (district, red)', zheng, 'petition.listSupervised', { color: 'red' }, true);
  const order = { petitionId: supervisedId, comment: '三天没有进展，请尽快办理' };
  await step('petition.issueCard', song, 'petition.issueCard', { ...order, color: 'yellow' });
  await step('petition.reassignChoices', song, 'petition.reassignChoices', { petitionId: supervisedId }, true);
  await step('petition.orderReassign', song, 'petition.orderReassign', { ...order, to: { gridId: 'grid-2' } });
  await step('petition.orderEscalate', song, 'petition.orderEscalate', order);

  // 代办人 (issue 13): 李明 asks to help 王秀英 and she consents; he files a wish and a petition for her and lists
  // what he filed; 刘芳 files a wish for her too (红色代办); he ends the binding (the next pass asks anew).
  const helping = { parentName: '王秀英', parentPhone: '13800001001', relation: '儿子' };
  const bindingId = (await step('helper.request', li, 'helper.request', helping)).binding.id;
  await list(wang, 'helper.list');
  await step('helper.consent', wang, 'helper.consent', { bindingId });
  await step('wish.create (helper)', li, 'wish.create', { ...wish, onBehalfOf: { helperBinding: bindingId } });
  await step('wish.create (grid worker)', liu, 'wish.create', { ...wish, onBehalfOf: { residentId: wang } });
  await step('petition.create (helper)', li, 'petition.create', { ...ramp, onBehalfOf: { helperBinding: bindingId } });
  await step('wish.listMine (filed)', li, 'wish.listMine', { kind: 'filed' }, true);
  await step('helper.end', li, 'helper.end', { bindingId });

  // 家庭邀请码 (issue 13): 王秀英 invites, a relative of each pass joins at her home with the code, she lists her
  // family and ends the code (a home keeps at most three live, so the next pass makes a fresh one).
  const familyCode = (await step('family.invite', wang, 'family.invite')).code.code;
  await list(wang, 'family.codes');
  await step('family.join', `o-cost-family-${passes + 1}`, 'family.join', {
    code: familyCode,
    name: '王家亲属',
    phone: '13700003001',
    privacyVersion: '2026-12-01',
  });
  await list(wang, 'family.members');
  await step('family.revoke', wang, 'family.revoke', { code: familyCode });

  // 消息 (issue 14): the notices of the flows above, folded into the in-app list by the notify timer; 王秀英
  // opens 消息 (the first page carries the unread count), the 我的 badge counts, 全部已读.
  await emu.fireTrigger('notify', 'inbox');
  await list(wang, 'notify.messages');
  await list(wang, 'notify.unread');
  await step('notify.read', wang, 'notify.read', {});

  await step('points.award', sun, 'points.award', { openid: wang, asset: 'volunteer', amount: 100, reason: '志愿服务' });
  await step('points.deduct', sun, 'points.deduct', { openid: wang, asset: 'volunteer', amount: 5, reason: '更正' });
  // Refused: the reservation finds too few points, and the transaction that decides it posts nothing.
  await refused(
    'points.deduct (too few points)',
    sun,
    'points.deduct',
    { openid: wang, asset: 'volunteer', amount: 100_000, reason: '更正' },
    'POINTS_INSUFFICIENT',
  );
  await list(wang, 'points.history');
  const evidence = { text: '社区活动签到表、居民反馈', photos: [] };
  await step('points.partyEntry', sun, 'points.partyEntry', { openid: zhang, itemId: 'party-base', reason: '按月录入', evidence });
  await list(wang, 'points.ranking');
  await step('points.reconcile', sun, 'points.reconcile');

  await list(wang, 'mall.listItems');
  await step('mall.order', wang, 'mall.order', { itemId: 'mall-eggs', qty: 1 });

  await step('points.award (virtue)', sun, 'points.award', { openid: wang, asset: 'virtue', amount: 50, reason: '文明行为' });
  const { token } = await step('points.issueCode', wang, 'points.issueCode');
  await step('merchant.scan', merchant, 'merchant.scan', { token });
  await step('merchant.charge', merchant, 'merchant.charge', { token, points: 5, note: '' });
  // What sets up the charges below, unmeasured: a resident's points and their codes, a hold to refuse.
  const unmeasured = async (openid: string, action: string, payload: unknown = {}): Promise<any> =>
    ((await emu.invoke(areaOf(action), { action, payload, requestId: `cost-setup-${++serial}` }, openid)) as any).data;
  const codeOf = async (openid: string): Promise<string> => (await unmeasured(openid, 'points.issueCode')).token;
  // Refused: the resident's reservation finds too few points, and what refuses is said without a transaction.
  const short = { token: await codeOf(tang), points: 40, note: '' };
  await refused('merchant.charge (too few points)', merchant, 'merchant.charge', short, 'POINTS_INSUFFICIENT');
  // Above the per-charge cap (50 by default): held until the resident confirms, who is told (notice and 消息).
  await unmeasured(sun, 'points.award', { openid: wang, asset: 'virtue', amount: 60, reason: '文明行为' });
  const held = { token: await codeOf(wang), points: 60, note: '米面粮油' };
  const { charge: hold } = await step('merchant.charge (held)', merchant, 'merchant.charge', held);
  // Refused above the cap: the desk counts the hold first, so it gives the count back before the balance says why.
  const shortHeld = { token: await codeOf(tang), points: 60, note: '' };
  await refused('merchant.charge (held, too few points)', merchant, 'merchant.charge', shortHeld, 'POINTS_INSUFFICIENT');
  await list(wang, 'points.pendingHolds');
  await step('points.confirmHold', wang, 'points.confirmHold', { chargeId: hold.id });
  // A second hold the resident refuses: the points and their day come back.
  await unmeasured(sun, 'points.award', { openid: wang, asset: 'virtue', amount: 60, reason: '文明行为' });
  const declined = await unmeasured(merchant, 'merchant.charge', { token: await codeOf(wang), points: 60, note: '日用品' });
  await step('points.rejectHold', wang, 'points.rejectHold', { chargeId: declined.charge.id });
  await list(merchant, 'merchant.history');

  await list(admin, 'org.tree', { parentId: 'grid-1' });
  const { unit } = await step('org.upsertUnit', admin, 'org.upsertUnit', { parentId: 'community-wutong', name: '第四网格' });
  await step('org.retireUnit', admin, 'org.retireUnit', { id: unit.id, reason: '建错了，撤销' });
  await step('org.buildingCode', liu, 'org.buildingCode', { buildingId: 'building-1' });
  // 热线对接: the district admin reads the partners, adds one and issues its key.
  await list(districtAdmin, 'hotline.partners');
  const partner = { name: '区数字城管', communityId: 'community-wutong' };
  const { partner: added } = await step('hotline.savePartner', districtAdmin, 'hotline.savePartner', partner);
  await step('hotline.rotateKey', districtAdmin, 'hotline.rotateKey', { partnerId: added.id });
  await list(admin, 'role.people', { query: '李' });
  const appoint = { openid: li, role: 'grid_worker', unitId: 'grid-2', reason: '社区换届任命' };
  await step('role.grant', admin, 'role.grant', appoint);
  await step('role.revoke', admin, 'role.revoke', { openid: li, role: 'grid_worker', reason: '工作调动' });
  await list(admin, 'role.log');

  // 岗位认领 on a duty day (the passes run on a Monday morning, China time; see measureMainFlows).
  const schedule = { days: [1, 2, 3, 4, 5], start: '08:00', end: '12:00', maxHours: 3 };
  const newPost = { placeId: 'building-1', type: 'building_head', title: '1号楼楼栋长', slots: 2, schedule, pointsPerHour: 10 };
  const postId = (await step('post.publish', sun, 'post.publish', newPost)).post.id;
  await list(zhang, 'post.list', { view: 'open' });
  await step('post.claim', zhang, 'post.claim', { postId });
  await step('post.checkIn', zhang, 'post.checkIn', { postId });
  await emu.clock({ advanceMs: 60 * 60 * 1000 });
  const shiftId = (await step('post.checkOut', zhang, 'post.checkOut', { postId })).shift.id;
  await list(zhang, 'post.shifts', { postId });
  await step('post.rate', sun, 'post.rate', { shiftId, stars: 5, comment: '' });
  await list(sun, 'post.memberStats', {});
  await list(sun, 'post.list', { view: 'all' });
  await step('post.correct', sun, 'post.correct', { shiftId, reason: '测试更正' });
  await step('post.leave', zhang, 'post.leave', { postId });
  await step('post.close', sun, 'post.close', { postId });

  // 三方议事: a topic through its meeting, minutes and household vote to a follow-up task; a residents' topic co-signed.
  await councilInForce(emu);
  const topic = { party: 'community', title: '小区停车位重新划线', body: '地面停车位划线不清，夜里乱停堵住消防通道，请三方商量' };
  const topicId = (await step('council.raise', sun, 'council.raise', topic)).topic.id;
  await list(wang, 'council.list');
  const inDays = async (d: number) => new Date(Date.parse((await emu.clock()).now) + d * 86_400_000).toISOString();
  await step('council.schedule', sun, 'council.schedule', { topicId, at: await inDays(1), place: '社区议事厅', agenda: ['划线方案'] });
  await list(sun, 'council.members');
  const minutes = { minutes: '三方听取居民意见，同意重新划线并提交居民表决。', decision: '重新划线 60 个车位' };
  const vote = { question: '是否同意重新划线', deadline: await inDays(3) };
  const tasks = [{ title: '重新划线', ownerId: councilProperty, deadline: await inDays(14) }];
  await step('council.minutes', sun, 'council.minutes', { topicId, attendeeIds: [sun, councilProperty], ...minutes, vote, tasks });
  await step('council.vote', wang, 'council.vote', { topicId, choice: 'agree' });
  await step('council.get', wang, 'council.get', { topicId }, true);
  const taskId = (await step('council.list (tasks)', councilProperty, 'council.list', { view: 'tasks' }, true)).items[0].tasks[0].id;
  await step('council.finishTask', councilProperty, 'council.finishTask', { topicId, taskId, note: '已重新划线' });
  const residents = { ...topic, party: 'resident', title: '楼道堆物清理' };
  const residentsTopic = (await step('council.raise (resident)', wang, 'council.raise', residents)).topic.id;
  await step('council.cosign', li, 'council.cosign', { topicId: residentsTopic });

  // 入驻: a newcomer picks a building and applies; the grid worker approves.
  // A newcomer of each pass (the first one is a resident by the second).
  const newcomer = `o-cost-newcomer-${++passes}`;
  await step('user.joinPlaces', newcomer, 'user.joinPlaces', { parentId: 'grid-1' }, true);
  const joinForm = { buildingId: 'building-2', unit: '1', room: '101', name: '郑小红', phone: '13700001234', privacyVersion: '2026-12-01' };
  const applicationId = (await step('user.join', newcomer, 'user.join', joinForm)).application.id;
  await list(liu, 'user.applications');
  await step('user.reviewJoin', liu, 'user.reviewJoin', { applicationId, approve: true });
  // 双报到: the newcomer reports as a party member and for their unit; community staff review and evaluate.
  const memberForm = { category: '在职', partyOrg: '区实验小学党支部', skills: ['辅导功课'], freeTimes: '周末' };
  const reportId = (await step('member.report', newcomer, 'member.report', memberForm)).report.id;
  await step('member.mine', newcomer, 'member.mine');
  await list(sun, 'member.list');
  await step('member.reviewReport', sun, 'member.reviewReport', { reportId, approve: true });
  const unitForm = { name: '区实验小学', partyOrg: '区实验小学党支部', contactName: '周老师', contactPhone: '13900001234', resources: ['venue'] };
  const unitId = (await step('unit.report', newcomer, 'unit.report', unitForm)).unit.id;
  await list(sun, 'unit.list');
  await step('unit.review', sun, 'unit.review', { unitId, approve: true });
  await step('unit.evaluate', sun, 'unit.evaluate', { unitId, year: 2026, score: 90, comment: '场地开放及时' });
  // 三张清单 (issue 16): staff read the needs (month counters and a page of entered needs) and add one; the unit's
  // contact offers its venue; staff make a project of both; the unit claims it, reports twice (the last finishes it,
  // counting it in the unit's year); a resident rates it; its page and the unit's projects are read.
  await list(sun, 'list.needs');
  const { need } = await step('project.addNeed', sun, 'project.addNeed', { title: '儿童活动场地', gridId: 'grid-1' });
  const venue = { provider: 'unit', providerId: unitId, kind: 'venue', title: '学校操场', availability: '周末全天' };
  const { resource } = await step('project.addResource', newcomer, 'project.addResource', venue);
  await list(wang, 'list.resources');
  const project = { title: '周末儿童活动', detail: '借用学校操场办周末儿童活动', needIds: [need.id], resourceIds: [resource.id] };
  const projectId = (await step('project.create', sun, 'project.create', project)).project.id;
  await list(wang, 'list.projects');
  await list(newcomer, 'list.myUnits');
  await step('project.claim', newcomer, 'project.claim', { projectId, unitId });
  await step('project.report', newcomer, 'project.report', { projectId, text: '场地已布置', progress: 50 });
  await step('project.report (done)', newcomer, 'project.report', { projectId, text: '活动办完了', progress: 100 });
  await step('project.rate', wang, 'project.rate', { projectId, stars: 5, comment: '孩子们很开心' });
  await list(wang, 'project.get', { projectId });
  await step('list.projects (unit)', sun, 'list.projects', { unitId }, true);

  // 数据看板: a month of one community, read from its counters (issue 14).
  await step('report.dashboard', sun, 'report.dashboard', { from: '2026-11-01', to: '2026-11-30' }, true);
  // The list behind a number (report.cases): a month's resolved cases, and what is overdue now.
  await step('report.cases', sun, 'report.cases', { from: '2026-11-01', to: '2026-11-30', metric: 'resolved' }, true);
  await step('report.cases (overdue now)', sun, 'report.cases', { from: '2026-11-01', to: '2026-11-30', metric: 'overdueNow' }, true);
  await step('report.gridRanking', sun, 'report.gridRanking', { from: '2026-11-01', to: '2026-11-30' }, true);
  // 月通报: the timer prepares last month's draft (the second pass finds it published), staff read and publish it,
  // a resident reads the archive (issue 14).
  await emu.invoke('report', { Type: 'timer', TriggerName: 'bulletin' });
  const lastMonth = closedMonth(new Date((await emu.clock()).now));
  await step('report.bulletin', sun, 'report.bulletin', { month: lastMonth }, true);
  await step('report.publishBulletin', sun, 'report.publishBulletin', { month: lastMonth, note: '感谢居民的支持' });
  await list(wang, 'report.bulletins');
  // 核对统计: the district asks for a check of a day (the stats timer works it) and reads how it stands.
  const { check } = await step('report.verify', luo, 'report.verify', { scope: 'community-wutong', day: '2026-11-30' });
  await step('report.verifyResult', luo, 'report.verifyResult', { checkId: check.id }, true);
  // 数据导出: the month's postings as CSV — the job recorded, a page carried by the poll, then the file written.
  const day = new Date(Date.parse((await emu.clock()).now) + 8 * 3600_000).toISOString().slice(0, 10);
  await step('report.exportStart', sun, 'report.exportStart', { from: day, to: day, kinds: ['postings'], format: 'csv' });
  await step('report.exportStatus (page)', sun, 'report.exportStatus');
  await step('report.exportStatus (file)', sun, 'report.exportStatus');
  // 我的数据: the newcomer exports what Linli holds about them, then deletes their account.
  await step('user.exportMine', newcomer, 'user.exportMine');
  await step('user.deleteMine', newcomer, 'user.deleteMine', { confirm: '确认注销' });
  return costs;
}

/** The table issue 10 asks for, one row per action, and the actions over their budget. */
export function costTable(costs: ActionCost[]): string[] {
  const rows = costs.map((c) => {
    const over = c.requests > budgetOf(c) ? `  over budget (${budgetOf(c)})` : '';
    const flagged = c.flagged > 0 ? `  ${c.flagged} flagged` : '';
    const first = c.first === null ? '' : `  first pass ${c.first}`;
    return `${c.label.padEnd(30)} ${String(c.requests).padStart(3)} (${c.read} / ${c.examined} / ${c.written})${over}${flagged}${first}`;
  });
  return [`${'action'.padEnd(30)} DB requests (docs read / examined / written), warm; the first pass (cold) beside`, ...rows];
}
