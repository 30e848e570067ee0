import { DomainError } from './errors';

/** What the content check said about a text or photo (WeChat msgSecCheck / image check suggest). */
export type ContentVerdict = 'pass' | 'review' | 'risky';

/** What may be published: passed, or published but flagged for a person to look at. */
export type PublishedVerdict = Exclude<ContentVerdict, 'risky'>;

/** The strictest of several verdicts: one risky field makes the whole submission risky. */
export function worstVerdict(verdicts: readonly ContentVerdict[]): ContentVerdict {
  if (verdicts.includes('risky')) return 'risky';
  if (verdicts.includes('review')) return 'review';
  return 'pass';
}

/** Risky content is refused before anything is written, so the refusal changes nothing. */
export function assertNotRisky(verdict: ContentVerdict): PublishedVerdict {
  if (verdict === 'risky') throw new DomainError('CONTENT_RISKY');
  return verdict;
}
