import { petitionConfirm, petitionVerify } from '../../src/shared/contract';
import { ratingLabels, verifyResultLabels } from '../../src/shared/domain/petition';
import { assertMayConfirm, assertMayVerifyOnSite } from '../../src/shared/domain/petition-rules';
import { assertPublishable } from '../_lib/platform/content';
import { defineHandler } from '../_lib/platform/handler';
import { movePetition, type Plan } from './move-petition';
import type { PetitionDoc } from './petition-repo';
import { lookup, render, toView } from './petition-view';
import { timelineOf } from './timeline';

/**
 * 现场验证: the grid worker of the case's grid (community staff where the place has no grid) checks a resolution
 * on site, with a note and photos. 已解决 passes the case on to the resident's rating (待评价); 部分解决 and 未解决
 * reopen it as a 不满意 does — the first time at the level that resolved it, after that at community review.
 * Nobody verifies a resolution they made.
 */
export const verify = defineHandler(
  petitionVerify,
  async ({ petitionId, result, note, photos }, { openid, user, request }) => {
    // The note and photos reach the resident on the timeline: they pass the content check first.
    await assertPublishable(openid, note, photos);
    const planner = (current: PetitionDoc): Plan => {
      assertMayVerifyOnSite(user, current);
      const at = new Date();
      return {
        move: { event: 'verify', result },
        note: `现场验证：${verifyResultLabels[result]}。${note}`,
        changes: { verification: { result, how: 'site', by: openid, byName: user.name, note, photos, at } },
      };
    };
    const reply = async (moved: PetitionDoc) => ({ petition: await toView(moved, user) });
    return movePetition(petitionId, { openid, name: user.name }, planner, { request, reply });
  },
  { record: 'inTransaction' },
);

/**
 * 确认办理结果: the reporter (or the filer relaying for them, as for a rating) answers 已解决 / 部分解决 / 未解决.
 * 已解决 with a rating (满意 / 基本满意) in the same tap closes the case at once — verified then rated, two lines
 * on the timeline in one transaction — so an older resident answers once; without one it waits for the rating.
 */
export const confirm = defineHandler(
  petitionConfirm,
  async ({ petitionId, result, rating, note }, { openid, user, request }) => {
    await assertPublishable(openid, note);
    const planner = (current: PetitionDoc): Plan => {
      const who = assertMayConfirm(openid, current);
      const byProxy = who === 'proxy';
      const at = new Date();
      const said = `${byProxy ? '代为确认' : '居民确认'}：${verifyResultLabels[result]}`;
      const verified: Plan = {
        move: { event: 'verify', result },
        note: note ? `${said}。${note}` : said,
        changes: { verification: { result, how: who, by: openid, byName: user.name, note: note || null, photos: [], at } },
      };
      if (!rating) return verified;
      const rated: Plan = {
        move: { event: 'rate', rating, byProxy },
        note: `${byProxy ? '代评：' : ''}${ratingLabels[rating]}`,
        changes: { rating: { value: rating, comment: null, at, byProxy } },
      };
      return { ...verified, then: rated };
    };
    // The page shows both lines at once (验证, and 评价 with a rating) as the timeline will: the reply carries them.
    const reply = async (moved: PetitionDoc) => {
      const l = await lookup([moved], user);
      return { petition: render(moved, user, l), lines: timelineOf(moved, user, l).slice(rating ? -2 : -1) };
    };
    return movePetition(petitionId, { openid, name: user.name }, planner, { request, reply });
  },
  { record: 'inTransaction' },
);
