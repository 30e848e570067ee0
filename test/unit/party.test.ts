import { DomainError } from '../../src/shared/domain/errors';
import { assertMonthOver, memberTallies, netByPerson, rankMonth } from '../../src/shared/domain/party';

const m = (name: string, points: number) => ({ openid: `o-${name}`, name, points });

describe('党员积分 months', () => {
  it('may close a month only once it is over in Beijing', () => {
    expect(() => assertMonthOver('2026-11', new Date('2026-11-30T15:59:59Z'))).toThrow(expect.objectContaining({ code: 'PARTY_MONTH_OPEN' }));
    expect(() => assertMonthOver('2026-11', new Date('2026-11-30T16:00:00Z'))).not.toThrow();
    expect(() => assertMonthOver('2027-01', new Date('2026-11-30T16:00:00Z'))).toThrow(DomainError);
  });
});

describe('ranking', () => {
  it('ranks highest first and names the top three with a positive score 明星党员', () => {
    const ranked = rankMonth([m('陈静', 70), m('张建国', 95), m('黄志刚', 60), m('马丽华', 80), m('杨帆', 10)]);
    expect(ranked.map((r) => [r.name, r.rank, r.star])).toEqual([
      ['张建国', 1, true],
      ['马丽华', 2, true],
      ['陈静', 3, true],
      ['黄志刚', 4, false],
      ['杨帆', 5, false],
    ]);
  });

  it('gives equal scores the same rank, so a tie for third names both', () => {
    const ranked = rankMonth([m('甲', 90), m('乙', 80), m('丙', 70), m('丁', 70), m('戊', 60)]);
    expect(ranked.map((r) => r.rank)).toEqual([1, 2, 3, 3, 5]);
    expect(ranked.filter((r) => r.star)).toHaveLength(4);
  });

  it('never stars a member whose month is zero or negative', () => {
    const ranked = rankMonth([m('甲', 0), m('乙', -5)]);
    expect(ranked.map((r) => [r.rank, r.star])).toEqual([
      [1, false],
      [2, false],
    ]);
  });

  it('orders the same input the same way whatever order it arrives in', () => {
    const input = [m('甲', 5), m('乙', 5), m('丙', 5)];
    expect(rankMonth([...input].reverse())).toEqual(rankMonth(input));
  });

  it('nets each person from both sides and ignores community accounts', () => {
    const net = netByPerson(
      [
        { account: 'user:a', total: 70 },
        { account: 'issuer:c', total: 15 },
        { account: 'user:b', total: 5 },
      ],
      [
        { account: 'user:a', total: 10 },
        { account: 'user:c', total: 15 },
        { account: 'issuer:c', total: 75 },
      ],
    );
    expect(Object.fromEntries(net)).toEqual({ a: 60, b: 5, c: -15 });
  });
});

describe('党员积分 ranking: members only', () => {
  it('leaves out anyone registered without the member role; a member who left keeps a placeholder name', () => {
    const net = new Map([
      ['o-zhang', 60],
      ['o-admin', 100_000],
      ['o-gone', 20],
    ]);
    const people = [
      { _id: 'o-zhang', name: '张建国', roles: ['resident', 'member'] },
      { _id: 'o-admin', name: '吴磊', roles: ['admin'] },
    ];
    expect(memberTallies(net, people)).toEqual([
      { openid: 'o-zhang', name: '张建国', points: 60 },
      { openid: 'o-gone', name: '已离开社区的党员', points: 20 },
    ]);
  });
});
