import type { WishView } from '../../src/shared/contract';
import type { UserProfile } from '../../src/shared/domain/org';
import { maskName } from '../../src/shared/domain/privacy';
import { organisesPlace } from '../../src/shared/domain/scope';
import { photoUrls } from '../_lib/files';
import { profiles } from '../_lib/org';
import { listCategories, type WishDoc } from './wish-repo';

/**
 * Contacts (the resident's full name, phone and room; the member's phone) are for the two people of the
 * service and the organisers of the place: the resident, the claimant once claimed, the grid worker/staff.
 */
export function seesContacts(viewer: UserProfile, wish: WishDoc): boolean {
  return viewer._id === wish.residentId || viewer._id === wish.claimantId || organisesPlace(viewer, wish);
}

/** Renders wishes for one viewer: masks what they may not see, names categories, signs photo URLs. */
export async function toViews(docs: readonly WishDoc[], viewer: UserProfile): Promise<WishView[]> {
  const contacts = docs.filter((w) => seesContacts(viewer, w)).flatMap((w) => (w.claimantId ? [w.residentId, w.claimantId] : [w.residentId]));
  const files = docs.flatMap((w) => [...w.photos, ...(w.proof?.photos ?? [])]);
  const [categories, urls, people] = await Promise.all([listCategories(), photoUrls(files), profiles(contacts)]);
  const categoryName = new Map(categories.map((c) => [c._id, c.name]));
  const photo = (fileID: string) => ({ fileID, url: urls.get(fileID) ?? null });
  return docs.map((w) => {
    const full = seesContacts(viewer, w);
    const resident = full ? people.get(w.residentId) : undefined;
    return {
      id: w._id,
      title: w.title,
      description: w.description,
      categoryId: w.categoryId,
      categoryName: categoryName.get(w.categoryId) ?? '其他',
      status: w.status,
      points: w.points,
      photos: w.photos.map(photo),
      resident: {
        name: full ? w.residentName : maskName(w.residentName),
        building: w.buildingName,
        phone: resident?.phone ?? null,
        room: resident?.room ?? null,
      },
      gridName: w.gridName,
      preferredTime: w.preferredTime ?? null,
      claimant: w.claimantId ? { name: w.claimantName ?? '', phone: full ? (people.get(w.claimantId)?.phone ?? null) : null } : null,
      proof: w.proof ? { text: w.proof.text, photos: w.proof.photos.map(photo) } : null,
      rating: w.rating ?? null,
      award: full && w.award ? { status: w.award.status, amount: w.award.amount, note: w.award.note } : null,
      unclaimedTooLong: w.status === 'approved' && Boolean(w.flaggedAt),
      heldForReview: w.heldForReview,
      rejectReason: w.rejectReason,
      createdAt: new Date(w.createdAt).toISOString(),
      updatedAt: new Date(w.updatedAt).toISOString(),
    };
  });
}

export async function toView(doc: WishDoc, viewer: UserProfile): Promise<WishView> {
  return (await toViews([doc], viewer))[0];
}
