import {
  awardParts,
  decideAward,
  defaultAwardRule,
  describeOffer,
  explainAward,
  ruleForCategory,
  type AwardRule,
} from '../../src/shared/domain/award';

const hourly: AwardRule = { ...defaultAwardRule, mode: 'hourly', perHour: 10 };
const at = (iso: string) => new Date(iso);
const served = (points: number, minutes: number | null) => ({
  points,
  checkedInAt: minutes === null ? null : at('2026-11-01T08:00:00Z'),
  completedAt: minutes === null ? null : new Date(at('2026-11-01T08:00:00Z').getTime() + minutes * 60_000),
});

/** The explanation the member reads for an award settled with `earnedToday` already paid and `pairs` recurrences. */
function explain(rule: AwardRule, wish: ReturnType<typeof served>, rating: number | null, earnedToday = 0, pairs = 0): string {
  const parts = awardParts(rule, wish, rating);
  return explainAward(rule, parts, decideAward(rule, parts.total, earnedToday, pairs));
}

describe('what a wish offers, before claiming', () => {
  it('per task: the offer, the bonus and the daily cap', () => {
    expect(describeOffer(defaultAwardRule, 10)).toEqual({
      mode: 'fixed',
      points: 10,
      perHour: null,
      bonus: 2,
      text: '完成可得 10 积分；五星好评另加 2 分；每人每天最多 60 分',
    });
  });

  it('per hour: the rate and the most it pays', () => {
    expect(describeOffer(hourly, 15)).toEqual({
      mode: 'hourly',
      points: 15,
      perHour: 10,
      bonus: 2,
      text: '按服务时长计：每小时 10 分（按半小时折算），最多 15 分；五星好评另加 2 分；每人每天最多 60 分',
    });
  });

  it('says when staff will confirm a large award', () => {
    expect(describeOffer(defaultAwardRule, 30).text).toBe('完成可得 30 积分；五星好评另加 2 分；每人每天最多 60 分；超过 30 分需社区确认');
  });

  it('leaves out a bonus the community does not give', () => {
    expect(describeOffer({ ...defaultAwardRule, fiveStarBonus: 0 }, 10).text).toBe('完成可得 10 积分；每人每天最多 60 分');
  });

  it('takes the counting mode from the category, the rest from the community', () => {
    const community = { ...defaultAwardRule, dailyCap: 40 };
    expect(ruleForCategory(community, { awardMode: 'hourly', perHour: 8 })).toMatchObject({ mode: 'hourly', perHour: 8, dailyCap: 40 });
    expect(ruleForCategory(community, { awardMode: 'hourly' })).toMatchObject({ mode: 'hourly', perHour: 10 });
    expect(ruleForCategory(community, {})).toBe(community);
    expect(ruleForCategory(community, null)).toBe(community);
  });
});

describe('why the member got what they got, after confirmation', () => {
  it('per task with five stars', () => {
    expect(explain(defaultAwardRule, served(10, null), 5)).toBe('完成服务 10 分，五星好评 +2 分，共 12 分（报价 10 分）');
  });

  it('per task without the bonus', () => {
    expect(explain(defaultAwardRule, served(10, null), 4)).toBe('完成服务 10 分，共 10 分（报价 10 分）');
  });

  it('per hour, half an hour served: less than the offer', () => {
    expect(explain(hourly, served(15, 30), 5)).toBe('服务 0.5 小时 × 每小时 10 分 = 5 分，五星好评 +2 分，共 7 分（报价 15 分）');
  });

  it('per hour, a few minutes count as the first half hour', () => {
    expect(explain(hourly, served(15, 5), null)).toBe('服务 0.5 小时 × 每小时 10 分 = 5 分，共 5 分（报价 15 分）');
  });

  it('per hour, more hours than the offer pays for', () => {
    expect(explain(hourly, served(15, 120), null)).toBe('服务 2 小时 × 每小时 10 分 = 20 分，超出报价按 15 分计，共 15 分（报价 15 分）');
  });

  it('per hour, exactly the offer', () => {
    expect(explain(hourly, served(15, 90), 4)).toBe('服务 1.5 小时 × 每小时 10 分 = 15 分，共 15 分（报价 15 分）');
  });

  it('the daily cap cuts the award', () => {
    expect(explain(defaultAwardRule, served(20, null), 5, 44)).toBe(
      '完成服务 20 分，五星好评 +2 分，共 22 分（报价 20 分）；已达每日上限 60 分，本次 16 分',
    );
  });

  it('the daily cap leaves nothing', () => {
    expect(explain(defaultAwardRule, served(20, null), 5, 60)).toBe(
      '完成服务 20 分，五星好评 +2 分，共 22 分（报价 20 分）；已达每日上限 60 分，本次 0 分',
    );
  });

  it('an award held for review is explained the same way (the note says why it is held)', () => {
    expect(explain(hourly, served(30, 240), 5)).toBe(
      '服务 4 小时 × 每小时 10 分 = 40 分，超出报价按 30 分计，五星好评 +2 分，共 32 分（报价 30 分）',
    );
  });

  it('a held award cut by the cap says so', () => {
    expect(explain(defaultAwardRule, served(30, null), 5, 40, 3)).toBe(
      '完成服务 30 分，五星好评 +2 分，共 32 分（报价 30 分）；已达每日上限 60 分，本次 20 分',
    );
  });
});
