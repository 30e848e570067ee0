import type { Asset } from '../../src/shared/domain/ledger';
import { defaultPointRules, expiresAtFor, type PointRules } from '../../src/shared/domain/point-rules';
import { collections } from './runtime';
import { table } from './typed-db';

/** The community's point rules; the same document also holds the wish award rule (`award`). */
export async function loadPointRules(communityId: string): Promise<PointRules> {
  const doc = await table(collections.pointRules).get(communityId);
  return {
    expiryDays: { ...defaultPointRules.expiryDays, ...(doc?.expiryDays ?? {}) },
    updatedAt: doc?.updatedAt ?? null,
    updatedBy: doc?.updatedBy ?? null,
  };
}

/** `expiresAt` for points a community credits now (积分有效期); every credit to a person should carry it. */
export async function expiryFor(communityId: string, asset: Asset, now: Date = new Date()): Promise<Date | null> {
  return expiresAtFor(await loadPointRules(communityId), asset, now);
}
