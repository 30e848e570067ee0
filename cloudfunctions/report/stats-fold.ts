import { docDeltas, DISTRICT_SCOPE, sumCounters, type Counters, type StatChange } from '../../src/shared/domain/stats';
import { _, collections } from '../_lib/platform/runtime';
import { transact } from '../_lib/platform/transact';
import { table, tableIn, type Tx } from '../_lib/platform/typed-db';
import type { StatsDoc } from '../_lib/platform/documents';
import { cachedSettings, type PetitionDoc } from '../petition/petition-repo';
import type { WishDoc } from '../wish/wish-repo';
import { countedMinutes } from '../../src/shared/domain/post';
import { petitionChanges, petitionTags, postingChanges, shiftHoursChanges, wishChanges } from './stat-changes';

/**
 * The reports' counters, folded from what the write path committed (issue 14). Every write of a case marks it
 * `statsDirty` in the same request that changes it (no request more for the action); this timer folds the steps
 * of each marked case it has not counted yet (`statsCounted`) into the stats documents and clears the mark —
 * the counters and the marks change in one transaction, so a step is counted once, whatever crashes when.
 * Postings never change after they are written: they are folded in order of time behind a cursor, a little
 * behind the clock so that no transaction still in flight can commit a posting behind it. Duty shifts are marked
 * like the cases (a check-out, a correction): the fold adds the difference between the minutes a shift counts now
 * and those it counted (`statsMinutes`), as volunteer hours on the day the shift ended.
 */

/** Cases folded per transaction, and postings per page. */
const CASES_PER_FOLD = 20;
const POSTINGS_PER_PAGE = 200;
/** Runs of one timer call at most (the next call goes on where this one stopped). */
const MAX_ROUNDS = 20;
/** How far behind the clock postings are folded: far longer than any transaction lasts (transact gives up at 15 s). */
export const POSTINGS_LAG_MS = 2 * 60_000;
const EPOCH = new Date('2020-01-01T00:00:00Z');

/**
 * Volunteer hours are whole minutes (a shift's minutes / 60): a sum is snapped back to them, so that the
 * fractions of many shifts added and taken back (更正) never leave a rounding crumb where there are no hours.
 */
function wholeMinutes(c: Counters): Counters {
  return Object.fromEntries(Object.entries(c).map(([name, v]) => [name, name.startsWith('h.') ? Math.round(v * 60) / 60 : v]));
}

/** Adds counters to the stats documents inside `tx` (read, then written whole: a transaction cannot upsert). */
async function addCounters(tx: Tx, changes: readonly StatChange[], now: Date): Promise<number> {
  const stats = tableIn(tx, collections.stats);
  const docs = [...docDeltas(changes)];
  const current = await Promise.all(docs.map(([id]) => stats.get(id)));
  await Promise.all(
    docs.map(([id, d], i) => {
      const was = current[i];
      const fields: Omit<StatsDoc, '_id'> = {
        scope: d.scope,
        period: d.period,
        key: d.key,
        counters: wholeMinutes(sumCounters([was?.counters ?? {}, d.counters])),
        updatedAt: now,
      };
      return stats.set(id, fields);
    }),
  );
  return docs.length;
}

/** Folds up to CASES_PER_FOLD marked petitions or wishes; answers how many it folded. */
async function foldCases(kind: 'petitions' | 'wishes', now: Date): Promise<number> {
  const marked = await table(collections[kind])
    .where({ statsDirty: true })
    .orderBy('updatedAt', 'asc')
    .limit(CASES_PER_FOLD)
    .field({ _id: true })
    .get();
  if (marked.length === 0) return 0;
  return transact(async (tx) => {
    const cases = tableIn(tx, collections[kind]);
    const docs = (await Promise.all(marked.map((m) => cases.get(m._id)))).filter((d) => d?.statsDirty === true);
    const changes: StatChange[] = [];
    for (const doc of docs) {
      if (!doc) continue;
      const counted = doc.statsCounted ?? 0;
      if (kind === 'petitions') {
        const petition = doc as PetitionDoc;
        changes.push(...petitionChanges(petition, counted, (await cachedSettings(petition.streetId)).ladder));
      } else changes.push(...wishChanges(doc as WishDoc, counted));
    }
    await addCounters(tx, changes, now);
    // A petition also takes the cohort tags its lists find it by (report.cases), from the same counts.
    const tags = new Map<string, string[]>();
    if (kind === 'petitions')
      for (const doc of docs) if (doc) tags.set(doc._id, petitionTags(doc as PetitionDoc, (await cachedSettings(doc.streetId)).ladder));
    await Promise.all(
      docs.map(
        (doc) =>
          doc &&
          cases.change(doc._id, {
            statsDirty: false,
            statsCounted: doc.history.length,
            ...(tags.has(doc._id) ? { statsTags: tags.get(doc._id) } : {}),
          }),
      ),
    );
    return docs.length;
  }, 'BUSY');
}

/** Folds up to CASES_PER_FOLD marked duty shifts (their volunteer hours); answers how many it folded. */
async function foldShifts(now: Date): Promise<number> {
  const marked = await table(collections.postShifts)
    .where({ statsDirty: true })
    .orderBy('endedAt', 'asc')
    .limit(CASES_PER_FOLD)
    .field({ _id: true })
    .get();
  if (marked.length === 0) return 0;
  return transact(async (tx) => {
    const shifts = tableIn(tx, collections.postShifts);
    const docs = (await Promise.all(marked.map((m) => shifts.get(m._id)))).flatMap((d) => (d?.statsDirty === true ? [d] : []));
    await addCounters(tx, docs.flatMap(shiftHoursChanges), now);
    await Promise.all(docs.map((doc) => shifts.change(doc._id, { statsDirty: false, statsMinutes: countedMinutes(doc) })));
    return docs.length;
  }, 'BUSY');
}

/** Folds the next page of postings behind the cursor; answers how many it folded. */
async function foldPostings(now: Date): Promise<number> {
  const state = (await table(collections.statsFold).get('postings')) ?? { _id: 'postings', at: EPOCH, id: '' };
  const until = new Date(now.getTime() - POSTINGS_LAG_MS);
  const page = await table(collections.postings)
    .where({ at: _.and(_.gte(new Date(state.at)), _.lte(until)) })
    .orderBy('at', 'asc')
    .orderBy('_id', 'asc')
    .limit(POSTINGS_PER_PAGE)
    .field({ at: true, asset: true, amount: true, from: true, to: true, reversalOf: true, communityId: true })
    .get();
  const after = (p: { at: Date; _id: string }) => new Date(p.at).getTime() > new Date(state.at).getTime() || p._id > state.id;
  const fresh = page.filter(after);
  if (fresh.length === 0) return 0;
  const communities = await table(collections.orgUnits).byIds(fresh.map((p) => p.communityId));
  const scopes = (communityId: string) => {
    const street = communities.get(communityId)?.path[0];
    return [communityId, ...(street ? [street] : []), DISTRICT_SCOPE];
  };
  const changes = fresh.flatMap((p) => postingChanges(p, scopes(p.communityId)));
  const last = fresh[fresh.length - 1];
  await transact(async (tx) => {
    const fold = tableIn(tx, collections.statsFold);
    const seen = await fold.get('postings');
    // Another run folded this page first: leave it.
    if ((seen?.id ?? '') !== state.id || new Date(seen?.at ?? EPOCH).getTime() !== new Date(state.at).getTime()) return;
    await addCounters(tx, changes, now);
    await fold.set('postings', { at: new Date(last.at), id: last._id });
  }, 'BUSY');
  return fresh.length;
}

/** The stats timer: folds what is marked and what was posted, in bounded rounds; `caughtUp` when nothing was left. */
export async function foldStats(): Promise<{ petitions: number; wishes: number; shifts: number; postings: number; caughtUp: boolean }> {
  const now = new Date();
  const done = { petitions: 0, wishes: 0, shifts: 0, postings: 0, caughtUp: false };
  for (let round = 0; round < MAX_ROUNDS && !done.caughtUp; round++) {
    const [petitions, wishes, shifts, postings] = [
      await foldCases('petitions', now),
      await foldCases('wishes', now),
      await foldShifts(now),
      await foldPostings(now),
    ];
    done.petitions += petitions;
    done.wishes += wishes;
    done.shifts += shifts;
    done.postings += postings;
    done.caughtUp = petitions + wishes + shifts + postings === 0;
  }
  return done;
}
