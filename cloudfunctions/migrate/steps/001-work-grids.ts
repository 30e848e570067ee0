import type { Step } from '.';
import { _, collections } from '../../_lib/platform/runtime';
import { table } from '../../_lib/platform/typed-db';
import { nextCursor, pageAfter } from './page';

/**
 * Since issue 12 a grid worker's grids are `users.workGrids`; a profile from before has only `gridId`, and its
 * worker would see empty queues and get no notices. Each such grid worker gets `workGrids: [gridId]`, written only
 * while the field is still absent (a grid appointed meanwhile is never overwritten).
 */
export const workGrids: Step = {
  id: '001-work-grids',
  what: 'grid workers from before issue 12 get workGrids: [gridId]',
  async page(cursor) {
    const users = table(collections.users);
    const docs = await pageAfter(collections.users, cursor).field({ roles: true, gridId: true, workGrids: true }).get();
    let changed = 0;
    for (const user of docs) {
      // An erasure marker (注销 under way) has no roles; anyone but a grid worker has no grids to work.
      if (!Array.isArray(user.roles) || !user.roles.includes('grid_worker') || user.workGrids !== undefined || !user.gridId) continue;
      changed += await users.where({ _id: user._id, workGrids: _.exists(false) }).update({ workGrids: [user.gridId] });
    }
    return { changed, cursor: nextCursor(docs) };
  },
};
