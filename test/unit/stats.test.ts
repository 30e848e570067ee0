import type { PetitionLevel } from '../../src/shared/domain/petition-ladder';
import {
  bucketOf,
  deltasOf,
  docDeltas,
  mergeDeltas,
  p90Hours,
  rankGrids,
  statsDocId,
  sumCounters,
  summarizePetitions,
  type CaseFacts,
  type Counters,
  type PetitionChange,
} from '../../src/shared/domain/stats';

// 2026-11-02 09:00 China time, a Monday.
const t0 = new Date('2026-11-02T01:00:00Z');
const hours = (h: number) => new Date(t0.getTime() + h * 3600_000);
const facts: CaseFacts = { streetId: 's1', communityId: 'c1', gridId: 'g1', categoryId: 'road', createdAt: t0 };

type Step = Omit<PetitionChange, 'kind' | 'facts' | 'departmentId' | 'automatic'> &
  Partial<Pick<PetitionChange, 'facts' | 'departmentId' | 'automatic'>>;
const step = (s: Step): PetitionChange => ({ kind: 'petition', facts, departmentId: null, automatic: false, ...s });
const at = (level: PetitionLevel, status: PetitionChange['to']['status'] = 'pending') => ({ level, status });

/** Every change of a list of steps, added up the way the stats documents would hold them. */
function countAll(changes: PetitionChange[]): Counters {
  return sumCounters(Object.values(mergeDeltas(...changes.map(deltasOf))));
}

describe('where counts go', () => {
  it('a day turns at midnight China time', () => {
    const day = (at: string) => Object.keys(deltasOf({ kind: 'wish', event: 'create', at: new Date(at), facts }));
    expect(day('2026-11-01T15:59:59Z')).toEqual(['2026-11-01']);
    expect(day('2026-11-01T16:00:00Z')).toEqual(['2026-11-02']);
  });

  it('a change counts for its grid, community, street and the district, by day and by month', () => {
    const docs = docDeltas([step({ event: 'create', at: t0, from: null, to: at('grid') })]);
    expect([...docs.keys()].sort()).toEqual(
      ['g1', 'c1', 's1', 'district'].flatMap((scope) => [statsDocId(scope, '2026-11-02'), statsDocId(scope, '2026-11')]).sort(),
    );
    expect(docs.get('c1:2026-11')).toMatchObject({ scope: 'c1', period: 'month', key: '2026-11', counters: { 'p.created': 1, 'c.received': 1 } });
  });

  it('a resolution counts in the day it happened and in the cohort of the day the case came in', () => {
    const resolvedLater = step({
      event: 'resolve',
      at: hours(24 * 40),
      from: at('grid', 'accepted'),
      to: at('grid', 'resolved'),
      firstResolution: true,
      dueAt: hours(24 * 41),
    });
    const deltas = deltasOf(resolvedLater);
    expect(deltas['2026-11-02']).toMatchObject({ 'c.resolved': 1, 'c.onTime': 1, 'c.onSpot': 1 });
    expect(deltas['2026-12-12']).toMatchObject({ 'p.resolved.grid': 1, 'p.handled': 1, 'g.g1.resolved': 1 });
  });
});

describe('办结率 and 按期办结率 over cases that cross levels', () => {
  // Case A: the grid resolves it in time. Case B: the grid misses its deadline, the timer escalates it, the
  // community resolves it before its own deadline — late all the same. Case C: the grid hands it up by hand
  // (吹哨, no deadline missed), the street resolves it in time. Case D: still open. Case E: 不予受理.
  const a = { ...facts, createdAt: t0 };
  const changes: PetitionChange[] = [
    ...['A', 'B', 'C', 'D', 'E'].map(() => step({ event: 'create', at: t0, from: null, to: at('grid') })),
    step({
      event: 'resolve',
      at: hours(30),
      from: at('grid', 'accepted'),
      to: at('grid', 'resolved'),
      firstResolution: true,
      dueAt: hours(72),
      facts: a,
    }),
    step({ event: 'escalate', at: hours(96), from: at('grid', 'accepted'), to: at('community'), automatic: true }),
    step({
      event: 'resolve',
      at: hours(120),
      from: at('community', 'accepted'),
      to: at('community', 'resolved'),
      firstResolution: true,
      dueAt: hours(190),
      deadlinesMissed: 1,
    }),
    step({ event: 'escalate', at: hours(10), from: at('grid', 'accepted'), to: at('community') }),
    step({ event: 'escalate', at: hours(20), from: at('community', 'accepted'), to: at('street') }),
    step({
      event: 'resolve',
      at: hours(100),
      from: at('street', 'accepted'),
      to: at('street', 'resolved'),
      firstResolution: true,
      dueAt: hours(140),
    }),
    step({ event: 'dismiss', at: hours(2), from: at('grid'), to: at('grid', 'closed') }),
  ];
  const summary = summarizePetitions(countAll(changes));

  it('办结率 is resolved over received less dismissed', () => {
    expect(summary.received).toBe(5);
    expect(summary.dismissed).toBe(1);
    expect(summary.resolved).toBe(3);
    expect(summary.resolutionRate).toBeCloseTo(3 / 4);
  });

  it('a case a deadline moved up is late, even when the next level is quick; a hand-raised one is not', () => {
    expect(summary.onTimeRate).toBeCloseTo(2 / 3);
  });

  it('就地解决 is the grid resolving without a missed deadline', () => {
    expect(summary.onSpot).toBe(1);
    expect(summary.onSpotRate).toBeCloseTo(1 / 3);
  });

  it('escalations are counted by the level they left; overdue ones separately', () => {
    expect(summary.escalatedFrom).toMatchObject({ grid: 2, community: 1, street: 0 });
    expect(summary.overdueAt).toMatchObject({ grid: 1, community: 0 });
  });

  it('handling time runs from filing to the first resolution, across every level climbed', () => {
    expect(summary.averageHours).toBeCloseTo((30 + 120 + 100) / 3);
    // Buckets: 30 h → ≤ 48; 120 h → ≤ 120; 100 h → ≤ 120. The 90th percentile falls in ≤ 120.
    expect(summary.p90Hours).toBe(120);
  });

  it('a reopened case resolved again is not counted twice', () => {
    const again = step({ event: 'resolve', at: hours(200), from: at('grid', 'accepted'), to: at('grid', 'resolved'), firstResolution: false });
    const more = summarizePetitions(countAll([...changes, again]));
    expect(more.resolved).toBe(3);
    expect(more.averageHours).toBeCloseTo(summary.averageHours!);
  });
});

describe('满意率', () => {
  const rate = (rating: 'satisfied' | 'basic' | 'unsatisfied') =>
    step({ event: 'rate', at: hours(50), from: at('grid', 'resolved'), to: at('grid', 'closed'), rating });
  const expire = step({ event: 'expire', at: hours(300), from: at('grid', 'resolved'), to: at('grid', 'closed'), automatic: true });

  it('is 满意 + 基本满意 over those rated; cases closed unrated are counted apart, not as satisfied', () => {
    const s = summarizePetitions(countAll([rate('satisfied'), rate('basic'), rate('unsatisfied'), expire, expire]));
    expect(s.rated).toBe(3);
    expect(s.unrated).toBe(2);
    expect(s.satisfactionRate).toBeCloseTo(2 / 3);
  });

  it('is no number at all when nobody rated (shown as —, not 0 % or 100 %)', () => {
    expect(summarizePetitions(countAll([expire])).satisfactionRate).toBeNull();
    expect(summarizePetitions({}).resolutionRate).toBeNull();
  });
});

describe('handling-time buckets', () => {
  it('puts a time in the first bucket whose bound holds it', () => {
    expect(bucketOf(0)).toBe(0);
    expect(bucketOf(4)).toBe(0);
    expect(bucketOf(4.01)).toBe(1);
    expect(bucketOf(720)).toBe(8);
    expect(bucketOf(721)).toBe(9);
  });

  it('reads the 90th percentile as its bucket’s bound, past the last as Infinity', () => {
    expect(p90Hours({})).toBeNull();
    expect(p90Hours({ 'p.hb.0': 9, 'p.hb.5': 1 })).toBe(4);
    expect(p90Hours({ 'p.hb.0': 8, 'p.hb.5': 2 })).toBe(120);
    expect(p90Hours({ 'p.hb.9': 1 })).toBe(Infinity);
  });
});

describe('wishes, points and hours', () => {
  it('counts a claim’s wait from approval, points by kind and direction, hours by grid', () => {
    const c = sumCounters(
      Object.values(
        mergeDeltas(
          deltasOf({ kind: 'wish', event: 'create', at: t0, facts }),
          deltasOf({ kind: 'wish', event: 'claim', at: hours(6), facts, openSince: hours(2) }),
          deltasOf({ kind: 'points', at: t0, scopes: ['c1'], asset: 'volunteer', amount: 20, direction: 'issued' }),
          deltasOf({ kind: 'points', at: t0, scopes: ['c1'], asset: 'virtue', amount: 15, direction: 'redeemed' }),
          deltasOf({ kind: 'hours', at: t0, scopes: ['c1'], gridId: 'g1', hours: 2.5 }),
        ),
      ),
    );
    expect(c).toMatchObject({
      'w.created': 1,
      'wk.road.created': 1,
      'w.claimed': 1,
      'w.waitHours': 4,
      'pt.issued.volunteer': 20,
      'pt.redeemed.virtue': 15,
      'h.total': 2.5,
      'h.g.g1': 2.5,
    });
  });
});

describe('grid ranking', () => {
  it('ranks by on-time rate, then satisfaction (unrated last), then cases resolved', () => {
    const ranks = rankGrids({
      'g.a.resolved': 4,
      'g.a.onTime': 2,
      'g.b.resolved': 2,
      'g.b.onTime': 2,
      'g.b.rated': 2,
      'g.b.good': 1,
      'g.c.resolved': 3,
      'g.c.onTime': 3,
      'g.c.rated': 1,
      'g.c.good': 1,
      'h.g.d': 3,
    });
    expect(ranks.map((r) => r.gridId)).toEqual(['c', 'b', 'a', 'd']);
    expect(ranks.find((r) => r.gridId === 'd')).toMatchObject({ resolved: 0, onTimeRate: null, volunteerHours: 3 });
  });

  it('ranks grids with the same rates by volunteer hours, then cases resolved (网格排名)', () => {
    const same = (g: string, resolved: number) => ({
      [`g.${g}.resolved`]: resolved,
      [`g.${g}.onTime`]: resolved,
      [`g.${g}.rated`]: 1,
      [`g.${g}.good`]: 1,
    });
    const ranks = rankGrids({ ...same('a', 5), ...same('b', 2), ...same('c', 3), 'h.g.b': 10, 'h.g.c': 10 });
    expect(ranks.map((r) => r.gridId)).toEqual(['c', 'b', 'a']);
  });

  it('ranks a grid with volunteer hours alone, but not one whose hours were all taken back', () => {
    expect(rankGrids({ 'h.g.a': 1.5, 'h.g.b': 0 }).map((r) => [r.gridId, r.volunteerHours])).toEqual([['a', 1.5]]);
  });
});

describe('verification (待验证)', () => {
  it('办结 stays counted at the resolution; a verification counts whether it held, failed or lapsed', () => {
    const c = countAll([
      step({ event: 'resolve', at: hours(2), from: at('grid', 'accepted'), to: at('grid', 'verifying'), firstResolution: true, dueAt: hours(72) }),
      step({ event: 'verify', at: hours(3), from: at('grid', 'verifying'), to: at('grid', 'accepted') }),
      step({ event: 'resolve', at: hours(4), from: at('grid', 'accepted'), to: at('grid', 'verifying'), firstResolution: false }),
      step({ event: 'verify', at: hours(5), from: at('grid', 'verifying'), to: at('grid', 'resolved') }),
      step({ event: 'verify', at: hours(6), from: at('grid', 'verifying'), to: at('grid', 'resolved'), automatic: true }),
    ]);
    expect(c).toMatchObject({ 'c.resolved': 1, 'p.resolvedAgain': 1, 'p.verified.failed': 1, 'p.verified.resolved': 1, 'p.verified.lapsed': 1 });
  });
});
