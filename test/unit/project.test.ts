import type { UserProfile } from '../../src/shared/domain/org';
import { assertMayClaim, assertMayOffer, gatheredNeeds, monthsUpTo, nextProgress, projectScore, raterKindOf } from '../../src/shared/domain/project';

const person = (id: string, roles: UserProfile['roles'], communityId = 'c1'): UserProfile =>
  ({ _id: id, name: id, phone: '', roles, streetId: 's1', communityId, gridId: null, buildingId: null, room: null, birthYear: null }) as UserProfile;

const code = (fn: () => unknown) => {
  try {
    fn();
    return 'ok';
  } catch (error) {
    return (error as { code?: string }).code;
  }
};

describe('三张清单 rules', () => {
  it('gathers wishes and petitions by category from counters, most first, ignoring the rest', () => {
    const counters = { 'wk.repair.created': 3, 'k.road.received': 5, 'k.road.resolved': 4, 'w.created': 3, 'wk.elderly.created': 0 };
    expect(gatheredNeeds(counters)).toEqual([
      { source: 'petition', categoryId: 'road', count: 5 },
      { source: 'wish', categoryId: 'repair', count: 3 },
    ]);
  });

  it('counts months back across a year end', () => {
    expect(monthsUpTo('2026-02', 3)).toEqual(['2025-12', '2026-01', '2026-02']);
    expect(monthsUpTo('2026-12', 1)).toEqual(['2026-12']);
  });

  it('weighs residents and staff equally, or takes whichever rated', () => {
    expect(projectScore({ sum: 10, count: 2 }, { sum: 4, count: 1 })).toBe(4.5);
    expect(projectScore({ sum: 0, count: 0 }, { sum: 3, count: 1 })).toBe(3);
    expect(projectScore({ sum: 14, count: 3 }, { sum: 0, count: 0 })).toBe(4.7);
    expect(projectScore({ sum: 0, count: 0 }, { sum: 0, count: 0 })).toBeNull();
  });

  it('progress only moves forward', () => {
    expect(nextProgress(40, 100)).toBe(100);
    expect(code(() => nextProgress(40, 30))).toBe('PROJECT_PROGRESS_BACKWARDS');
  });

  it('who may offer: the provider, or staff of its community for a unit or shop — not for a member', () => {
    const unit = { kind: 'unit' as const, ownerId: 'contact', communityId: 'c1', active: true };
    expect(code(() => assertMayOffer(person('contact', ['resident']), unit))).toBe('ok');
    expect(code(() => assertMayOffer(person('staff', ['staff']), unit))).toBe('ok');
    expect(code(() => assertMayOffer(person('other', ['resident']), unit))).toBe('FORBIDDEN_ROLE');
    expect(code(() => assertMayOffer(person('staff', ['staff'], 'c2'), unit))).toBe('FORBIDDEN_SCOPE');
    expect(code(() => assertMayOffer(person('contact', ['resident']), { ...unit, active: false }))).toBe('PROJECT_PROVIDER_INACTIVE');
    const member = { kind: 'member' as const, ownerId: 'm', communityId: 'c1', active: true };
    expect(code(() => assertMayOffer(person('staff', ['staff']), member))).toBe('FORBIDDEN_ROLE');
  });

  it('who may claim: an approved unit’s contact, of the project’s community, not its creator, while open', () => {
    const project = { status: 'open' as const, communityId: 'c1', createdBy: 'staff' };
    const unit = { reporterId: 'contact', communityId: 'c1', status: 'approved' };
    expect(code(() => assertMayClaim(person('contact', ['resident']), project, unit))).toBe('ok');
    expect(code(() => assertMayClaim(person('other', ['resident']), project, unit))).toBe('FORBIDDEN_ROLE');
    expect(code(() => assertMayClaim(person('contact', ['resident']), project, { ...unit, status: 'pending' }))).toBe('UNIT_NOT_APPROVED');
    expect(code(() => assertMayClaim(person('contact', ['resident']), project, { ...unit, communityId: 'c2' }))).toBe('FORBIDDEN_SCOPE');
    expect(code(() => assertMayClaim(person('staff', ['staff']), project, { ...unit, reporterId: 'staff' }))).toBe('FORBIDDEN_SELF');
    expect(code(() => assertMayClaim(person('contact', ['resident']), { ...project, status: 'claimed' }, unit))).toBe('PROJECT_ALREADY_CLAIMED');
  });

  it('who may rate: residents and staff of the community, once done, never the claimant’s contact', () => {
    const done = { communityId: 'c1', status: 'done' as const, claimantContactId: 'contact' };
    expect(raterKindOf(person('r', ['resident']), done)).toBe('resident');
    expect(raterKindOf(person('s', ['staff', 'resident']), done)).toBe('staff');
    expect(code(() => raterKindOf(person('contact', ['staff']), done))).toBe('FORBIDDEN_SELF');
    expect(code(() => raterKindOf(person('g', ['grid_worker']), done))).toBe('FORBIDDEN_ROLE');
    expect(code(() => raterKindOf(person('r', ['resident'], 'c2'), done))).toBe('PROJECT_NOT_FOUND');
    expect(code(() => raterKindOf(person('r', ['resident']), { ...done, status: 'claimed' }))).toBe('PROJECT_NOT_DONE');
  });
});
