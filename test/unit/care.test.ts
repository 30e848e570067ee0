import {
  daysOverdue,
  dueState,
  eventDueAt,
  hospitalDueAt,
  isValidRhythm,
  rhythmDueAt,
  suggestTier,
  defaultRhythm,
} from '../../src/shared/domain/care';

// China time: 2026-12-05 10:00 (02:00 UTC); midnight there is 16:00 UTC the day before.
const at = new Date('2026-12-05T02:00:00Z');
const day = (iso: string) => new Date(`${iso}T00:00:00+08:00`);

describe('visit due dates by tier', () => {
  it('red weekly, yellow monthly, green quarterly by default, counted from the day of the last visit', () => {
    expect(rhythmDueAt('red', at, defaultRhythm)).toEqual(day('2026-12-12'));
    expect(rhythmDueAt('yellow', at, defaultRhythm)).toEqual(day('2027-01-04'));
    expect(rhythmDueAt('green', at, defaultRhythm)).toEqual(day('2027-03-05'));
  });
  it('a visit late in the China day counts for that day, not the UTC one', () => {
    expect(rhythmDueAt('red', new Date('2026-12-05T15:59:00Z'), defaultRhythm)).toEqual(day('2026-12-12'));
    expect(rhythmDueAt('red', new Date('2026-12-05T16:01:00Z'), defaultRhythm)).toEqual(day('2026-12-13'));
  });
  it('a community’s own rhythm; no tier, no rhythm visit', () => {
    expect(rhythmDueAt('red', at, { red: 3, yellow: 14, green: 60 })).toEqual(day('2026-12-08'));
    expect(rhythmDueAt(null, at, defaultRhythm)).toBeNull();
  });
  it('a rhythm must be whole days, 1..366, red ≤ yellow ≤ green', () => {
    expect(isValidRhythm(defaultRhythm)).toBe(true);
    expect(isValidRhythm({ red: 30, yellow: 7, green: 90 })).toBe(false);
    expect(isValidRhythm({ red: 0, yellow: 7, green: 90 })).toBe(false);
    expect(isValidRhythm({ red: 7, yellow: 30, green: 400 })).toBe(false);
    expect(isValidRhythm({ red: 1.5, yellow: 30, green: 90 })).toBe(false);
  });
});

describe('visit due dates by event', () => {
  it('a wish in 助老 or 就医 within 3 days, a petition about hardship within 2', () => {
    expect(eventDueAt('wish', '助老陪伴', at)).toEqual(day('2026-12-08'));
    expect(eventDueAt('wish', '陪同就医', at)).toEqual(day('2026-12-08'));
    expect(eventDueAt('petition', '生活困难', at)).toEqual(day('2026-12-07'));
  });
  it('a hospital stay reported: 3 days after the discharge day, or after the report while the stay goes on', () => {
    expect(hospitalDueAt(at, null)).toEqual(day('2026-12-08'));
    expect(hospitalDueAt(at, '2026-12-10')).toEqual(day('2026-12-13'));
    expect(hospitalDueAt(at, '2026-12-04')).toEqual(day('2026-12-07'));
    // A discharge long past: due today, not in the past.
    expect(hospitalDueAt(at, '2026-11-01')).toEqual(day('2026-12-05'));
    // Late in the China day the report counts for that day.
    expect(hospitalDueAt(new Date('2026-12-05T15:59:00Z'), null)).toEqual(day('2026-12-08'));
  });
  it('other categories ask for no visit', () => {
    expect(eventDueAt('wish', '家电维修', at)).toBeNull();
    expect(eventDueAt('petition', '路灯照明', at)).toBeNull();
    // 助老 is a wish's word; a petition needs hardship.
    expect(eventDueAt('petition', '助老陪伴', at)).toBeNull();
  });
});

describe('where a due date stands', () => {
  it('overdue before today, due today, later after', () => {
    expect(dueState(day('2026-12-04'), at)).toBe('overdue');
    expect(dueState(day('2026-12-05'), at)).toBe('due');
    expect(dueState(day('2026-12-06'), at)).toBe('later');
    expect(daysOverdue(day('2026-12-01'), at)).toBe(4);
    expect(daysOverdue(day('2026-12-06'), at)).toBe(0);
  });
});

describe('roster tags suggest a tier', () => {
  it('独居老人 or 残疾 → 连心户, 低保 → 关心户, the strongest wins; none → no suggestion', () => {
    expect(suggestTier(['独居老人'])).toBe('red');
    expect(suggestTier(['残疾'])).toBe('red');
    expect(suggestTier(['低保'])).toBe('yellow');
    expect(suggestTier(['低保', '独居老人'])).toBe('red');
    expect(suggestTier(['党员'])).toBeNull();
    expect(suggestTier([])).toBeNull();
  });
});
