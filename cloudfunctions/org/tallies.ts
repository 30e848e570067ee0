import type { OrgKind, OrgUnit } from '../../src/shared/domain/org';
import { openPetitionStatuses, openWishStatuses, placeFieldOf } from '../../src/shared/domain/org-tree';
import { _, collections } from '../_lib/platform/runtime';
import { table } from '../_lib/platform/typed-db';
import { units, type Counts } from './units';

/**
 * The tree's counts (people, open cases) kept on each unit as `tally`, recounted by the org function's `tallies`
 * timer (every minute), so a tree page reads no count: the caller, the parent and a page of children (issue 10:
 * a page read ≤ 3). The writers pay nothing — a wish filed, a petition closed or a person placed shows in the
 * tree at the next run, a minute behind at most (the page says so). Counts decide nothing anybody may do: who
 * sees a unit is still decided from the units read fresh by the call.
 *
 * Per street: for each of the three collections one grouped count per place field (community, grid, building,
 * the street itself) led by the indexed `streetId`; the street's units read with their tallies; then only the
 * tallies that changed are written, at most WRITES_PER_RUN a run (the next run goes on).
 */

const WRITES_PER_RUN = 300;
const UNITS_PER_PAGE = 1000;
/** Bounds the units read per street (pages of UNITS_PER_PAGE): far above any street's units. */
const MAX_UNIT_PAGES = 20;

const kinds: readonly OrgKind[] = ['street', 'community', 'grid', 'building'];

const same = (a: Counts | null | undefined, b: Counts) => Boolean(a) && a!.people === b.people && a!.openCases === b.openCases;

/** People and open cases of every unit of one street, by unit id (units with none are absent). */
export async function streetCounts(streetId: string): Promise<Map<string, Counts>> {
  const users = table(collections.users);
  const wishes = table(collections.wishes);
  const petitions = table(collections.petitions);
  const grouped = await Promise.all(
    kinds.map(async (kind) => {
      const field = placeFieldOf[kind];
      const [people, openWishes, openPetitions] = await Promise.all([
        users.countBy({ streetId }, field),
        wishes.countBy({ streetId, status: _.in([...openWishStatuses]) }, field),
        petitions.countBy({ streetId, status: _.in([...openPetitionStatuses]) }, field),
      ]);
      return { people, openWishes, openPetitions };
    }),
  );
  const out = new Map<string, Counts>();
  for (const { people, openWishes, openPetitions } of grouped) {
    for (const id of new Set([...people.keys(), ...openWishes.keys(), ...openPetitions.keys()])) {
      out.set(id, { people: people.get(id) ?? 0, openCases: (openWishes.get(id) ?? 0) + (openPetitions.get(id) ?? 0) });
    }
  }
  return out;
}

/** A street and every unit under it (retired ones too: their counts still show when asked for). */
async function unitsOf(street: OrgUnit): Promise<Pick<OrgUnit, '_id' | 'tally'>[]> {
  const out: Pick<OrgUnit, '_id' | 'tally'>[] = [street];
  for (let page = 0; page < MAX_UNIT_PAGES; page++) {
    const docs = await units()
      .where({ path: street._id })
      .orderBy('_id', 'asc')
      .skip(page * UNITS_PER_PAGE)
      .limit(UNITS_PER_PAGE)
      .field({ _id: true, tally: true })
      .get();
    out.push(...docs);
    if (docs.length < UNITS_PER_PAGE) break;
  }
  return out;
}

/** The tallies timer: recounts each street and writes the tallies that changed. */
export async function recountTallies(): Promise<Record<string, unknown>> {
  // A district has a handful of streets (a hundred would be a city).
  const streets = await units().where({ kind: 'street' }).limit(100).get();
  let written = 0;
  let behind = 0;
  for (const street of streets) {
    const [counts, all] = await Promise.all([streetCounts(street._id), unitsOf(street)]);
    const changed = all.flatMap((unit) => {
      const now = counts.get(unit._id) ?? { people: 0, openCases: 0 };
      return same(unit.tally, now) ? [] : [{ id: unit._id, tally: now }];
    });
    const room = Math.max(0, WRITES_PER_RUN - written);
    await Promise.all(changed.slice(0, room).map(({ id, tally }) => units().change(id, { tally })));
    written += Math.min(room, changed.length);
    behind += Math.max(0, changed.length - room);
  }
  return { streets: streets.length, written, behind };
}
