import { DomainError } from '../../src/shared/domain/errors';
import {
  applyMove,
  canMove,
  petitionEvents,
  petitionStatuses,
  type PetitionEvent,
  type PetitionMove,
  type PetitionState,
  type PetitionStatus,
} from '../../src/shared/domain/petition';
import { earnsCredit } from '../../src/shared/domain/petition-rules';
import { defaultLadderConfig, petitionLevels, type PetitionLevel } from '../../src/shared/domain/petition-ladder';
import { petitionState, t0 } from './petition-state';

const later = new Date('2026-03-02T05:00:00Z');
const config = defaultLadderConfig;

/** A petition whose category has a default department and may go to the three-party council. */
const state = (status: PetitionStatus, level: PetitionLevel, extra: Partial<PetitionState> = {}): PetitionState =>
  petitionState(status, level, { defaultDepartmentId: 'dept-housing', councilEligible: true, ...extra });

const moveOf = (event: PetitionEvent): PetitionMove => {
  if (event === 'summon') return { event, departmentId: 'dept-urban' };
  if (event === 'rate') return { event, rating: 'satisfied' };
  if (event === 'reopen') return { event, level: 'grid' };
  if (event === 'verify') return { event, result: 'resolved' };
  if (event === 'reassign') return { event, level: 'grid', departmentId: null };
  return { event } as PetitionMove;
};

const move = (s: PetitionState, m: PetitionMove) => applyMove(s, m, later, config);
const code = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    return (error as DomainError).code;
  }
  throw new Error('expected a DomainError');
};

/** Every legal (status, level, event) and where it leads; anything not listed must be refused. */
type Row = readonly [PetitionStatus, PetitionLevel, PetitionEvent, PetitionStatus, PetitionLevel];
const legal: Row[] = [
  ...(['grid', 'community', 'street', 'district'] as const).map((l) => ['pending', l, 'accept', 'accepted', l] as const),
  ['pending', 'department', 'report', 'accepted', 'department'],
  ...petitionLevels.map((l) => ['accepted', l, 'resolve', 'verifying', l] as const),
  ...petitionLevels.map((l) => ['verifying', l, 'verify', 'resolved', l] as const),
  ...petitionLevels.map((l) => ['pending', l, 'dismiss', 'closed', l] as const),
  ...(['pending', 'accepted'] as const).flatMap((s) => [
    [s, 'grid', 'escalate', 'pending', 'community'] as const,
    [s, 'community', 'escalate', 'pending', 'street'] as const,
    [s, 'street', 'escalate', 'pending', 'district'] as const,
    [s, 'department', 'escalate', 'pending', 'district'] as const,
    [s, 'street', 'summon', 'pending', 'department'] as const,
    [s, 'community', 'convene', 'council', 'community'] as const,
    // 改派 (a 督办员's order) to a grid: from a grid or its community, waiting to be taken there.
    [s, 'grid', 'reassign', 'pending', 'grid'] as const,
    [s, 'community', 'reassign', 'pending', 'grid'] as const,
  ]),
  ['council', 'community', 'escalate', 'pending', 'street'],
  ['council', 'community', 'decide', 'verifying', 'community'],
  ...petitionLevels.map((l) => ['resolved', l, 'rate', 'closed', l] as const),
  ...petitionLevels.map((l) => ['resolved', l, 'expire', 'closed', l] as const),
  ['review', 'community', 'conclude', 'closed', 'community'],
  ['review', 'community', 'reopen', 'pending', 'grid'],
];

describe('petition ladder: every legal move', () => {
  test.each(legal)('%s at %s --%s--> %s at %s', (status, level, event, toStatus, toLevel) => {
    const next = move(state(status, level, { topLevel: 'district' }), moveOf(event));
    expect(next).toMatchObject({ status: toStatus, level: toLevel, since: later });
  });
});

/** A council sits, and a review happens, only at the community: those are the only reachable places for them. */
const reachable = (s: PetitionStatus, l: PetitionLevel) => (s !== 'council' && s !== 'review') || l === 'community';

describe('petition ladder: every other move is refused with a clear code', () => {
  const cases = petitionStatuses.flatMap((s) =>
    petitionLevels
      .filter((l) => reachable(s, l))
      .flatMap((l) => petitionEvents.filter((e) => !legal.some(([fs, fl, fe]) => fs === s && fl === l && fe === e)).map((e) => [s, l, e] as const)),
  );

  test.each(cases)('%s at %s --%s--> refused', (status, level, event) => {
    const refused = code(() => move(state(status, level, { topLevel: 'district' }), moveOf(event)));
    expect(['PETITION_ILLEGAL_MOVE', 'PETITION_TOP_LEVEL']).toContain(refused);
  });

  it('names the reason in Chinese', () => {
    expect(() => move(state('closed', 'grid'), { event: 'accept' })).toThrow('诉求当前在网格「已办结」，不能受理');
    expect(() => move(state('pending', 'department'), { event: 'accept' })).toThrow('职能部门须「报到」受理');
    expect(() => move(state('pending', 'grid'), { event: 'report' })).toThrow('只有被召集的职能部门需要报到');
    expect(() => move(state('accepted', 'community'), { event: 'summon', departmentId: 'd' })).toThrow('只有街道可以召集职能部门');
  });

  it('改派 to another department only from a department step, and it goes there to report anew', () => {
    const toUrban = { event: 'reassign', level: 'department', departmentId: 'dept-urban' } as const;
    expect(move(state('accepted', 'department', { departmentId: 'dept-housing' }), toUrban)).toMatchObject({
      status: 'pending',
      level: 'department',
      departmentId: 'dept-urban',
    });
    expect(code(() => move(state('accepted', 'street'), toUrban))).toBe('PETITION_ILLEGAL_MOVE');
    expect(code(() => move(state('accepted', 'department'), { event: 'reassign', level: 'grid', departmentId: null }))).toBe('PETITION_ILLEGAL_MOVE');
  });

  it('the district is the top of the ladder', () => {
    expect(code(() => move(state('accepted', 'district'), { event: 'escalate' }))).toBe('PETITION_TOP_LEVEL');
    expect(code(() => move(state('pending', 'district'), { event: 'escalate' }))).toBe('PETITION_TOP_LEVEL');
  });

  it('only property and owners matters go to the three-party council', () => {
    expect(code(() => move(state('accepted', 'community', { councilEligible: false }), { event: 'convene' }))).toBe('PETITION_COUNCIL_NOT_ELIGIBLE');
    expect(code(() => move(state('accepted', 'street'), { event: 'convene' }))).toBe('PETITION_ILLEGAL_MOVE');
  });

  it('the legal table and the refusals cover every reachable (status, level, event)', () => {
    const reachableStates = petitionStatuses.flatMap((s) => petitionLevels.filter((l) => reachable(s, l))).length;
    expect(legal.length + cases.length).toBe(reachableStates * petitionEvents.length);
    expect(canMove(state('closed', 'grid'), 'rate')).toBe(false);
  });
});

describe('what a move records', () => {
  it('a summoned department is remembered, and the highest level reached', () => {
    const summoned = move(state('accepted', 'street'), { event: 'summon', departmentId: 'dept-heating' });
    expect(summoned).toMatchObject({ level: 'department', departmentId: 'dept-heating', topLevel: 'department' });
    const upToDistrict = move(summoned, { event: 'escalate' });
    expect(upToDistrict).toMatchObject({ level: 'district', departmentId: 'dept-heating', topLevel: 'district' });
  });

  it('a resolution remembers the level that resolved it; a council decision is the community’s', () => {
    expect(move(state('accepted', 'street'), { event: 'resolve' }).resolvedLevel).toBe('street');
    expect(move(state('council', 'community'), { event: 'decide' }).resolvedLevel).toBe('community');
  });

  it('a closed case says how it ended', () => {
    const resolved = state('resolved', 'grid', { resolvedLevel: 'grid' });
    expect(move(resolved, { event: 'rate', rating: 'satisfied' }).outcome).toBe('rated');
    expect(move(resolved, { event: 'rate', rating: 'basic' }).outcome).toBe('rated');
    expect(move(resolved, { event: 'expire' }).outcome).toBe('unrated');
    expect(move(resolved, { event: 'rate', rating: 'satisfied', byProxy: true }).outcome).toBe('unrated');
    expect(move(resolved, { event: 'rate', rating: 'unsatisfied', byProxy: true })).toMatchObject({ status: 'accepted', reopens: 1 });
    expect(move(state('pending', 'grid'), { event: 'dismiss' }).outcome).toBe('dismissed');
    expect(move(state('review', 'community'), { event: 'conclude' }).outcome).toBe('reviewed');
  });

  it('the first acceptance or resolution earns credit; climbing or dismissing does not', () => {
    const own = { reporterId: 'r', reporterIsResident: true, filedById: null };
    expect(petitionEvents.filter((e) => earnsCredit(e, own, 'g'))).toEqual(['accept', 'report', 'resolve', 'decide']);
    expect(petitionEvents.filter((e) => earnsCredit(e, { ...own, reporterIsResident: false }, 'g'))).toEqual([]);
  });

  it('a case filed for a resident earns only when the resident rates it themselves', () => {
    const filed = { reporterId: 'r', reporterIsResident: true, filedById: 'g' };
    expect(petitionEvents.filter((e) => earnsCredit(e, filed, 'r'))).toEqual(['rate']);
    expect(petitionEvents.filter((e) => earnsCredit(e, filed, 'g'))).toEqual([]);
    expect(petitionEvents.filter((e) => earnsCredit(e, { ...filed, reporterId: null }, 'g'))).toEqual([]);
  });
});

describe('rating and reopening', () => {
  const resolvedAt = (level: PetitionLevel, reopens = 0) =>
    state('resolved', level, { resolvedLevel: level, reopens, departmentId: level === 'department' ? 'dept-heating' : null, topLevel: level });

  it('不满意 reopens the case once, at the level that resolved it, already accepted there', () => {
    for (const level of petitionLevels) {
      expect(move(resolvedAt(level), { event: 'rate', rating: 'unsatisfied' })).toMatchObject({ status: 'accepted', level, reopens: 1 });
    }
    expect(move(resolvedAt('department'), { event: 'rate', rating: 'unsatisfied' }).departmentId).toBe('dept-heating');
  });

  it('a second 不满意 goes to the community for review', () => {
    expect(move(resolvedAt('street', 1), { event: 'rate', rating: 'unsatisfied' })).toMatchObject({
      status: 'review',
      level: 'community',
      reopens: 2,
    });
  });

  it('the rating window closes after 7 days, even before the sweep closes the case', () => {
    const resolved = resolvedAt('grid');
    const justInTime = new Date(t0.getTime() + 7 * 24 * 3600 * 1000 - 1);
    expect(applyMove(resolved, { event: 'rate', rating: 'basic' }, justInTime, config).status).toBe('closed');
    const tooLate = new Date(t0.getTime() + 7 * 24 * 3600 * 1000);
    expect(code(() => applyMove(resolved, { event: 'rate', rating: 'basic' }, tooLate, config))).toBe('PETITION_RATING_CLOSED');
  });

  it('a review after a failed verification too: the second reopen goes to the community, then it may be sent down', () => {
    const second = move(state('verifying', 'street', { resolvedLevel: 'street', reopens: 1, topLevel: 'street' }), {
      event: 'verify',
      result: 'unresolved',
    });
    expect(second).toMatchObject({ status: 'review', level: 'community', reopens: 2 });
    expect(move(second, { event: 'reopen', level: 'street' })).toMatchObject({ status: 'pending', level: 'street' });
  });

  it('a review sends the case back only to a level it has reached, a department only if one was summoned', () => {
    const review = state('review', 'community', { topLevel: 'street', reopens: 2 });
    expect(move(review, { event: 'reopen', level: 'street' })).toMatchObject({ status: 'pending', level: 'street' });
    expect(code(() => move(review, { event: 'reopen', level: 'district' }))).toBe('PETITION_ILLEGAL_MOVE');
    const highReview = state('review', 'community', { topLevel: 'district', departmentId: null });
    expect(() => move(highReview, { event: 'reopen', level: 'department' })).toThrow('这条诉求没有召集过职能部门');
    expect(move({ ...highReview, departmentId: 'dept-urban' }, { event: 'reopen', level: 'department' })).toMatchObject({
      level: 'department',
      departmentId: 'dept-urban',
    });
  });
});

describe('verification (待验证)', () => {
  const verifying = (level: PetitionLevel, reopens = 0) =>
    state('verifying', level, { resolvedLevel: level, reopens, departmentId: level === 'department' ? 'dept-heating' : null, topLevel: level });

  it('a resolution, or a council decision, waits to be verified before the rating', () => {
    expect(move(state('accepted', 'street'), { event: 'resolve' })).toMatchObject({ status: 'verifying', level: 'street', resolvedLevel: 'street' });
    expect(move(state('council', 'community'), { event: 'decide' })).toMatchObject({ status: 'verifying', resolvedLevel: 'community' });
    expect(code(() => move(verifying('grid'), { event: 'rate', rating: 'satisfied' }))).toBe('PETITION_ILLEGAL_MOVE');
    expect(code(() => move(verifying('grid'), { event: 'expire' }))).toBe('PETITION_ILLEGAL_MOVE');
  });

  it('已解决 passes it on to the rating, whose window starts then', () => {
    const verified = move(verifying('department'), { event: 'verify', result: 'resolved' });
    expect(verified).toMatchObject({ status: 'resolved', level: 'department', since: later, reopens: 0, outcome: null });
    const lastMoment = new Date(later.getTime() + 7 * 24 * 3600 * 1000 - 1);
    expect(applyMove(verified, { event: 'rate', rating: 'satisfied' }, lastMoment, config)).toMatchObject({ status: 'closed', outcome: 'rated' });
  });

  it('部分解决 and 未解决 reopen it at the level that resolved it, counting as the first reopen', () => {
    for (const result of ['partial', 'unresolved'] as const) {
      for (const level of petitionLevels) {
        expect(move(verifying(level), { event: 'verify', result })).toMatchObject({ status: 'accepted', level, reopens: 1 });
      }
      expect(move(verifying('department'), { event: 'verify', result }).departmentId).toBe('dept-heating');
    }
  });

  it('after the first reopen (by a verification or a 不满意), the next goes to community review', () => {
    expect(move(verifying('grid', 1), { event: 'verify', result: 'partial' })).toMatchObject({ status: 'review', level: 'community', reopens: 2 });
    const reopenedByRating = move(state('resolved', 'grid', { resolvedLevel: 'grid' }), { event: 'rate', rating: 'unsatisfied' });
    const resolvedAgain = move(reopenedByRating, { event: 'resolve' });
    expect(move(resolvedAgain, { event: 'verify', result: 'unresolved' })).toMatchObject({ status: 'review', reopens: 2 });
  });

  it('a verification clears an extension: the next step starts with the ladder clock', () => {
    expect(move(verifying('grid'), { event: 'verify', result: 'partial' }).extendedUntil).toBeNull();
  });
});
