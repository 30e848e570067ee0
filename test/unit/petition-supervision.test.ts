import { DomainError } from '../../src/shared/domain/errors';
import type { SupervisionCard } from '../../src/shared/domain/petition-cards';
import {
  assertMaySupervise,
  assertReassignable,
  manualCard,
  supervisesAsHandler,
  supervisesPlace,
} from '../../src/shared/domain/petition-supervision';

const code = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    return (error as DomainError).code;
  }
  throw new Error('expected a DomainError');
};

const street = { _id: 'song', roles: ['supervisor' as const], streetId: 'street-a', supervisorScope: 'street' as const };
const district = { _id: 'zheng', roles: ['supervisor' as const], streetId: '', supervisorScope: 'district' as const };
const staff = { _id: 'qian', roles: ['street_staff' as const], streetId: 'street-a' };
const open = { streetId: 'street-a', status: 'pending' as const, reporterId: 'wang', filedById: null };

describe('督办员: their area', () => {
  it('a street’s supervises its own street, the district’s every street, nobody else any', () => {
    expect(supervisesPlace(street, { streetId: 'street-a' })).toBe(true);
    expect(supervisesPlace(street, { streetId: 'street-b' })).toBe(false);
    expect(supervisesPlace(district, { streetId: 'street-b' })).toBe(true);
    expect(supervisesPlace(staff, { streetId: 'street-a' })).toBe(false);
    // A supervisor of no street is no street's (an appointment always gives one, or the district).
    expect(supervisesPlace({ ...street, streetId: '' }, { streetId: '' })).toBe(false);
  });

  it('sees the reporter as the staff of their level: once the case reached it', () => {
    expect(supervisesAsHandler(street, { streetId: 'street-a', topLevel: 'community' })).toBe(false);
    expect(supervisesAsHandler(street, { streetId: 'street-a', topLevel: 'street' })).toBe(true);
    expect(supervisesAsHandler(street, { streetId: 'street-b', topLevel: 'district' })).toBe(false);
    expect(supervisesAsHandler(district, { streetId: 'street-b', topLevel: 'department' })).toBe(false);
    expect(supervisesAsHandler(district, { streetId: 'street-b', topLevel: 'district' })).toBe(true);
  });

  it('acts only on open cases of the area that are not their own', () => {
    expect(() => assertMaySupervise(street, open)).not.toThrow();
    expect(code(() => assertMaySupervise(street, { ...open, streetId: 'street-b' }))).toBe('FORBIDDEN_SCOPE');
    expect(code(() => assertMaySupervise(street, { ...open, reporterId: 'song' }))).toBe('FORBIDDEN_SELF');
    expect(code(() => assertMaySupervise(street, { ...open, filedById: 'song' }))).toBe('FORBIDDEN_SELF');
    for (const status of ['resolved', 'closed'] as const)
      expect(code(() => assertMaySupervise(street, { ...open, status }))).toBe('PETITION_ILLEGAL_MOVE');
  });
});

describe('亮牌 by hand', () => {
  const by = { id: 'song', name: '宋嘉', comment: '请尽快办理' };
  const at = new Date('2026-03-02T01:00:00Z');
  const held = (color: 'yellow' | 'red'): SupervisionCard => ({ ...manualCard(null, color, by, { level: 'grid', departmentId: null }, at) });

  it('cards the step with who and why; a department step keeps its department', () => {
    expect(manualCard(null, 'yellow', by, { level: 'grid', departmentId: 'dept-old' }, at)).toEqual({
      color: 'yellow',
      reason: 'manual',
      level: 'grid',
      departmentId: null,
      at,
      by: 'song',
      byName: '宋嘉',
      comment: '请尽快办理',
    });
    expect(manualCard(null, 'red', by, { level: 'department', departmentId: 'dept-urban' }, at).departmentId).toBe('dept-urban');
  });

  it('turns yellow red, never red yellow, and refuses the same colour twice', () => {
    expect(manualCard(held('yellow'), 'red', by, { level: 'grid', departmentId: null }, at).color).toBe('red');
    expect(code(() => manualCard(held('red'), 'yellow', by, { level: 'grid', departmentId: null }, at))).toBe('PETITION_CARD_HELD');
    expect(code(() => manualCard(held('red'), 'red', by, { level: 'grid', departmentId: null }, at))).toBe('PETITION_CARD_HELD');
    expect(code(() => manualCard(held('yellow'), 'yellow', by, { level: 'grid', departmentId: null }, at))).toBe('PETITION_CARD_HELD');
  });
});

describe('改派', () => {
  const grid = { level: 'grid' as const, gridId: 'g1', communityId: 'c1', departmentId: null };
  it('a grid or community case to another grid of its community; a department case to another department', () => {
    expect(() => assertReassignable(grid, { kind: 'grid', gridId: 'g2' }, { communityId: 'c1' })).not.toThrow();
    expect(() => assertReassignable({ ...grid, level: 'community' }, { kind: 'grid', gridId: 'g1' }, { communityId: 'c1' })).not.toThrow();
    expect(code(() => assertReassignable(grid, { kind: 'grid', gridId: 'g1' }, { communityId: 'c1' }))).toBe('PETITION_ILLEGAL_MOVE');
    expect(code(() => assertReassignable(grid, { kind: 'grid', gridId: 'x' }, { communityId: 'c2' }))).toBe('PETITION_PLACE_INVALID');
    expect(code(() => assertReassignable(grid, { kind: 'grid', gridId: 'x' }, null))).toBe('PETITION_PLACE_INVALID');
    expect(code(() => assertReassignable({ ...grid, level: 'street' }, { kind: 'grid', gridId: 'g2' }, { communityId: 'c1' }))).toBe(
      'PETITION_ILLEGAL_MOVE',
    );
    const dept = { ...grid, level: 'department' as const, departmentId: 'd1' };
    expect(() => assertReassignable(dept, { kind: 'department', departmentId: 'd2' }, {})).not.toThrow();
    expect(code(() => assertReassignable(dept, { kind: 'department', departmentId: 'd1' }, {}))).toBe('PETITION_ILLEGAL_MOVE');
    expect(code(() => assertReassignable(dept, { kind: 'department', departmentId: 'd9' }, null))).toBe('DEPARTMENT_NOT_FOUND');
    expect(code(() => assertReassignable(grid, { kind: 'department', departmentId: 'd2' }, {}))).toBe('PETITION_ILLEGAL_MOVE');
  });
});
