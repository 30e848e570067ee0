import { randomBytes } from 'node:crypto';
import { _, collections, db, type Loose } from './runtime';

/** How long a holder may keep a lease; a crashed holder's lease simply runs out. */
const LEASE_MS = 5_000;

const leases = () => db.collection(collections.leases);

/**
 * Tries once to take the lease on `key`, or to take it over once it has run out. Returns a release
 * function, or null if someone else holds it.
 */
export async function tryLease(key: string): Promise<(() => Promise<void>) | null> {
  const owner = randomBytes(8).toString('hex');
  const until = new Date(Date.now() + LEASE_MS);
  const taken = await leases()
    .add({ data: { _id: key, owner, until } })
    .then(() => true)
    .catch(() => false);
  if (!taken) {
    const stolen: Loose = await leases()
      .where({ _id: key, until: _.lt(new Date()) })
      .update({ data: { owner, until } });
    if (stolen.stats.updated !== 1) return null;
  }
  return async () => {
    await leases()
      .where({ _id: key, owner })
      .remove()
      .catch((error: unknown) => console.warn('[lease] release failed', key, error));
  };
}
