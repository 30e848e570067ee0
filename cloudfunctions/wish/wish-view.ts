import type { WishView } from '../../src/shared/contract';
import type { UserProfile } from '../../src/shared/domain/org';
import { describeOffer, ruleForCategory, type AwardRule } from '../../src/shared/domain/award';
import { disclose, type Disclosure, wishClaimant, wishResident } from '../../src/shared/domain/privacy';
import { communityAwardRule } from '../_lib/ledger/awards';
import { warmCached } from '../_lib/platform/warm-cache';
import { photoUrls } from '../_lib/platform/files';
import { profilesFor } from '../_lib/platform/org';
import { cachedCategories, type WishDoc } from './wish-repo';

/**
 * Contacts (the resident's full name, phone and room; the member's phone) are for the two people of the
 * service and the organisers of the place (the privacy rule, privacy.ts `wishResident`).
 */
export function seesContacts(viewer: UserProfile, wish: WishDoc): boolean {
  return wishResident(viewer, wish) === 'contact';
}

/** Renders wishes for one viewer: masks what they may not see, names categories, signs photo URLs. */
export async function toViews(docs: readonly WishDoc[], viewer: UserProfile): Promise<WishView[]> {
  // Only a wish made (or claimed) before its people's contacts were kept on it needs their profiles.
  const contacts = docs
    .filter((w) => seesContacts(viewer, w))
    .flatMap((w) => [
      ...(w.residentPhone === undefined ? [w.residentId] : []),
      ...(w.claimantId && w.claimantPhone === undefined ? [w.claimantId] : []),
    ]);
  const files = docs.flatMap((w) => [...w.photos, ...(w.proof?.photos ?? [])]);
  const [categories, urls, people, rules] = await Promise.all([
    cachedCategories(),
    photoUrls(files),
    profilesFor(contacts, viewer),
    communityRules(docs),
  ]);
  const category = new Map(categories.map((c) => [c._id, c]));
  const offerOf = (w: WishDoc) =>
    w.points === null ? null : describeOffer(ruleForCategory(rules.get(w.communityId)!, category.get(w.categoryId)), w.points);
  const photo = (fileID: string) => ({ fileID, url: urls.get(fileID) ?? null });
  return docs.map((w) => {
    const full = seesContacts(viewer, w);
    const resident = people.get(w.residentId);
    const claimant = w.claimantId ? people.get(w.claimantId) : undefined;
    return {
      id: w._id,
      title: w.title,
      description: w.description,
      categoryId: w.categoryId,
      categoryName: category.get(w.categoryId)?.name ?? '其他',
      status: w.status,
      points: w.points,
      offer: offerOf(w),
      photos: w.photos.map(photo),
      resident: {
        ...disclose(
          { name: w.residentName, phone: resident?.phone ?? w.residentPhone ?? null, room: resident?.room ?? w.residentRoom ?? null },
          wishResident(viewer, w),
        ),
        building: w.buildingName,
      },
      gridName: w.gridName,
      preferredTime: w.preferredTime ?? null,
      claimant: w.claimantId ? claimantView(w, claimant, wishClaimant(viewer, w)) : null,
      proof: w.proof ? { text: w.proof.text, photos: w.proof.photos.map(photo) } : null,
      rating: w.rating ?? null,
      proxy: w.filedById && full ? { filedByName: w.filedByName ?? '', asHelper: w.filedAs === 'helper' } : null,
      award: full && w.award ? { status: w.award.status, amount: w.award.amount, note: w.award.note, breakdown: w.award.breakdown ?? null } : null,
      unclaimedTooLong: w.status === 'approved' && Boolean(w.flaggedAt),
      heldForReview: w.heldForReview,
      rejectReason: w.rejectReason,
      createdAt: new Date(w.createdAt).toISOString(),
      updatedAt: new Date(w.updatedAt).toISOString(),
    };
  });
}

/** How long a warm instance shows a community's award rule in offers before reading it again. */
const RULE_DISPLAY_TTL_MS = 60_000;

/**
 * Each community's award rule, for the offer text only: kept by the warm instance for a minute, so a page of
 * wishes costs no extra read. What is paid is decided at confirmation from the rule read then.
 */
async function communityRules(docs: readonly WishDoc[]): Promise<Map<string, AwardRule>> {
  const ids = [...new Set(docs.map((w) => w.communityId))];
  const rule = (id: string) => warmCached(`award-rule:${id}`, RULE_DISPLAY_TTL_MS, () => communityAwardRule(id));
  return new Map(await Promise.all(ids.map(async (id) => [id, await rule(id)] as const)));
}

function claimantView(w: WishDoc, profile: UserProfile | undefined, d: Disclosure) {
  const { name, phone } = disclose({ name: w.claimantName ?? '', phone: profile?.phone ?? w.claimantPhone ?? null, room: null }, d);
  return { name, phone };
}

export async function toView(doc: WishDoc, viewer: UserProfile): Promise<WishView> {
  return (await toViews([doc], viewer))[0];
}
