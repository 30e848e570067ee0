import type { PetitionView } from '../../../src/shared/contract/petition-view';
import type { WishView } from '../../../src/shared/contract/wish';
import type { PetitionDetail } from '../../../src/utils/petition-actions';
import { afterPetitionStep, afterWishStep } from '../../../src/utils/step-replies';
import type { WishDetail } from '../../../src/utils/wish-story';

const approved = {
  id: 'w1',
  status: 'approved',
  claimant: null,
  updatedAt: '2026-11-02T02:00:00.000Z',
  history: [{ event: 'approve', by: '刘芳', at: '2026-11-02T01:00:00.000Z', note: '积分 10' }],
  viewer: { isResident: false, isClaimant: false, organises: false },
} as unknown as WishDetail;
const view = (fields: Partial<WishView>) => ({ ...approved, history: undefined, viewer: undefined, ...fields }) as unknown as WishView;

describe('a wish step shown from its reply', () => {
  it('shows the wish as the reply tells it and adds the line the step wrote, by the caller at the new time', () => {
    const claimed = view({ status: 'claimed', claimant: { name: '张建国', phone: null }, updatedAt: '2026-11-02T03:00:00.000Z' });
    const shown = afterWishStep(approved, claimed, 'claim', '张建国');
    expect(shown.status).toBe('claimed');
    expect(shown.history).toEqual([...approved.history, { event: 'claim', by: '张建国', at: '2026-11-02T03:00:00.000Z', note: null }]);
  });

  it('makes the caller the claimant on claim and no longer on release; other steps leave the relation alone', () => {
    const claimed = afterWishStep(approved, view({ status: 'claimed' }), 'claim', '张建国');
    expect(claimed.viewer.isClaimant).toBe(true);
    expect(afterWishStep(claimed, view({ status: 'in_service' }), 'checkIn', '张建国').viewer.isClaimant).toBe(true);
    expect(afterWishStep(claimed, view({ status: 'approved' }), 'release', '张建国').viewer.isClaimant).toBe(false);
    expect(afterWishStep(approved, view({ status: 'claimed' }), 'dispatch', '孙丽').viewer.isClaimant).toBe(false);
  });

  it('keeps the reason the caller wrote on the line (撤回, 放弃认领)', () => {
    const line = afterWishStep(approved, view({ status: 'cancelled' }), 'cancel', '王秀英', '已经约到老朋友了').history.at(-1);
    expect(line?.note).toBe('已经约到老朋友了');
  });

  it('adds no line for a step that writes none', () => {
    expect(afterWishStep(approved, view({}), null, '张建国').history).toEqual(approved.history);
  });
});

describe('a petition step shown from its reply', () => {
  const pending = {
    id: 'p1',
    status: 'pending',
    level: 'grid',
    updatedAt: '2026-11-02T01:00:00.000Z',
    serverTime: '2026-11-02T01:00:05.000Z',
    timeline: [
      {
        event: 'create',
        level: 'grid',
        status: 'pending',
        by: '王秀英',
        at: '2026-11-02T01:00:00.000Z',
        note: null,
        automatic: false,
        departmentName: null,
      },
    ],
  } as unknown as PetitionDetail;

  it('shows the case as the reply tells it, adds the line at its new level and status, and keeps the read clock', () => {
    const accepted = { ...pending, timeline: undefined, status: 'accepted', updatedAt: '2026-11-02T02:00:00.000Z' } as unknown as PetitionView;
    const shown = afterPetitionStep(pending, accepted, 'accept', '刘芳');
    expect(shown.status).toBe('accepted');
    expect(shown.serverTime).toBe(pending.serverTime);
    expect(shown.timeline.at(-1)).toEqual({
      event: 'accept',
      level: 'grid',
      status: 'accepted',
      by: '刘芳',
      at: '2026-11-02T02:00:00.000Z',
      note: null,
      automatic: false,
      departmentName: null,
    });
  });

  it('shows the lines a reply carries (确认办理结果 已解决 + 满意: 验证 and 评价) instead of making one up', () => {
    const closed = { ...pending, timeline: undefined, status: 'closed', updatedAt: '2026-11-02T03:00:00.000Z' } as unknown as PetitionView;
    const at = '2026-11-02T03:00:00.000Z';
    const step = { level: 'grid', by: '王秀英', at, automatic: false, departmentName: null } as const;
    const lines = [
      { ...step, event: 'verify', status: 'resolved', note: '居民确认：已解决' },
      { ...step, event: 'rate', status: 'closed', note: '满意' },
    ] as const;
    const shown = afterPetitionStep(pending, closed, 'rate', '王秀英', '满意', lines);
    expect(shown.timeline).toEqual([...pending.timeline, ...lines]);
    expect(shown.status).toBe('closed');
  });

  it('adds no line for 我也遇到 (a cosign moves nothing on the ladder)', () => {
    const cosigned = { ...pending, timeline: undefined, cosignCount: 1, cosigned: true } as unknown as PetitionView;
    const shown = afterPetitionStep(pending, cosigned, null, '李明');
    expect(shown.timeline).toEqual(pending.timeline);
    expect(shown.cosigned).toBe(true);
  });
});
