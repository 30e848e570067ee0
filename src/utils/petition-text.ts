import type { PetitionView } from '../shared/contract/petition-view';
import { petitionEventLabels, petitionStatusLabels } from '../shared/domain/petition';
import { levelLabels, type PetitionLevel } from '../shared/domain/petition-ladder';
import type { HandlerAction, PetitionDetail } from './petition-actions';

/** 待受理 / 办理中 / …; a closed case says how it ended when that matters to the resident. */
export function statusLabel(p: Pick<PetitionView, 'status' | 'outcome' | 'level'>): string {
  if (p.status === 'closed' && p.outcome === 'dismissed') return '不予受理';
  if (p.status === 'pending' && p.level === 'department') return '待报到';
  return petitionStatusLabels[p.status];
}

/** The button of each holder step; 吹哨 above the community hands the case to the district. */
export function actionLabel(action: HandlerAction, level: PetitionLevel): string {
  if (action === 'escalate') return level === 'grid' || level === 'community' ? '吹哨上报' : '上报区级';
  return {
    accept: '受理',
    report: '报到受理',
    resolve: '办结反馈',
    decide: '记录议事决定',
    conclude: '维持办结',
    summon: '召集部门',
    convene: '三方议事',
    reopen: '重新交办',
    dismiss: '不予受理',
  }[action];
}

type Step = PetitionDetail['timeline'][number];

/** Steps that hand the case to a level: the headline names where it went. */
const handovers = new Set(['create', 'escalate', 'summon', 'reopen', 'reassign']);

/**
 * One timeline line's headline: 社区 · 受理, 吹哨上报 → 社区, 召集部门 → 区住建局. The timer's escalation of an
 * overdue case is 超时自动上报: nobody blew the whistle.
 */
export function stepTitle(step: Pick<Step, 'event' | 'level' | 'departmentName' | 'automatic'>): string {
  const where = step.level === 'department' && step.departmentName ? step.departmentName : levelLabels[step.level];
  if (step.event === 'urge') return `居民催办 · ${where}`;
  if (step.event === 'extendRequest') return `${where} · 申请延期`;
  if (step.event === 'extend') return `${where} · 延期获批`;
  if (step.event === 'extendRefused') return `${where} · 延期未获批`;
  // A 督办 card: its note says which colour and why.
  if (step.event === 'card') return `督办 · ${where}`;
  const what = step.event === 'create' ? '提交诉求' : step.event === 'escalate' && step.automatic ? '超时自动上报' : petitionEventLabels[step.event];
  if (step.event === 'verify') return step.automatic ? '超时未验证' : what;
  if (step.event === 'rate' || step.event === 'expire') return what;
  return handovers.has(step.event) ? `${what} → ${where}` : `${where} · ${what}`;
}

/** What the holder owes next, for the deadline line: 受理, 报到, 办结, … or the resident's rating. */
export function dueWhat(p: Pick<PetitionView, 'status' | 'level'>): string | null {
  switch (p.status) {
    case 'pending':
      return p.level === 'department' ? '报到' : '受理';
    case 'accepted':
      return '办结';
    case 'council':
      return '作出议事决定';
    case 'review':
      return '复核';
    case 'verifying':
      return '验证办理结果';
    case 'resolved':
      return '评价';
    case 'closed':
      return null;
  }
}

/** Where the problem is: the building and spot, or the address of the map point. */
export function placeText(p: Pick<PetitionView, 'location' | 'gridName'>): string {
  const { buildingName, detail, point } = p.location;
  const place = buildingName ? [buildingName, detail].filter(Boolean).join(' ') : (point?.address ?? '');
  return [p.gridName, place].filter(Boolean).join(' · ');
}
