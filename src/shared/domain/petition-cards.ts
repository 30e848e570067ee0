import type { PetitionLevel } from './petition-ladder';

/**
 * 督办 supervision cards. A case that drifts is flagged before its deadline: 黄牌 (yellow) when its step crosses the
 * yellow limit of its category × level, 红牌 (red) at the red one; three 催办 or a 督办员's hand may also issue one.
 * A card belongs to the step it was issued in: every move of the case clears it (the history keeps it, and the
 * reports count cards issued per level and department).
 */
export const cardColors = ['yellow', 'red'] as const;
export type CardColor = (typeof cardColors)[number];
export const cardColorLabels: Record<CardColor, string> = { yellow: '黄牌督办', red: '红牌督办' };

/** Why the card was issued: the accepting or resolving clock crossed a limit, three urges, or a 督办员 by hand. */
export const cardReasons = ['accept', 'resolve', 'urge', 'manual'] as const;
export type CardReason = (typeof cardReasons)[number];

export interface SupervisionCard {
  color: CardColor;
  reason: CardReason;
  /** The level (and department, at department level) whose step it was issued in. */
  level: PetitionLevel;
  departmentId: string | null;
  at: Date;
  /** The 督办员 who issued it by hand; null when the clock or the urges did. */
  by: string | null;
  byName: string | null;
  comment: string | null;
}
