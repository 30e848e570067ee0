import { applyMove } from '../../src/shared/domain/petition';
import { cardDue, cardLimitsAt, cardNote, cardToIssue, withCategoryLimits, type SupervisionCard } from '../../src/shared/domain/petition-cards';
import { defaultLadderConfig as ladder, ladderConfig } from '../../src/shared/domain/petition-ladder';

import { petitionState as state, t0 } from './petition-state';

const HOUR = 3600 * 1000;
const plus = (hours: number) => new Date(t0.getTime() + hours * HOUR);
const cased = (s: ReturnType<typeof state>, card: SupervisionCard | null = null) => ({ ...s, categoryId: 'k1', card });
const card = (color: SupervisionCard['color']): SupervisionCard => ({
  color,
  reason: 'accept',
  level: 'grid',
  departmentId: null,
  at: t0,
  by: null,
  byName: null,
  comment: null,
});

describe('督办 card clock', () => {
  it('by default a step turns yellow at half of its ladder time and red at three quarters, before its deadline', () => {
    // A grid has 24 h to accept and 72 h to resolve.
    const pending = cased(state('pending', 'grid'));
    expect(cardDue(pending, ladder)).toEqual({ color: 'yellow', at: plus(12) });
    expect(cardToIssue(pending, ladder, plus(11.9))).toBeNull();
    expect(cardToIssue(pending, ladder, plus(12))).toEqual({ color: 'yellow', reason: 'accept' });
    expect(cardDue(cased(state('pending', 'grid'), card('yellow')), ladder)).toEqual({ color: 'red', at: plus(18) });
    expect(cardToIssue(cased(state('pending', 'grid'), card('yellow')), ladder, plus(17))).toBeNull();
    expect(cardToIssue(cased(state('pending', 'grid'), card('yellow')), ladder, plus(18))).toEqual({ color: 'red', reason: 'accept' });
    expect(cardDue(cased(state('accepted', 'grid')), ladder)).toEqual({ color: 'yellow', at: plus(36) });
    expect(cardLimitsAt(cased(state('accepted', 'grid')), ladder)).toEqual({ yellow: plus(36), red: plus(54), clock: 'resolve' });
    // A council runs on the community's time to settle.
    expect(cardLimitsAt(cased(state('council', 'community')), ladder)?.clock).toBe('resolve');
  });

  it('a case found past its red limit gets red at once, never yellow after red', () => {
    expect(cardToIssue(cased(state('pending', 'grid')), ladder, plus(20))).toEqual({ color: 'red', reason: 'accept' });
    expect(cardToIssue(cased(state('pending', 'grid'), card('red')), ladder, plus(100))).toBeNull();
    expect(cardDue(cased(state('pending', 'grid'), card('red')), ladder)).toBeNull();
  });

  it('no card waits on a resolution, a review or a closed case', () => {
    for (const s of ['resolved', 'review', 'closed'] as const) {
      expect(cardDue(cased(state(s, 'community')), ladder)).toBeNull();
      expect(cardToIssue(cased(state(s, 'community')), ladder, plus(1000))).toBeNull();
    }
  });

  it('the admin’s limits per category × level × clock, falling back to every category, then to the defaults', () => {
    const limits = {
      '*': { grid: { accept: { yellow: 2, red: 4 } } },
      k1: { grid: { accept: { red: 3 } } },
      k2: { street: { resolve: { yellow: 1 } } },
    };
    expect(cardLimitsAt(cased(state('pending', 'grid')), ladder, limits)).toEqual({ yellow: plus(2), red: plus(3), clock: 'accept' });
    expect(cardLimitsAt({ ...cased(state('pending', 'grid')), categoryId: 'k9' }, ladder, limits)).toEqual({
      yellow: plus(2),
      red: plus(4),
      clock: 'accept',
    });
    // Not set for this level: the shares of the ladder's time.
    expect(cardLimitsAt(cased(state('pending', 'community')), ladder, limits)).toEqual({ yellow: plus(12), red: plus(18), clock: 'accept' });
    // Kept with the street's ladder settings (petition_settings `ladder.cardLimits`).
    expect(cardLimitsAt(cased(state('pending', 'grid')), ladderConfig({ cardLimits: limits }))?.red).toEqual(plus(3));
    // A red limit at or before the yellow one: red comes first.
    const redFirst = { k1: { grid: { accept: { yellow: 5, red: 3 } } } };
    expect(cardDue(cased(state('pending', 'grid')), ladder, redFirst)).toEqual({ color: 'red', at: plus(3) });
  });

  it('a category’s own limits (诉求类别) over the street’s every-category ones; the street’s own cell for it over both', () => {
    const street = ladderConfig({ cardLimits: { '*': { grid: { accept: { yellow: 2, red: 4 } } }, k1: { grid: { accept: { red: 5 } } } } });
    const k1 = withCategoryLimits(street, { _id: 'k1', cardLimits: { grid: { accept: { yellow: 1, red: 3 } }, street: { resolve: { yellow: 6 } } } });
    expect(cardLimitsAt(cased(state('pending', 'grid')), k1)).toEqual({ yellow: plus(1), red: plus(5), clock: 'accept' });
    expect(cardLimitsAt(cased(state('accepted', 'street')), k1)?.yellow).toEqual(plus(6));
    // Another category, or one with no limits of its own: as before.
    expect(cardLimitsAt({ ...cased(state('pending', 'grid')), categoryId: 'k2' }, k1)?.yellow).toEqual(plus(2));
    expect(withCategoryLimits(street, { _id: 'k1', cardLimits: null })).toBe(street);
  });

  it('an approved extension moves the limits by as much as it moved the deadline', () => {
    // The grid's 72 h to resolve extended to 100 h: 28 h later.
    const extended = cased(state('accepted', 'grid', { extendedUntil: plus(100) }));
    expect(cardLimitsAt(extended, ladder)).toEqual({ yellow: plus(36 + 28), red: plus(54 + 28), clock: 'resolve' });
    expect(cardToIssue(extended, ladder, plus(60))).toBeNull();
    expect(cardToIssue(extended, ladder, plus(64))).toEqual({ color: 'yellow', reason: 'resolve' });
  });

  it('an escalation starts a fresh clock at the next level (the move clears the card)', () => {
    const moved = applyMove(state('pending', 'community'), { event: 'escalate' }, plus(20), ladder);
    expect(moved.level).toBe('street');
    const fresh = cased(moved, null);
    // The street has 24 h to accept from the escalation.
    expect(cardDue(fresh, ladder)).toEqual({ color: 'yellow', at: plus(20 + 12) });
    expect(cardToIssue(fresh, ladder, plus(25))).toBeNull();
  });

  it('says why in Chinese', () => {
    expect(cardNote({ color: 'yellow', reason: 'accept', level: 'street' })).toBe('黄牌督办：街道受理用时超过黄牌时限');
    expect(cardNote({ color: 'yellow', reason: 'urge', level: 'grid' })).toBe('黄牌督办：居民已催办 3 次');
    expect(cardNote({ color: 'red', reason: 'resolve', level: 'department' })).toBe('红牌督办：职能部门办理用时超过红牌时限');
  });
});
