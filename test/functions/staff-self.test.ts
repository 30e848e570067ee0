import { newWish, ok, useEmulator } from './call';
import { file, upload } from './petition-fixtures';
import { databaseOf } from './ledger-fixture';
import { admin, chen, fang, gao, li, liu, luo, qian, song, sun, wang, zhang } from './personas';
import { rid } from './points-helpers';

/**
 * 回避: every staff action whose subject is a person, a shop, an application, a wish, an order or a case is
 * refused when the subject is the actor's own (FORBIDDEN_SELF), and changes nothing; a colleague or the
 * admin acting on the same subject still succeeds. 高敏 is staff, a resident and a party member.
 */
const env = useEmulator();
const { call } = env;
const HOUR = 60 * 60 * 1000;

let serial = 0;
const act = (who: string, action: string, payload: Record<string, unknown>) =>
  call(who, action, payload, rid(`self-${action.replace('.', '-')}`, ++serial));
const give = async (openid: string, amount: number) =>
  ok(await act(sun, 'points.award', { openid, asset: 'volunteer', amount, reason: '参加社区活动' }));
/** 钱伟 (street staff) made an admin of the street by 吴磊, to be the colleague who may act on 吴磊's roles. */
const qianAsAdmin = qian;
const makeQianAdmin = async () =>
  ok(await act(admin, 'role.grant', { openid: qian, role: 'admin', unitId: 'street-qingshi', adminScope: 'street', reason: '增设街道管理员' }));
const evidence = { text: '社区活动签到表', photos: [] };

/** 高敏's own home (7号楼 2单元301) in the roster in force, for 红黄蓝. */
const gaoKey = 'community-wutong|building-7|2|301|高敏';
async function gaoOnRoster() {
  const db = databaseOf(env.emu);
  await db
    .collection('roster_heads')
    .doc('community-wutong')
    .set({ data: { communityId: 'community-wutong', streetId: 'street-qingshi', activeImport: 'import-self', rows: 1 } });
  const entry = {
    key: gaoKey,
    communityId: 'community-wutong',
    gridId: 'grid-3',
    buildingId: 'building-7',
    buildingName: '7号楼',
    unit: '2',
    room: '301',
  };
  await db.collection('roster_entries').add({
    data: { _id: 'import-self-gao', importId: 'import-self', ...entry, name: '高敏', phone: null, tags: [], userId: null, sortKey: gaoKey },
  });
}

const DAY = 24 * HOUR;

/** A residents' 三方议事 topic 高敏 raised about her own building, co-signed by five neighbours: on the council's list. */
async function gaoTopic(): Promise<string> {
  const topic = { party: 'resident', title: '楼道堆物清理', body: '7号楼楼道堆满杂物，老人上下楼不方便，请三方商量清理' };
  const topicId = ok(await act(gao, 'council.raise', topic)).topic.id;
  for (const who of [wang, li, zhang, chen, fang]) ok(await act(who, 'council.cosign', { topicId }));
  return topicId;
}

async function standing(openid: string) {
  const balances = ok(await call(openid, 'points.balance')).balances.map((b: any) => [b.asset, b.balance]);
  return { balances, postings: ok(await call(openid, 'points.history', { limit: 50 })).items.length };
}
const wishOf = async (wishId: string) => {
  const { status, claimant, award } = ok(await call(sun, 'wish.get', { wishId })).wish;
  return { status, claimant, award };
};
const applicationOf = async (openid: string) => ok(await call(openid, 'merchant.mine')).application?.status;
const shopOf = async (openid: string) => {
  const { status, points } = ok(await call(openid, 'merchant.mine')).shop;
  return { status, points };
};
/** A unit reported by `contact` and approved by a colleague. */
async function approvedUnitOf(contact: string, approver: string): Promise<string> {
  const form = { name: `${contact}的单位`, partyOrg: '区实验小学党支部', contactName: '周老师', contactPhone: '13900001234', resources: ['venue'] };
  const { unit } = ok(await act(contact, 'unit.report', form));
  ok(await act(approver, 'unit.review', { unitId: unit.id, approve: true }));
  return unit.id;
}
const caseOf = async (petitionId: string, viewer = sun) => {
  const { status, level, timeline } = ok(await call(viewer, 'petition.get', { petitionId })).petition;
  return { status, level, steps: timeline.length };
};
/** 高敏, made 督办员 of her street by 吴磊, reports a problem at her home (第三网格); 宋嘉 supervises the street too. */
async function caseOfSupervisorGao(): Promise<string> {
  ok(await act(admin, 'role.grant', { openid: gao, role: 'supervisor', unitId: 'street-qingshi', reason: '兼任街道督办员' }));
  return file(call, gao, { location: { kind: 'building', buildingId: 'building-7' } });
}
const supervised = (action: string, payload: Record<string, unknown>): SelfCase => ({
  action,
  self: gao,
  other: song,
  arrange: async () => {
    const petitionId = await caseOfSupervisorGao();
    return { payload: { petitionId, ...payload }, look: () => caseOf(petitionId, song) };
  },
});

async function wishBy(resident: string, approver?: string): Promise<string> {
  const id = ok(await call(resident, 'wish.create', newWish)).wish.id;
  if (approver) ok(await call(approver, 'wish.approve', { wishId: id, points: 10 }));
  return id;
}

/** 高敏 applies to open a shop; with `approved`, 孙丽 approves it. */
async function gaoApplies(approved: boolean): Promise<{ applicationId: string; shopId: string | null }> {
  const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('licence gao')]);
  const { fileID } = await env.emu.upload(gao, png, 'licence');
  const form = { shopName: '高家花店', address: '梧桐社区7号楼底商5号', category: 'other', contact: '13800004002', licence: fileID };
  const applicationId = ok(await act(gao, 'merchant.apply', form)).application.id;
  if (!approved) return { applicationId, shopId: null };
  return { applicationId, shopId: ok(await act(sun, 'merchant.review', { applicationId, approve: true })).shop.id };
}

/** A wish 高敏 served as a member whose award (hourly, large) waits for staff to confirm. */
async function heldAwardOfGao(): Promise<string> {
  const id = ok(await call(wang, 'wish.create', { ...newWish, categoryId: 'elderly' })).wish.id;
  ok(await call(liu, 'wish.approve', { wishId: id, points: 30 }));
  ok(await call(gao, 'wish.claim', { wishId: id }));
  ok(await call(gao, 'wish.checkIn', { wishId: id }));
  await env.emu.clock({ advanceMs: 4 * HOUR });
  ok(await call(gao, 'wish.complete', { wishId: id, proof: '陪老人看病，已送回家' }));
  expect(ok(await call(wang, 'wish.confirm', { wishId: id, rating: 5 })).wish.award).toMatchObject({ status: 'review' });
  return id;
}

/** A finished duty shift of 高敏 on a post of her grid, with its points posted (a Monday morning, China time). */
async function shiftOfGao(): Promise<string> {
  await env.emu.clock({ set: '2026-12-07T09:00:00+08:00' });
  const schedule = { days: [1], start: '08:00', end: '12:00', maxHours: 3 };
  const postId = ok(
    await act(sun, 'post.publish', { placeId: 'grid-3', type: 'civility', title: '文明劝导岗', slots: 2, schedule, pointsPerHour: 10 }),
  ).post.id;
  ok(await act(gao, 'post.claim', { postId }));
  ok(await act(gao, 'post.checkIn', { postId }));
  await env.emu.clock({ advanceMs: 2 * HOUR });
  return ok(await act(gao, 'post.checkOut', { postId })).shift.id;
}

type Payload = Record<string, unknown>;

interface SelfCase {
  action: string;
  /** Who acts on their own matter, and a colleague or the admin who may act on it instead. */
  self: string;
  other: string;
  /**
   * Makes the subject; returns the payload that acts on it (or how each actor makes it, when it carries their own
   * upload) and a look at what the action would change.
   */
  arrange: () => Promise<{ payload: Payload | ((who: string) => Promise<Payload>); look: () => Promise<unknown> }>;
}

const cases: [string, SelfCase][] = [
  [
    'staff who hold a post correct their own duty shift',
    {
      action: 'post.correct',
      self: gao,
      other: sun,
      arrange: async () => {
        const shiftId = await shiftOfGao();
        return { payload: { shiftId, reason: '时长记错了' }, look: () => standing(gao) };
      },
    },
  ],
  [
    '孙丽 awards herself points (the issue)',
    {
      action: 'points.award',
      self: sun,
      other: gao,
      arrange: async () => ({ payload: { openid: sun, asset: 'volunteer', amount: 100_000, reason: '自己发给自己' }, look: () => standing(sun) }),
    },
  ],
  [
    'staff award themselves points',
    {
      action: 'points.award',
      self: gao,
      other: sun,
      arrange: async () => ({ payload: { openid: gao, asset: 'virtue', amount: 50, reason: '参加社区活动' }, look: () => standing(gao) }),
    },
  ],
  [
    'staff deduct their own points',
    {
      action: 'points.deduct',
      self: gao,
      other: sun,
      arrange: async () => {
        await give(gao, 50);
        return { payload: { openid: gao, asset: 'volunteer', amount: 10, reason: '活动缺席' }, look: () => standing(gao) };
      },
    },
  ],
  [
    'staff turn their own points into fee relief',
    {
      action: 'points.feeRelief',
      self: gao,
      other: sun,
      arrange: async () => {
        await give(gao, 100);
        return { payload: { openid: gao, amount: 50, receiptNo: 'WT-2026-0099' }, look: () => standing(gao) };
      },
    },
  ],
  [
    'staff grant themselves virtue credit',
    {
      action: 'points.grantVirtue',
      self: gao,
      other: sun,
      arrange: async () => ({ payload: { openid: gao, itemId: 'virtue-volunteer' }, look: () => standing(gao) }),
    },
  ],
  [
    'staff who are members enter their own party points',
    {
      action: 'points.partyEntry',
      self: gao,
      other: sun,
      arrange: async () => ({ payload: { openid: gao, itemId: 'party-base', reason: '按月录入', evidence }, look: () => standing(gao) }),
    },
  ],
  [
    'staff reverse a posting to themselves',
    {
      action: 'points.reverse',
      self: gao,
      other: sun,
      arrange: async () => {
        await give(gao, 40);
        const posting = ok(await act(sun, 'points.deduct', { openid: gao, asset: 'volunteer', amount: 30, reason: '活动缺席' }));
        return { payload: { postingId: posting.postingId, reason: '扣错了' }, look: () => standing(gao) };
      },
    },
  ],
  [
    'staff confirm a held award that pays themselves',
    {
      action: 'points.approveAward',
      self: gao,
      other: sun,
      arrange: async () => {
        const wishId = await heldAwardOfGao();
        return { payload: { wishId, approve: true }, look: async () => ({ wish: await wishOf(wishId), gao: await standing(gao) }) };
      },
    },
  ],
  [
    'staff hand a mall order over to themselves',
    {
      action: 'mall.fulfil',
      self: gao,
      other: sun,
      arrange: async () => {
        await give(gao, 100);
        const order = ok(await act(gao, 'mall.order', { itemId: 'mall-rice', qty: 1 })).order;
        return { payload: { orderId: order.id }, look: async () => ok(await call(gao, 'mall.listOrders')).items.map((o: any) => o.status) };
      },
    },
  ],
  [
    'staff review their own merchant application',
    {
      action: 'merchant.review',
      self: gao,
      other: admin,
      arrange: async () => {
        const { applicationId } = await gaoApplies(false);
        return { payload: { applicationId, approve: true }, look: async () => [await applicationOf(gao), ok(await call(gao, 'user.me')).roles] };
      },
    },
  ],
  [
    'a grid worker reviews their own move into a building of their grid',
    {
      action: 'user.reviewJoin',
      self: liu,
      other: sun,
      arrange: async () => {
        const { application } = ok(await act(liu, 'user.updateProfile', { buildingId: 'building-2', room: '101' }));
        const look = async () => [ok(await call(liu, 'user.joinStatus')).application.status, ok(await call(liu, 'user.me')).buildingId];
        return { payload: { applicationId: application.id, approve: true }, look };
      },
    },
  ],
  [
    'staff suspend their own shop',
    {
      action: 'merchant.suspend',
      self: gao,
      other: sun,
      arrange: async () => {
        const { shopId } = await gaoApplies(true);
        return { payload: { shopId, suspend: true, reason: '店主自查' }, look: () => shopOf(gao) };
      },
    },
  ],
  [
    'staff inspect their own shop',
    {
      action: 'shop.inspect',
      self: gao,
      other: sun,
      arrange: async () => {
        const { shopId } = await gaoApplies(true);
        const checklist = { hygiene: 5, prices: 5, street: 5, civility: 5 };
        return { payload: { shopId, checklist }, look: () => shopOf(gao) };
      },
    },
  ],
  [
    'staff approve their own wish',
    {
      action: 'wish.approve',
      self: gao,
      other: sun,
      arrange: async () => {
        const wishId = await wishBy(gao);
        return { payload: { wishId, points: 20 }, look: () => wishOf(wishId) };
      },
    },
  ],
  [
    'staff reject their own wish',
    {
      action: 'wish.reject',
      self: gao,
      other: sun,
      arrange: async () => {
        const wishId = await wishBy(gao);
        return { payload: { wishId, reason: '不属于微心愿范围' }, look: () => wishOf(wishId) };
      },
    },
  ],
  [
    'staff dispatch a wish to themselves',
    {
      action: 'wish.dispatch',
      self: gao,
      other: sun,
      arrange: async () => {
        const wishId = await wishBy(wang, liu);
        return { payload: { wishId, memberId: gao }, look: () => wishOf(wishId) };
      },
    },
  ],
  [
    'staff dispatch their own wish',
    {
      action: 'wish.dispatch',
      self: gao,
      other: sun,
      arrange: async () => {
        const wishId = await wishBy(gao, sun);
        return { payload: { wishId, memberId: zhang }, look: () => wishOf(wishId) };
      },
    },
  ],
  [
    'staff accept a petition they reported themselves',
    {
      action: 'petition.accept',
      self: gao,
      other: sun,
      arrange: async () => {
        const petitionId = await file(call, gao);
        ok(await call(liu, 'petition.escalate', { petitionId, reason: '网格办不了' }));
        return { payload: { petitionId }, look: () => caseOf(petitionId) };
      },
    },
  ],
  [
    'staff ask for more time (延期申请) on a petition they reported themselves',
    {
      action: 'petition.requestExtension',
      self: gao,
      other: sun,
      arrange: async () => {
        const petitionId = await file(call, gao);
        ok(await call(liu, 'petition.escalate', { petitionId, reason: '网格办不了' }));
        const { dueAt } = ok(await call(sun, 'petition.get', { petitionId })).petition;
        const until = new Date(Date.parse(dueAt) + 24 * HOUR).toISOString();
        return { payload: { petitionId, reason: '需要协调施工队排期', until }, look: () => caseOf(petitionId) };
      },
    },
  ],
  [
    'staff decide an extension of a petition they reported themselves',
    {
      action: 'petition.decideExtension',
      self: gao,
      other: sun,
      arrange: async () => {
        const petitionId = await file(call, gao);
        const { dueAt } = ok(await call(liu, 'petition.accept', { petitionId })).petition;
        const until = new Date(Date.parse(dueAt) + 24 * HOUR).toISOString();
        ok(await call(liu, 'petition.requestExtension', { petitionId, reason: '需要协调施工队排期', until }));
        return { payload: { petitionId, approve: true }, look: () => caseOf(petitionId) };
      },
    },
  ],
  [
    'district staff decide their own extension request',
    {
      action: 'petition.decideExtension',
      self: luo,
      other: 'district-two',
      arrange: async () => {
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
            },
          });
        const petitionId = await file(call, wang);
        ok(await call(liu, 'petition.escalate', { petitionId, reason: '网格办不了' }));
        ok(await call(sun, 'petition.escalate', { petitionId, reason: '社区办不了' }));
        ok(await call(qian, 'petition.escalate', { petitionId, reason: '需要区级统筹' }));
        const { dueAt } = ok(await call(luo, 'petition.accept', { petitionId })).petition;
        const until = new Date(Date.parse(dueAt) + 24 * HOUR).toISOString();
        ok(await call(luo, 'petition.requestExtension', { petitionId, reason: '需要多部门会商', until }));
        return { payload: { petitionId, approve: true }, look: () => caseOf(petitionId) };
      },
    },
  ],
  [
    'a grid worker verifies on site the resolution they made on the spot',
    {
      action: 'petition.verify',
      self: liu,
      other: sun,
      arrange: async () => {
        const petitionId = await file(call);
        ok(await call(liu, 'petition.accept', { petitionId }));
        const [beforePhotos, afterPhotos] = [[await upload(env.emu, liu, 'before.png')], [await upload(env.emu, liu, 'after.png')]];
        ok(await call(liu, 'petition.resolve', { petitionId, feedback: '当场修补了坡道', beforePhotos, afterPhotos }));
        // Each verifier brings their own site photo (only one's own uploads are taken).
        const payload = async (who: string) => ({
          petitionId,
          result: 'resolved',
          note: '到现场看过',
          photos: [await upload(env.emu, who, 'site.png')],
        });
        return { payload, look: () => caseOf(petitionId) };
      },
    },
  ],
  [
    'an admin appoints themselves (任免)',
    {
      action: 'role.grant',
      self: admin,
      other: qianAsAdmin,
      arrange: async () => {
        await makeQianAdmin();
        return {
          payload: { openid: admin, role: 'staff', unitId: 'community-wutong', reason: '兼任社区工作' },
          look: async () => ok(await call(qian, 'role.log', { openid: admin })).items.length,
        };
      },
    },
  ],
  [
    'an admin removes their own admin role',
    {
      action: 'role.revoke',
      self: admin,
      other: qianAsAdmin,
      arrange: async () => {
        await makeQianAdmin();
        return {
          payload: { openid: admin, role: 'admin', reason: '不再担任' },
          look: async () => ok(await call(qian, 'role.log', { openid: admin })).items.length,
        };
      },
    },
  ],
  [
    'community staff review their own party-member report',
    {
      action: 'member.reviewReport',
      self: sun,
      other: gao,
      arrange: async () => {
        const { report } = ok(await act(sun, 'member.report', { category: '在职', partyOrg: '青石街道机关党支部', freeTimes: '周末' }));
        const look = async () => [ok(await call(sun, 'member.mine')).report.status, ok(await call(sun, 'user.me')).roles];
        return { payload: { reportId: report.id, approve: true }, look };
      },
    },
  ],
  [
    'community staff review the unit they reported',
    {
      action: 'unit.review',
      self: sun,
      other: gao,
      arrange: async () => {
        const unit = { name: '区实验小学', partyOrg: '区实验小学党支部', contactName: '周老师', contactPhone: '13900001234', resources: ['venue'] };
        const { unit: reported } = ok(await act(sun, 'unit.report', unit));
        const look = async () => ok(await call(gao, 'unit.list', { status: 'pending' })).items.length;
        return { payload: { unitId: reported.id, approve: true }, look };
      },
    },
  ],
  [
    'community staff evaluate the unit they reported',
    {
      action: 'unit.evaluate',
      self: sun,
      other: gao,
      arrange: async () => {
        const unit = { name: '区实验小学', partyOrg: '区实验小学党支部', contactName: '周老师', contactPhone: '13900001234', resources: ['venue'] };
        const { unit: reported } = ok(await act(sun, 'unit.report', unit));
        ok(await act(gao, 'unit.review', { unitId: reported.id, approve: true }));
        const look = async () => ok(await call(gao, 'unit.list', { status: 'approved' })).items[0].evaluations;
        return { payload: { unitId: reported.id, year: 2026, score: 90, comment: '场地开放及时' }, look };
      },
    },
  ],
  [
    'community staff confirm, for the parent, their own request to be her 代办人',
    {
      action: 'helper.consent',
      self: gao,
      other: sun,
      arrange: async () => {
        const asked = { parentName: '王秀英', parentPhone: '13800001001', relation: '侄女' };
        const { binding } = ok(await act(gao, 'helper.request', asked));
        const look = async () => ok(await call(wang, 'helper.list')).asParent.map((b: { status: string }) => b.status);
        return { payload: { bindingId: binding.id }, look };
      },
    },
  ],
  [
    'community staff tag their own home 红黄蓝',
    {
      action: 'care.setTier',
      self: gao,
      other: sun,
      arrange: async () => {
        await gaoOnRoster();
        const look = async () => ok(await call(sun, 'care.household', { rosterKey: gaoKey })).household?.tier ?? null;
        return { payload: { rosterKey: gaoKey, tier: 'green', reason: '家里一切都好' }, look };
      },
    },
  ],
  [
    'community staff log a visit to their own home',
    {
      action: 'care.logVisit',
      self: gao,
      other: sun,
      arrange: async () => {
        await gaoOnRoster();
        const { household } = ok(await act(sun, 'care.setTier', { rosterKey: gaoKey, tier: 'green', reason: '家里一切都好' }));
        const look = async () => ok(await call(sun, 'care.household', { householdId: household.id })).household.visits;
        return { payload: { householdId: household.id, note: '上门看过，一切正常' }, look };
      },
    },
  ],
  [
    'community staff who are party members close the 民主评议 round that rates them',
    {
      action: 'review.close',
      self: gao,
      other: sun,
      arrange: async () => {
        const { round } = ok(await act(sun, 'review.open', {}));
        const look = async () => ok(await call(sun, 'review.results', {})).round.status;
        return { payload: { roundId: round.id }, look };
      },
    },
  ],
  [
    'community staff claim, for their own unit, a project they created (三张清单)',
    {
      action: 'project.claim',
      self: gao,
      other: sun,
      arrange: async () => {
        const { project } = ok(await act(gao, 'project.create', { title: '楼道照明改造', detail: '更换声控灯' }));
        const units: Record<string, string> = { [gao]: await approvedUnitOf(gao, sun), [sun]: await approvedUnitOf(sun, gao) };
        const look = async () => ok(await call(wang, 'project.get', { projectId: project.id })).project.claimant;
        return { payload: async (who: string) => ({ projectId: project.id, unitId: units[who] }), look };
      },
    },
  ],
  [
    'community staff schedule the 三方议事 topic they raised as a resident',
    {
      action: 'council.schedule',
      self: gao,
      other: sun,
      arrange: async () => {
        const topicId = await gaoTopic();
        const look = async () => ok(await call(sun, 'council.get', { topicId })).topic.meeting;
        return { payload: { topicId, at: new Date(Date.now() + DAY).toISOString(), place: '社区议事厅', agenda: ['楼道堆物'] }, look };
      },
    },
  ],
  [
    'community staff minute the 三方议事 topic they raised as a resident',
    {
      action: 'council.minutes',
      self: gao,
      other: sun,
      arrange: async () => {
        const topicId = await gaoTopic();
        ok(await act(sun, 'council.schedule', { topicId, at: new Date(Date.now() + DAY).toISOString(), place: '社区议事厅', agenda: ['楼道堆物'] }));
        const look = async () => ok(await call(sun, 'council.get', { topicId })).topic.minutes;
        return { payload: { topicId, attendeeIds: [sun, gao], minutes: '三方商定限期清理楼道堆物。', decision: '一周内清理' }, look };
      },
    },
  ],
  [
    'community staff report a hospital stay at their own home (大病回访)',
    {
      action: 'care.reportEvent',
      self: gao,
      other: sun,
      arrange: async () => {
        await gaoOnRoster();
        const look = async () => (await databaseOf(env.emu).collection('care_events').where({ rosterKey: gaoKey }).count()).total;
        return { payload: { rosterKey: gaoKey, kind: 'hospital', note: '住院观察' }, look };
      },
    },
  ],
  [
    'community staff rate a project their own unit carried out (三张清单)',
    {
      action: 'project.rate',
      self: gao,
      other: sun,
      arrange: async () => {
        const { project } = ok(await act(sun, 'project.create', { title: '楼道照明改造', detail: '更换声控灯' }));
        const unitId = await approvedUnitOf(gao, sun);
        ok(await act(gao, 'project.claim', { projectId: project.id, unitId }));
        ok(await act(gao, 'project.report', { projectId: project.id, text: '灯已全部换好', progress: 100 }));
        const look = async () => ok(await call(wang, 'project.get', { projectId: project.id })).project.rating;
        return { payload: { projectId: project.id, stars: 5 }, look };
      },
    },
  ],
  ['a 督办员 cards a case they reported', supervised('petition.issueCard', { color: 'red', comment: '请尽快处理' })],
  ['a 督办员 orders a case they reported escalated', supervised('petition.orderEscalate', { comment: '请上报社区' })],
  [
    'a 督办员 orders a case they reported reassigned',
    supervised('petition.orderReassign', { to: { gridId: 'grid-1' }, comment: '应由第一网格办理' }),
  ],
];

describe('回避: staff never act on their own account, shop, application, wish, order or case', () => {
  it.each(cases)('%s: refused with FORBIDDEN_SELF and nothing changes; a colleague may', async (_name, { action, self, other, arrange }) => {
    const { payload, look } = await arrange();
    const as = async (who: string) => (typeof payload === 'function' ? await payload(who) : payload);
    const before = await look();
    expect(await act(self, action, await as(self))).toMatchObject({
      ok: false,
      code: 'FORBIDDEN_SELF',
      message: '不能为自己办理，请由其他工作人员或管理员办理',
    });
    expect(await look()).toEqual(before);
    ok(await act(other, action, await as(other)));
    expect(await look()).not.toEqual(before);
  });
});
