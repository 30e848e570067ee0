import type { PetitionStatus } from '../../src/shared/domain/petition';
import { actAt, dueAction, dueAt, feedbackDueAt, isOverdue } from '../../src/shared/domain/petition-deadlines';
import { defaultLadderConfig, ladderConfig, type PetitionLevel, type Urgency } from '../../src/shared/domain/petition-ladder';

import { petitionState as state, t0 } from './petition-state';

const HOUR = 3600 * 1000;
const plus = (hours: number) => new Date(t0.getTime() + hours * HOUR);
const config = defaultLadderConfig;

describe('deadlines (the issue’s defaults)', () => {
  it('the grid accepts within 24 h and resolves within 3 days; the resident gets feedback within 7 days', () => {
    expect(dueAt(state('pending', 'grid'), config)).toEqual(plus(24));
    expect(dueAt(state('accepted', 'grid'), config)).toEqual(plus(72));
    expect(feedbackDueAt(t0, config)).toEqual(plus(7 * 24));
  });

  it('urgent cases have shorter deadlines', () => {
    const urgent = (status: PetitionStatus, level: PetitionLevel) => dueAt(state(status, level, { urgency: 'urgent' }), config);
    expect(urgent('pending', 'grid')).toEqual(plus(2));
    expect(urgent('accepted', 'grid')).toEqual(plus(12));
    expect(urgent('pending', 'department')).toEqual(plus(4));
  });

  it('a council and a review have the community’s time to settle; a resolution waits 7 days for a rating', () => {
    expect(dueAt(state('council', 'community'), config)).toEqual(plus(72));
    expect(dueAt(state('review', 'community'), config)).toEqual(plus(72));
    expect(dueAt(state('resolved', 'street'), config)).toEqual(plus(7 * 24));
    expect(dueAt(state('closed', 'grid'), config)).toBeNull();
  });

  it('is configuration: any level × urgency cell and the plain numbers can be overridden', () => {
    const custom = ladderConfig({ acceptHours: { grid: { normal: 12 } }, feedbackDays: 5, ratingDays: 3 });
    expect(dueAt(state('pending', 'grid'), custom)).toEqual(plus(12));
    expect(dueAt(state('pending', 'grid', { urgency: 'urgent' }), custom)).toEqual(plus(2));
    expect(dueAt(state('pending', 'community'), custom)).toEqual(plus(24));
    expect(dueAt(state('resolved', 'grid'), custom)).toEqual(plus(72));
    expect(feedbackDueAt(t0, custom)).toEqual(plus(5 * 24));
    expect(custom.virtueCredit).toBe(defaultLadderConfig.virtueCredit);
  });

  it('overdue means the deadline has come', () => {
    expect(isOverdue(plus(1), plus(1))).toBe(true);
    expect(isOverdue(plus(1), plus(0.5))).toBe(false);
    expect(isOverdue(null, plus(100))).toBe(false);
  });
});

describe('what the sweep does when a step is overdue', () => {
  const at = (hours: number) => plus(hours);

  it('nothing before the deadline', () => {
    expect(dueAction(state('pending', 'grid'), at(23.9), config)).toEqual({ kind: 'none' });
  });

  it.each([
    ['pending', 'grid', 24, '网格超时未受理，自动上报'],
    ['accepted', 'grid', 72, '网格超时未办结，自动上报'],
    ['pending', 'community', 24, '社区超时未受理，自动上报'],
    ['council', 'community', 72, '社区超时未办结，自动上报'],
    ['pending', 'department', 24, '职能部门超时未受理，自动上报'],
    ['accepted', 'department', 120, '职能部门超时未办结，自动上报'],
  ] as const)('%s at %s escalates by itself after %i h', (status, level, hours, note) => {
    expect(dueAction(state(status, level), at(hours), config)).toEqual({ kind: 'escalate', note });
  });

  it('an overdue street summons the category’s department, or hands over to the district when there is none', () => {
    expect(dueAction(state('pending', 'street', { defaultDepartmentId: 'dept-heating' }), at(24), config)).toEqual({
      kind: 'summon',
      departmentId: 'dept-heating',
      note: '街道超时未受理，自动上报',
    });
    expect(dueAction(state('accepted', 'street'), at(120), config)).toEqual({ kind: 'escalate', note: '街道超时未办结，自动上报' });
  });

  it('closes a resolution the resident never rated within 7 days', () => {
    expect(dueAction(state('resolved', 'grid'), at(7 * 24 - 1), config)).toEqual({ kind: 'none' });
    expect(dueAction(state('resolved', 'grid'), at(7 * 24), config)).toEqual({ kind: 'closeUnrated', note: '7 天内未评价，自动办结' });
  });

  it('passes a resolution nobody verified within verifyDays (3 by default, configurable) on to the rating, noted 超时未验证', () => {
    expect(dueAt(state('verifying', 'district'), config)).toEqual(plus(3 * 24));
    expect(actAt(state('verifying', 'district'), config)).toEqual(plus(3 * 24));
    expect(dueAction(state('verifying', 'grid'), at(3 * 24 - 1), config)).toEqual({ kind: 'none' });
    expect(dueAction(state('verifying', 'district'), at(3 * 24), config)).toEqual({
      kind: 'verifyLapsed',
      note: '超时未验证：3 天内无人验证，转待评价',
    });
    const custom = ladderConfig({ verifyDays: 1 });
    expect(dueAction(state('verifying', 'street'), at(24), custom)).toMatchObject({ kind: 'verifyLapsed' });
  });

  it('never moves a district case, a community review or a closed case', () => {
    for (const s of [state('pending', 'district'), state('accepted', 'district'), state('review', 'community'), state('closed', 'street')]) {
      expect(dueAction(s, at(10_000), config)).toEqual({ kind: 'none' });
      expect(actAt(s, config)).toBeNull();
    }
  });

  it('stores when to look next: the due time of every step a timer can move', () => {
    const urgencies: Urgency[] = ['normal', 'urgent'];
    for (const urgency of urgencies) {
      const s = state('pending', 'community', { urgency });
      expect(actAt(s, config)).toEqual(dueAt(s, config));
    }
    expect(actAt(state('resolved', 'district'), config)).toEqual(plus(7 * 24));
  });
});
