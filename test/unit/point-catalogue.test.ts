import { DomainError } from '../../src/shared/domain/errors';
import { entryPoints, isDebit, usableItem, type PointItem } from '../../src/shared/domain/point-items';
import { defaultPointRules, expiresAtFor, expiryId } from '../../src/shared/domain/point-rules';

const brave: PointItem = {
  _id: 'party-brave',
  communityId: 'c1',
  asset: 'party',
  kind: 'bonus',
  name: '见义勇为',
  points: 10,
  maxPoints: 50,
  active: true,
  order: 1,
  updatedAt: new Date(0),
};

describe('catalogue items', () => {
  it('uses the usual points unless staff enter more, up to the maximum', () => {
    expect(entryPoints(brave)).toBe(10);
    expect(entryPoints(brave, 50)).toBe(50);
    expect(() => entryPoints(brave, 51)).toThrow(DomainError);
  });

  it('only an active item of the right kind of points and community can be used', () => {
    expect(usableItem(brave, 'party', 'c1')).toBe(brave);
    for (const [item, asset, community] of [
      [null, 'party', 'c1'],
      [{ ...brave, active: false }, 'party', 'c1'],
      [brave, 'virtue', 'c1'],
      [brave, 'party', 'c2'],
    ] as const) {
      expect(() => usableItem(item, asset, community)).toThrow(expect.objectContaining({ code: 'POINT_ITEM_NOT_FOUND' }));
    }
  });

  it('only deductions take points away', () => {
    expect([isDebit('base'), isDebit('bonus'), isDebit('civic'), isDebit('deduction')]).toEqual([false, false, false, true]);
  });
});

describe('expiry rules', () => {
  const now = new Date('2026-11-01T00:00:00Z');

  it('never lapses by default', () => {
    for (const asset of ['volunteer', 'party', 'virtue', 'shop'] as const) expect(expiresAtFor(defaultPointRules, asset, now)).toBeNull();
  });

  it('lapses the configured number of days after the credit, per kind', () => {
    const rules = { expiryDays: { ...defaultPointRules.expiryDays, volunteer: 30 } };
    expect(expiresAtFor(rules, 'volunteer', now)?.toISOString()).toBe('2026-12-01T00:00:00.000Z');
    expect(expiresAtFor(rules, 'virtue', now)).toBeNull();
  });

  it('names one expiry per lot', () => {
    expect(expiryId('award:s:r1')).toBe('expire:award:s:r1');
  });
});
