import { assertNotRisky, worstVerdict, type ContentVerdict, type PublishedVerdict } from '../../../src/shared/domain/content';
import { DomainError } from '../../../src/shared/domain/errors';
import { IMAGE_CHECK_MAX_BYTES } from '../../../src/shared/domain/photo-fit';
import { assertOwnPhotos } from './files';
import { cloud } from './runtime';

/** msgSecCheck scene 3 = 论坛 (public posts); version 2 answers pass / review / risky. */
const FORUM_SCENE = 3;

/** What msgSecCheck / imgSecCheck answer, as far as the verdict goes (`openapi` is untyped in the SDK). */
interface CheckResult {
  result?: { suggest?: string };
}

function verdictOf(res: CheckResult | undefined): ContentVerdict {
  const suggest = res?.result?.suggest;
  return suggest === 'risky' || suggest === 'review' ? suggest : 'pass';
}

/** WeChat content security on what a user wrote. Errors propagate: unchecked text is never published. */
async function checkText(openid: string, text: string): Promise<ContentVerdict> {
  const res: CheckResult = await cloud.openapi.security.msgSecCheck({ openid, scene: FORUM_SCENE, version: 2, content: text });
  return verdictOf(res);
}

/** WeChat's answer to an image over its 1 MB limit ("invalid media size"). */
const INVALID_MEDIA_SIZE = 40006;

/**
 * The synchronous image check: 87014 means the picture is not allowed. WeChat takes at most 1 MB, so a bigger
 * photo (a client that did not fit it, see src/services/photo-fit.ts) is refused here without asking, and
 * WeChat's own size refusal the same way: the user can fix it by picking another photo, not by retrying.
 */
async function checkImage(fileID: string): Promise<ContentVerdict> {
  const file = await cloud.downloadFile({ fileID });
  const bytes = file.fileContent as Buffer;
  if (bytes.length > IMAGE_CHECK_MAX_BYTES) throw new DomainError('PHOTO_TOO_LARGE');
  try {
    const res: CheckResult = await cloud.openapi.security.imgSecCheck({ media: { contentType: 'image/png', value: bytes } });
    return verdictOf(res);
  } catch (error) {
    const code = (error as { errCode?: number }).errCode;
    if (code === 87014) return 'risky';
    if (code === INVALID_MEDIA_SIZE) throw new DomainError('PHOTO_TOO_LARGE');
    throw error;
  }
}

/**
 * The one gate for what a user submits for others to see: their own photos only (BAD_INPUT otherwise), then
 * WeChat's checks; risky content is refused (CONTENT_RISKY), a photo too big for the check PHOTO_TOO_LARGE,
 * before anything is written. An optional comment
 * left empty has nothing to check.
 */
export async function assertPublishable(openid: string, text: string | undefined, photos: readonly string[] = []): Promise<PublishedVerdict> {
  await assertOwnPhotos(openid, photos);
  const verdicts = await Promise.all([...(text ? [checkText(openid, text)] : []), ...photos.map(checkImage)]);
  return assertNotRisky(worstVerdict(verdicts));
}
