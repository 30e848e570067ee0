import type { BulletinContent } from '../../src/shared/contract/bulletin';
import type { ExportKind } from '../../src/shared/contract/export';
import { kindOf } from '../../src/shared/domain/ledger';
import { levelLabels } from '../../src/shared/domain/petition-ladder';
import { petitionStatusLabels, ratingLabels } from '../../src/shared/domain/petition';
import { minuteCst } from '../../src/shared/domain/time';
import { wishStatusLabels } from '../../src/shared/domain/wish';
import type { BulletinDoc, ExportCell } from '../_lib/platform/documents';
import type { PetitionDoc } from '../petition/petition-repo';
import type { WishDoc } from '../wish/wish-repo';

/** The columns of each kind's sheet, and the rows of a case, a posting's kind and a bulletin, as the files show them. */
type NumberField = keyof BulletinContent['current'];
/** The bulletin's numbers in the order of its page: the column, the field, whether it is a rate (shown as a percent). */
const bulletinNumberColumns: [string, NumberField, boolean][] = [
  ['受理诉求', 'received', false],
  ['办结', 'resolved', false],
  ['办结率', 'resolutionRate', true],
  ['按期办结率', 'onTimeRate', true],
  ['满意率', 'satisfactionRate', true],
  ['就地解决', 'onSpot', false],
  ['平均办理时长（小时）', 'averageHours', false],
  ['志愿服务时长（小时）', 'volunteerHours', false],
  ['完成心愿', 'wishesCompleted', false],
  ['发放积分', 'pointsIssued', false],
  ['兑换积分', 'pointsRedeemed', false],
];

export const headers: Record<ExportKind, string[]> = {
  cases: ['类型', '编号', '分类', '网格', '层级', '状态', '提交时间', '办结时间', '是否超期', '评价'],
  postings: ['时间', '积分种类', '数量', '类型', '事由', '居民', '手机号', '经办人', '记录编号'],
  hours: ['志愿者', '社区', '值班次数', '服务时长（小时）', '获得积分'],
  bulletin: [
    '月份',
    '社区',
    '状态',
    ...bulletinNumberColumns.flatMap(([label]) => [label, `${label}（上月）`]),
    '网格排名',
    '超期（按层级）',
    '超期（按部门）',
    '明星党员',
    '美德商铺',
    '感谢志愿者',
    '说明',
    '发布时间',
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

const percent = (rate: number | null) => (rate === null ? '' : `${(rate * 100).toFixed(1)}%`);
const joined = (items: string[]) => items.join('；');

/**
 * One bulletin (月通报) as its community's staff wrote it: the month's numbers each beside the month before's, then
 * the lists the bulletin shows as one cell each, the note, and when it was published (a draft: empty).
 */
export function bulletinRow(b: Pick<BulletinDoc, 'month' | 'communityName' | 'status' | 'content' | 'note' | 'publishedAt'>): ExportCell[] {
  const c = b.content;
  return [
    b.month,
    b.communityName,
    b.status === 'published' ? '已发布' : '草稿',
    ...bulletinNumberColumns.flatMap(([, field, rate]) =>
      [c.current[field], c.previous[field]].map((v) => (rate ? percent(v) : v === null ? '' : Math.round(v * 10) / 10)),
    ),
    joined(
      c.grids.map(
        (g, i) =>
          `${i + 1}.${g.name} 受理${g.received} 办结${g.resolved} 按期${percent(g.onTimeRate) || '—'} 满意${percent(g.satisfactionRate) || '—'}`,
      ),
    ),
    joined(c.overdueByLevel.map((o) => `${o.label}${o.count}件`)),
    joined(c.overdueByDepartment.map((o) => `${o.name}${o.count}件`)),
    joined(c.stars.map((m) => `${m.name}（${m.points}分）`)) + (c.stars.length > 0 && !c.starsFinal ? '（未定）' : ''),
    joined(c.shops.map((s) => `${s.name}（${s.level}，${s.points}分）`)),
    joined(c.volunteers.map((v) => `${v.name}（${v.hours}小时，心愿${v.wishes}件）`)),
    b.note,
    time(b.publishedAt),
  ];
}
