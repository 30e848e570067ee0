import { afterGrant, afterRevoke, assertMayAppoint, assertMayRemove } from '../../src/shared/domain/appointment';
import type { OrgUnit, UserProfile } from '../../src/shared/domain/org';

const street: OrgUnit = { _id: 's1', kind: 'street', name: '青石街道', parentId: null, path: [] };
const community: OrgUnit = { _id: 'c1', kind: 'community', name: '梧桐社区', parentId: 's1', path: ['s1'] };
const grid: OrgUnit = { _id: 'g2', kind: 'grid', name: '第二网格', parentId: 'c1', path: ['s1', 'c1'] };
const otherGrid: OrgUnit = { _id: 'x1', kind: 'grid', name: '白河网格', parentId: 'c9', path: ['s9', 'c9'] };

const admin = { roles: ['admin'], streetId: 's1', adminScope: 'street' } as const;
const districtAdmin = { roles: ['admin'], streetId: '', adminScope: 'district' } as const;
const person = (over: Partial<UserProfile> = {}): UserProfile => ({
  _id: 'p',
  name: '李明',
  phone: '13800001002',
  roles: ['resident'],
  streetId: 's1',
  communityId: 'c1',
  gridId: 'g2',
  buildingId: 'b5',
  room: null,
  birthYear: null,
  ...over,
});
const code = (f: () => unknown) => {
  try {
    f();
    return 'ok';
  } catch (e) {
    return (e as { code: string }).code;
  }
};

describe('who may appoint what', () => {
  it('a street admin appoints within their street, at or below their scope', () => {
    expect(code(() => assertMayAppoint({ ...admin, roles: ['admin'] }, { role: 'grid_worker', unit: grid }))).toBe('ok');
    expect(code(() => assertMayAppoint({ ...admin, roles: ['admin'] }, { role: 'staff', unit: community }))).toBe('ok');
    expect(code(() => assertMayAppoint({ ...admin, roles: ['admin'] }, { role: 'admin', unit: street, adminScope: 'street' }))).toBe('ok');
    expect(code(() => assertMayAppoint({ ...admin, roles: ['admin'] }, { role: 'grid_worker', unit: otherGrid }))).toBe('FORBIDDEN_SCOPE');
    expect(code(() => assertMayAppoint({ ...admin, roles: ['admin'] }, { role: 'admin', adminScope: 'district' }))).toBe('ROLE_ABOVE_SCOPE');
    expect(code(() => assertMayAppoint({ ...admin, roles: ['admin'] }, { role: 'department_staff', departmentId: 'd1' }))).toBe('ROLE_ABOVE_SCOPE');
    expect(code(() => assertMayAppoint({ ...admin, roles: ['admin'] }, { role: 'district_staff' }))).toBe('ROLE_ABOVE_SCOPE');
  });

  it('a district admin appoints anywhere, district roles included', () => {
    const d = { ...districtAdmin, roles: ['admin' as const] };
    for (const a of [{ role: 'grid_worker', unit: otherGrid }, { role: 'district_staff' }, { role: 'admin', adminScope: 'district' }] as const)
      expect(code(() => assertMayAppoint(d, a))).toBe('ok');
  });

  it('a street admin cannot remove a district role, nor anyone of another street', () => {
    const a = { ...admin, roles: ['admin' as const] };
    expect(code(() => assertMayRemove(a, person({ roles: ['department_staff'], streetId: '' }), 'department_staff'))).toBe('ROLE_ABOVE_SCOPE');
    expect(code(() => assertMayRemove(a, person({ roles: ['admin'], adminScope: 'district' }), 'admin'))).toBe('ROLE_ABOVE_SCOPE');
    expect(code(() => assertMayRemove(a, person({ roles: ['grid_worker'], streetId: 's9' }), 'grid_worker'))).toBe('FORBIDDEN_SCOPE');
    expect(code(() => assertMayRemove(a, person({ roles: ['grid_worker'] }), 'grid_worker'))).toBe('ok');
  });
});

describe('what an appointment does to a profile', () => {
  it('places a grid worker in the grid, and refuses a second role of the same kind or another grid', () => {
    const worker = afterGrant(person({ gridId: null, buildingId: null, communityId: '', streetId: '' }), { role: 'grid_worker', unit: grid });
    expect(worker).toMatchObject({ roles: ['resident', 'grid_worker'], streetId: 's1', communityId: 'c1', gridId: 'g2' });
    expect(code(() => afterGrant(worker, { role: 'grid_worker', unit: grid }))).toBe('ROLE_ALREADY_HELD');
    expect(worker.workGrids).toEqual(['g2']);
    // Another street is a conflict; another grid of the same street is not (a resident of g1 may work g2).
    expect(code(() => afterGrant(person({ streetId: 's9' }), { role: 'grid_worker', unit: grid }))).toBe('ROLE_PLACE_CONFLICT');
    expect(afterGrant(person({ gridId: 'g1' }), { role: 'grid_worker', unit: grid })).toMatchObject({ gridId: 'g1', workGrids: ['g2'] });
  });

  it('a grid worker works one or more grids: a second grid is added, revoking one leaves the other', () => {
    const g3 = { ...grid, _id: 'g3', name: '第三网格' };
    const one = afterGrant(person({ gridId: null, buildingId: null }), { role: 'grid_worker', unit: grid });
    const two = afterGrant(one, { role: 'grid_worker', unit: g3 });
    expect(two).toMatchObject({ roles: ['resident', 'grid_worker'], gridId: 'g2', workGrids: ['g2', 'g3'] });
    expect(code(() => afterGrant(two, { role: 'grid_worker', unit: g3 }))).toBe('ROLE_ALREADY_HELD');
    const left = afterRevoke(two, 'grid_worker', 'g2');
    // Not living in g2, they are placed in the grid they still work.
    expect(left).toMatchObject({ roles: ['resident', 'grid_worker'], gridId: 'g3', workGrids: ['g3'] });
    expect(code(() => afterRevoke(left, 'grid_worker', 'g2'))).toBe('ROLE_NOT_HELD');
    expect(afterRevoke(left, 'grid_worker', 'g3')).toMatchObject({ roles: ['resident'], gridId: null, workGrids: [] });
    expect(afterRevoke(two, 'grid_worker')).toMatchObject({ roles: ['resident'], workGrids: [] });
  });

  it('keeps the department and the admin scope with their roles', () => {
    const officer = afterGrant(person(), { role: 'department_staff', departmentId: 'd1' });
    expect(officer.departmentId).toBe('d1');
    expect(afterRevoke(officer, 'department_staff').departmentId).toBeUndefined();
    const boss = afterGrant(person({ roles: [] }), { role: 'admin', adminScope: 'district' });
    expect(boss.adminScope).toBe('district');
    expect(afterRevoke(boss, 'admin')).toMatchObject({ roles: [] });
    expect(afterRevoke(boss, 'admin').adminScope).toBeUndefined();
  });

  it('a removed grid worker who does not live in the grid leaves it; one who lives there stays', () => {
    expect(afterRevoke(person({ roles: ['grid_worker'], buildingId: null }), 'grid_worker').gridId).toBeNull();
    expect(afterRevoke(person({ roles: ['resident', 'grid_worker'] }), 'grid_worker').gridId).toBe('g2');
    expect(code(() => afterRevoke(person(), 'staff'))).toBe('ROLE_NOT_HELD');
  });
});
