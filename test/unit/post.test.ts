import { assertMayCheckIn, assertValidSchedule, countShift, dutyWindow } from '../../src/shared/domain/post';

const schedule = { days: [1, 3], start: '08:00', end: '12:00', maxHours: 3 };
const at = (iso: string) => new Date(`${iso}+08:00`);

describe('duty windows (China time)', () => {
  it('is the day’s start and end on a duty day, none on other days', () => {
    expect(dutyWindow(schedule, at('2026-12-07T10:00:00'))).toEqual({ start: at('2026-12-07T08:00:00'), end: at('2026-12-07T12:00:00') });
    expect(dutyWindow(schedule, at('2026-12-08T10:00:00'))).toBeNull();
    // 2026-12-06 23:30 UTC is already Monday in Beijing.
    expect(dutyWindow(schedule, new Date('2026-12-06T23:30:00Z'))).not.toBeNull();
  });

  it('lets a holder check in early but not after the window or off the schedule', () => {
    expect(() => assertMayCheckIn(schedule, at('2026-12-07T07:30:00'))).not.toThrow();
    expect(() => assertMayCheckIn(schedule, at('2026-12-07T12:00:00'))).toThrow('今天不是这个岗位的值班日');
    expect(() => assertMayCheckIn(schedule, at('2026-12-08T09:00:00'))).toThrow('今天不是这个岗位的值班日');
  });

  it('refuses a schedule that ends before it starts', () => {
    expect(() => assertValidSchedule({ ...schedule, start: '12:00', end: '08:00' })).toThrow('值班结束时间须晚于开始时间');
  });
});

describe('what a shift counts', () => {
  it('counts the minutes inside the window at points per hour', () => {
    expect(countShift(schedule, at('2026-12-07T09:00:00'), at('2026-12-07T10:30:00'), 10)).toEqual({ minutes: 90, points: 15, capped: false });
  });

  it('counts an early arrival from the window’s start', () => {
    expect(countShift(schedule, at('2026-12-07T07:00:00'), at('2026-12-07T09:00:00'), 10)).toEqual({ minutes: 60, points: 10, capped: false });
  });

  it('caps at the schedule’s hours per shift', () => {
    expect(countShift(schedule, at('2026-12-07T08:00:00'), at('2026-12-07T12:00:00'), 10)).toEqual({ minutes: 180, points: 30, capped: true });
  });

  it('ends a forgotten check-out at the window’s end, days later too', () => {
    expect(countShift(schedule, at('2026-12-07T11:00:00'), at('2026-12-09T18:00:00'), 10)).toEqual({ minutes: 60, points: 10, capped: true });
  });

  it('rounds points down: 25 minutes at 10 an hour is 4', () => {
    expect(countShift(schedule, at('2026-12-07T09:00:00'), at('2026-12-07T09:25:00'), 10)).toEqual({ minutes: 25, points: 4, capped: false });
  });
});
