import { dayOf, untilOf } from '../../../src/utils/extension-day';

describe('申请延期: the day picked is the deadline asked for', () => {
  it('asks for the end of the chosen China day', () => {
    expect(untilOf('2026-03-07', '2026-04-04T01:00:00.000Z')).toBe('2026-03-07T15:59:59.999Z');
  });

  it('asks for the latest allowed when the bound falls within the chosen day', () => {
    expect(untilOf('2026-04-04', '2026-04-04T01:00:00.000Z')).toBe('2026-04-04T01:00:00.000Z');
  });
});

describe('the picker bounds', () => {
  it('are China days: 23:00 UTC is already the next day in Beijing', () => {
    expect(dayOf('2026-03-05T23:00:00.000Z')).toBe('2026-03-06');
    expect(dayOf('2026-03-05T01:00:00.000Z')).toBe('2026-03-05');
  });
});
