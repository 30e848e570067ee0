import type { ExportKind } from '../../src/shared/contract/export';
import { assetLabels, kindOf } from '../../src/shared/domain/ledger';
import type { UserProfile } from '../../src/shared/domain/org';
import type { PostShift } from '../../src/shared/domain/post';
import { directoryEntry, maskPhone, nameFor } from '../../src/shared/domain/privacy';
import { maySeeStats } from '../../src/shared/domain/stats';
import { DAY_MS } from '../../src/shared/domain/time';
import type { BulletinDoc, CollectionName, ExportCell, ExportJob, StoredPosting, VolunteerTally } from '../_lib/platform/documents';
import { cachedOrgNames } from '../_lib/platform/org';
import { _, collections } from '../_lib/platform/runtime';
import { table, type Query } from '../_lib/platform/typed-db';
import type { PetitionDoc } from '../petition/petition-repo';
import { cachedCategories, type WishDoc } from '../wish/wish-repo';
import { bulletinRow, petitionRow, postingType, time, wishRow } from './export-rows';

/**
 * What each kind of export reads, a page at a time (the rows themselves: export-rows.ts). Every page is one indexed query in
 * order of time then id, behind a cursor (the last row's time and id), so a page costs the same however much
 * history lies before it; the postings' page reads its people in one more request (the privacy rule needs their
 * community), the volunteer hours are summed on the job and written when the last page is read.
 */
export const PAGE = 1000;

export type SourceName = 'petitions' | 'wishes' | 'postings' | 'shifts' | 'bulletin';

/** The sources of the kinds asked for, in the order they are read (a kind's rows stay together). */
export function sourcesOf(kinds: readonly ExportKind[]): { name: SourceName; kind: ExportKind }[] {
  const of: Record<ExportKind, SourceName[]> = { cases: ['petitions', 'wishes'], postings: ['postings'], hours: ['shifts'], bulletin: ['bulletin'] };
  return kinds.flatMap((kind) => of[kind].map((name) => ({ name, kind })));
}

export interface Page {
  rows: ExportCell[][];
  /** Where the next page starts; null: the source is read to its end. */
  cursor: ExportJob['cursor'];
  tally?: VolunteerTally[];
}

/** The instants of the job's China-time days, [start, end). */
export function periodOf(job: Pick<ExportJob, 'from' | 'to'>): { start: Date; end: Date } {
  return { start: new Date(`${job.from}T00:00:00+08:00`), end: new Date(Date.parse(`${job.to}T00:00:00+08:00`) + DAY_MS) };
}

/** The place's own field on a case or a shift (a district's export reads them all). */
function placeWhere(job: ExportJob): Record<string, string> {
  const field = { grid: 'gridId', community: 'communityId', street: 'streetId', district: null }[job.scopeKind];
  return field ? { [field]: job.scope } : {};
}

type Timed = { _id: string } & Record<string, unknown>;

/**
 * One page of `collection` within the period, after the cursor: the query asks from the cursor's time on and the
 * rows at that very time already read are dropped; a page all at the cursor's time (more than a page written in
 * one millisecond) is read by id instead, so the cursor always moves.
 */
async function pageAfter<T extends Timed>(
  collection: CollectionName,
  timeField: string,
  where: Record<string, unknown>,
  job: ExportJob,
): Promise<{ docs: T[]; cursor: ExportJob['cursor'] }> {
  const { start, end } = periodOf(job);
  const from = job.cursor ? new Date(job.cursor.at) : start;
  const t = table(collection) as unknown as {
    where(q: Query<never>): { orderBy(f: string, d: 'asc'): { orderBy(f: string, d: 'asc'): { limit(n: number): { get(): Promise<T[]> } } } };
  };
  const page = await t
    .where({ ...where, [timeField]: _.and(_.gte(from), _.lt(end)) } as Query<never>)
    .orderBy(timeField, 'asc')
    .orderBy('_id', 'asc')
    .limit(PAGE)
    .get();
  const at = (d: T) => new Date(d[timeField] as Date).getTime();
  const cursor = job.cursor;
  if (!cursor) return { docs: page, cursor: page.length < PAGE ? null : next(page) };
  const fresh = page.filter((d) => at(d) > new Date(cursor.at).getTime() || d._id > cursor.id);
  if (fresh.length > 0 || page.length < PAGE) return { docs: fresh, cursor: page.length < PAGE ? null : next(fresh) };
  const same = await t
    .where({ ...where, [timeField]: new Date(cursor.at), _id: _.gt(cursor.id) } as Query<never>)
    .orderBy(timeField, 'asc')
    .orderBy('_id', 'asc')
    .limit(PAGE)
    .get();
  // None left at that time: the next page starts just after it.
  return { docs: same, cursor: same.length > 0 ? next(same) : { at: new Date(new Date(cursor.at).getTime() + 1), id: '' } };

  function next(docs: T[]): ExportJob['cursor'] {
    const last = docs[docs.length - 1];
    return { at: new Date(at(last)), id: last._id };
  }
}

/** Who exports, as the privacy rule sees them. */
function viewerOf(job: ExportJob) {
  const { roles, communityId, streetId, adminScope } = job.viewer;
  return { _id: job.openid, roles, communityId, streetId, adminScope } as Pick<
    UserProfile,
    '_id' | 'roles' | 'communityId' | 'streetId' | 'gridId' | 'workGrids' | 'departmentId' | 'adminScope'
  >;
}

/**
 * A person named on a posting (the resident whose account it moves, and who made it) as the privacy rule lets the
 * exporter see them in the community's directory: its staff, the full name and a masked phone; anyone else 王**.
 */
function person(job: ExportJob, id: string | null, people: Map<string, UserProfile>, fallback = ''): { name: string; phone: string } {
  const p = id ? people.get(id) : undefined;
  if (!p) return { name: fallback ? nameFor(fallback, 'masked') : '', phone: '' };
  const d = directoryEntry(viewerOf(job), p);
  return { name: nameFor(p.name, d), phone: d === 'directory' && p.phone ? maskPhone(p.phone) : '' };
}

const holderOf = (account: string) => (kindOf(account) === 'user' ? account.slice('user:'.length) : null);

async function postingsPage(job: ExportJob): Promise<Page> {
  const where = job.scopeKind === 'district' ? {} : { communityId: job.communityIds.length === 1 ? job.communityIds[0] : _.in(job.communityIds) };
  const { docs, cursor } = await pageAfter<Timed>(collections.postings, 'at', where, job);
  const postings = docs as unknown as StoredPosting[];
  const people = await table(collections.users).byIds(postings.flatMap((p) => [holderOf(p.to) ?? holderOf(p.from), p.by]));
  const rows = postings.map((p): ExportCell[] => {
    const who = person(job, holderOf(p.to) ?? holderOf(p.from), people);
    const by = person(job, p.by, people, p.byName);
    return [time(p.at), assetLabels[p.asset], p.amount, postingType(p), p.reason, who.name, who.phone, by.name, p._id];
  });
  return { rows, cursor };
}

/** Shifts served (not reversed, checked out) summed per volunteer; written as rows after the last page. */
async function shiftsPage(job: ExportJob): Promise<Page> {
  const { docs, cursor } = await pageAfter<Timed>(collections.postShifts, 'startedAt', placeWhere(job), job);
  const tally = new Map(job.tally.map((t) => [t.holderId, { ...t }]));
  for (const s of docs as unknown as PostShift[]) {
    if (s.status !== 'done') continue;
    const t = tally.get(s.holderId) ?? { holderId: s.holderId, name: s.holderName, communityId: s.communityId, shifts: 0, minutes: 0, points: 0 };
    t.shifts += 1;
    t.minutes += s.minutes;
    t.points += s.points;
    tally.set(s.holderId, t);
  }
  const summed = [...tally.values()];
  if (cursor) return { rows: [], cursor, tally: summed };
  const names = await cachedOrgNames(summed.map((t) => t.communityId));
  const viewer = viewerOf(job);
  const rows = summed
    .sort((a, b) => b.minutes - a.minutes || a.name.localeCompare(b.name))
    .map((t): ExportCell[] => [
      nameFor(t.name, directoryEntry(viewer, { _id: t.holderId, communityId: t.communityId })),
      names.get(t.communityId) ?? '',
      t.shifts,
      Math.round((t.minutes / 60) * 10) / 10,
      t.points,
    ]);
  return { rows, cursor: null, tally: summed };
}

/** The months the period touches, oldest first (`YYYY-MM`). */
export function monthsOf(from: string, to: string): string[] {
  const months: string[] = [];
  for (let [y, m] = from.slice(0, 7).split('-').map(Number); `${y}-${String(m).padStart(2, '0')}` <= to.slice(0, 7); m === 12 ? ((m = 1), y++) : m++)
    months.push(`${y}-${String(m).padStart(2, '0')}`);
  return months;
}

/** A month as the cursor's time (the first instant of it, UTC: only its `YYYY-MM` is read back). */
const monthAt = (month: string) => new Date(`${month}-01T00:00:00Z`);

/**
 * 月通报: the community's bulletins (the `bulletins` collection) of the months the period touches — the published
 * ones, and drafts for whoever may read the community's drafts (report.bulletin's rule, maySeeStats). A grid's
 * export reads its community's bulletins (a bulletin is a community's). A community's months are one page; a street
 * or the district is read a month per page, its communities in order behind the cursor (month, last community).
 */
async function bulletinPage(job: ExportJob): Promise<Page> {
  const months = monthsOf(job.from, job.to);
  const bulletins = table(collections.bulletins);
  const viewer = viewerOf(job);
  const readable = (docs: BulletinDoc[]) =>
    docs.filter((b) => b.status === 'published' || maySeeStats(viewer, { id: b.communityId, kind: 'community', path: [b.streetId] }));
  if (job.scopeKind === 'grid' || job.scopeKind === 'community') {
    const docs = await bulletins
      .where({ communityId: job.communityIds[0], month: _.and(_.gte(months[0]), _.lte(months[months.length - 1])) })
      .orderBy('month', 'asc')
      .limit(months.length)
      .get();
    return { rows: readable(docs).map(bulletinRow), cursor: null };
  }
  const month = job.cursor ? new Date(job.cursor.at).toISOString().slice(0, 7) : months[0];
  const after = job.cursor?.id ?? '';
  const place = job.scopeKind === 'street' ? { streetId: job.scope } : {};
  const docs = await bulletins
    .where({ ...place, month, communityId: _.gt(after) })
    .orderBy('communityId', 'asc')
    .limit(PAGE)
    .get();
  const next = months[months.indexOf(month) + 1];
  const cursor = docs.length === PAGE ? { at: monthAt(month), id: docs[docs.length - 1].communityId } : next ? { at: monthAt(next), id: '' } : null;
  return { rows: readable(docs).map(bulletinRow), cursor };
}

/** The next page of `source` for `job`. */
export async function readPage(job: ExportJob, source: SourceName, now: Date): Promise<Page> {
  switch (source) {
    case 'petitions': {
      const { docs, cursor } = await pageAfter<Timed>(collections.petitions, 'createdAt', placeWhere(job), job);
      return { rows: (docs as unknown as PetitionDoc[]).map((p) => petitionRow(p, now)), cursor };
    }
    case 'wishes': {
      const [{ docs, cursor }, categories] = await Promise.all([
        pageAfter<Timed>(collections.wishes, 'createdAt', placeWhere(job), job),
        cachedCategories(),
      ]);
      const names = new Map(categories.map((c) => [c._id, c.name]));
      return { rows: (docs as unknown as WishDoc[]).map((w) => wishRow(w, names)), cursor };
    }
    case 'postings':
      return postingsPage(job);
    case 'shifts':
      return shiftsPage(job);
    case 'bulletin':
      return bulletinPage(job);
  }
}
