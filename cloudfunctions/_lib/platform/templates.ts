import { minuteCst } from '../../../src/shared/domain/time';

/**
 * Subscription-message templates. Their real ids come from the mini-program's admin console and are set
 * per environment as cloud function env vars; the client reads the same ids from TARO_APP_TMPL_* at build
 * time. Locally (and by default) the id is the key itself.
 */
function templateId(envName: string, fallback: string): string {
  return process.env[envName] || fallback;
}

export const templates = {
  /** New wish → the grid worker: 心愿标题 thing1, 发布人 thing2, 时间 time3. */
  wishSubmitted: templateId('LINLI_TMPL_WISH_SUBMITTED', 'wish-submitted'),
  /** Approved / claimed / done → the resident: 心愿标题 thing1, 进度 phrase2, 说明 thing3. */
  wishProgress: templateId('LINLI_TMPL_WISH_PROGRESS', 'wish-progress'),
  /** Dispatched → the member: 心愿标题 thing1, 派单人 thing2, 说明 thing3. */
  wishDispatched: templateId('LINLI_TMPL_WISH_DISPATCHED', 'wish-dispatched'),
  /** Unclaimed too long → community staff: 心愿标题 thing1, 等待天数 thing2. */
  wishUnclaimed: templateId('LINLI_TMPL_WISH_UNCLAIMED', 'wish-unclaimed'),
  /** A petition arrives at a level (new, 吹哨, summoned, reopened, for review) → its staff: 类别 thing1, 位置 thing2, 时限 time3, 说明 thing4. */
  petitionAssigned: templateId('LINLI_TMPL_PETITION_ASSIGNED', 'petition-assigned'),
  /** Each step of a petition → the reporter and co-signers: 诉求 thing1, 进度 phrase2, 说明 thing3. */
  petitionProgress: templateId('LINLI_TMPL_PETITION_PROGRESS', 'petition-progress'),
  /** A merchant charge above the cap waits for the resident → them: 商家 thing1, 积分 number2, 截止时间 time3, 商品 thing4. */
  pointsHold: templateId('LINLI_TMPL_POINTS_HOLD', 'points-hold'),
  /** A join or move application → the building's grid workers: 申请人 thing1, 楼栋 thing2, 时间 time3. */
  joinSubmitted: templateId('LINLI_TMPL_JOIN_SUBMITTED', 'join-submitted'),
  /** A 党员报到 or 共建单位报到 → the community's staff: 报到类型 thing1, 报到人/单位 thing2, 时间 time3. */
  reportSubmitted: templateId('LINLI_TMPL_REPORT_SUBMITTED', 'report-submitted'),
} as const;

/** 订阅消息 `thing` values hold at most 20 characters, `phrase` 5. */
export function thing(text: string, max = 20): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : chars.slice(0, max - 1).join('') + '…';
}

/** 订阅消息 `time` value in China time, whatever zone the function runs in. */
export function time(at: Date): string {
  return minuteCst(at);
}
