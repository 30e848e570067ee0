import { z } from 'zod';
import { roles } from '../domain/roles';
import { defineAction } from './action';
import { idSchema, isoDate, pageInput, pageOf } from './common';

/** 关怀模式: the person's own choice (null until they make one) and what it is without one (care-mode.ts). */
export const careModeSchema = z.object({ choice: z.boolean().nullable(), byDefault: z.boolean() });

export const meSchema = z.lazy(() =>
  z.object({
    openid: z.string(),
    name: z.string(),
    roles: z.array(z.enum(roles)),
    communityId: z.string(),
    communityName: z.string(),
    gridId: z.string().nullable(),
    gridName: z.string().nullable(),
    buildingId: z.string().nullable(),
    buildingName: z.string().nullable(),
    phone: z.string().describe('masked: 138****1001'),
    /** An admin's reach (their street, or the whole district); null for everyone else. */
    adminScope: z.enum(['street', 'district']).nullable(),
    careMode: careModeSchema,
    pendingJoins: z.number().int().optional().describe('grid workers and staff: join applications waiting for them (the badge)'),
    pendingReports: z.number().int().optional().describe('community staff: 党员 and 共建单位 reports waiting for them (the badge on 报到审核)'),
  }),
);

export const userMe = defineAction({
  name: 'user.me',
  summary: '我是谁：姓名、角色和所在社区/网格/楼栋',
  input: () => z.object({}).strict(),
  output: () => meSchema,
  roles: 'registered',
  mutates: false,
});

export const memberSchema = z.lazy(() =>
  z.object({
    id: z.string(),
    name: z.string(),
    gridName: z.string().nullable(),
    activeTasks: z.number().int(),
    /** What the member offers to do, so the dispatcher can match the wish (empty when they named none). */
    skills: z.array(z.string()),
  }),
);

export const userListMembers = defineAction({
  name: 'user.listMembers',
  summary: '本社区的党员/志愿者（派单时选择）',
  input: () => z.object({ ...pageInput }).strict(),
  output: () => pageOf(memberSchema),
  roles: ['grid_worker', 'staff'],
  mutates: false,
});

export const personSchema = z.lazy(() =>
  z.object({
    id: z.string(),
    name: z.string(),
    roles: z.array(z.enum(roles)),
    gridName: z.string().nullable(),
    buildingName: z.string().nullable(),
    phone: z.string().describe('masked: 138****1001'),
  }),
);

export const userListPeople = defineAction({
  name: 'user.listPeople',
  summary: '本社区登记的居民/党员（社区工作人员发放积分时选择）；可按姓名搜索',
  input: () => z.object({ query: z.string().trim().max(20).optional(), role: z.enum(roles).optional(), ...pageInput }).strict(),
  output: () => pageOf(personSchema),
  roles: ['staff'],
  mutates: false,
});

export const userSetPrefs = defineAction({
  name: 'user.setPrefs',
  summary: '我的设置：关怀模式（大字、大按钮）开或关，跟随本人',
  input: () => z.object({ careMode: z.boolean() }).strict(),
  output: () => z.object({ careMode: careModeSchema }),
  roles: 'registered',
  mutates: true,
});

// ── 入驻 joining ─────────────────────────────────────────────────────────────────────────────────────────

const phoneSchema = z
  .string()
  .trim()
  .regex(/^1\d{10}$/, '手机号格式不对，请填写 11 位手机号');
const personName = z.string().trim().min(2, '请填写真实姓名').max(20, '姓名最多 20 字');
const unitSchema = z.string().trim().max(10, '单元最多 10 个字').default('');
const roomSchema = z.string().trim().min(1, '请填写门牌号').max(10, '门牌号最多 10 个字');

export const placeSchema = z.lazy(() =>
  z.object({
    communityId: z.string(),
    communityName: z.string(),
    gridId: z.string(),
    gridName: z.string(),
    buildingId: z.string(),
    buildingName: z.string(),
  }),
);

export const userJoinPlaces = defineAction({
  name: 'user.joinPlaces',
  summary: '入驻选址：社区 → 网格 → 楼栋，逐级分页；或按楼栋码（scene）查出楼栋所在的社区和网格',
  input: () =>
    z
      .object({ parentId: idSchema.optional(), buildingId: idSchema.optional(), ...pageInput })
      .strict()
      .describe('no ids: the communities; parentId: its live children; buildingId: that building and its place'),
  output: () =>
    pageOf(z.object({ id: z.string(), kind: z.enum(['community', 'grid', 'building']), name: z.string() })).extend({
      place: placeSchema.nullable(),
    }),
  roles: 'public',
  mutates: false,
});

export const joinApplicationSchema = z.lazy(() =>
  z.object({
    id: z.string(),
    kind: z.enum(['join', 'move']),
    status: z.enum(['pending', 'approved', 'rejected']),
    name: z.string().describe('full for the applicant and their reviewers only'),
    phone: z.string().describe('full for the applicant and their reviewers only'),
    phoneVerified: z.boolean(),
    unit: z.string(),
    room: z.string(),
    place: placeSchema,
    reason: z.string().nullable(),
    createdAt: isoDate,
    decidedAt: isoDate.nullable(),
  }),
);

export const userJoinStatus = defineAction({
  name: 'user.joinStatus',
  summary: '我的入驻状态：是否已是居民，最近一份入驻/搬迁申请',
  input: () => z.object({}).strict(),
  output: () =>
    z.object({
      registered: z.boolean(),
      application: joinApplicationSchema.nullable(),
      privacyVersion: z.string(),
      /** A 注销 of this WeChat account is still clearing its records: joining again waits until it is done. */
      erasing: z.boolean(),
    }),
  roles: 'public',
  mutates: false,
});

export const userJoin = defineAction({
  name: 'user.join',
  summary: '加入社区：花名册里有（姓名+手机+楼栋）即刻成为居民，否则（apply）提交申请给楼栋所在网格的网格员审核',
  input: () =>
    z
      .object({
        buildingId: idSchema,
        unit: unitSchema,
        room: roomSchema,
        name: personName,
        phone: phoneSchema.optional().describe('typed (H5, or weapp before asking WeChat)'),
        phoneCode: z.string().trim().min(1).max(128).optional().describe('weapp getPhoneNumber code, exchanged by the function'),
        privacyVersion: z.string().min(1).max(20),
        apply: z.boolean().default(true).describe('false: only try the roster, JOIN_NOT_IN_ROSTER when it does not know them'),
      })
      .strict()
      .refine((v) => Boolean(v.phone || v.phoneCode), { message: '请填写手机号', path: ['phone'] }),
  output: () => z.object({ status: z.enum(['verified', 'pending']), application: joinApplicationSchema.nullable() }),
  roles: 'public',
  mutates: true,
});

export const userApplications = defineAction({
  name: 'user.applications',
  summary: '入驻审核：网格员看本网格楼栋的申请，社区工作人员看本社区的；最早的在前',
  input: () => z.object({ status: z.enum(['pending', 'approved', 'rejected']).default('pending'), ...pageInput }).strict(),
  output: () => pageOf(joinApplicationSchema).extend({ pending: z.number().int().describe('how many wait, for the badge') }),
  roles: ['grid_worker', 'staff'],
  mutates: false,
});

export const userReviewJoin = defineAction({
  name: 'user.reviewJoin',
  summary: '审核入驻/搬迁申请：通过即成为该楼栋居民；驳回须写明原因。不能审核自己的申请',
  input: () =>
    z
      .object({ applicationId: idSchema, approve: z.boolean(), reason: z.string().trim().max(100, '原因最多 100 字').optional() })
      .strict()
      .refine((v) => v.approve || Boolean(v.reason), { message: '驳回请写明原因', path: ['reason'] }),
  output: () => z.object({ application: joinApplicationSchema }),
  roles: ['grid_worker', 'staff'],
  mutates: true,
});

export const userUpdateProfile = defineAction({
  name: 'user.updateProfile',
  summary: '修改我的登记信息：姓名、单元、门牌、手机号；搬到另一栋楼须网格员重新审核',
  input: () =>
    z
      .object({
        name: personName.optional(),
        unit: z.string().trim().max(10).optional(),
        room: roomSchema.optional(),
        phone: phoneSchema.optional(),
        buildingId: idSchema.optional(),
      })
      .strict(),
  output: () => z.object({ me: meSchema, application: joinApplicationSchema.nullable() }),
  roles: 'registered',
  mutates: true,
});

export const userLeave = defineAction({
  name: 'user.leave',
  summary: '退出社区：居民、党员、网格和社区的角色随之取消；积分记录等按隐私规则保留',
  input: () => z.object({}).strict(),
  output: () => z.object({ left: z.literal(true), rolesKept: z.array(z.enum(roles)) }),
  roles: 'registered',
  mutates: true,
});

// ── 我的数据 (个人信息保护法) ─────────────────────────────────────────────────────────────────────────

const myDataSection = () =>
  z.object({
    key: z.string().describe('the collection it comes from'),
    title: z.string(),
    count: z.number().int(),
    /** More than the bound (myDataBound) were found: the export holds the newest ones. */
    truncated: z.boolean(),
    items: z.array(z.record(z.string(), z.unknown())),
  });
export const myDataSectionSchema = z.lazy(myDataSection);

/** At most this many records of one kind are exported (newest first); `truncated` says when there were more. */
export const myDataBound = 100;

/** What an export file holds, kind by kind (the records themselves are in the file). */
export const myDataSummarySchema = z.lazy(() => myDataSection().omit({ items: true }));

export const userExportMine = defineAction({
  name: 'user.exportMine',
  summary:
    '我的数据：整理社区保存的关于我的全部信息（登记、心愿、诉求、积分、订单、评价、值班…，每类最多 100 条）成一个文件；后台整理好后给出下载链接',
  input: () => z.object({ again: z.boolean().default(false).describe('rebuild it even though a recent one is ready') }).strict(),
  output: () =>
    z.object({
      status: z.enum(['building', 'ready']),
      requestedAt: isoDate,
      /** Ready: a link to the JSON file (valid for a few hours), when it was made and what it holds. */
      url: z.string().nullable(),
      generatedAt: isoDate.nullable(),
      sections: z.array(myDataSummarySchema),
    }),
  roles: 'registered',
  mutates: true,
});

export const deleteConfirmation = '确认注销';

export const userDeleteMine = defineAction({
  name: 'user.deleteMine',
  summary: '注销账号：即刻删除我的登记，其余记录在后台几分钟内删除或匿名化；积分流水保留但改记在匿名账户下。还有未交接的事务时拒绝并说明',
  input: () => z.object({ confirm: z.literal(deleteConfirmation, { error: `请输入“${deleteConfirmation}”` }) }).strict(),
  output: () => z.object({ deleted: z.literal(true), anonymousId: z.string() }),
  roles: 'registered',
  mutates: true,
});

/** Every action declared here, in order: the registry (index.ts) is built from these lists, never by hand. */
export const userActions = [
  userMe,
  userListMembers,
  userListPeople,
  userSetPrefs,
  userJoinPlaces,
  userJoinStatus,
  userJoin,
  userApplications,
  userReviewJoin,
  userUpdateProfile,
  userLeave,
  userExportMine,
  userDeleteMine,
] as const;
