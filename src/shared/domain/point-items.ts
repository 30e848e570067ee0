import { DomainError } from './errors';

/**
 * A community's catalogue of what earns or costs points outside the wish flow: 美德信用 civic behaviours
 * (`civic`) and the three parts of 党员积分 "1+1−1" — 基础分 (`base`), 加分 (`bonus`), 减分 (`deduction`).
 */
export const pointItemKinds = ['civic', 'base', 'bonus', 'deduction'] as const;
export type PointItemKind = (typeof pointItemKinds)[number];

export const pointItemKindLabels: Record<PointItemKind, string> = { civic: '美德行为', base: '基础分', bonus: '加分', deduction: '减分' };

export interface PointItem {
  _id: string;
  communityId: string;
  asset: 'virtue' | 'party';
  kind: PointItemKind;
  name: string;
  /** The usual points; staff may enter up to `maxPoints` for a party item (e.g. a larger 见义勇为). */
  points: number;
  maxPoints: number;
  active: boolean;
  order: number;
  updatedAt: Date;
}

/** An item staff may use now: it exists, is active, belongs to their community and to the kind of points asked for. */
export function usableItem(item: PointItem | null, asset: PointItem['asset'], communityId: string): PointItem {
  if (!item || !item.active || item.asset !== asset || item.communityId !== communityId) throw new DomainError('POINT_ITEM_NOT_FOUND');
  return item;
}

/** The points an entry moves: the item's usual points, or what staff entered within the item's maximum. */
export function entryPoints(item: Pick<PointItem, 'points' | 'maxPoints' | 'name'>, entered?: number): number {
  const points = entered ?? item.points;
  if (points > Math.max(item.points, item.maxPoints)) throw new DomainError('POINTS_INVALID', `「${item.name}」最多 ${item.maxPoints} 分`);
  return points;
}

/** A deduction takes points from the member; every other item gives them. */
export function isDebit(kind: PointItemKind): boolean {
  return kind === 'deduction';
}
