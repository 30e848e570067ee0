import type { Output } from '../shared/contract';
import type { WishView } from '../shared/contract/wish';
import type { Relation } from './wish-steps';

export type WishDetail = Output<'wish.get'>['wish'];
type HistoryEvent = WishDetail['history'][number]['event'];

/** How each line of a wish's history reads in the timeline. */
export const historyLabels: Record<HistoryEvent, string> = {
  create: '发布心愿',
  approve: '审核通过，发布到心愿墙',
  reject: '未通过审核',
  cancel: '撤回心愿',
  claim: '认领心愿',
  dispatch: '派单',
  release: '放弃认领',
  checkIn: '到场签到，开始服务',
  complete: '完成服务，提交说明',
  confirm: '确认完成并评价',
  autoConfirm: '7 天未确认，系统自动确认',
  flag: '超时未认领，已提醒社区派单',
};

/** One sentence under the status chip: where the wish stands, said to the person looking at it. */
export function summaryOf(wish: WishView, relation: Relation): string {
  const claimant = wish.claimant?.name ?? '志愿者';
  switch (wish.status) {
    case 'submitted':
      return relation.organises ? '请审核：通过后发布到心愿墙' : '已提交，等待网格员审核';
    case 'approved':
      if (wish.unclaimedTooLong) return relation.organises ? '超时未认领，请派单给党员/志愿者' : '等待认领中，社区正在安排';
      return relation.isResident ? '已发布到心愿墙，等待党员志愿者认领' : '等待认领，认领后可看到居民的联系方式';
    case 'rejected':
      return wish.rejectReason ? `未通过审核：${wish.rejectReason}` : '未通过审核';
    case 'claimed':
      if (relation.isClaimant) return '你已认领，到场后请签到';
      return relation.isResident ? `${claimant}已认领，会尽快联系你` : `${claimant}已认领`;
    case 'in_service':
      return relation.isClaimant ? '服务中，完成后请提交服务说明' : `${claimant}正在服务`;
    case 'done':
      return relation.isResident ? '服务已完成，请确认并评价' : '服务已完成，等待居民确认';
    case 'confirmed':
      return relation.isClaimant ? '居民已确认服务完成，谢谢你的帮助' : `已完成，感谢${claimant}的帮助`;
    case 'cancelled':
      return '居民已撤回这个心愿';
    default:
      return '';
  }
}
