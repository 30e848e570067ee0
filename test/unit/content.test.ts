import { assertNotRisky, worstVerdict } from '../../src/shared/domain/content';

describe('content verdicts', () => {
  it('takes the strictest', () => {
    expect(worstVerdict([])).toBe('pass');
    expect(worstVerdict(['pass', 'review'])).toBe('review');
    expect(worstVerdict(['review', 'risky', 'pass'])).toBe('risky');
  });

  it('publishes what passed or waits for review, and refuses what is risky', () => {
    expect(assertNotRisky('pass')).toBe('pass');
    expect(assertNotRisky('review')).toBe('review');
    expect(() => assertNotRisky('risky')).toThrow(expect.objectContaining({ code: 'CONTENT_RISKY' }));
  });
});
