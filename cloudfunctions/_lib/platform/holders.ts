import { collections } from './runtime';
import { table } from './typed-db';
import { warmCached } from './warm-cache';

/** Who a notice about new work goes to changes when staff are appointed; a warm instance sees that within this. */
const HOLDERS_TTL_MS = 60_000;
const MAX_HOLDERS = 20;

/**
 * The people a notice about work at a place goes to (a grid's workers, a community's staff, …), as a warm
 * instance keeps them: it decides only who is told, never who may act (that is read from the caller's own
 * profile on every call), so a newly appointed worker may miss a notice for a minute at most.
 */
export function holdersWhere(where: Record<string, unknown>): Promise<string[]> {
  return warmCached(`holders:${JSON.stringify(where)}`, HOLDERS_TTL_MS, async () => {
    const users = await table(collections.users).where(where).limit(MAX_HOLDERS).field({ _id: true }).get();
    return users.map((u) => u._id);
  });
}
