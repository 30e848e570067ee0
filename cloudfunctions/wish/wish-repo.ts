import type { WishView } from '../../src/shared/contract';
import { DomainError } from '../../src/shared/domain/errors';
import type { OrgPlace, UserProfile } from '../../src/shared/domain/org';
import { maskName } from '../../src/shared/domain/privacy';
import { organisesPlace } from '../../src/shared/domain/scope';
import { nextStatus, type WishCategory, type WishEvent, type WishHistoryEntry, type WishStatus } from '../../src/shared/domain/wish';
import { photoUrls } from '../_lib/files';
import { _, collections, db, type Loose } from '../_lib/runtime';

/** A wish as stored. Place fields are top-level so the indexes in database/indexes.json can cover them. */
export interface WishDoc extends OrgPlace {
  _id: string;
  title: string;
  description: string;
  categoryId: string;
  photos: string[];
  status: WishStatus;
  points: number | null;
  residentId: string;
  residentName: string;
  buildingName: string | null;
  gridName: string | null;
  claimantId: string | null;
  heldForReview: boolean;
  rejectReason: string | null;
  history: WishHistoryEntry[];
  createdAt: Date;
  updatedAt: Date;
}

export const wishes = () => db.collection(collections.wishes);

export async function findWish(id: string): Promise<WishDoc> {
  const res: Loose = await wishes().where({ _id: id }).limit(1).get();
  const doc = res.data[0] as WishDoc | undefined;
  if (!doc) throw new DomainError('WISH_NOT_FOUND');
  return doc;
}

export async function listCategories(): Promise<WishCategory[]> {
  const res: Loose = await db.collection(collections.categories).orderBy('order', 'asc').limit(100).get();
  return res.data as WishCategory[];
}

/**
 * Moves a wish along its state machine as a compare-and-set on the status it was read in, so two
 * concurrent moves cannot both succeed: the loser sees 0 updated and re-reads the new status.
 */
export async function transition(wish: WishDoc, event: WishEvent, by: string, changes: Partial<WishDoc>, note: string | null = null): Promise<WishDoc> {
  const to = nextStatus(wish.status, event);
  const now = new Date();
  const entry: WishHistoryEntry = { event, by, at: now, from: wish.status, to, note };
  const res: Loose = await wishes()
    .where({ _id: wish._id, status: wish.status })
    .update({ data: { ...changes, status: to, updatedAt: now, history: _.push([entry]) } });
  if (res.stats.updated !== 1) {
    const fresh = await findWish(wish._id);
    nextStatus(fresh.status, event);
    throw new DomainError('WISH_ILLEGAL_TRANSITION');
  }
  return { ...wish, ...changes, status: to, updatedAt: now, history: [...wish.history, entry] };
}

/** Who may see the resident's name, phone and room: the resident, the organisers of the place, the claimant. */
function seesResident(viewer: UserProfile, wish: WishDoc): boolean {
  return viewer._id === wish.residentId || viewer._id === wish.claimantId || organisesPlace(viewer, wish);
}

/** Renders wishes for one viewer: masks what they may not see, names categories, signs photo URLs. */
export async function toViews(docs: readonly WishDoc[], viewer: UserProfile): Promise<WishView[]> {
  const needContacts = docs.filter((w) => seesResident(viewer, w)).map((w) => w.residentId);
  const [categories, urls, residents] = await Promise.all([listCategories(), photoUrls(docs.flatMap((w) => w.photos)), profiles(needContacts)]);
  const categoryName = new Map(categories.map((c) => [c._id, c.name]));
  return docs.map((w) => {
    const resident = residents.get(w.residentId);
    const full = seesResident(viewer, w);
    return {
      id: w._id,
      title: w.title,
      description: w.description,
      categoryId: w.categoryId,
      categoryName: categoryName.get(w.categoryId) ?? '其他',
      status: w.status,
      points: w.points,
      photos: w.photos.map((fileID) => ({ fileID, url: urls.get(fileID) ?? null })),
      resident: {
        name: full ? w.residentName : maskName(w.residentName),
        building: w.buildingName,
        phone: full && resident ? resident.phone : null,
        room: full && resident ? resident.room : null,
      },
      gridName: w.gridName,
      heldForReview: w.heldForReview,
      rejectReason: w.rejectReason,
      createdAt: new Date(w.createdAt).toISOString(),
      updatedAt: new Date(w.updatedAt).toISOString(),
    };
  });
}

async function profiles(ids: readonly string[]): Promise<Map<string, UserProfile>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const res: Loose = await db.collection(collections.users).where({ _id: _.in(unique) }).limit(unique.length).get();
  return new Map((res.data as UserProfile[]).map((u) => [u._id, u]));
}

/** One page of a query, newest or oldest first; asks for one extra row to know whether more follow. */
export async function page(where: Record<string, unknown>, order: 'asc' | 'desc', offset: number, limit: number): Promise<{ docs: WishDoc[]; nextOffset: number | null }> {
  const res: Loose = await wishes().where(where).orderBy('createdAt', order).skip(offset).limit(limit + 1).get();
  const docs = res.data as WishDoc[];
  return { docs: docs.slice(0, limit), nextOffset: docs.length > limit ? offset + limit : null };
}
