import type { OrgPlace, UserProfile } from '../../src/shared/domain/org';
import type { PetitionStatus } from '../../src/shared/domain/petition';
import {
  assertHolds,
  assertMayConfirm,
  assertMayCosign,
  assertMayFileAt,
  assertMayFileFor,
  assertMayRate,
  assertMayVerifyOnSite,
  assertResolutionEvidence,
  creditKey,
} from '../../src/shared/domain/petition-rules';
import { coversPlace, handlesPetition, holdsLevel, ladderLevelsOf, ladderStaffRoles, organisesPlace } from '../../src/shared/domain/scope';

const place: OrgPlace = { streetId: 's1', communityId: 'c1', gridId: 'g1', buildingId: 'b1' };

function person(roles: UserProfile['roles'], extra: Partial<UserProfile> = {}): UserProfile {
  return {
    _id: `u-${roles.join('-')}-${extra.departmentId ?? ''}`,
    name: '某人',
    phone: '13800000000',
    roles,
    streetId: 's1',
    communityId: 'c1',
    gridId: null,
    buildingId: null,
    room: null,
    birthYear: null,
    ...extra,
  };
}

const gridWorker = person(['grid_worker'], { gridId: 'g1', workGrids: ['g1'] });
const otherGridWorker = person(['grid_worker'], { gridId: 'g2', workGrids: ['g2'] });
const communityStaff = person(['staff']);
const streetStaff = person(['street_staff'], { communityId: '' });
const housing = person(['department_staff'], { departmentId: 'dept-housing', streetId: '', communityId: '' });
const urban = person(['department_staff'], { departmentId: 'dept-urban', streetId: '', communityId: '' });
const district = person(['district_staff'], { streetId: '', communityId: '' });
const resident = person(['resident'], { gridId: 'g1' });

describe('ladder roles', () => {
  it('each rung has its own role; the list of them is who may act on petitions', () => {
    expect(ladderLevelsOf(gridWorker)).toEqual(['grid']);
    expect(ladderLevelsOf(communityStaff)).toEqual(['community']);
    expect(ladderLevelsOf(housing)).toEqual(['department']);
    expect(ladderLevelsOf(person(['grid_worker', 'staff']))).toEqual(['grid', 'community']);
    expect(ladderLevelsOf(resident)).toEqual([]);
    expect(ladderStaffRoles).toEqual(['grid_worker', 'staff', 'street_staff', 'department_staff', 'district_staff']);
  });

  it('staff above the community organise no wishes (community work stays with community staff)', () => {
    expect(organisesPlace(communityStaff, place)).toBe(true);
    for (const p of [streetStaff, housing, district]) {
      expect(coversPlace(p, 'staff', place)).toBe(false);
      expect(organisesPlace(p, place)).toBe(false);
    }
  });
});

describe('who holds a petition at each level', () => {
  const at = (departmentId: string | null = null) => ({ ...place, departmentId });

  it.each([
    ['grid', gridWorker, true],
    ['grid', otherGridWorker, false],
    ['grid', communityStaff, false],
    ['community', communityStaff, true],
    ['community', person(['staff'], { communityId: 'c2' }), false],
    ['community', streetStaff, false],
    ['street', streetStaff, true],
    ['street', person(['street_staff'], { streetId: 's2' }), false],
    ['street', communityStaff, false],
    ['department', housing, true],
    ['department', urban, false],
    ['department', streetStaff, false],
    ['district', district, true],
    ['district', streetStaff, false],
  ] as const)('%s: %#', (level, user, holds) => {
    expect(holdsLevel(user, level, at('dept-housing'))).toBe(holds);
  });

  it('a department holds nothing when none is summoned', () => {
    expect(holdsLevel(housing, 'department', at(null))).toBe(false);
  });

  it('handlers are everyone on the levels the case has reached', () => {
    const atStreet = { ...place, topLevel: 'street' as const, departmentIds: [] };
    expect([gridWorker, communityStaff, streetStaff].every((u) => handlesPetition(u, atStreet))).toBe(true);
    expect([otherGridWorker, housing, district, resident].some((u) => handlesPetition(u, atStreet))).toBe(false);
    const atDistrict = { ...place, topLevel: 'district' as const, departmentIds: ['dept-housing'] };
    expect(handlesPetition(housing, atDistrict)).toBe(true);
    expect(handlesPetition(urban, atDistrict)).toBe(false);
    expect(handlesPetition(district, atDistrict)).toBe(true);
  });
});

describe('assertHolds', () => {
  const p = { ...place, status: 'pending' as const, level: 'community' as const, departmentId: null, departmentIds: [] };
  const codeOf = (user: UserProfile) => {
    try {
      assertHolds(user, p);
      return 'ok';
    } catch (error) {
      return (error as { code: string }).code;
    }
  };

  it('lets the holder act, tells others on the ladder where the case is, refuses strangers', () => {
    expect(codeOf(communityStaff)).toBe('ok');
    expect(codeOf(gridWorker)).toBe('PETITION_NOT_HOLDER');
    expect(codeOf(streetStaff)).toBe('PETITION_NOT_HOLDER');
    expect(codeOf(district)).toBe('PETITION_NOT_HOLDER');
    expect(codeOf(otherGridWorker)).toBe('FORBIDDEN_SCOPE');
    expect(codeOf(housing)).toBe('FORBIDDEN_SCOPE');
    expect(codeOf(resident)).toBe('FORBIDDEN_SCOPE');
  });

  it('names the level in the message', () => {
    expect(() => assertHolds(gridWorker, p)).toThrow('这条诉求当前在社区一级办理');
  });
});

describe('petition rules', () => {
  it('the grid resolves on the spot only with before and after photos', () => {
    const photos = (before: number, after: number) => ({
      photos: [],
      beforePhotos: Array(before).fill('cloud://x'),
      afterPhotos: Array(after).fill('cloud://y'),
    });
    expect(() => assertResolutionEvidence('grid', photos(1, 0))).toThrow(expect.objectContaining({ code: 'PETITION_PHOTOS_REQUIRED' }));
    expect(() => assertResolutionEvidence('grid', photos(0, 1))).toThrow(expect.objectContaining({ code: 'PETITION_PHOTOS_REQUIRED' }));
    expect(() => assertResolutionEvidence('grid', photos(1, 1))).not.toThrow();
    expect(() => assertResolutionEvidence('community', photos(0, 0))).not.toThrow();
  });

  it('a registered reporter rates themselves; for someone not registered the filer relays (代评)', () => {
    expect(assertMayRate('r', { reporterId: 'r', filedById: null })).toBe('reporter');
    expect(assertMayRate('r', { reporterId: 'r', filedById: 'g' })).toBe('reporter');
    expect(assertMayRate('g', { reporterId: null, filedById: 'g' })).toBe('proxy');
    const refused = expect.objectContaining({ code: 'PETITION_NOT_REPORTER' });
    expect(() => assertMayRate('g', { reporterId: 'r', filedById: 'g' })).toThrow(refused);
    expect(() => assertMayRate('x', { reporterId: 'r', filedById: 'g' })).toThrow(refused);
    expect(() => assertMayRate('x', { reporterId: null, filedById: 'g' })).toThrow(refused);
  });

  it('红色代办: only the person’s own grid worker or community staff file for them, in their own grid', () => {
    const filer = (roles: UserProfile['roles'], gridId: string | null, _id = 'f') => ({
      _id,
      roles,
      streetId: 's1',
      communityId: 'c1',
      gridId,
      workGrids: gridId ? [gridId] : [],
    });
    const wang = { _id: 'w', streetId: 's1', communityId: 'c1', gridId: 'g1', buildingId: 'b2' };
    const scope = expect.objectContaining({ code: 'FORBIDDEN_SCOPE' });
    expect(() => assertMayFileFor(filer(['grid_worker'], 'g1'), wang)).not.toThrow();
    expect(() => assertMayFileFor(filer(['staff'], null), wang)).not.toThrow();
    expect(() => assertMayFileFor(filer(['grid_worker'], 'g2'), wang)).toThrow(scope);
    expect(() => assertMayFileFor({ ...filer(['staff'], null), communityId: 'c2' }, wang)).toThrow(scope);
    expect(() => assertMayFileFor(filer(['resident'], 'g1'), wang)).toThrow(scope);
    expect(() => assertMayFileFor(filer(['grid_worker'], 'g1', 'w'), { ...wang, gridId: 'g1' })).toThrow(scope);
    expect(() => assertMayFileAt(filer(['grid_worker'], 'g1'), wang)).not.toThrow();
    expect(() => assertMayFileAt(filer(['grid_worker'], 'g1'), { ...wang, gridId: 'g2' })).toThrow(
      expect.objectContaining({ code: 'PETITION_PLACE_INVALID' }),
    );
  });

  it('co-signing: a neighbour, an open listed case, not your own', () => {
    const p = { reporterId: 'r', filedById: null, communityId: 'c1', status: 'accepted' as PetitionStatus, listed: true };
    const neighbour = { _id: 'n', communityId: 'c1' };
    const codeOf = (user: typeof neighbour, over: Partial<typeof p> = {}) => {
      try {
        assertMayCosign(user, { ...p, ...over });
        return 'ok';
      } catch (error) {
        return (error as { code: string }).code;
      }
    };
    expect(codeOf(neighbour)).toBe('ok');
    expect(codeOf({ _id: 'r', communityId: 'c1' })).toBe('PETITION_OWN_COSIGN');
    expect(codeOf({ _id: 'n', communityId: 'c2' })).toBe('FORBIDDEN_SCOPE');
    expect(codeOf(neighbour, { listed: false })).toBe('FORBIDDEN_SCOPE');
    expect(codeOf(neighbour, { status: 'closed' })).toBe('PETITION_ILLEGAL_MOVE');
  });

  it('one credit key per petition', () => {
    expect(creditKey('abc')).toBe('petition:abc:valid');
  });
});

describe('who verifies a resolution (待验证)', () => {
  const resolved = (by: string, level: 'grid' | 'community' = 'community', at: OrgPlace = place) => ({
    ...at,
    reporterId: resident._id,
    reporterIsResident: true,
    filedById: null,
    resolution: { by, level },
  });
  const code = (fn: () => void) => {
    try {
      fn();
      return 'allowed';
    } catch (error) {
      return (error as { code: string }).code;
    }
  };

  it('on site: the grid’s worker; community staff only where there is no grid, or where the grid resolved it itself', () => {
    expect(code(() => assertMayVerifyOnSite(gridWorker, resolved(communityStaff._id)))).toBe('allowed');
    expect(code(() => assertMayVerifyOnSite(otherGridWorker, resolved(communityStaff._id)))).toBe('FORBIDDEN_SCOPE');
    expect(code(() => assertMayVerifyOnSite(person(['staff'], { _id: 'colleague' }), resolved(communityStaff._id)))).toBe('FORBIDDEN_SCOPE');
    expect(code(() => assertMayVerifyOnSite(communityStaff, resolved(gridWorker._id, 'grid')))).toBe('allowed');
    expect(code(() => assertMayVerifyOnSite(communityStaff, resolved(streetStaff._id, 'community', { ...place, gridId: null })))).toBe('allowed');
    expect(code(() => assertMayVerifyOnSite(gridWorker, resolved(streetStaff._id, 'community', { ...place, gridId: null })))).toBe('FORBIDDEN_SCOPE');
    expect(code(() => assertMayVerifyOnSite(streetStaff, resolved(communityStaff._id)))).toBe('FORBIDDEN_SCOPE');
  });

  it('never one’s own resolution, nor one’s own case', () => {
    expect(code(() => assertMayVerifyOnSite(gridWorker, resolved(gridWorker._id, 'grid')))).toBe('FORBIDDEN_SELF');
    const own = { ...resolved(communityStaff._id), reporterId: gridWorker._id };
    expect(code(() => assertMayVerifyOnSite(gridWorker, own))).toBe('FORBIDDEN_SELF');
  });

  it('the resident’s answer: whoever may rate, unless they resolved it', () => {
    expect(assertMayConfirm(resident._id, resolved(communityStaff._id))).toBe('reporter');
    expect(code(() => assertMayConfirm(gridWorker._id, resolved(communityStaff._id)))).toBe('PETITION_NOT_REPORTER');
    const relayed = { reporterId: null, filedById: gridWorker._id, resolution: { by: gridWorker._id } };
    expect(code(() => assertMayConfirm(gridWorker._id, relayed))).toBe('FORBIDDEN_SELF');
    expect(assertMayConfirm(gridWorker._id, { ...relayed, resolution: { by: communityStaff._id } })).toBe('proxy');
  });
});
