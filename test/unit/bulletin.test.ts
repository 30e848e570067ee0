import { bulletinNumbers, closedMonth, overdueByDepartment, overdueByLevel, previousMonth, topVolunteers } from '../../src/shared/domain/bulletin';

describe('月通报 rules', () => {
  it('names the month before, across a year', () => {
    expect(previousMonth('2026-12')).toBe('2026-11');
    expect(previousMonth('2027-01')).toBe('2026-12');
  });

  it('prepares the month that is over in China time', () => {
    // 2026-11-30 20:00 UTC is already 1 December in Beijing: November is over.
    expect(closedMonth(new Date('2026-11-30T20:00:00Z'))).toBe('2026-11');
    expect(closedMonth(new Date('2026-11-30T15:59:00Z'))).toBe('2026-10');
  });

  it('shows the dashboard’s rates and sums the points of every kind', () => {
    const n = bulletinNumbers({
      'c.received': 10,
      'c.dismissed': 2,
      'c.resolved': 6,
      'c.onTime': 3,
      'c.onSpot': 2,
      'p.rated.satisfied': 3,
      'p.rated.basic': 1,
      'p.rated.unsatisfied': 1,
      'p.handlingHours': 30,
      'p.handled': 6,
      'h.total': 12.5,
      'w.completed': 4,
      'pt.issued.volunteer': 40,
      'pt.issued.virtue': 10,
      'pt.redeemed.virtue': 7,
    });
    expect(n).toEqual({
      received: 10,
      resolved: 6,
      resolutionRate: 6 / 8,
      onTimeRate: 0.5,
      satisfactionRate: 4 / 5,
      onSpot: 2,
      onSpotRate: 2 / 6,
      averageHours: 5,
      volunteerHours: 12.5,
      wishesCompleted: 4,
      pointsIssued: 50,
      pointsRedeemed: 7,
    });
  });

  it('leaves a rate out (null) when nothing was counted, never 0 % or 100 %', () => {
    expect(bulletinNumbers({})).toMatchObject({ received: 0, resolutionRate: null, onTimeRate: null, satisfactionRate: null, averageHours: null });
  });

  it('lists overdue cases by level and by department, most first, leaving out the ones with none', () => {
    const c = {
      'p.overdue.grid': 1,
      'p.overdue.community': 3,
      'p.overdue.street': 0,
      'd.housing.overdue': 2,
      'd.urban.overdue': 5,
      'd.urban.resolved': 9,
    };
    expect(overdueByLevel(c)).toEqual([
      { level: 'community', count: 3 },
      { level: 'grid', count: 1 },
    ]);
    expect(overdueByDepartment(c)).toEqual([
      { departmentId: 'urban', count: 5 },
      { departmentId: 'housing', count: 2 },
    ]);
  });

  it('thanks the volunteers with the most hours, then wishes, at most five, adding a person’s shifts and wishes', () => {
    const shifts = [
      { holderId: 'a', holderName: '张建国', minutes: 90 },
      { holderId: 'b', holderName: '陈静', minutes: 180 },
      { holderId: 'a', holderName: '张建国', minutes: 120 },
    ];
    const wishes = [
      { claimantId: 'c', claimantName: '黄志刚' },
      { claimantId: 'c', claimantName: '黄志刚' },
      { claimantId: 'a', claimantName: '张建国' },
      { claimantId: 'd', claimantName: '马丽华' },
      { claimantId: 'e', claimantName: '杨帆' },
      { claimantId: 'f', claimantName: '朱红梅' },
      { claimantId: null, claimantName: null },
    ];
    const top = topVolunteers(shifts, wishes);
    expect(top).toHaveLength(5);
    expect(top.slice(0, 3)).toEqual([
      { name: '张建国', hours: 3.5, wishes: 1 },
      { name: '陈静', hours: 3, wishes: 0 },
      { name: '黄志刚', hours: 0, wishes: 2 },
    ]);
    expect(topVolunteers([], [])).toEqual([]);
  });
});
