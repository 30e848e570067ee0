import { careModeOf, careModeShown, isElderly } from '../../src/shared/domain/care-mode';

const now = new Date('2026-12-04T12:00:00Z');

describe('who gets 关怀模式 without asking', () => {
  it('the roster tags an elderly person: 老人, 独居老人, 空巢老人, 高龄老人', () => {
    for (const tag of ['老人', '独居老人', '空巢老人', '高龄老人', '高龄'])
      expect(isElderly({ birthYear: null, tags: ['低保', tag] }, now)).toBe(true);
    expect(isElderly({ birthYear: 1990, tags: ['低保', '残疾', '党员'] }, now)).toBe(false);
  });

  it('70 or older this calendar year (China time), when untagged', () => {
    expect(isElderly({ birthYear: 1956, tags: [] }, now)).toBe(true);
    expect(isElderly({ birthYear: 1957, tags: [] }, now)).toBe(false);
    // 31 Dec 17:00 UTC is already 1 January in China: someone born in 1957 turns 70 that year.
    expect(isElderly({ birthYear: 1957 }, new Date('2026-12-31T17:00:00Z'))).toBe(true);
    expect(isElderly({ birthYear: null }, now)).toBe(false);
  });

  it('the person’s own choice always wins', () => {
    expect(careModeOf({ careMode: false, birthYear: 1940, tags: ['独居老人'] }, now)).toBe(false);
    expect(careModeOf({ careMode: true, birthYear: 1995 }, now)).toBe(true);
    expect(careModeOf({ careMode: null, birthYear: 1940 }, now)).toBe(true);
    expect(careModeOf({ birthYear: 1995 }, now)).toBe(false);
  });
});

describe('what the app shows', () => {
  it('follows the phone’s large font (fontSizeSetting above 17) unless the person turned it off', () => {
    expect(careModeShown(null, false, 17)).toBe(false);
    expect(careModeShown(null, false, 20)).toBe(true);
    expect(careModeShown(false, true, 24)).toBe(false);
    expect(careModeShown(true, false, 17)).toBe(true);
    expect(careModeShown(null, true, null)).toBe(true);
    expect(careModeShown(null, false, null)).toBe(false);
  });
});
