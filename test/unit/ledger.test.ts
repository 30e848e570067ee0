import { DomainError } from '../../src/shared/domain/errors';
import {
  account,
  addPostings,
  assertValidPosting,
  differencesOf,
  totalKey,
  isSystemAccount,
  lapsesAt,
  mayGoNegative,
  mergeLasting,
  NEVER_LAPSES,
  pendingField,
  settleLots,
  reversalOf,
  spendable,
  spendLots,
  virtueLevel,
  type AccountId,
  type Lot,
  type Posting,
} from '../../src/shared/domain/ledger';

const now = new Date('2026-11-22T00:00:00Z');
const lot = (postingId: string, remaining: number, expiresAt: string | null): Lot => ({
  postingId,
  remaining,
  expiresAt: expiresAt ? new Date(expiresAt) : null,
});

describe('postings', () => {
  const valid = { _id: 'award:1', asset: 'volunteer' as const, from: account.issuer('c1'), to: account.user('u1'), amount: 5 };

  it('accepts a positive whole amount between two different accounts', () => {
    expect(() => assertValidPosting(valid)).not.toThrow();
  });

  it.each([
    [{ amount: 0 }, '积分数量须为正整数'],
    [{ amount: 1.5 }, '积分数量须为正整数'],
    [{ amount: -3 }, '积分数量须为正整数'],
    [{ to: account.issuer('c1') }, '转出和转入账户不能相同'],
    [{ _id: '' }, '积分记录缺少幂等编号'],
    [{ from: 'bank:x' }, '未知的积分账户：bank:x'],
  ])('refuses %p', (change, message) => {
    expect(() => assertValidPosting({ ...valid, ...change } as never)).toThrow(message);
  });

  it('only issuers may go negative; community accounts are the system ones', () => {
    expect(mayGoNegative(account.issuer('c1'))).toBe(true);
    expect(mayGoNegative(account.user('u1'))).toBe(false);
    expect(mayGoNegative(account.shop('s1'))).toBe(false);
    expect([account.issuer('c'), account.mall('c'), account.fee('c')].every(isSystemAccount)).toBe(true);
    expect(isSystemAccount(account.user('u'))).toBe(false);
  });
});

describe('reversal', () => {
  const original: Posting = {
    _id: 'award:1',
    asset: 'virtue',
    from: account.issuer('c1'),
    to: account.user('u1'),
    amount: 7,
    reason: '志愿服务',
    ref: null,
    communityId: 'c1',
    at: now,
    by: 'staff',
    byName: '孙丽',
    reversalOf: null,
    override: null,
    expiresAt: null,
  };

  it('posts the opposite under a derived id, pointing back at the original', () => {
    expect(reversalOf(original, { openid: 'staff', name: '孙丽' }, '录错了')).toMatchObject({
      _id: 'reversal:award:1',
      from: original.to,
      to: original.from,
      amount: 7,
      reversalOf: 'award:1',
      ref: 'award:1',
    });
  });

  it('refuses to reverse a reversal', () => {
    const reversal = { ...original, _id: 'reversal:award:1', reversalOf: 'award:1' };
    expect(() => reversalOf(reversal, { openid: 's', name: 's' }, 'x')).toThrow(expect.objectContaining({ code: 'POINTS_REVERSAL_OF_REVERSAL' }));
  });
});

describe('lots: spending takes what lapses first', () => {
  const lots = [lot('a', 5, null), lot('b', 3, '2026-12-01T00:00:00Z'), lot('c', 4, '2026-11-25T00:00:00Z'), lot('old', 9, '2026-11-01T00:00:00Z')];

  it('counts only live lots as spendable', () => {
    expect(spendable(lots, now)).toBe(12);
  });

  it('takes the soonest-lapsing lots first and never touches lapsed ones', () => {
    const left = spendLots(lots, 6, now);
    expect(left).toHaveLength(3);
    expect(left).toEqual(expect.arrayContaining([lot('b', 1, '2026-12-01T00:00:00Z'), lot('a', 5, null), lot('old', 9, '2026-11-01T00:00:00Z')]));
  });

  it('refuses to overdraw unless a staff override allows going short', () => {
    expect(() => spendLots(lots, 13, now)).toThrow(DomainError);
    expect(spendLots(lots, 13, now, true)).toEqual([lot('old', 9, '2026-11-01T00:00:00Z')]);
  });
});

describe('compaction: the lots that never lapse made one', () => {
  it('sums them into the first of them, in its place, and leaves each lapsing lot as it was', () => {
    const lots = [lot('b', 3, '2026-12-01T00:00:00Z'), lot('a', 5, null), lot('c', 4, '2026-11-25T00:00:00Z'), lot('d', 2, null), lot('e', 1, null)];
    const merged = mergeLasting(lots);
    expect(merged).toEqual([lot('b', 3, '2026-12-01T00:00:00Z'), lot('a', 8, null), lot('c', 4, '2026-11-25T00:00:00Z')]);
    expect(spendable(merged, now)).toBe(spendable(lots, now));
    expect(lapsesAt(merged)).toEqual(lapsesAt(lots));
    expect(spendLots(merged, 9, now).reduce((sum, l) => sum + l.remaining, 0)).toBe(6);
  });

  it('leaves lots with at most one that never lapses as they are', () => {
    const lots = [lot('a', 5, null), lot('b', 3, '2026-12-01T00:00:00Z')];
    expect(mergeLasting(lots)).toEqual(lots);
    expect(mergeLasting([])).toEqual([]);
  });
});

describe('reserved debits: points taken from a balance before its lots', () => {
  const lots = [lot('a', 5, null), lot('b', 3, '2026-12-01T00:00:00Z'), lot('c', 4, '2026-11-25T00:00:00Z')];

  it('settles what they took from the lots that lapse first, lapsed since or not (none had when they were taken)', () => {
    expect(settleLots(lots, 6)).toEqual([lot('b', 1, '2026-12-01T00:00:00Z'), lot('a', 5, null)]);
    expect(settleLots([...lots, lot('old', 2, '2026-11-01T00:00:00Z')], 3)).toEqual([
      lot('c', 3, '2026-11-25T00:00:00Z'),
      lot('b', 3, '2026-12-01T00:00:00Z'),
      lot('a', 5, null),
    ]);
    expect(settleLots(lots, 0)).toEqual(lots);
  });

  it('keeps when the soonest lot with points left lapses, and a date past every lot when none does', () => {
    expect(lapsesAt(lots)).toEqual(new Date('2026-11-25T00:00:00Z'));
    expect(lapsesAt([lot('a', 5, null), lot('spent', 0, '2026-11-02T00:00:00Z')])).toEqual(NEVER_LAPSES);
    expect(lapsesAt([])).toEqual(NEVER_LAPSES);
  });

  it('marks each posting under a field of its own that holds no dot and starts with no dollar', () => {
    expect(pendingField('deduct:demo-staff-sun:req-0001')).toBe('deduct:demo-staff-sun:req-0001');
    expect(pendingField('$pay.order.1%')).toBe('%24pay%2Eorder%2E1%25');
    expect(pendingField('a.b')).not.toBe(pendingField('a%2Eb'));
  });
});

describe('levels and months', () => {
  it.each([
    [0, '一星'],
    [49, '一星'],
    [50, '二星'],
    [299, '三星'],
    [600, '五星'],
    [10_000, '五星'],
  ])('%i lifetime virtue credit is %s', (total, name) => expect(virtueLevel(total).name).toBe(name));
});

describe('differencesOf: what reconciliation holds against the cached balances', () => {
  const p = (from: AccountId, to: AccountId, amount: number) => ({ from, to, amount, asset: 'virtue' as const });
  const ledger = addPostings(new Map(), [p(account.issuer('c1'), account.user('u1'), 5), p(account.user('u1'), account.mall('c1'), 2)]);
  const keys = [...ledger.keys()];

  it('holds every person against their postings, and finds a balance that is not what they add up to', () => {
    const cached = new Map([[totalKey(account.user('u1'), 'virtue'), 3]]);
    expect(differencesOf(ledger, cached, keys)).toEqual([]);
    expect(differencesOf(ledger, new Map([[totalKey(account.user('u1'), 'virtue'), 4]]), keys)).toEqual([
      { account: account.user('u1'), asset: 'virtue', postings: 3, balance: 4 },
    ]);
  });

  it('holds no system account: it keeps no cached balance, its postings are its balance', () => {
    expect(differencesOf(ledger, new Map([[totalKey(account.user('u1'), 'virtue'), 3]]), keys).map((d) => d.account)).not.toContain(
      account.issuer('c1'),
    );
    expect(keys).toContain(totalKey(account.issuer('c1'), 'virtue'));
  });
});
