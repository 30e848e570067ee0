import type { Asset } from '../../../src/shared/domain/ledger';
import { defaultPointRules, expiresAtFor, type PointRules } from '../../../src/shared/domain/point-rules';
import type { PointRulesDoc } from '../platform/documents';
import { collections } from '../platform/runtime';
import { table } from '../platform/typed-db';
import { forgetWarm, warmCached } from '../platform/warm-cache';

/** How long a warm instance keeps a community's point rules: staff change them a few times a year. */
const RULES_TTL_MS = 60_000;
const rulesKey = (communityId: string) => `point-rules:${communityId}`;

/**
 * `point_rules.<community>` as a warm instance keeps it, for what postings are stamped with (expiry, the wish
 * award rule, the merchant caps): a change reaches every instance within a minute, and the instance that made
 * it at once (`forgetPointRules`). The editor reads the document itself (`loadPointRules`).
 */
export function cachedPointRules(communityId: string): Promise<PointRulesDoc | null> {
  return warmCached(rulesKey(communityId), RULES_TTL_MS, () => table(collections.pointRules).get(communityId));
}

export function forgetPointRules(communityId: string): void {
  forgetWarm(rulesKey(communityId));
}

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
  const doc = await cachedPointRules(communityId);
  return expiresAtFor({ expiryDays: { ...defaultPointRules.expiryDays, ...(doc?.expiryDays ?? {}) } }, asset, now);
}
