import type { WishView } from '../../../src/shared/contract/wish';
import type { Role } from '../../../src/shared/domain/roles';
import type { WishStatus } from '../../../src/shared/domain/wish';
import { afterFailure } from '../../../src/utils/action-hints';
import { summaryOf } from '../../../src/utils/wish-story';
import { stepsFor, type Relation } from '../../../src/utils/wish-steps';

/** A viewer as `wish.get` describes them to the app: their roles, and their part in this wish. */
interface Viewer {
  roles: Role[];
  relation: Relation;
}
const part = (isResident: boolean, isClaimant: boolean, organises: boolean, relays = false): Relation => ({
  isResident,
  isClaimant,
  organises,
  relays,
});
const owner: Viewer = { roles: ['resident'], relation: part(true, false, false) };
const claimant: Viewer = { roles: ['resident', 'member'], relation: part(false, true, false) };
const otherMember: Viewer = { roles: ['resident', 'member'], relation: part(false, false, false) };
const gridWorker: Viewer = { roles: ['grid_worker'], relation: part(false, false, true) };
const otherGridWorker: Viewer = { roles: ['grid_worker'], relation: part(false, false, false) };
const staff: Viewer = { roles: ['staff'], relation: part(false, false, true) };
const neighbour: Viewer = { roles: ['resident'], relation: part(false, false, false) };
/** A 代办人 who filed the wish for their parent (a member too): confirms and cancels for them, never claims. */
const helper: Viewer = { roles: ['resident', 'member'], relation: part(false, false, false, true) };

/** A wish of 王秀英 in 第一网格, `status`, claimed by 张建国 once it is past approval. */
function wish(status: WishStatus): WishView {
  const claimed = !['submitted', 'approved', 'rejected', 'cancelled'].includes(status);
  return {
    id: 'w1',
    title: '帮忙换灯泡',
    description: '厨房灯泡坏了',
    categoryId: 'repair',
    categoryName: '家电维修',
    status,
    points: status === 'submitted' ? null : 10,
    offer: null,
    photos: [],
    resident: { name: '王**', building: '2号楼', phone: null, room: null },
    gridName: '第一网格',
    preferredTime: null,
    claimant: claimed ? { name: '张建国', phone: null } : null,
    proof: null,
    rating: null,
    proxy: null,
    award: null,
    unclaimedTooLong: false,
    heldForReview: false,
    rejectReason: null,
    createdAt: '2026-11-20T02:00:00.000Z',
    updatedAt: '2026-11-20T02:00:00.000Z',
  };
}

describe('the steps offered', () => {
  it.each([
    ['submitted', owner, ['cancel']],
    ['submitted', gridWorker, ['review']],
    ['submitted', otherGridWorker, []],
    ['approved', owner, ['cancel']],
    ['approved', otherMember, ['claim']],
    ['approved', staff, ['dispatch']],
    ['approved', neighbour, []],
    ['claimed', claimant, ['release', 'checkIn']],
    ['claimed', otherMember, []],
    ['claimed', owner, []],
    ['in_service', claimant, ['complete']],
    ['done', owner, ['confirm']],
    ['done', claimant, []],
    ['confirmed', owner, []],
    ['rejected', owner, []],
    ['cancelled', gridWorker, []],
    ['submitted', helper, ['cancel']],
    ['approved', helper, ['cancel']],
    ['done', helper, ['confirm']],
  ] as const)('%s → %o', (status, viewer, steps) => {
    expect(stepsFor(wish(status), viewer.relation, viewer.roles)).toEqual(steps);
  });

  it('never offers a member the claim of a wish they posted themselves', () => {
    expect(stepsFor(wish('approved'), part(true, false, false), ['resident', 'member'])).toEqual(['cancel']);
  });

  it('trusts the server on who is who, not a matching name', () => {
    // A namesake of the claimant sees the same names but is told they are not the claimant.
    expect(stepsFor(wish('claimed'), part(false, false, false), ['member'])).toEqual([]);
  });
});

describe('what the page says', () => {
  it('speaks to each person about the same wish in their own terms', () => {
    const done = wish('done');
    expect(summaryOf(done, owner.relation)).toBe('服务已完成，请确认并评价');
    expect(summaryOf(done, gridWorker.relation)).toBe('服务已完成，等待居民确认');
    expect(summaryOf(wish('confirmed'), claimant.relation)).toContain('谢谢');
  });

  it('asks organisers to dispatch a wish nobody took in time', () => {
    const late = { ...wish('approved'), unclaimedTooLong: true };
    expect(summaryOf(late, staff.relation)).toContain('派单');
    expect(summaryOf(late, otherMember.relation)).not.toContain('派单');
  });

  it('after a lost race refreshes and points elsewhere; after a network failure only says to retry', () => {
    expect(afterFailure('WISH_ALREADY_CLAIMED')).toMatchObject({ refresh: true });
    expect(afterFailure('WISH_ILLEGAL_TRANSITION').refresh).toBe(true);
    expect(afterFailure('INTERNAL')).toMatchObject({ refresh: false, hint: expect.stringContaining('不会重复提交') });
    expect(afterFailure('BAD_INPUT')).toEqual({ hint: null, refresh: false });
  });
});
