import { z } from 'zod';
import { adjustableAssets, assets } from '../domain/ledger';
import { defineAction } from './action';
import { idSchema, isoDate, pageInput, pageOf } from './common';

const asset = z.enum(assets);
const amount = z.number().int('积分须为整数').min(1, '积分至少为 1').max(100_000, '单次积分过大');
const reason = z.string().trim().min(2, '请写明原因').max(100, '原因最多 100 字');

export const balanceSchema = z.object({
  asset,
  label: z.string(),
  balance: z.number().int(),
  spendable: z.number().int().describe('balance less points that have lapsed and wait to be expired'),
  lifetime: z.number().int(),
});

export const virtueLevelSchema = z.object({ stars: z.number().int().min(1).max(5), name: z.string() });

export const postingViewSchema = z.lazy(() =>
  z.object({
    id: z.string(),
    asset,
    /** Signed for the viewer: + credited to them, − taken from them. */
    amount: z.number().int(),
    reason: z.string(),
    ref: z.string().nullable(),
    at: isoDate,
    byName: z.string(),
    reversal: z.boolean(),
    reversed: z.boolean(),
    /** The shop I paid with this posting (a merchant's charge), so I can rate it; null for anything else. */
    shopId: z.string().nullable(),
  }),
);

export const pointsBalance = defineAction({
  name: 'points.balance',
  summary: '我的积分：每种积分的余额、可用数和美德信用等级',
  input: () => z.object({}).strict(),
  output: () => z.object({ balances: z.array(balanceSchema), virtueLevel: virtueLevelSchema }),
  roles: 'registered',
  mutates: false,
});

export const pointsHistory = defineAction({
  name: 'points.history',
  summary: '我的积分明细（可按种类筛选），最新的在前',
  input: () => z.object({ asset: asset.optional(), ...pageInput }).strict(),
  output: () => pageOf(postingViewSchema),
  roles: 'registered',
  mutates: false,
});

export const pointsHistoryOf = defineAction({
  name: 'points.historyOf',
  summary: '社区工作人员查看本社区一个人的积分明细（signed for that person），可从某条记录冲正',
  input: () => z.object({ openid: idSchema, asset: asset.optional(), ...pageInput }).strict(),
  output: () => pageOf(postingViewSchema),
  roles: ['staff'],
  mutates: false,
});

const adjustable = z.enum(adjustableAssets, { error: '只能加减志愿服务积分或美德信用积分；党员积分请用党员积分录入' });
const target = { openid: idSchema, asset: adjustable, amount, reason, ref: z.string().trim().max(64).optional() };

export const pointsAward = defineAction({
  name: 'points.award',
  summary: '社区发放积分（加分），须带 requestId',
  input: () => z.object(target).strict(),
  output: () => z.object({ postingId: z.string(), replayed: z.boolean(), balance: z.number().int() }),
  roles: ['staff'],
  mutates: true,
});

export const pointsDeduct = defineAction({
  name: 'points.deduct',
  summary: '社区扣减积分（减分），余额不足则拒绝，须带 requestId',
  input: () => z.object(target).strict(),
  output: () => z.object({ postingId: z.string(), replayed: z.boolean(), balance: z.number().int() }),
  roles: ['staff'],
  mutates: true,
});

export const pointsReverse = defineAction({
  name: 'points.reverse',
  summary: '冲正一条积分记录（原记录不改动）；余额不足时须注明强制冲正原因',
  input: () => z.object({ postingId: z.string().trim().min(1).max(120), reason, override: z.string().trim().min(2).max(100).optional() }).strict(),
  output: () => z.object({ postingId: z.string(), replayed: z.boolean() }),
  roles: ['staff'],
  mutates: true,
});

export const differenceSchema = z.object({ account: z.string(), asset, postings: z.number().int(), balance: z.number().int() });

export const pointsReconcile = defineAction({
  name: 'points.reconcile',
  summary: '对账：本社区每个账户的积分记录之和是否等于缓存余额',
  input: () => z.object({}).strict(),
  output: () =>
    z.object({
      communityId: z.string(),
      accounts: z.number().int(),
      postings: z.number().int(),
      differences: z.array(differenceSchema),
      checkedAt: isoDate,
    }),
  roles: ['staff'],
  mutates: false,
});

export const pendingAwardSchema = z.object({
  wishId: z.string(),
  title: z.string(),
  memberName: z.string(),
  residentName: z.string(),
  amount: z.number().int(),
  note: z.string().nullable(),
  confirmedAt: isoDate,
});

export const pointsPendingAwards = defineAction({
  name: 'points.pendingAwards',
  summary: '待社区确认的志愿服务积分（超过阈值或同一居民与党员频繁互动）',
  input: () => z.object({ ...pageInput }).strict(),
  output: () => pageOf(pendingAwardSchema),
  roles: ['staff'],
  mutates: false,
});

export const pointsApproveAward = defineAction({
  name: 'points.approveAward',
  summary: '确认（可下调）或驳回一笔待确认的志愿服务积分',
  input: () =>
    z
      .object({ wishId: idSchema, approve: z.boolean(), amount: amount.optional(), note: z.string().trim().max(100, '说明最多 100 字').optional() })
      .strict(),
  output: () => z.object({ status: z.enum(['posted', 'rejected']), amount: z.number().int() }),
  roles: ['staff'],
  mutates: true,
});

/** Every action declared here, in order: the registry (index.ts) is built from these lists, never by hand. */
export const pointsActions = [
  pointsBalance,
  pointsHistory,
  pointsHistoryOf,
  pointsAward,
  pointsDeduct,
  pointsReverse,
  pointsReconcile,
  pointsPendingAwards,
  pointsApproveAward,
] as const;
