// 关怀模式 care mode: larger text, taller buttons, stronger contrast and fewer items per screen, for the
// elderly. Who gets it without asking is decided here, once, for the server and the app alike.

/** Roster tags (人口台账 标签) that mark an elderly resident: 老人, 独居老人, 空巢老人, 高龄老人, … */
const elderlyTag = /老人|高龄/;

/** From this age on a resident counts as elderly when nobody tagged them. */
export const careModeAge = 70;

/** WeChat's font size setting (`getAppBaseInfo().fontSizeSetting`, 17 by default) above which the phone asks for large text. */
export const systemLargeFont = 17;

export interface CareModeFacts {
  /** The person's own choice, once they made one on 我的; it always wins. */
  careMode?: boolean | null;
  birthYear: number | null;
  /** The roster's tags of the person, as linked when they joined. */
  tags?: readonly string[] | null;
}

/** Whether someone is elderly by the roster's tags or their age (in China's calendar year of `now`). */
export function isElderly(facts: Pick<CareModeFacts, 'birthYear' | 'tags'>, now: Date): boolean {
  if (facts.tags?.some((tag) => elderlyTag.test(tag))) return true;
  const year = new Date(now.getTime() + 8 * 3600_000).getUTCFullYear();
  return facts.birthYear !== null && facts.birthYear <= year - careModeAge;
}

/** Care mode as the server knows it: the person's choice, else on for the elderly. */
export function careModeOf(facts: CareModeFacts, now: Date): boolean {
  return typeof facts.careMode === 'boolean' ? facts.careMode : isElderly(facts, now);
}

/**
 * What the app shows: an explicit choice wins (the server's, or the one just made on this phone); without one,
 * the server's default or the phone's large-font setting turns it on.
 */
export function careModeShown(choice: boolean | null, serverDefault: boolean, fontSizeSetting: number | null): boolean {
  if (choice !== null) return choice;
  return serverDefault || (fontSizeSetting !== null && fontSizeSetting > systemLargeFont);
}
