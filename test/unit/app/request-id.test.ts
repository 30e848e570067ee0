import { eventSchema } from '../../../src/shared/contract/envelope';
import { newRequestId, SubmissionKeys } from '../../../src/services/request-id';

const valid = (requestId: string) => eventSchema.safeParse({ action: 'wish.create', requestId }).success;

describe('newRequestId', () => {
  it('is accepted by the contract and differs every time', () => {
    const ids = Array.from({ length: 200 }, newRequestId);
    expect(ids.every(valid)).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('SubmissionKeys', () => {
  const wish = { title: '帮忙换灯泡', description: '厨房灯泡坏了', categoryId: 'repair' };

  it('reuses the key when the same content is retried after a failure', () => {
    const keys = new SubmissionKeys();
    const first = keys.keyFor(wish);
    expect(keys.keyFor({ ...wish })).toBe(first);
  });

  it('gives edited content a new key: it is a different submission', () => {
    const keys = new SubmissionKeys();
    const first = keys.keyFor(wish);
    const edited = keys.keyFor({ ...wish, title: '帮忙换两个灯泡' });
    expect(edited).not.toBe(first);
    // Going back to the first content is yet another submission, not a retry of the first.
    expect(keys.keyFor(wish)).not.toBe(first);
  });

  it('after a success, posting the same content again is a new submission', () => {
    const keys = new SubmissionKeys();
    const first = keys.keyFor(wish);
    keys.settle();
    expect(keys.keyFor(wish)).not.toBe(first);
  });

  it('keeps separate forms apart', () => {
    expect(new SubmissionKeys().keyFor(wish)).not.toBe(new SubmissionKeys().keyFor(wish));
  });
});
