// A month of life in 梧桐社区, played through the real use cases: the personas call the cloud functions and the
// emulator clock walks from a month ago to now, running the timer triggers (petition sweep, wish sweep, …) at
// every step, so overdue petitions climb by themselves. Nothing here writes a document: every record comes from
// an action, and every point from the ledger, so `points.reconcile` finds no difference.
//
// Deterministic: the script is fixed, the few varied numbers come from a seeded generator, and every time is a
// fixed offset from "now" (days before today at a fixed China time, or hours before now), so the month is always
// the last one. Record ids the database draws are random, as in the cloud.
import { PRIVACY_VERSION } from '../../../src/shared/domain/join';
import { box, ellipse, picture, toPng, type Picture } from './pictures';

/** What the script needs from the emulator. */
export interface MonthDriver {
  /** Calls the action's function as `openid` (undefined: a caller with no record); resolves to the reply. */
  invoke(openid: string | undefined, action: string, payload: unknown, requestId: string): Promise<unknown>;
  /** Moves the emulator clock forward to `at` and runs the timer triggers that became due on the way. */
  moveTo(at: number): Promise<void>;
  /** Stores a photo under the caller's own upload folder (as the app uploads one); its file ID. */
  store(cloudPath: string, data: Buffer): string;
}

/** How far back the month reaches (last month's party entries, on its last day, may be a day or two earlier). */
export const MONTH_DAYS = 30;

export interface MonthSummary {
  calls: number;
  steps: number;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const CST = 8 * HOUR;

const wang = 'demo-resident-wang';
const li = 'demo-resident-li';
const tang = 'demo-resident-tang';
const zhang = 'demo-member-zhang';
const chen = 'demo-member-chen';
const huang = 'demo-member-huang';
const ma = 'demo-member-ma';
const yang = 'demo-member-yang';
const zhu = 'demo-member-zhu';
const gao = 'demo-staff-gao';
const liu = 'demo-grid-liu';
const zhao = 'demo-grid-zhao';
const sun = 'demo-staff-sun';
const zhou = 'demo-merchant-zhou';
const fang = 'demo-merchant-fang';
const qian = 'demo-street-qian';
const he = 'demo-dept-housing-he';

/** mulberry32: a small seeded generator, so the month's varied numbers are the same on every machine. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Step = { at: number; order: number; run: () => Promise<void> };

/** Data of a successful reply; any failure stops the month with the action and the reply. */
function data(action: string, reply: unknown): any {
  const r = reply as { ok?: boolean; data?: unknown };
  if (!r || r.ok !== true) throw new Error(`seed month: ${action} failed: ${JSON.stringify(reply)}`);
  return r.data;
}

const photoOf: Record<string, Picture> = {
  // A cracked ramp, then a new one.
  before: picture('#e9e4dc', [box('#9e9e9e', 10, 55, 90, 90), box('#6d4c41', 30, 60, 36, 88), box('#6d4c41', 36, 70, 60, 74)]),
  after: picture('#e3f0e6', [box('#bdbdbd', 10, 55, 90, 90), box('#2e7d32', 10, 48, 90, 52)]),
  // A street light, dark, then lit.
  dark: picture('#37474f', [box('#90a4ae', 47, 20, 53, 95), ellipse('#546e7a', 50, 20, 12, 6)]),
  lit: picture('#263238', [box('#90a4ae', 47, 20, 53, 95), ellipse('#ffeb3b', 50, 20, 14, 8), ellipse('#fff59d', 50, 34, 22, 10)]),
  // A tidy kitchen tap and a home visit.
  tap: picture('#eef3f7', [box('#90a4ae', 30, 30, 70, 38, 3), box('#90a4ae', 62, 30, 70, 60, 3), ellipse('#4fc3f7', 66, 70, 4, 6)]),
  visit: picture('#fdf1e7', [
    ellipse('#8d6e63', 35, 35, 10),
    box('#d84315', 25, 46, 45, 80, 6),
    ellipse('#5d4037', 65, 38, 9),
    box('#1565c0', 56, 48, 74, 80, 6),
  ]),
};

/**
 * Plays the month. `now` is the moment it ends at (the clock's "now" when the seed runs): every step happens
 * before it, in time order.
 */
export async function playMonth(driver: MonthDriver, now: number): Promise<MonthSummary> {
  const random = seeded(20261204);
  const today = Math.floor((now + CST) / DAY) * DAY - CST; // 00:00 China time today
  /** `n` days before today (n ≥ 2, so always before now), at hh:mm China time. */
  const day = (n: number, hhmm: string): number => {
    if (n < 2) throw new Error('seed month: use ago() for the last day');
    const [h, m] = hhmm.split(':').map(Number);
    return today - n * DAY + h * HOUR + m * MINUTE;
  };
  /** `hours` before now (at most a day, so after every day(n) time). */
  const ago = (hours: number): number => now - hours * HOUR;
  /** China weekday (0 = Sunday) of a time. */
  const weekday = (at: number) => new Date(at + CST).getUTCDay();

  const steps: Step[] = [];
  let order = 0;
  /** A chain of steps, each after the one before it (a later step is moved a minute past an earlier one). */
  const chain = (...links: [number, () => Promise<void>][]) => {
    let last = -Infinity;
    for (const [at, run] of links) {
      const when = Math.max(at, last + MINUTE);
      steps.push({ at: when, order: order++, run });
      last = when;
    }
  };

  let calls = 0;
  const call = async (who: string | undefined, action: string, payload: unknown = {}): Promise<any> => {
    calls += 1;
    const requestId = `seed-month-${String(calls).padStart(4, '0')}`;
    return data(action, await driver.invoke(who, action, payload, requestId));
  };
  let photos = 0;
  const photo = (who: string, kind: keyof typeof photoOf): string => {
    photos += 1;
    return driver.store(`uploads/${who}/seed-${kind}-${photos}.png`, toPng(photoOf[kind], 96));
  };

  // ── 微心愿: every state, most of them carried through to a rating ─────────────────────────────────────────
  interface WishPlan {
    by: string;
    title: string;
    description: string;
    categoryId: string;
    preferredTime?: string;
  }
  const wish = (plan: WishPlan) => {
    const ref = { id: '' };
    const create = async () => {
      const { title, description, categoryId, preferredTime } = plan;
      ref.id = (await call(plan.by, 'wish.create', { title, description, categoryId, ...(preferredTime ? { preferredTime } : {}) })).wish.id;
    };
    return {
      ref,
      create,
      as:
        (who: string, action: string, extra: Record<string, unknown> = {}) =>
        () =>
          call(who, action, { wishId: ref.id, ...extra }),
    };
  };
  const stars = () => (random() < 0.75 ? 5 : 4);

  // Confirmed and rated: 王秀英 accompanied to her check-up by 张建国.
  const w1 = wish({
    by: wang,
    title: '陪我去社区医院复查',
    description: '下周二上午要去社区医院复查血压，一个人走路不稳，想请人陪同',
    categoryId: 'elderly',
    preferredTime: '周二上午',
  });
  chain(
    [day(27, '08:40'), w1.create],
    [day(27, '10:15'), w1.as(liu, 'wish.approve', { points: 20 })],
    [day(27, '12:30'), w1.as(zhang, 'wish.claim')],
    [day(25, '08:30'), w1.as(zhang, 'wish.checkIn')],
    [
      day(25, '10:50'),
      async () =>
        void (await call(zhang, 'wish.complete', {
          wishId: w1.ref.id,
          proof: '陪王阿姨做完复查，血压正常，已送回家',
          photos: [photo(zhang, 'visit')],
        })),
    ],
    [day(25, '16:20'), w1.as(wang, 'wish.confirm', { rating: 5, comment: '小张很耐心，谢谢！' })],
  );
  // Confirmed: 李明's leaking tap fixed by 黄志刚.
  const w2 = wish({
    by: li,
    title: '厨房水龙头漏水',
    description: '厨房水龙头一直滴水，关不紧，家里没有工具',
    categoryId: 'repair',
    preferredTime: '工作日晚上',
  });
  chain(
    [day(24, '19:10'), w2.create],
    [day(23, '09:05'), w2.as(zhao, 'wish.approve', { points: 15 })],
    [day(23, '12:40'), w2.as(huang, 'wish.claim')],
    [day(22, '19:00'), w2.as(huang, 'wish.checkIn')],
    [
      day(22, '19:50'),
      async () =>
        void (await call(huang, 'wish.complete', { wishId: w2.ref.id, proof: '换了新的阀芯，已经不漏水了', photos: [photo(huang, 'tap')] })),
    ],
    [day(21, '08:10'), async () => void (await call(li, 'wish.confirm', { wishId: w2.ref.id, rating: stars(), comment: '修得又快又好' }))],
  );
  // Confirmed: 唐卫东's son tutored by 马丽华.
  const w3 = wish({
    by: tang,
    title: '孩子数学作业辅导',
    description: '孩子上初二，几何题总是不会，想请老师周末辅导两次',
    categoryId: 'tutoring',
    preferredTime: '周末下午',
  });
  chain(
    [day(20, '21:00'), w3.create],
    [day(19, '09:30'), w3.as(zhao, 'wish.approve', { points: 20 })],
    [day(19, '10:00'), w3.as(ma, 'wish.claim')],
    [day(17, '14:00'), w3.as(ma, 'wish.checkIn')],
    [
      day(17, '16:00'),
      async () => void (await call(ma, 'wish.complete', { wishId: w3.ref.id, proof: '讲了三角形全等的几种证法，孩子掌握得不错', photos: [] })),
    ],
    [day(16, '09:00'), w3.as(tang, 'wish.confirm', { rating: 5, comment: '马老师讲得特别清楚' })],
  );
  // Confirmed by the timer: done, never confirmed, confirmed automatically after 7 days.
  const w4 = wish({ by: zhou, title: '帮忙搬两箱货', description: '店里到了两箱饮料，腰扭了搬不动，想请人帮忙搬进仓库', categoryId: 'other' });
  chain(
    [day(18, '07:50'), w4.create],
    [day(18, '09:00'), w4.as(sun, 'wish.approve', { points: 5 })],
    [day(18, '09:20'), w4.as(yang, 'wish.claim')],
    [day(18, '10:00'), w4.as(yang, 'wish.checkIn')],
    [day(18, '10:30'), async () => void (await call(yang, 'wish.complete', { wishId: w4.ref.id, proof: '两箱饮料已搬进仓库', photos: [] }))],
  );
  // Done, waiting for 王秀英's confirmation.
  const w5 = wish({ by: wang, title: '帮忙买降压药', description: '家里的降压药快吃完了，腿脚不方便，想请人去药店帮忙买两盒', categoryId: 'errand' });
  chain(
    [day(3, '08:20'), w5.create],
    [day(3, '09:10'), w5.as(liu, 'wish.approve', { points: 5 })],
    [day(3, '11:00'), w5.as(yang, 'wish.claim')],
    [day(2, '15:30'), w5.as(yang, 'wish.checkIn')],
    [
      day(2, '16:10'),
      async () => void (await call(yang, 'wish.complete', { wishId: w5.ref.id, proof: '药已买好送到王阿姨家，小票放在药盒里', photos: [] })),
    ],
  );
  // In service: 陈静 is with 唐卫东's mother now.
  const w6 = wish({
    by: tang,
    title: '陪老母亲聊聊天',
    description: '白天要看店，母亲一个人在家闷得慌，想请人上午陪她说说话',
    categoryId: 'elderly',
    preferredTime: '上午',
  });
  chain(
    [day(4, '20:30'), w6.create],
    [day(3, '09:00'), w6.as(zhao, 'wish.approve', { points: 15 })],
    [day(3, '09:40'), w6.as(chen, 'wish.claim')],
    [ago(1.5), w6.as(chen, 'wish.checkIn')],
  );
  // Claimed: dispatched by 孙丽 after nobody took it for days (派单).
  const w7 = wish({ by: li, title: '帮忙修一下自行车', description: '孩子的自行车链条掉了，刹车也不灵，想请会修的邻居看看', categoryId: 'repair' });
  chain(
    [day(9, '20:00'), w7.create],
    [day(8, '09:30'), w7.as(zhao, 'wish.approve', { points: 10 })],
    [day(4, '10:00'), w7.as(sun, 'wish.dispatch', { memberId: huang })],
  );
  // Claimed then released with a reason, back on the wall.
  const w8 = wish({
    by: fang,
    title: '教我用手机挂号',
    description: '想学会用手机在医院公众号上挂号，每次都要麻烦别人',
    categoryId: 'other',
    preferredTime: '下午三点后',
  });
  chain(
    [day(6, '15:30'), w8.create],
    [day(6, '16:00'), w8.as(liu, 'wish.approve', { points: 5 })],
    [day(5, '09:00'), w8.as(zhang, 'wish.claim')],
    [day(4, '18:00'), w8.as(zhang, 'wish.release', { reason: '这周单位加班，怕耽误方姐，请其他志愿者帮忙' })],
  );
  // On the wall, waiting for a member (one of them long enough that staff are asked to dispatch it).
  const w9 = wish({
    by: wang,
    title: '阳台晾衣架坏了',
    description: '阳台升降晾衣架的绳子断了，衣服晾不上去，想请人帮忙修一修',
    categoryId: 'repair',
  });
  chain([day(7, '10:00'), w9.create], [day(7, '11:30'), w9.as(liu, 'wish.approve', { points: 10 })]);
  const w10 = wish({
    by: li,
    title: '周末帮忙照看一下花草',
    description: '周末出差两天，阳台的花需要浇一次水，钥匙可以放在物业',
    categoryId: 'errand',
    preferredTime: '本周六',
  });
  chain([ago(20), w10.create], [ago(18), w10.as(zhao, 'wish.approve', { points: 3 })]);
  const w11 = wish({
    by: gao,
    title: '一起给楼道换节能灯',
    description: '7号楼2单元楼道的灯坏了几盏，灯泡已经买好，想找人一起换',
    categoryId: 'other',
  });
  chain([ago(22), w11.create], [ago(21), w11.as(sun, 'wish.approve', { points: 4 })]);
  // Waiting for the grid worker's review.
  const w12 = wish({
    by: wang,
    title: '想学用智能电视',
    description: '孩子给买了智能电视，不会找节目，想请人教一教怎么用遥控器',
    categoryId: 'other',
    preferredTime: '下午',
  });
  chain([ago(4), w12.create]);
  const w13 = wish({ by: chen, title: '帮忙取一下快递', description: '这几天腰不好，快递柜里有个大件，想请人帮忙送到家门口', categoryId: 'errand' });
  chain([ago(2), w13.create]);
  // Confirmed, its award held for 孙丽 (待确认积分): above 30 points with the five-star bonus, and the same pair again.
  const w16 = wish({
    by: tang,
    title: '孩子英语口语练习',
    description: '孩子下个月英语口语考试，想请老师陪练几次发音和对话',
    categoryId: 'tutoring',
    preferredTime: '周末上午',
  });
  chain(
    [day(9, '20:30'), w16.create],
    [day(8, '09:00'), w16.as(zhao, 'wish.approve', { points: 30 })],
    [day(8, '09:30'), w16.as(ma, 'wish.claim')],
    [day(6, '09:00'), w16.as(ma, 'wish.checkIn')],
    [
      day(6, '11:00'),
      async () => void (await call(ma, 'wish.complete', { wishId: w16.ref.id, proof: '练了自我介绍和看图说话，发音进步明显', photos: [] })),
    ],
    [day(5, '19:00'), w16.as(tang, 'wish.confirm', { rating: 5, comment: '马老师又帮了大忙' })],
  );
  // Rejected, and cancelled.
  const w14 = wish({ by: li, title: '代缴这个月电费', description: '想请人帮忙代缴这个月的电费，我把钱转给对方', categoryId: 'errand' });
  chain(
    [day(12, '12:00'), w14.create],
    [day(12, '15:00'), w14.as(zhao, 'wish.reject', { reason: '涉及转账代缴，为保障资金安全不予发布，可在手机上自行缴纳' })],
  );
  const w15 = wish({ by: tang, title: '帮忙接孩子放学', description: '下周一下午临时有事，想请人帮忙接一下孩子放学', categoryId: 'other' });
  chain(
    [day(10, '08:00'), w15.create],
    [day(10, '09:00'), w15.as(zhao, 'wish.approve', { points: 5 })],
    [day(9, '18:30'), w15.as(tang, 'wish.cancel', { reason: '家里老人可以去接了' })],
  );

  // ── 微诉求: at every level, two climbing by the timer ─────────────────────────────────────────────────────
  interface PetitionPlan {
    by: string;
    categoryId: string;
    description: string;
    buildingId: string;
    detail?: string;
    urgency?: 'normal' | 'urgent';
  }
  const petition = (plan: PetitionPlan) => {
    const ref = { id: '' };
    const create = async () => {
      const { by, categoryId, description, buildingId, detail, urgency = 'normal' } = plan;
      const location = { kind: 'building', buildingId, ...(detail ? { detail } : {}) };
      ref.id = (await call(by, 'petition.create', { categoryId, description, urgency, location })).petition.id;
    };
    return {
      ref,
      create,
      as:
        (who: string, action: string, extra: Record<string, unknown> = {}) =>
        () =>
          call(who, action, { petitionId: ref.id, ...extra }),
    };
  };
  // Up the whole ladder by hand: grid → community → street → 区住建局, resolved and rated 满意.
  const p1 = petition({
    by: wang,
    categoryId: 'accessibility',
    description: '2号楼门口的无障碍坡道塌了一块，轮椅推不上去',
    buildingId: 'building-2',
    detail: '1单元门口',
  });
  chain(
    [day(26, '09:00'), p1.create],
    [day(26, '10:00'), p1.as(liu, 'petition.accept', { note: '已到现场查看' })],
    [day(26, '15:00'), p1.as(liu, 'petition.escalate', { reason: '坡道要重新浇筑，网格办不了' })],
    [day(25, '09:30'), p1.as(sun, 'petition.accept')],
    [day(25, '16:00'), p1.as(sun, 'petition.escalate', { reason: '需要街道协调施工' })],
    [day(24, '09:00'), p1.as(qian, 'petition.accept')],
    [day(24, '10:00'), p1.as(qian, 'petition.summon', { departmentId: 'dept-housing', reason: '请住建局维修坡道' })],
    [day(24, '14:00'), p1.as(he, 'petition.report', { note: '明天派人到现场' })],
    [day(21, '17:00'), p1.as(he, 'petition.resolve', { feedback: '坡道已重新浇筑，加装了不锈钢扶手' })],
    // 现场验证: the grid worker checks it before 王秀英 rates it.
    [day(20, '09:00'), p1.as(liu, 'petition.verify', { result: 'resolved', note: '到现场看过，坡道平整，扶手牢固', photos: [photo(liu, 'after')] })],
    [day(20, '10:00'), p1.as(wang, 'petition.rate', { rating: 'satisfied', comment: '修得很好，轮椅能推上去了' })],
  );
  // Settled on the spot by the grid worker, with before and after photos; rated 基本满意.
  const p2 = petition({
    by: li,
    categoryId: 'streetlight',
    description: '5号楼和6号楼之间的路灯坏了一周，晚上很黑',
    buildingId: 'building-5',
    detail: '5号楼东侧',
  });
  chain(
    [day(19, '21:10'), p2.create],
    [day(18, '08:40'), p2.as(zhao, 'petition.accept')],
    [
      day(18, '16:30'),
      async () => {
        const [before, after] = [photo(zhao, 'dark'), photo(zhao, 'lit')];
        await call(zhao, 'petition.resolve', {
          petitionId: p2.ref.id,
          feedback: '联系物业换了灯泡，当晚已经亮了',
          beforePhotos: [before],
          afterPhotos: [after],
        });
      },
    ],
    // What the grid settled itself, the community checks.
    [day(17, '19:00'), p2.as(sun, 'petition.verify', { result: 'resolved', note: '晚上去看过，路灯已经亮了', photos: [photo(sun, 'lit')] })],
    [day(17, '20:00'), p2.as(li, 'petition.rate', { rating: 'basic', comment: '亮了，希望以后坏了能早点修' })],
  );
  // Nobody at the grid took it within a day: the timer sent it to the community, which settled it; nobody verified
  // it (the timer passed it on after three days, 超时未验证) nor rated it, so the timer closed it a week after that.
  const p3 = petition({ by: tang, categoryId: 'garbage', description: '6号楼垃圾桶满了好几天没人清，味道很大', buildingId: 'building-6' });
  chain(
    [day(16, '07:30'), p3.create],
    [day(14, '09:00'), p3.as(sun, 'petition.accept', { note: '已联系环卫' })],
    [day(13, '15:00'), p3.as(sun, 'petition.resolve', { feedback: '环卫公司已清运，并把6号楼改为每天清运一次' })],
  );
  // Urgent and left alone: the timer climbs it rung by rung (community, street, 区城管局) to the district, where it
  // is overdue now.
  const p4 = petition({
    by: zhu,
    categoryId: 'fire-lane',
    description: '9号楼消防通道被几辆车长期占用，消防车进不来',
    buildingId: 'building-9',
    urgency: 'urgent',
  });
  chain([day(6, '09:00'), p4.create]);
  for (let h = 3; h <= 48; h += 3) chain([day(6, '09:00') + h * HOUR + 5 * MINUTE, async () => undefined]);
  // Resolved by the department, waiting for the resident's rating (待评价).
  const p5 = petition({ by: chen, categoryId: 'road', description: '4号楼前的人行道砖松动了好几块，老人容易绊倒', buildingId: 'building-4' });
  chain(
    [day(8, '10:00'), p5.create],
    [day(8, '11:00'), p5.as(zhao, 'petition.accept')],
    [day(8, '11:30'), p5.as(zhao, 'petition.escalate', { reason: '需要专业施工队，网格办不了' })],
    [day(7, '09:00'), p5.as(sun, 'petition.accept')],
    [day(7, '09:20'), p5.as(sun, 'petition.escalate', { reason: '人行道属于市政，需要街道协调' })],
    [day(7, '13:50'), p5.as(qian, 'petition.accept')],
    [day(7, '14:00'), p5.as(qian, 'petition.summon', { departmentId: 'dept-housing', reason: '请住建局修复人行道' })],
    [day(6, '10:00'), p5.as(he, 'petition.report', { note: '已安排施工队' })],
    [day(2, '17:30'), p5.as(he, 'petition.resolve', { feedback: '松动的地砖已全部重新铺设，并做了防滑处理' })],
    [ago(20), p5.as(zhao, 'petition.verify', { result: 'resolved', note: '到现场踩过，地砖都已铺平', photos: [photo(zhao, 'after')] })],
  );
  // In 三方议事 (物业供暖): the community convened the property company and the owners' committee.
  const p6 = petition({
    by: chen,
    categoryId: 'heating',
    description: '4号楼1单元暖气一直不热，室温只有十五六度',
    buildingId: 'building-4',
    detail: '1单元',
  });
  chain(
    [ago(23), p6.create],
    [ago(22), p6.as(zhao, 'petition.accept')],
    [ago(21.5), p6.as(zhao, 'petition.escalate', { reason: '涉及物业和供热公司，需要社区协调' })],
    [ago(20), p6.as(sun, 'petition.convene', { note: '约物业和业委会周五议事' })],
  );
  // At the street, taken by 钱伟, in progress.
  const p7 = petition({ by: li, categoryId: 'noise', description: '小区北门外的烧烤摊每晚营业到凌晨两点，吵得睡不着', buildingId: 'building-5' });
  chain(
    [day(4, '23:30'), p7.create],
    [day(3, '09:00'), p7.as(zhao, 'petition.accept')],
    [day(3, '09:30'), p7.as(zhao, 'petition.escalate', { reason: '摊位在小区外，需要城管处理' })],
    [day(3, '10:00'), p7.as(sun, 'petition.accept')],
    [day(3, '11:00'), p7.as(sun, 'petition.escalate', { reason: '社区无执法权，请街道统筹' })],
    [day(2, '09:00'), p7.as(qian, 'petition.accept', { note: '已约城管中队夜查' })],
  );
  // At the grid: taken by 刘芳 yesterday, and one filed this morning waiting to be taken (with a neighbour's 我也遇到).
  const p8 = petition({
    by: wang,
    categoryId: 'elevator',
    description: '2号楼1单元电梯这几天总是停在三楼不动',
    buildingId: 'building-2',
    detail: '1单元',
    urgency: 'normal',
  });
  chain([ago(20), p8.create], [ago(19), p8.as(liu, 'petition.accept', { note: '已通知电梯维保公司' })]);
  const p9 = petition({ by: li, categoryId: 'property-service', description: '5号楼地下车库的照明坏了一半，物业一直没修', buildingId: 'building-5' });
  chain([ago(6), p9.create], [ago(3), p9.as(tang, 'petition.cosign')]);
  // At the department: 区住建局 reported (报到) and is on it.
  const p11 = petition({
    by: zhang,
    categoryId: 'road',
    description: '1号楼北侧路面塌陷出一个坑，下雨天积水很深',
    buildingId: 'building-1',
    detail: '北侧车道',
  });
  chain(
    [day(4, '10:00'), p11.create],
    [day(4, '11:00'), p11.as(liu, 'petition.accept')],
    [day(4, '11:30'), p11.as(liu, 'petition.escalate', { reason: '路面塌陷要专业修补' })],
    [day(3, '10:00'), p11.as(sun, 'petition.accept')],
    [day(3, '10:30'), p11.as(sun, 'petition.escalate', { reason: '需要街道协调住建部门' })],
    [day(2, '09:30'), p11.as(qian, 'petition.accept')],
    [day(2, '09:40'), p11.as(qian, 'petition.summon', { departmentId: 'dept-housing', reason: '请住建局修补路面' })],
    [day(2, '15:00'), p11.as(he, 'petition.report', { note: '已列入本周修补计划' })],
  );
  // Up to the community since this morning: the grid cannot replace a lamp post.
  const p12 = petition({
    by: wang,
    categoryId: 'streetlight',
    description: '2号楼后面小路的路灯杆歪了，灯也不亮',
    buildingId: 'building-2',
    detail: '楼后小路',
  });
  chain(
    [ago(8), p12.create],
    [ago(7), p12.as(liu, 'petition.accept')],
    [ago(3), p12.as(liu, 'petition.escalate', { reason: '需要更换整根灯杆，网格办不了' })],
  );
  // Resolved by the community this morning, waiting for 刘芳's site check (待验证).
  const p14 = petition({ by: zhang, categoryId: 'garbage', description: '1号楼东侧的垃圾桶盖子坏了，野猫翻得满地都是', buildingId: 'building-1' });
  chain(
    [day(3, '08:00'), p14.create],
    [day(3, '09:00'), p14.as(liu, 'petition.accept')],
    [day(3, '09:30'), p14.as(liu, 'petition.escalate', { reason: '需要社区协调更换垃圾桶' })],
    [day(2, '10:00'), p14.as(sun, 'petition.accept')],
    [ago(5), p14.as(sun, 'petition.resolve', { feedback: '已协调环卫公司换了带锁扣的新垃圾桶' })],
  );
  // 不满意 twice: back to the grid once, then to the community's review (社区复核中). The community checked it on
  // site each time in the daytime, when the drilling had stopped.
  const p13 = petition({ by: chen, categoryId: 'noise', description: '楼上装修周末早上七点就开始电钻，老人休息不好', buildingId: 'building-4' });
  const settle = (feedback: string) => async () => {
    const [before, after] = [photo(zhao, 'before'), photo(zhao, 'after')];
    await call(zhao, 'petition.resolve', { petitionId: p13.ref.id, feedback, beforePhotos: [before], afterPhotos: [after] });
  };
  chain(
    [day(6, '08:00'), p13.create],
    [day(6, '09:30'), p13.as(zhao, 'petition.accept')],
    [day(6, '15:00'), settle('已上门提醒装修户，周末九点后再施工')],
    [day(5, '08:00'), p13.as(sun, 'petition.verify', { result: 'resolved', note: '白天去看过，没有施工', photos: [photo(sun, 'visit')] })],
    [day(5, '09:00'), p13.as(chen, 'petition.rate', { rating: 'unsatisfied', comment: '今天早上七点又开始了' })],
    [day(4, '16:00'), settle('与装修户和物业签了施工时间承诺书')],
    [day(3, '10:00'), p13.as(sun, 'petition.verify', { result: 'resolved', note: '白天去看过，承诺书已张贴', photos: [photo(sun, 'visit')] })],
    [day(2, '08:30'), p13.as(chen, 'petition.rate', { rating: 'unsatisfied', comment: '还是一样，希望社区再管管' })],
  );
  // Not taken up: outside what the community handles.
  const p10 = petition({ by: tang, categoryId: 'other', description: '建议小区门口增设一个快递柜，方便上班族取件', buildingId: 'building-6' });
  chain([day(11, '12:00'), p10.create], [day(11, '16:00'), p10.as(zhao, 'petition.dismiss', { reason: '属于物业经营事项，已转交物业和业委会研究' })]);

  // ── 岗位认领: a post published, claimed, and shifts on duty days, rated by residents and staff ───────────────
  const envPost = { id: '' };
  chain(
    [
      day(22, '09:00'),
      async () => {
        const schedule = { days: [6, 0], start: '08:00', end: '11:00', maxHours: 2 };
        const payload = {
          placeId: 'grid-3',
          type: 'environment',
          title: '第三网格环境监督岗',
          description: '周末上午巡查垃圾分类和楼道堆物',
          slots: 2,
          schedule,
          pointsPerHour: 8,
        };
        envPost.id = (await call(sun, 'post.publish', payload)).post.id;
      },
    ],
    [day(21, '20:00'), async () => void (await call(yang, 'post.claim', { postId: envPost.id }))],
    [day(21, '20:30'), async () => void (await call(zhu, 'post.claim', { postId: envPost.id }))],
  );
  chain([day(20, '10:00'), async () => void (await call(zhang, 'post.claim', { postId: 'post-demo-grid-1-elder' }))]);
  /** A shift: check in at `start`, out at `end`; rated by `raters` the next morning. */
  const shift = (who: string, postId: () => string, start: number, minutes: number, raters: [string, number, string][]) => {
    const ref = { id: '' };
    chain(
      [start, async () => void (await call(who, 'post.checkIn', { postId: postId() }))],
      [start + minutes * MINUTE, async () => void (ref.id = (await call(who, 'post.checkOut', { postId: postId() })).shift.id)],
      ...raters.map(([by, n, comment], i): [number, () => Promise<void>] => [
        start + 15 * HOUR + i * 10 * MINUTE,
        async () => void (await call(by, 'post.rate', { shiftId: ref.id, stars: n, comment })),
      ]),
    );
  };
  const fixed = (id: string) => () => id;
  // 黄志刚, 2号楼楼栋长: evening rounds, rated by 王秀英 who lives there, and by 孙丽.
  for (const [n, i] of [
    [26, 0],
    [19, 1],
    [12, 2],
    [5, 3],
  ]) {
    const raters: [string, number, string][] = i % 2 === 0 ? [[wang, 5, '黄师傅每天都来楼道看看，很放心']] : [[sun, 4, '巡查记录完整']];
    shift(huang, fixed('post-demo-building-2-head'), day(n, '17:10'), 110 + Math.round(random() * 20), raters);
  }
  // 马丽华, 第二网格文明劝导岗, and 张建国, 第一网格助老陪伴岗: weekday mornings.
  const weekdays = (from: number, count: number) => {
    const out: number[] = [];
    for (let n = from; out.length < count && n < 30; n += 3) if (weekday(day(n, '09:00')) >= 1 && weekday(day(n, '09:00')) <= 5) out.push(n);
    return out;
  };
  for (const n of weekdays(4, 3)) shift(ma, fixed('post-demo-grid-2-civility'), day(n, '08:30'), 150, [[sun, 5, '劝导有耐心，楼道干净多了']]);
  for (const n of weekdays(3, 3).filter((n) => n < 20))
    shift(zhang, fixed('post-demo-grid-1-elder'), day(n, '09:00'), 120, [[wang, 5, '小张陪我聊天，还帮我收拾了屋子']]);
  // 杨帆 and 朱红梅 on the new post's weekend mornings.
  const weekends: number[] = [];
  for (let n = 2; weekends.length < 2 && n < 20; n += 1) if ([0, 6].includes(weekday(day(n, '09:00')))) weekends.push(n);
  for (const n of weekends) {
    shift(yang, () => envPost.id, day(n, '08:15'), 100, [[sun, 5, '垃圾分类巡查认真']]);
    shift(zhu, () => envPost.id, day(n, '08:20'), 90, [[gao, 4, '楼道堆物已劝离两处']]);
  }

  // ── 积分: virtue credit, the mall, 党员积分 for last month closed with its 明星党员, and this month's entries ───
  const virtue: [string, string, number, string][] = [
    [wang, 'virtue-sorting', 24, '本月垃圾分类示范户'],
    [li, 'virtue-activity', 23, '参加社区消防演练'],
    [tang, 'virtue-neighbour', 15, '帮邻居修好了水管'],
    [zhou, 'virtue-volunteer', 12, '为社区活动免费提供饮用水'],
    [fang, 'virtue-activity', 10, '参加社区重阳节活动'],
    [wang, 'virtue-activity', 9, '参加社区重阳节活动'],
    [chen, 'virtue-brave', 8, '及时扶起摔倒的老人并送医'],
  ];
  for (const [who, itemId, n, note] of virtue)
    chain([day(n, '15:00'), async () => void (await call(sun, 'points.grantVirtue', { openid: who, itemId, note }))]);
  // 张建国 spends his volunteer points on eggs, handed over by 孙丽; 陈静 orders tissue with her virtue points.
  const eggs = { orderId: '' };
  chain(
    [day(2, '18:00'), async () => void (eggs.orderId = (await call(zhang, 'mall.order', { itemId: 'mall-eggs' })).order.id)],
    [ago(22), async () => void (await call(sun, 'mall.fulfil', { orderId: eggs.orderId }))],
  );
  chain([day(5, '10:30'), async () => void (await call(chen, 'mall.order', { itemId: 'mall-tissue' }))]);
  // Virtue points spent at the shops: the resident shows their points code, the owner scans it and charges.
  const spend = (who: string, merchant: string, points: number, note: string) => async () => {
    const { token } = await call(who, 'points.issueCode', {});
    await call(merchant, 'merchant.charge', { token, points, note });
  };
  chain([day(4, '07:30'), spend(wang, fang, 5, '豆浆油条两份')]);
  chain([day(3, '21:00'), spend(li, zhou, 3, '矿泉水一箱')]);

  const members = [zhang, chen, huang, ma, yang, zhu, gao];
  const monthStart = (at: number) => {
    const d = new Date(at + CST);
    return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1) - CST;
  };
  const thisMonth = monthStart(now);
  const lastDayOfLastMonth = thisMonth - DAY;
  const bonuses: Record<string, [string, number, string][]> = {
    [zhang]: [['party-volunteer', 15, '陪同独居老人就医、助老陪伴值班']],
    [chen]: [
      ['party-volunteer', 10, '健康咨询志愿服务'],
      ['party-brave', 10, '扶起摔倒老人并送医'],
    ],
    [huang]: [['party-volunteer', 20, '楼栋长巡查、上门维修']],
    [ma]: [['party-volunteer', 15, '学业辅导、文明劝导']],
    [yang]: [['party-community', 5, '协助社区整理人口台账']],
    [zhu]: [['party-community', 10, '调解邻里纠纷两起']],
    [gao]: [['party-absent', 5, '无故缺席一次主题党日']],
  };
  const entry = (openid: string, itemId: string, points: number, reason: string) => () =>
    call(sun, 'points.partyEntry', { openid, itemId, points, reason, evidence: { text: reason, photos: [] } }).then(() => undefined);
  // Last month: each member's base and bonus, entered on its last afternoon.
  members.forEach((m, i) => {
    const at = lastDayOfLastMonth + 16 * HOUR + i * 5 * MINUTE;
    chain(
      [at, entry(m, 'party-base', 60, '月度基础分')],
      ...bonuses[m].map(([item, n, why]): [number, () => Promise<void>] => [at + 2 * MINUTE, entry(m, item, n, why)]),
    );
  });
  // Closed on the 1st (or as soon as the month is over, when today is the 1st).
  const closeAt = Math.max(thisMonth + MINUTE, Math.min(thisMonth + 10 * HOUR, now - 10 * MINUTE));
  const lastMonth = new Date(lastDayOfLastMonth + CST).toISOString().slice(0, 7);
  if (closeAt < now - MINUTE) chain([closeAt, async () => void (await call(sun, 'points.closeMonth', { month: lastMonth }))]);
  // This month so far: the base for the members entered already.
  const thisMonthAt = Math.min(thisMonth + 11 * HOUR, now - 30 * MINUTE);
  if (thisMonthAt > thisMonth) {
    [huang, zhang, chen, ma].forEach((m, i) => chain([thisMonthAt + i * MINUTE, entry(m, 'party-base', 60, '月度基础分')]));
    chain([thisMonthAt + 5 * MINUTE, entry(huang, 'party-volunteer', 5, '楼栋长巡查')]);
  }

  // ── 美德商铺: inspections and residents' ratings ────────────────────────────────────────────────────────────
  chain([
    day(21, '10:00'),
    () =>
      call(sun, 'shop.inspect', {
        shopId: 'shop-zhouji',
        checklist: { hygiene: 5, prices: 5, street: 4, civility: 5 },
        note: '货架整洁，明码标价',
      }).then(() => undefined),
  ]);
  chain([
    day(21, '10:40'),
    () =>
      call(sun, 'shop.inspect', {
        shopId: 'shop-fangji',
        checklist: { hygiene: 4, prices: 5, street: 3, civility: 5 },
        note: '早高峰餐桌占道，已提醒',
      }).then(() => undefined),
  ]);
  chain([
    day(6, '10:00'),
    () =>
      call(sun, 'shop.inspect', { shopId: 'shop-fangji', checklist: { hygiene: 5, prices: 5, street: 5, civility: 5 }, note: '占道已整改' }).then(
        () => undefined,
      ),
  ]);
  const shopRatings: [string, string, number, number, string][] = [
    [wang, 'shop-fangji', 20, 5, '豆浆现磨的，老板很热情'],
    [li, 'shop-zhouji', 19, 5, '晚上十点还开着，方便'],
    [tang, 'shop-zhouji', 13, 4, ''],
    [chen, 'shop-fangji', 11, 5, '包子好吃，给老人还便宜一块'],
    [li, 'shop-fangji', 5, 3, '早上排队有点久'],
    [zhang, 'shop-zhouji', 4, 5, ''],
  ];
  for (const [who, shopId, n, s, comment] of shopRatings)
    chain([day(n, '08:30'), () => call(who, 'shop.rate', { shopId, stars: s, comment }).then(() => undefined)]);

  // ── 入驻 and 双报到: a newcomer approved, one waiting; member and unit reports waiting and approved ──────────
  const join = (openid: string, name: string, phone: string, buildingId: string, unit: string, room: string) => () =>
    call(openid, 'user.join', { buildingId, unit, room, name, phone, privacyVersion: PRIVACY_VERSION }).then((d) => d.application?.id as string);
  const joined = { id: '' };
  chain(
    [day(11, '19:30'), async () => void (joined.id = await join('demo-newcomer-song', '宋雅琴', '13900001101', 'building-1', '2', '502')())],
    [day(10, '09:15'), async () => void (await call(liu, 'user.reviewJoin', { applicationId: joined.id, approve: true }))],
  );
  chain([ago(7), async () => void (await join('demo-newcomer-lin', '林晓东', '13900001102', 'building-3', '1', '301')())]);
  const reports = { unit: '' };
  chain([
    ago(9),
    async () =>
      void (await call(li, 'member.report', {
        category: '在职',
        partyOrg: '明德区供电公司第三党支部',
        skills: ['电器维修', '用电安全'],
        freeTimes: '周末全天',
      })),
  ]);
  chain(
    [
      day(13, '20:00'),
      async () =>
        void (reports.unit = (
          await call(li, 'unit.report', {
            name: '明德区供电公司',
            partyOrg: '明德区供电公司第三党支部',
            contactName: '李明',
            contactPhone: '13800001002',
            resources: ['skills', 'volunteers'],
            offer: '每季度上门检查老旧楼栋的用电线路',
          })
        ).unit.id),
    ],
    [day(12, '10:00'), async () => void (await call(sun, 'unit.review', { unitId: reports.unit, approve: true }))],
  );
  chain([
    ago(10),
    async () =>
      void (await call(zhang, 'unit.report', {
        name: '区税务局第二分局',
        partyOrg: '区税务局第二分局机关党支部',
        contactName: '张建国',
        contactPhone: '13800002001',
        resources: ['skills', 'volunteers'],
        offer: '每月一次个税和社保政策咨询',
      })),
  ]);

  // ── 民主评议: this half-year's round, opened this morning by 孙丽; a few members have rated already ─────────────
  const review = { round: '' };
  chain(
    [ago(6), async () => void (review.round = (await call(sun, 'review.open', {})).round.id)],
    [ago(5), async () => void (await call(zhang, 'review.submit', { roundId: review.round, memberId: zhang, kind: 'self', grade: 'good' }))],
    [ago(4.5), async () => void (await call(chen, 'review.submit', { roundId: review.round, memberId: zhang, kind: 'peer', grade: 'excellent' }))],
    [ago(4), async () => void (await call(huang, 'review.submit', { roundId: review.round, memberId: chen, kind: 'peer', grade: 'good' }))],
  );

  // ── 三张清单: 孙丽 lists a need, 李明's 供电公司 (approved on the 12th) offers its electricians, 孙丽 makes it a
  // project, the company claims it and reports half done ──────────────────────────────────────────────────────
  const listed = { need: '', resource: '', project: '' };
  chain(
    [
      day(8, '10:00'),
      async () =>
        void (listed.need = (await call(sun, 'project.addNeed', { title: '老旧楼栋线路检查', detail: '3号楼、5号楼线路老化，夏天跳闸多' })).need.id),
    ],
    [
      day(7, '19:00'),
      async () =>
        void (listed.resource = (
          await call(li, 'project.addResource', {
            provider: 'unit',
            providerId: reports.unit,
            kind: 'skills',
            title: '电工上门检查线路',
            detail: '持证电工，每次 3 人',
            availability: '每季度一次，周六上午',
          })
        ).resource.id),
    ],
    [
      day(6, '09:30'),
      async () =>
        void (listed.project = (
          await call(sun, 'project.create', {
            title: '老旧楼栋用电安全检查',
            detail: '供电公司电工逐户检查 3 号楼、5 号楼线路，更换老化的插座和空开',
            needIds: [listed.need],
            resourceIds: [listed.resource],
          })
        ).project.id),
    ],
    [day(5, '20:00'), async () => void (await call(li, 'project.claim', { projectId: listed.project, unitId: reports.unit }))],
    [
      day(2, '12:00'),
      async () => void (await call(li, 'project.report', { projectId: listed.project, text: '3 号楼已查完，换了 6 个插座', progress: 50 })),
    ],
  );

  // ── 三方议事: 孙丽 put the parking lines to a meeting next week; 王秀英's topic on 楼道堆物 gathers co-signs ─────
  const topics = { parking: '', hallway: '' };
  const nextWeek = today + 3 * DAY + 15 * HOUR;
  chain(
    [
      ago(30),
      async () =>
        void (topics.parking = (
          await call(sun, 'council.raise', {
            party: 'community',
            title: '小区停车位重新划线',
            body: '地面停车位划线不清，夜里乱停堵住消防通道，请业委会、物业一起商量重新规划',
          })
        ).topic.id),
    ],
    [
      ago(28),
      async () =>
        void (await call(sun, 'council.schedule', {
          topicId: topics.parking,
          at: new Date(nextWeek).toISOString(),
          place: '社区议事厅',
          agenda: ['停车位划线方案', '夜间停车管理'],
        })),
    ],
  );
  chain(
    [
      ago(20),
      async () =>
        void (topics.hallway = (
          await call(wang, 'council.raise', {
            party: 'resident',
            title: '楼道堆物清理',
            body: '2号楼楼道堆满纸箱和旧家具，老人上下楼不方便，请三方商量清理',
          })
        ).topic.id),
    ],
    [ago(19), async () => void (await call(li, 'council.cosign', { topicId: topics.hallway }))],
    [ago(18), async () => void (await call(tang, 'council.cosign', { topicId: topics.hallway }))],
  );

  // ── 月通报: the report function's bulletin timer prepared last month's draft on the 1st (at 11:00, after the
  // party month was closed at 10:00) as the clock walked past it; 孙丽 reads it and publishes it with a note ──────
  chain([
    ago(0.5),
    async () => {
      const newest = (await call(sun, 'report.bulletins', { limit: 1 })).items[0] as { month: string; status: string } | undefined;
      if (newest?.status !== 'draft') return;
      await call(sun, 'report.bulletin', { month: newest.month });
      const note = '感谢各位居民、党员志愿者和爱心商家上个月的支持！本月社区将重点跟进5号楼无障碍坡道和楼道照明，欢迎大家继续随手反映身边的问题。';
      await call(sun, 'report.publishBulletin', { month: newest.month, note });
    },
  ]);

  // ── play it, in time order ────────────────────────────────────────────────────────────────────────────────
  steps.sort((a, b) => a.at - b.at || a.order - b.order);
  for (const step of steps) {
    if (step.at >= now) throw new Error(`seed month: a step at ${new Date(step.at).toISOString()} is not before now`);
    await driver.moveTo(step.at);
    await step.run();
  }
  return { calls, steps: steps.length };
}
