import type { ExportKind } from '../../src/shared/contract/export';
import { kindOf } from '../../src/shared/domain/ledger';
import { levelLabels } from '../../src/shared/domain/petition-ladder';
import { petitionStatusLabels, ratingLabels } from '../../src/shared/domain/petition';
import { summarizePetitions, sumCounters, type Counters } from '../../src/shared/domain/stats';
import { minuteCst } from '../../src/shared/domain/time';
import { wishStatusLabels } from '../../src/shared/domain/wish';
import type { ExportCell } from '../_lib/platform/documents';
import type { PetitionDoc } from '../petition/petition-repo';
import type { WishDoc } from '../wish/wish-repo';

/** The columns of each kind's sheet, and the rows of a case, a posting's kind and a month, as the files show them. */
export const headers: Record<ExportKind, string[]> = {
  cases: ['类型', '编号', '分类', '网格', '层级', '状态', '提交时间', '办结时间', '是否超期', '评价'],
  postings: ['时间', '积分种类', '数量', '类型', '事由', '居民', '手机号', '经办人', '记录编号'],
  hours: ['志愿者', '社区', '值班次数', '服务时长（小时）', '获得积分'],
  bulletin: [
    '月份',
    '受理诉求',
    '办结',
    '办结率',
    '按期办结率',
    '满意率',
    '就地解决',
    '平均办理时长（小时）',
    '新心愿',
    '完成心愿',
    '志愿服务时长（小时）',
    '发放积分',
    '兑换积分',
  ],
};

export const time = (at: Date | string | null | undefined) => (at ? minuteCst(new Date(at)) : '');
const openStatuses = new Set(['pending', 'accepted', 'council', 'review']);

export function petitionRow(p: PetitionDoc, now: Date): ExportCell[] {
  const settled = p.history.find((s) => s.event === 'resolve' || s.event === 'decide' || s.event === 'dismiss');
  // 超期: a deadline moved it up the ladder, or it is open past its deadline now.
  const missed = p.history.some((s) => s.automatic && (s.event === 'escalate' || s.event === 'summon'));
  const late = openStatuses.has(p.status) && p.dueAt !== null && new Date(p.dueAt).getTime() < now.getTime();
  const rating = p.rating ? `${ratingLabels[p.rating.value]}${p.rating.byProxy ? '（代评）' : ''}` : '';
  return [
    '诉求',
    p._id,
    p.categoryName,
    p.gridName ?? '',
    levelLabels[p.level],
    petitionStatusLabels[p.status],
    time(p.createdAt),
    time(settled?.at),
    missed || late ? '是' : '否',
    rating,
  ];
}

export function wishRow(w: WishDoc, categories: Map<string, string>): ExportCell[] {
  return [
    '心愿',
    w._id,
    categories.get(w.categoryId) ?? '其他',
    w.gridName ?? '',
    '网格',
    wishStatusLabels[w.status],
    time(w.createdAt),
    time(w.confirmedAt ?? w.completedAt),
    w.flaggedAt ? '是（久未认领）' : '否',
    w.rating ? `${w.rating.stars}星${w.rating.byProxy ? '（代评）' : ''}` : '',
  ];
}

export function postingType(p: { from: string; to: string; reversalOf: string | null }): string {
  if (p.reversalOf) return '冲正';
  const [from, to] = [kindOf(p.from), kindOf(p.to)];
  if (from === 'issuer') return '发放';
  if (to === 'issuer') return '扣减';
  if (to === 'mall' || to === 'shop') return '兑换';
  if (to === 'fee') return '抵扣物业费';
  return '转账';
}

/** The months the period touches, oldest first (`YYYY-MM`). */
export function monthsOf(from: string, to: string): string[] {
  const months: string[] = [];
  for (let [y, m] = from.slice(0, 7).split('-').map(Number); `${y}-${String(m).padStart(2, '0')}` <= to.slice(0, 7); m === 12 ? ((m = 1), y++) : m++)
    months.push(`${y}-${String(m).padStart(2, '0')}`);
  return months;
}

const percent = (rate: number | null) => (rate === null ? '' : `${(rate * 100).toFixed(1)}%`);
const sumPrefixed = (c: Counters, prefix: string) => Object.entries(c).reduce((s, [k, v]) => (k.startsWith(prefix) ? s + v : s), 0);

/** One month's numbers, as the 月度通报 shows them. */
export function monthRow(month: string, counters: Counters): ExportCell[] {
  const c = sumCounters([counters]);
  const s = summarizePetitions(c);
  return [
    month,
    s.received,
    s.resolved,
    percent(s.resolutionRate),
    percent(s.onTimeRate),
    percent(s.satisfactionRate),
    s.onSpot,
    s.averageHours === null ? '' : Math.round(s.averageHours * 10) / 10,
    c['w.created'] ?? 0,
    c['w.confirmed'] ?? 0,
    c['h.total'] ?? 0,
    sumPrefixed(c, 'pt.issued.'),
    sumPrefixed(c, 'pt.redeemed.'),
  ];
}
