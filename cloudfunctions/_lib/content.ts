import { worstVerdict, type ContentVerdict } from '../../src/shared/domain/wish';
import { assertOwnPhotos } from './files';
import { cloud, type Loose } from './runtime';

/** msgSecCheck scene 3 = 论坛 (public posts); version 2 answers pass / review / risky. */
const FORUM_SCENE = 3;

function verdictOf(res: Loose): ContentVerdict {
  const suggest = res?.result?.suggest;
  return suggest === 'risky' || suggest === 'review' ? suggest : 'pass';
}

/** WeChat content security on what a user wrote. Errors propagate: unchecked text is never published. */
export async function checkText(openid: string, text: string): Promise<ContentVerdict> {
  const res = await cloud.openapi.security.msgSecCheck({ openid, scene: FORUM_SCENE, version: 2, content: text });
  return verdictOf(res);
}

/** The synchronous image check: 87014 means the picture is not allowed. */
export async function checkImage(fileID: string): Promise<ContentVerdict> {
  const file: Loose = await cloud.downloadFile({ fileID });
  try {
    const res = await cloud.openapi.security.imgSecCheck({ media: { contentType: 'image/png', value: file.fileContent } });
    return verdictOf(res);
  } catch (error) {
    if ((error as { errCode?: number }).errCode === 87014) return 'risky';
    throw error;
  }
}

/** What a user submits for others to see: their own photos only (BAD_INPUT otherwise), then WeChat's checks. */
export async function checkSubmission(openid: string, text: string, fileIDs: readonly string[]): Promise<ContentVerdict> {
  await assertOwnPhotos(openid, fileIDs);
  const verdicts = await Promise.all([checkText(openid, text), ...fileIDs.map(checkImage)]);
  return worstVerdict(verdicts);
}
