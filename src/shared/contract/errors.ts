/**
 * Stable error codes a client can switch on. The message is for people; the code is for code.
 * Adding a code is fine; renaming one breaks clients in the field.
 */
export const errorMessages = {
  BAD_INPUT: '填写的内容有误，请检查后重试',
  UNKNOWN_ACTION: '不支持的操作，请升级小程序后重试',
  UNAUTHENTICATED: '请先登录微信后再试',
  NOT_REGISTERED: '你还没有在社区登记，请联系网格员',
  FORBIDDEN_ROLE: '你没有进行此操作的权限',
  FORBIDDEN_SCOPE: '这不在你负责的网格或社区范围内',
  NOT_FOUND: '没有找到该内容，可能已被删除',
  CONTENT_RISKY: '内容含有违规信息，请修改后再提交',
  WISH_NOT_FOUND: '没有找到这个心愿',
  WISH_ILLEGAL_TRANSITION: '心愿当前状态不允许此操作',
  WISH_ALREADY_CLAIMED: '手慢了，这个心愿已被其他人认领',
  WISH_OWN_CLAIM: '不能认领自己发布的心愿',
  WISH_NOT_CLAIMANT: '只有认领人可以进行此操作',
  WISH_NOT_OWNER: '只有心愿发布人可以进行此操作',
  MEMBER_NOT_FOUND: '没有找到这位党员/志愿者，或不在本社区',
  WISH_POINTS_OUT_OF_RANGE: '积分超出该类别允许的范围',
  CATEGORY_NOT_FOUND: '心愿类别不存在',
  POINTS_INVALID: '积分记录不正确',
  POINTS_INSUFFICIENT: '积分余额不足',
  POINTS_BUSY: '积分账户正忙，请稍后重试',
  POINTS_NOT_FOUND: '没有找到这条积分记录',
  POINTS_REVERSAL_OF_REVERSAL: '冲正记录不能再次冲正',
  POINTS_ALREADY_REVERSED: '这条积分记录已经冲正过了',
  POINTS_RECEIPT_USED: '这个收据号已用于另一笔抵扣',
  POINT_ITEM_NOT_FOUND: '没有找到这个积分项目，或已停用',
  PARTY_MONTH_OPEN: '这个月还没有结束，不能结算排名',
  MALL_ITEM_NOT_FOUND: '没有找到这件商品，或已下架',
  MALL_OUT_OF_STOCK: '商品库存不足，已被兑完',
  MALL_BUSY: '兑换的人较多，请稍后重试',
  MALL_ORDER_NOT_FOUND: '没有找到这个兑换订单',
  MALL_ORDER_STATE: '订单当前状态不允许此操作',
  PETITION_NOT_FOUND: '没有找到这条诉求',
  PETITION_ILLEGAL_MOVE: '诉求当前状态不允许此操作',
  PETITION_NOT_HOLDER: '这条诉求当前不在你这一级办理',
  PETITION_TOP_LEVEL: '已到区级，不能再上报',
  PETITION_PHOTOS_REQUIRED: '网格当场办结须上传处理前和处理后的照片',
  PETITION_NOT_REPORTER: '只有诉求人可以评价',
  PETITION_RATING_CLOSED: '已超过评价期限',
  PETITION_OWN_COSIGN: '不能附议自己提交的诉求',
  PETITION_ALREADY_COSIGNED: '你已经附议过这条诉求',
  PETITION_COUNCIL_NOT_ELIGIBLE: '只有物业、业主相关的诉求可以提交三方议事',
  PETITION_CATEGORY_NOT_FOUND: '诉求类别不存在',
  PETITION_PLACE_INVALID: '所选位置不在你的社区或网格内',
  PETITION_BUSY: '这条诉求刚被其他人处理过，请刷新后重试',
  DEPARTMENT_NOT_FOUND: '没有找到这个职能部门',
  REQUEST_IN_PROGRESS: '上一次提交仍在处理中，请稍后再试',
  INTERNAL: '服务暂时不可用，请稍后重试',
} as const;

export type ErrorCode = keyof typeof errorMessages;

export const errorCodes = Object.keys(errorMessages) as ErrorCode[];

/** "Try again later": the same call may well succeed in a moment, so a retry must really run again. */
export const transientCodes: ReadonlySet<ErrorCode> = new Set<ErrorCode>(['INTERNAL', 'REQUEST_IN_PROGRESS', 'POINTS_BUSY', 'MALL_BUSY', 'PETITION_BUSY']);
