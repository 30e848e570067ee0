import { DomainError } from '../../src/shared/domain/errors';
import {
  assertPointsInRange,
  canTransition,
  nextStatus,
  wishEvents,
  wishStatuses,
  type WishEvent,
  type WishStatus,
} from '../../src/shared/domain/wish';

const legal: [WishStatus, WishEvent, WishStatus][] = [
  ['submitted', 'approve', 'approved'],
  ['submitted', 'reject', 'rejected'],
  ['submitted', 'cancel', 'cancelled'],
  ['approved', 'cancel', 'cancelled'],
  ['approved', 'claim', 'claimed'],
  ['approved', 'dispatch', 'claimed'],
  ['claimed', 'release', 'approved'],
  ['claimed', 'checkIn', 'in_service'],
  ['in_service', 'complete', 'done'],
  ['done', 'confirm', 'confirmed'],
  ['done', 'autoConfirm', 'confirmed'],
];

describe('wish state machine', () => {
  test.each(legal)('%s --%s--> %s', (from, event, to) => {
    expect(nextStatus(from, event)).toBe(to);
  });

  const illegal = wishStatuses
    .flatMap((s) => wishEvents.map((e) => [s, e] as const))
    .filter(([s, e]) => !legal.some(([f, ev]) => f === s && ev === e));

  test.each(illegal)('%s --%s--> is refused', (from, event) => {
    expect(canTransition(from, event)).toBe(false);
    expect(() => nextStatus(from, event)).toThrow(DomainError);
  });

  it('names a taken wish WISH_ALREADY_CLAIMED so the loser of a race knows why', () => {
    for (const status of ['claimed', 'in_service', 'done', 'confirmed'] as const) {
      expect(() => nextStatus(status, 'claim')).toThrow(expect.objectContaining({ code: 'WISH_ALREADY_CLAIMED' }));
    }
    expect(() => nextStatus('rejected', 'claim')).toThrow(expect.objectContaining({ code: 'WISH_ILLEGAL_TRANSITION' }));
  });

  it('explains an illegal move in Chinese with the current status', () => {
    expect(() => nextStatus('confirmed', 'cancel')).toThrow('心愿当前为「已完成」，不能取消');
  });

  it('covers every status and event (the legal table is the whole machine)', () => {
    expect(legal.length + illegal.length).toBe(wishStatuses.length * wishEvents.length);
  });
});

describe('points offered on approval', () => {
  const category = { _id: 'repair', name: '家电维修', minPoints: 5, maxPoints: 20, order: 1 };
  it.each([5, 12, 20])('accepts %i', (p) => expect(() => assertPointsInRange(category, p)).not.toThrow());
  it.each([4, 21, 7.5, -1])('refuses %p', (p) => expect(() => assertPointsInRange(category, p)).toThrow('「家电维修」类心愿的积分应在 5–20 之间'));
});
