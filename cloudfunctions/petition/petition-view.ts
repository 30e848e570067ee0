import type { PetitionView } from '../../src/shared/contract';
import type { UserProfile } from '../../src/shared/domain/org';
import { cardNote } from '../../src/shared/domain/petition-cards';
import { isOverdue } from '../../src/shared/domain/petition-deadlines';
import {
  decidesExtension,
  deciderLevel,
  liveExtension,
  mayRequestExtension,
  type PetitionExtension,
} from '../../src/shared/domain/petition-extension';
import { supervisesPlace } from '../../src/shared/domain/petition-supervision';
import { handlesPetition, holdsLevel } from '../../src/shared/domain/scope';
import { mayUrge, mayVerifyOnSite, raterOf, urgeableStatuses, urgedToday } from '../../src/shared/domain/petition-rules';
import { disclose, nameFor, petitionReporter } from '../../src/shared/domain/privacy';
import { photoUrls } from '../_lib/platform/files';
import { cachedOrgNames, profilesFor } from '../_lib/platform/org';
import { _, collections } from '../_lib/platform/runtime';
import { cachedDepartments, cachedDistrictName, type PetitionDoc } from './petition-repo';
import { table } from '../_lib/platform/typed-db';

/** The reporter's name and contacts are for the reporter and the case's handlers (the privacy rule). */
export function seesReporter(viewer: UserProfile, p: PetitionDoc): boolean {
  return petitionReporter(viewer, p) === 'contact';
}

/** What rendering needs besides the petitions: names of places and departments, photo URLs, contacts, co-signs. */
export interface Lookup {
  names: Map<string, string>;
  departments: Map<string, string>;
  district: string;
  people: Map<string, UserProfile>;
  cosigned: Set<string>;
  urls: Map<string, string | null>;
}

export async function lookup(docs: readonly PetitionDoc[], viewer: UserProfile): Promise<Lookup> {
  // Only a case filed before its reporter's contacts were kept on it needs their profile.
  const seen = docs.filter((p) => seesReporter(viewer, p) && p.reporterId && p.reporterRoom === undefined);
  const files = docs.flatMap((p) => [
    ...p.photos,
    ...(p.resolution ? [...p.resolution.photos, ...p.resolution.beforePhotos, ...p.resolution.afterPhotos] : []),
    ...(p.verification?.photos ?? []),
  ]);
  const [names, departments, district, people, cosigned, urls] = await Promise.all([
    cachedOrgNames(docs.flatMap((p) => [p.communityId, p.streetId])),
    cachedDepartments(),
    docs.some((p) => p.level === 'district') ? cachedDistrictName() : Promise.resolve('区级'),
    profilesFor(
      seen.map((p) => p.reporterId!),
      viewer,
    ),
    cosignedBy(viewer._id, docs),
    photoUrls(files),
  ]);
  return { names, departments: new Map(departments.map((d) => [d._id, d.name])), district, people, cosigned, urls };
}

export function render(p: PetitionDoc, viewer: UserProfile, l: Lookup, now: Date = new Date()): PetitionView {
  const profile = p.reporterId ? l.people.get(p.reporterId) : undefined;
  const reporter = disclose(
    { name: p.reporterName, phone: profile?.phone ?? p.reporterPhone, room: profile?.room ?? p.reporterRoom ?? null },
    petitionReporter(viewer, p),
  );
  const photo = (fileID: string) => ({ fileID, url: l.urls.get(fileID) ?? null });
  const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);
  const unit = {
    grid: p.gridName,
    community: l.names.get(p.communityId),
    street: l.names.get(p.streetId),
    department: p.departmentId ? l.departments.get(p.departmentId) : null,
    district: l.district,
  }[p.level];
  const r = p.resolution;
  const live = liveExtension(p);
  // Nobody handles a case they reported as a resident (handle-petition.ts): nor do they move its deadline.
  const ownCase = p.reporterIsResident && p.reporterId === viewer._id;
  const window = !ownCase && holdsLevel(viewer, p.level, p) ? mayRequestExtension(p, now) : null;
  const v = p.verification ?? null;
  return {
    id: p._id,
    categoryId: p.categoryId,
    categoryName: p.categoryName,
    description: p.description,
    urgency: p.urgency,
    photos: p.photos.map(photo),
    location: p.location,
    gridName: p.gridName,
    reporter: {
      ...reporter,
      proxy: p.filedById !== null,
      filedBy: p.filedByName,
    },
    status: p.status,
    level: p.level,
    holder: { level: p.level, unitName: unit ?? '', handlerName: p.handlerName },
    dueAt: iso(p.dueAt),
    overdue: p.status !== 'resolved' && p.status !== 'verifying' && isOverdue(p.dueAt, now),
    feedback: { dueAt: iso(p.feedbackDueAt)!, at: iso(p.firstFeedbackAt), overdue: !p.firstFeedbackAt && isOverdue(p.feedbackDueAt, now) },
    cosignCount: p.cosignCount,
    cosigned: l.cosigned.has(p._id),
    mine: viewer._id === p.reporterId || viewer._id === p.filedById,
    urgeCount: p.urgeCount ?? 0,
    card: p.card ? { color: p.card.color, reason: p.card.reason, note: cardNote(p.card), at: iso(p.card.at)! } : null,
    urge: mayUrge(viewer._id, p) && urgeableStatuses.includes(p.status) ? (urgedToday(p, now) ? 'done' : 'may') : null,
    extendedUntil: iso(p.extendedUntil ?? null),
    // Those who handle or decide it, and the area's 督办员s (a pending request is worth knowing before carding).
    extension:
      live && (handlesPetition(viewer, p) || holdsLevel(viewer, deciderLevel[live.level], p) || supervisesPlace(viewer, p))
        ? extensionView(live)
        : null,
    mayExtend: window ? { after: window.after.toISOString(), latest: window.latest.toISOString() } : null,
    decidesExtension: !ownCase && decidesExtension(viewer, p),
    rates: p.status === 'resolved' ? raterOf(viewer._id, p) : null,
    resolution: r
      ? {
          ...r,
          at: iso(r.at)!,
          photos: r.photos.map(photo),
          beforePhotos: r.beforePhotos.map(photo),
          afterPhotos: r.afterPhotos.map(photo),
          topicId: r.topicId ?? null,
        }
      : null,
    councilTopicId: p.councilTopicId ?? null,
    verifies: verifierOf(viewer, p),
    // The reporter's own answer names them as the timeline does: in full only to those who see their contacts.
    verification: v
      ? {
          result: v.result,
          how: v.how,
          byName: v.by === p.reporterId ? nameFor(v.byName, petitionReporter(viewer, p)) : v.byName,
          note: v.note,
          photos: v.photos.map(photo),
          at: iso(v.at)!,
        }
      : null,
    rating: p.rating ? { value: p.rating.value, comment: p.rating.comment, byProxy: p.rating.byProxy === true } : null,
    reopens: p.reopens,
    outcome: p.outcome,
    heldForReview: p.heldForReview,
    createdAt: iso(p.createdAt)!,
    updatedAt: iso(p.updatedAt)!,
  };
}

function extensionView(e: PetitionExtension): NonNullable<PetitionView['extension']> {
  const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);
  return {
    status: e.status,
    reason: e.reason,
    until: iso(e.until)!,
    level: e.level,
    requestedBy: e.requestedByName,
    requestedAt: iso(e.requestedAt)!,
    decidedBy: e.decidedByName,
    decidedAt: iso(e.decidedAt),
    note: e.note,
  };
}

/** What the viewer may do with a case waiting to be verified: check it on site, or answer for the resident. */
function verifierOf(viewer: UserProfile, p: PetitionDoc): 'site' | 'reporter' | 'proxy' | null {
  if (p.status !== 'verifying') return null;
  const resident = p.resolution?.by === viewer._id ? null : raterOf(viewer._id, p);
  return resident ?? (mayVerifyOnSite(viewer, p) ? 'site' : null);
}

export async function toViews(docs: readonly PetitionDoc[], viewer: UserProfile): Promise<PetitionView[]> {
  const l = await lookup(docs, viewer);
  return docs.map((p) => render(p, viewer, l));
}

export async function toView(doc: PetitionDoc, viewer: UserProfile): Promise<PetitionView> {
  return (await toViews([doc], viewer))[0];
}

async function cosignedBy(openid: string, docs: readonly PetitionDoc[]): Promise<Set<string>> {
  const ids = docs.filter((p) => p.cosignCount > 0).map((p) => p._id);
  if (ids.length === 0) return new Set();
  const res = await table(collections.petitionCosigns)
    .where({ openid, petitionId: _.in(ids) })
    .limit(ids.length)
    .get();
  return new Set(res.map((c) => c.petitionId));
}
