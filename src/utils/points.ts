import type { Output } from '../shared/contract';
import type { WishView } from '../shared/contract/wish';
import type { Asset } from '../shared/domain/ledger';
import type { PointItemKind } from '../shared/domain/point-items';
import type { Role } from '../shared/domain/roles';

type Balance = Output<'points.balance'>['balances'][number];

/** Short names for chips and tags, where 「积分」 is already said around them. */
export const assetShort: Record<Asset, string> = { volunteer: '志愿服务', party: '党员', virtue: '美德信用', shop: '商铺' };

/** +12 / -5: a history line always shows which way the points went. */
export function signedPoints(amount: number): string {
  return amount > 0 ? `+${amount}` : `-${Math.abs(amount)}`;
}

/** Which kinds a person would expect on their points page: the ones everyone earns, their role's, and any they hold. */
export function visibleBalances(balances: readonly Balance[], roles: readonly Role[]): Balance[] {
  const expected: Record<Asset, boolean> = {
    volunteer: true,
    virtue: true,
    party: roles.includes('member'),
    shop: roles.includes('merchant'),
  };
  return balances.filter((b) => expected[b.asset] || b.lifetime > 0);
}

/** The whole number typed in a points field, or 0 while it is empty or not a positive whole number. */
export function pointsOf(text: string): number {
  const n = Number(text.trim());
  return text.trim() !== '' && Number.isSafeInteger(n) && n > 0 ? n : 0;
}

/** +60 分 / +5–20 分 / -5–10 分: what a catalogue item moves, signed the way it moves a member's points. */
export function itemRange(item: { kind: PointItemKind; points: number; maxPoints: number }): string {
  const sign = item.kind === 'deduction' ? '-' : '+';
  return item.maxPoints > item.points ? `${sign}${item.points}–${item.maxPoints} 分` : `${sign}${item.points} 分`;
}

/** ★★★☆☆ for a 三星 virtue level. */
export function starsOf(stars: number): string {
  return '★'.repeat(stars) + '☆'.repeat(Math.max(0, 5 - stars));
}

export type AwardTone = 'done' | 'waiting' | 'stopped';

/** What a confirmed wish paid its member, in one line: 已发放 12 积分 / 待社区确认 / 未发放：原因. */
export function awardLine(award: WishView['award']): { text: string; tone: AwardTone } | null {
  if (!award) return null;
  const amount = award.amount ?? 0;
  switch (award.status) {
    case 'posted':
      return { text: `已发放 ${amount} 积分`, tone: 'done' };
    case 'pending':
      return { text: `${amount} 积分发放中`, tone: 'waiting' };
    case 'review':
      return { text: `${amount} 积分待社区确认${award.note ? `（${award.note}）` : ''}`, tone: 'waiting' };
    case 'rejected':
    case 'none':
      return { text: `未发放：${award.note ?? '社区未确认'}`, tone: 'stopped' };
    default:
      return null;
  }
}
