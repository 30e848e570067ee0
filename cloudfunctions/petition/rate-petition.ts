import { petitionRate } from '../../src/shared/contract';
import { ratingLabels } from '../../src/shared/domain/petition';
import { assertMayRate } from '../../src/shared/domain/petition-rules';
import { assertPublishable } from '../_lib/content';
import { defineHandler } from '../_lib/handler';
import { movePetition } from './move-petition';
import { toView } from './petition-view';

/**
 * The resident rates the resolution (满意 / 基本满意 / 不满意). 不满意 sends the case back once to the level
 * that resolved it, and after that to the community for review. The filer's relayed rating for someone not
 * registered is marked 代评 and ends the case as unrated.
 */
export const rate = defineHandler(petitionRate, async ({ petitionId, rating, comment }, { openid, user }) => {
  await assertPublishable(openid, comment);
  const moved = await movePetition(petitionId, { openid, name: user.name }, (current) => {
    const byProxy = assertMayRate(openid, current) === 'proxy';
    const label = `${byProxy ? '代评：' : ''}${ratingLabels[rating]}`;
    return {
      move: { event: 'rate', rating, byProxy },
      note: comment ? `${label}：${comment}` : label,
      changes: { rating: { value: rating, comment: comment || null, at: new Date(), byProxy } },
    };
  });
  return { petition: await toView(moved!, user) };
});
