import { petitionRate } from '../../src/shared/contract';
import { ratingLabels } from '../../src/shared/domain/petition';
import { assertMayRate } from '../../src/shared/domain/petition-rules';
import { assertPublishable } from '../_lib/platform/content';
import { defineHandler } from '../_lib/platform/handler';
import { movePetition } from './move-petition';
import type { PetitionDoc } from './petition-repo';
import { toView } from './petition-view';

/**
 * The resident rates the resolution (满意 / 基本满意 / 不满意). 不满意 sends the case back once to the level
 * that resolved it, and after that to the community for review. The filer's relayed rating for someone not
 * registered is marked 代评 and ends the case as unrated.
 */
export const rate = defineHandler(
  petitionRate,
  async ({ petitionId, rating, comment }, { openid, user, request }) => {
    await assertPublishable(openid, comment);
    const planner = (current: PetitionDoc) => {
      const byProxy = assertMayRate(openid, current) === 'proxy';
      const label = `${byProxy ? '代评：' : ''}${ratingLabels[rating]}`;
      return {
        move: { event: 'rate', rating, byProxy } as const,
        note: comment ? `${label}：${comment}` : label,
        changes: { rating: { value: rating, comment: comment || null, at: new Date(), byProxy } },
      };
    };
    const reply = async (moved: PetitionDoc) => ({ petition: await toView(moved, user) });
    return movePetition(petitionId, { openid, name: user.name }, planner, { request, reply });
  },
  { record: 'inTransaction' },
);
