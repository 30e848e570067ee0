import { addDayCounters, counterDifferences, scopesWithin, type PlaceCounters } from '../../src/shared/domain/stats-check';
import type { CaseFacts, StatChange } from '../../src/shared/domain/stats';

// 2026-11-02 09:00 China time.
const t0 = new Date('2026-11-02T01:00:00Z');
const facts: CaseFacts = { streetId: 's1', communityId: 'c1', gridId: 'g1', categoryId: 'road', createdAt: t0 };
const created: StatChange = { kind: 'wish', event: 'create', at: t0, facts };
const award: StatChange = { kind: 'points', at: t0, scopes: ['c1', 's1', 'district'], asset: 'volunteer', amount: 20, direction: 'issued' };

describe('the places a check covers', () => {
  it('a change counts in the place checked and the places within it, never above it or elsewhere', () => {
    expect(scopesWithin(created, 'district')).toEqual(['g1', 'c1', 's1', 'district']);
    expect(scopesWithin(created, 'c1')).toEqual(['g1', 'c1']);
    expect(scopesWithin(created, 'g1')).toEqual(['g1']);
    expect(scopesWithin(created, 'g2')).toEqual([]);
    expect(scopesWithin(award, 's1')).toEqual(['c1', 's1']);
  });

  it('adds only the day asked for', () => {
    const sums: PlaceCounters = {};
    addDayCounters(sums, [created, created, { ...created, at: new Date('2026-11-03T01:00:00Z') }, award], '2026-11-02', 'c1');
    expect(sums).toEqual({ g1: { 'w.created': 2, 'wk.road.created': 2 }, c1: { 'w.created': 2, 'wk.road.created': 2, 'pt.issued.volunteer': 20 } });
  });
});

describe('differences', () => {
  it('none when stored and events agree, hours compared to rounding', () => {
    const stored = { c1: { 'p.created': 3, 'p.handlingHours': 0.1 + 0.2 } };
    expect(counterDifferences(['c1'], stored, { c1: { 'p.created': 3, 'p.handlingHours': 0.3 } })).toEqual([]);
  });

  it('a counter too high or too low, or kept for a place the events never named', () => {
    const stored = { c1: { 'p.created': 4, 'w.created': 1 }, g9: { 'p.created': 1 } };
    const expected = { c1: { 'p.created': 3, 'w.created': 2 } };
    expect(counterDifferences(['c1', 'g9'], stored, expected)).toEqual([
      { scope: 'c1', counter: 'p.created', stored: 4, expected: 3 },
      { scope: 'c1', counter: 'w.created', stored: 1, expected: 2 },
      { scope: 'g9', counter: 'p.created', stored: 1, expected: 0 },
    ]);
  });

  it('steps made while the check ran may or may not be counted yet, but never more than they add', () => {
    const expected = { c1: { 'c.resolved': 2 } };
    const late = { c1: { 'c.resolved': 1 } };
    for (const n of [2, 3]) expect(counterDifferences(['c1'], { c1: { 'c.resolved': n } }, expected, late)).toEqual([]);
    expect(counterDifferences(['c1'], { c1: { 'c.resolved': 4 } }, expected, late)).toEqual([
      { scope: 'c1', counter: 'c.resolved', stored: 4, expected: 2, upTo: 3 },
    ]);
    expect(counterDifferences(['c1'], { c1: { 'c.resolved': 1 } }, expected, late)).toHaveLength(1);
  });
});
