import type { OrgPlace, UserProfile } from '../../src/shared/domain/org';
import { directoryEntry, disclose, maskName, maskPhone, petitionReporter, wishClaimant, wishResident } from '../../src/shared/domain/privacy';
import { coversPlace, organisesPlace } from '../../src/shared/domain/scope';

describe('masking', () => {
  it.each([
    ['王秀英', '王**'],
    ['李明', '李*'],
    ['欧阳娜娜', '欧**'],
    ['  张三 ', '张*'],
    ['', ''],
  ])('%p → %p', (name, masked) => expect(maskName(name)).toBe(masked));

  it('keeps the first 3 and last 4 digits of a phone', () => {
    expect(maskPhone('13800001001')).toBe('138****1001');
    expect(maskPhone('138 0000 1001')).toBe('138****1001');
    expect(maskPhone('12345')).toBe('*****');
  });
});

describe('org scope', () => {
  const place: OrgPlace = { streetId: 's1', communityId: 'c1', gridId: 'g1', buildingId: 'b1' };
  const person = (roles: UserProfile['roles'], gridId: string | null, communityId = 'c1') => ({
    roles,
    streetId: 's1',
    communityId,
    gridId,
    workGrids: gridId ? [gridId] : [],
  });

  it('a grid worker covers only their own grid', () => {
    expect(coversPlace(person(['grid_worker'], 'g1'), 'grid_worker', place)).toBe(true);
    expect(coversPlace(person(['grid_worker'], 'g2'), 'grid_worker', place)).toBe(false);
    expect(coversPlace(person(['grid_worker'], null), 'grid_worker', place)).toBe(false);
  });

  it('staff cover their community, admins their street', () => {
    expect(coversPlace(person(['staff'], null), 'staff', place)).toBe(true);
    expect(coversPlace(person(['staff'], null, 'c2'), 'staff', place)).toBe(false);
    expect(coversPlace(person(['admin'], null, 'c2'), 'admin', place)).toBe(true);
  });

  it('a role the person does not hold covers nothing, and residents organise nothing', () => {
    expect(coversPlace(person(['resident'], 'g1'), 'grid_worker', place)).toBe(false);
    expect(organisesPlace(person(['resident', 'member'], 'g1'), place)).toBe(false);
    expect(organisesPlace(person(['resident', 'grid_worker'], 'g1'), place)).toBe(true);
  });
});

describe('the privacy rule: who sees a full name, a phone, a room', () => {
  const wang = { name: '王秀英', phone: '13800001001', room: '1单元302' };
  const place: OrgPlace = { streetId: 's1', communityId: 'c1', gridId: 'g1', buildingId: 'b2' };
  const viewer = (_id: string, roles: UserProfile['roles'], gridId: string | null = null, communityId = 'c1') => ({
    _id,
    roles,
    streetId: 's1',
    communityId,
    gridId,
    workGrids: gridId ? [gridId] : [],
  });
  const liu = viewer('liu', ['grid_worker'], 'g1');
  const zhao = viewer('zhao', ['grid_worker'], 'g2');
  const sun = viewer('sun', ['staff']);
  const li = viewer('li', ['resident'], 'g2');

  it('each disclosure shows what it says', () => {
    expect(disclose(wang, 'contact')).toEqual(wang);
    expect(disclose(wang, 'directory')).toEqual({ name: '王秀英', phone: '138****1001', room: null });
    expect(disclose(wang, 'named')).toEqual({ name: '王秀英', phone: null, room: null });
    expect(disclose(wang, 'masked')).toEqual({ name: '王**', phone: null, room: null });
    expect(disclose({ ...wang, phone: null }, 'directory').phone).toBeNull();
  });

  it('a wish: the resident, the claimant and the organisers of its place see contacts; the claimant is named to all', () => {
    const wish = { ...place, residentId: 'wang', claimantId: 'zhang' };
    expect([viewer('wang', ['resident']), viewer('zhang', ['member']), liu, sun].map((v) => wishResident(v, wish))).toEqual(Array(4).fill('contact'));
    expect([zhao, li, viewer('zhou', ['merchant'])].map((v) => wishResident(v, wish))).toEqual(Array(3).fill('masked'));
    expect(wishClaimant(li, wish)).toBe('named');
    expect(wishClaimant(sun, wish)).toBe('contact');
  });

  it('a petition: the reporter and its handlers see contacts; the filer only as a handler (赵强 filing for 王秀英 sees 王**)', () => {
    const p = { ...place, reporterId: 'wang', topLevel: 'grid' as const, departmentIds: [] };
    expect(petitionReporter(viewer('wang', ['resident']), p)).toBe('contact');
    expect(petitionReporter(liu, p)).toBe('contact');
    expect(petitionReporter(zhao, { ...p, filedById: 'zhao' } as typeof p)).toBe('masked');
    expect(petitionReporter(sun, p)).toBe('masked');
    expect(petitionReporter(sun, { ...p, topLevel: 'community' })).toBe('contact');
    expect(petitionReporter(li, { ...p, topLevel: 'district' })).toBe('masked');
  });

  it('the directory: oneself and the community’s staff see the name and a masked phone', () => {
    const wangProfile = { _id: 'wang', communityId: 'c1' };
    expect(directoryEntry(viewer('wang', ['resident']), wangProfile)).toBe('directory');
    expect(directoryEntry(sun, wangProfile)).toBe('directory');
    expect(directoryEntry(viewer('sun2', ['staff'], null, 'c2'), wangProfile)).toBe('masked');
    expect(directoryEntry(liu, wangProfile)).toBe('masked');
  });
});
