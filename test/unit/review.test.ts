import {
  addRating,
  emptyTally,
  MIN_RATINGS,
  periodLabel,
  periodOf,
  ratingRefusal,
  REVIEW_BANDS,
  REVIEW_WEIGHTS,
  reviewOutcome,
  type ReviewGrade,
  type ReviewKind,
} from '../../src/shared/domain/review';

const tally = (...ratings: [ReviewKind, ReviewGrade][]) => ratings.reduce((t, [kind, grade]) => addRating(t, kind, grade), emptyTally());

describe('民主评议: the weighted rule', () => {
  it('weighs 自评 20%, 互评 40%, 群评 40%', () => {
    expect(REVIEW_WEIGHTS.self + REVIEW_WEIGHTS.peer + REVIEW_WEIGHTS.mass).toBeCloseTo(1);
    // 0.2·100 + 0.4·avg(85, 70) + 0.4·40 = 20 + 31 + 16 = 67
    expect(reviewOutcome(tally(['self', 'excellent'], ['peer', 'good'], ['peer', 'basic'], ['mass', 'poor']))).toEqual({
      score: 67,
      grade: 'basic',
      points: 0,
    });
  });

  it('leaves a missing part’s weight to the others in proportion', () => {
    // No resident served: (0.2·85 + 0.4·100) / 0.6 = 95
    expect(reviewOutcome(tally(['self', 'good'], ['peer', 'excellent']))).toEqual({ score: 95, grade: 'excellent', points: 10 });
    // No 自评: 互评 and 群评 alone.
    expect(reviewOutcome(tally(['peer', 'good'], ['mass', 'good']))).toEqual({ score: 85, grade: 'good', points: 5 });
  });

  it('makes no result from fewer ratings than MIN_RATINGS (未参评)', () => {
    expect(MIN_RATINGS).toBe(2);
    expect(reviewOutcome(emptyTally())).toBeNull();
    expect(reviewOutcome(tally(['self', 'excellent']))).toBeNull();
    expect(reviewOutcome(tally(['mass', 'poor']))).toBeNull();
  });

  it('bands: ≥ 90 优秀 +10, ≥ 75 合格 +5, ≥ 60 基本合格 0, below 不合格 −10 — the edges included', () => {
    expect(REVIEW_BANDS.map((b) => [b.grade, b.min, b.points])).toEqual([
      ['excellent', 90, 10],
      ['good', 75, 5],
      ['basic', 60, 0],
      ['poor', 0, -10],
    ]);
    // peer avg of excellent and good = 92.5 with self good: (0.2·85 + 0.4·92.5)/0.6 = 90 → 优秀.
    expect(reviewOutcome(tally(['self', 'good'], ['peer', 'excellent'], ['peer', 'good']))).toMatchObject({ score: 90, grade: 'excellent' });
    // (0.2·40 + 0.4·70)/0.6 = 60 → 基本合格, 0 points.
    expect(reviewOutcome(tally(['self', 'poor'], ['peer', 'basic']))).toEqual({ score: 60, grade: 'basic', points: 0 });
    expect(reviewOutcome(tally(['self', 'poor'], ['peer', 'poor']))).toEqual({ score: 40, grade: 'poor', points: -10 });
  });

  it('the tally keeps the one 自评 grade; 互评 and 群评 add up', () => {
    const t = tally(['self', 'good'], ['peer', 'poor'], ['peer', 'excellent'], ['mass', 'basic']);
    expect(t).toEqual({ self: 'good', peer: { sum: 140, count: 2 }, mass: { sum: 70, count: 1 } });
  });
});

describe('民主评议: who may rate whom', () => {
  it('自评 only of oneself, and only by a member', () => {
    expect(ratingRefusal('self', 'a', 'a', true)).toBeNull();
    expect(ratingRefusal('self', 'a', 'b', true)).toBe('REVIEW_SELF_ONLY');
    expect(ratingRefusal('self', 'a', 'a', false)).toBe('REVIEW_NOT_MEMBER');
  });

  it('互评 by a member of another member, never oneself', () => {
    expect(ratingRefusal('peer', 'a', 'b', true)).toBeNull();
    expect(ratingRefusal('peer', 'a', 'a', true)).toBe('REVIEW_SELF_AS_PEER');
    expect(ratingRefusal('peer', 'a', 'b', false)).toBe('REVIEW_NOT_MEMBER');
  });

  it('群评 of another (whether they served is checked against the wishes)', () => {
    expect(ratingRefusal('mass', 'a', 'b', false)).toBeNull();
    expect(ratingRefusal('mass', 'a', 'a', true)).toBe('REVIEW_SELF_AS_PEER');
  });
});

describe('民主评议: half-years in China time', () => {
  it('names the half-year of an instant', () => {
    expect(periodOf(new Date('2026-06-30T15:59:59Z'))).toBe('2026h1');
    expect(periodOf(new Date('2026-06-30T16:00:00Z'))).toBe('2026h2');
    expect(periodOf(new Date('2026-12-31T16:00:00Z'))).toBe('2027h1');
    expect(periodLabel('2026h2')).toBe('2026年下半年');
    expect(periodLabel('2027h1')).toBe('2027年上半年');
  });
});
