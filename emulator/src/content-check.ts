import { existsSync, readFileSync } from 'node:fs';

export type Suggest = 'pass' | 'review' | 'risky';

export interface Verdict {
  suggest: Suggest;
  /** WeChat's label codes: 100 normal, 20006 illegal, 21000 other, … */
  label: number;
  keyword?: string;
}

interface WordList {
  label: number;
  words: string[];
}

export interface ContentRules {
  risky: WordList;
  review: WordList;
}

const PASS: Verdict = { suggest: 'pass', label: 100 };

/**
 * The rules come from `override` (env LINLI_CONTENT_RULES: inline JSON or a file path) or the repo's
 * emulator/content-rules.json, read on every check so editing the file takes effect without a restart.
 */
export function loadRules(override: string | undefined, defaultFile: string): ContentRules {
  const inline = override?.trim().startsWith('{');
  const file = override || defaultFile;
  const raw = (inline ? JSON.parse(override!) : existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {}) as Partial<ContentRules>;
  const list = (w: Partial<WordList> | undefined, label: number): WordList => ({
    label: typeof w?.label === 'number' ? w.label : label,
    words: Array.isArray(w?.words) ? w.words.filter((x): x is string => typeof x === 'string' && x !== '') : [],
  });
  return { risky: list(raw.risky, 20006), review: list(raw.review, 21000) };
}

/** risky > review > pass. */
export function checkText(text: string, rules: ContentRules): Verdict {
  for (const suggest of ['risky', 'review'] as const) {
    const keyword = rules[suggest].words.find((w) => text.includes(w));
    if (keyword) return { suggest, label: rules[suggest].label, keyword };
  }
  return PASS;
}

/** Images carry their verdict as an ASCII marker in their bytes, so tests and demos can make any picture "bad". */
export function checkImage(bytes: Buffer): Verdict {
  if (bytes.includes('LINLI-RISKY')) return { suggest: 'risky', label: 20002 };
  if (bytes.includes('LINLI-REVIEW')) return { suggest: 'review', label: 21000 };
  return PASS;
}
