import type { PetitionState } from './petition';
import { ladderDueAt } from './petition-deadlines';
import { levelLabels, type LadderConfig, type PetitionLevel } from './petition-ladder';
import { HOUR_MS } from './time';

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

/**
 * The card as a number the queues sort by (督办优先: red, yellow, then none), stored beside it on the case as
 * `cardRank`: whoever writes `card` writes it too.
 */
export function cardRankOf(card: Pick<SupervisionCard, 'color'> | null | undefined): number {
  return card ? (card.color === 'red' ? 2 : 1) : 0;
}

/** A step's two limits, in hours from the step's start (yellow before red). */
export interface CardLimit {
  yellow: number;
  red: number;
}

/** The clocks cards watch: taking the case (a pending step) and settling it (an accepted or council step). */
export const cardClocks = ['accept', 'resolve'] as const;
export type CardClock = (typeof cardClocks)[number];

/**
 * The admin's limits (petition_settings `cardLimits`), hours per category × level × clock; `*` for every category.
 * A cell left out falls back to `*`, then to the defaults: yellow at half of the step's ladder time, red at three quarters.
 */
export type CardLimitOverrides = Partial<Record<string, Partial<Record<PetitionLevel, Partial<Record<CardClock, Partial<CardLimit>>>>>>>;

/** One category's limits per level × clock, as the district admin sets them on the category (诉求类别). */
export type CategoryCardLimits = Partial<Record<PetitionLevel, Partial<Record<CardClock, Partial<CardLimit>>>>>;

/**
 * The ladder with a category's own limits folded in: the category's (set on 诉求类别 by the district admin) over
 * the street's `*`, and a street's own cell for that category over both.
 */
export function withCategoryLimits(
  ladder: LadderConfig,
  category: { _id: string; cardLimits?: CategoryCardLimits | null } | undefined,
): LadderConfig {
  const own = category?.cardLimits;
  if (!category || !own) return ladder;
  const street = ladder.cardLimits?.[category._id] ?? {};
  const levels = new Set([...Object.keys(own), ...Object.keys(street)]) as Set<PetitionLevel>;
  const merged: CategoryCardLimits = {};
  for (const level of levels) {
    const cell: Partial<Record<CardClock, Partial<CardLimit>>> = {};
    for (const clock of cardClocks) {
      const v = { ...own[level]?.[clock], ...street[level]?.[clock] };
      if (Object.keys(v).length > 0) cell[clock] = v;
    }
    merged[level] = cell;
  }
  return { ...ladder, cardLimits: { ...ladder.cardLimits, [category._id]: merged } };
}

export const defaultCardShares: CardLimit = { yellow: 0.5, red: 0.75 };

type Clocked = Pick<PetitionState, 'status' | 'level' | 'urgency' | 'since' | 'extendedUntil'> & {
  categoryId: string;
  card?: SupervisionCard | null;
};

/** Which clock the step runs on, or null when no card is due in it (resolved, in review, closed). */
export function cardClockOf(status: PetitionState['status']): CardClock | null {
  if (status === 'pending') return 'accept';
  if (status === 'accepted' || status === 'council') return 'resolve';
  return null;
}

/** The step's limits as instants: the admin's hours (or shares of the ladder's time), moved as far as an approved extension moved the deadline. */
export function cardLimitsAt(
  p: Clocked,
  ladder: LadderConfig,
  limits: CardLimitOverrides | undefined = ladder.cardLimits,
): { yellow: Date; red: Date; clock: CardClock } | null {
  const clock = cardClockOf(p.status);
  const due = ladderDueAt(p, ladder);
  if (!clock || !due) return null;
  const since = new Date(p.since).getTime();
  const span = due.getTime() - since;
  const set = { ...limits?.['*']?.[p.level]?.[clock], ...limits?.[p.categoryId]?.[p.level]?.[clock] };
  const shift = p.extendedUntil ? Math.max(0, new Date(p.extendedUntil).getTime() - due.getTime()) : 0;
  const at = (color: CardColor) => new Date(since + shift + (set[color] !== undefined ? set[color] * HOUR_MS : span * defaultCardShares[color]));
  return { yellow: at('yellow'), red: at('red'), clock };
}

/**
 * The step's next card: yellow at its yellow limit when it holds none, red at its red limit unless it holds red
 * already (a card never goes back from red to yellow). Null when nothing more can be issued in this step. Every
 * move starts a fresh clock (`since`, and the card cleared).
 */
export function cardDue(
  p: Clocked,
  ladder: LadderConfig,
  limits: CardLimitOverrides | undefined = ladder.cardLimits,
): { color: CardColor; at: Date } | null {
  if (p.card?.color === 'red') return null;
  const at = cardLimitsAt(p, ladder, limits);
  if (!at) return null;
  // A red limit set before the yellow one: red comes first, and yellow never.
  if (p.card?.color === 'yellow' || at.red.getTime() <= at.yellow.getTime()) return { color: 'red', at: at.red };
  return { color: 'yellow', at: at.yellow };
}

/** The card the clock issues at `now`, if any: red once the red limit passed (even over no yellow), yellow once the yellow one did. */
export function cardToIssue(
  p: Clocked,
  ladder: LadderConfig,
  now: Date,
  limits: CardLimitOverrides | undefined = ladder.cardLimits,
): { color: CardColor; reason: CardClock } | null {
  if (p.card?.color === 'red') return null;
  const at = cardLimitsAt(p, ladder, limits);
  if (!at) return null;
  if (now.getTime() >= at.red.getTime()) return { color: 'red', reason: at.clock };
  if (!p.card && now.getTime() >= at.yellow.getTime()) return { color: 'yellow', reason: at.clock };
  return null;
}

/** How many 催办 issue a yellow card (when the step holds none). */
export const URGES_FOR_CARD = 3;

/** The text of a card's timeline line and notices: `黄牌督办：街道受理超过时限`. */
export function cardNote(card: Pick<SupervisionCard, 'color' | 'reason' | 'level'>): string {
  const why: Record<CardReason, string> = {
    accept: `${levelLabels[card.level]}受理用时超过${card.color === 'red' ? '红牌' : '黄牌'}时限`,
    resolve: `${levelLabels[card.level]}办理用时超过${card.color === 'red' ? '红牌' : '黄牌'}时限`,
    urge: `居民已催办 ${URGES_FOR_CARD} 次`,
    manual: '督办员督办',
  };
  return `${cardColorLabels[card.color]}：${why[card.reason]}`;
}
