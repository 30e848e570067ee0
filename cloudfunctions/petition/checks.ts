import { DomainError } from '../../src/shared/domain/errors';
import { checkSubmission } from '../_lib/content';

/** Text and photos others will read pass WeChat's content check first; a risky one changes nothing. */
export async function assertPublishable(openid: string, text: string, photos: readonly string[] = []): Promise<'pass' | 'review'> {
  const verdict = await checkSubmission(openid, text, photos);
  if (verdict === 'risky') throw new DomainError('CONTENT_RISKY');
  return verdict;
}
