import type { OrgPlace, UserProfile } from '../../src/shared/domain/org';
import { maskName, maskPhone } from '../../src/shared/domain/privacy';
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
  const person = (roles: UserProfile['roles'], gridId: string | null, communityId = 'c1') => ({ roles, streetId: 's1', communityId, gridId });

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
