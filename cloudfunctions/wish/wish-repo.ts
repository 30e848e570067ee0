import { DomainError } from '../../src/shared/domain/errors';
import type { OrgPlace } from '../../src/shared/domain/org';
import type { WishAward, WishCategory, WishHistoryEntry, WishStatus } from '../../src/shared/domain/wish';
import { pageOf } from '../_lib/platform/page';
import { collections, db } from '../_lib/platform/runtime';
import { warmCached } from '../_lib/platform/warm-cache';
import { table } from '../_lib/platform/typed-db';

/** A wish as stored. Place fields are top-level so the indexes in database/indexes.json can cover them. */
export interface WishDoc extends OrgPlace {
  _id: string;
  title: string;
  description: string;
  categoryId: string;
  photos: string[];
  preferredTime: string | null;
  status: WishStatus;
  points: number | null;
  residentId: string;
  residentName: string;
  /**
   * Contacts as given when the wish was made and when it was claimed (the profile is read then anyway), so a view
   * reads no profile: the resident's phone and room, the claimant's phone. A wish made before they were kept has
   * none, and the person's profile is read instead.
   */
  residentPhone?: string;
  residentRoom?: string | null;
  /**
   * 代办: who filed it for the resident — a grid worker or staff (`grid`), or their 代办人 (`helper`). A person of the
   * 人口台账 not yet joined is `residentId` `roster:<key>` with their `rosterKey`; their filer confirms for them (代评).
   */
  filedById?: string | null;
  filedByName?: string | null;
  filedAs?: 'grid' | 'helper' | null;
  rosterKey?: string | null;
  buildingName: string | null;
  gridName: string | null;
  claimantId: string | null;
  claimantName: string | null;
  claimantPhone?: string | null;
  heldForReview: boolean;
  rejectReason: string | null;
  proof: { text: string; photos: string[] } | null;
  rating: { stars: number; comment: string | null; byProxy?: boolean } | null;
  /** Recorded on confirmation; the points ledger posts it once under `award.key`. */
  award: WishAward | null;
  approvedAt: Date | null;
  claimedAt: Date | null;
  checkedInAt: Date | null;
  completedAt: Date | null;
  confirmedAt: Date | null;
  /** Set by the sweep when an approved wish waited too long for a member. */
  flaggedAt: Date | null;
  history: WishHistoryEntry[];
  /** Changed since the reports last counted it (set by every write of the wish; the stats timer clears it). */
  statsDirty?: boolean;
  /** How many steps of its history the reports have counted. */
  statsCounted?: number;
  createdAt: Date;
  updatedAt: Date;
}

export const wishes = () => db.collection(collections.wishes);

export async function findWish(id: string): Promise<WishDoc> {
  const res = await table(collections.wishes).where({ _id: id }).limit(1).get();
  const doc = res[0];
  if (!doc) throw new DomainError('WISH_NOT_FOUND');
  return doc;
}

export async function listCategories(): Promise<WishCategory[]> {
  const res = await table(collections.categories).orderBy('order', 'asc').limit(100).get();
  return res;
}

/** How long a warm instance keeps the category list: staff edit it a few times a year. */
const CATEGORIES_TTL_MS = 60_000;

/**
 * The categories as a warm instance keeps them (a change reaches every instance within a minute): for naming
 * them in views and checking a new wish's category and points range. What a service is paid is decided at
 * confirmation from the category read then (awards.ts).
 */
export function cachedCategories(): Promise<WishCategory[]> {
  return warmCached('wish-categories', CATEGORIES_TTL_MS, listCategories);
}

/** One page of wishes; asks for one extra row to know whether more follow. */
export function page(where: Record<string, unknown>, order: { field: keyof WishDoc; dir: 'asc' | 'desc' }, offset: number, limit: number) {
  return pageOf<WishDoc>(collections.wishes, where, order, offset, limit);
}
