import type { ErrorCode } from '../shared/contract/errors';

export interface AfterFailure {
  /** What to do next, shown under the server's message; null when the message says it all. */
  hint: string | null;
  /** What is shown changed under the user (someone else acted first, stock ran out): show its current state. */
  refresh: boolean;
}

const stale = '页面已刷新为最新状态。';

const table: Partial<Record<ErrorCode, AfterFailure>> = {
  WISH_ALREADY_CLAIMED: { hint: `${stale}看看其他需要帮助的邻居吧。`, refresh: true },
  WISH_OWN_CLAIM: { hint: '自己的心愿请等其他党员志愿者认领。', refresh: true },
  WISH_ILLEGAL_TRANSITION: { hint: `心愿状态已有变化，${stale}`, refresh: true },
  WISH_NOT_CLAIMANT: { hint: `这个心愿现在由别人负责，${stale}`, refresh: true },
  WISH_NOT_OWNER: { hint: stale, refresh: true },
  WISH_NOT_FOUND: { hint: '它可能已被撤回，返回列表看看其他心愿吧。', refresh: true },
  MEMBER_NOT_FOUND: { hint: '请重新打开名单选择本社区的党员/志愿者。', refresh: false },
  CONTENT_RISKY: { hint: '请修改文字或更换图片后再提交。', refresh: false },
  FORBIDDEN_SCOPE: { hint: '请联系该心愿所在网格的网格员处理。', refresh: false },
  REQUEST_IN_PROGRESS: { hint: '稍等几秒再点一次，不会重复提交。', refresh: false },
  INTERNAL: { hint: '再点一次即可，不会重复提交。', refresh: false },
  MALL_OUT_OF_STOCK: { hint: '库存已刷新，可以少换几件或换一件别的。', refresh: true },
  MALL_ITEM_NOT_FOUND: { hint: '商品已刷新，看看其他商品吧。', refresh: true },
  MALL_ORDER_STATE: { hint: `订单状态已有变化，${stale}`, refresh: true },
  MALL_BUSY: { hint: '稍等几秒再点一次，不会重复兑换。', refresh: false },
  POINTS_INSUFFICIENT: { hint: '余额已刷新，请按当前余额调整数量或分值。', refresh: true },
  POINTS_BUSY: { hint: '稍等几秒再点一次，不会重复记账。', refresh: false },
  POINTS_RECEIPT_USED: { hint: '请核对收据号；同一张收据只能抵扣一次。', refresh: false },
  POINT_ITEM_NOT_FOUND: { hint: '项目目录已刷新，请重新选择。', refresh: true },
  PARTY_MONTH_OPEN: { hint: '请在下个月初再结算这个月。', refresh: false },
};

/** After a failed step: what to tell the user and whether to reload what the page shows. */
export function afterFailure(code: string): AfterFailure {
  return table[code as ErrorCode] ?? { hint: null, refresh: false };
}
