import { userJoin, userJoinPlaces, userJoinStatus } from '../../src/shared/contract';
import { DomainError } from '../../src/shared/domain/errors';
import { joinApplicationId, PRIVACY_VERSION, residentProfile, type JoinApplication } from '../../src/shared/domain/join';
import type { OrgPlace, OrgUnit } from '../../src/shared/domain/org';
import { gridWorkersOf } from '../../src/shared/domain/scope';
import { compareUnitNames } from '../../src/shared/domain/unit-order';
import { definePublicHandler } from '../_lib/platform/handler';
import { holdersWhere } from '../_lib/platform/holders';
import { cachedOrgNames } from '../_lib/platform/org';
import { cloud, collections } from '../_lib/platform/runtime';
import { thing, templates, time } from '../_lib/platform/templates';
import { fieldsOf, transact, type Unit } from '../_lib/platform/transact';
import { table, tableIn, type Tx } from '../_lib/platform/typed-db';
import { joinApplications, joinViewWith, ownJoinView, placeNames } from './join-view';
import { rosterResidentId } from '../../src/shared/domain/roster';

/** The most units one level of the tree is read with. */
const LEVEL_MAX = 200;

type Live = OrgUnit & { retiredAt?: unknown };
const live = (unit: Live | null | undefined): unit is Live => Boolean(unit) && !unit?.retiredAt;

/** The building a building code (scene) or the hand-picked 社区 → 网格 → 楼栋 names, and where it sits. */
export async function buildingPlace(buildingId: string): Promise<OrgPlace & { gridId: string; buildingId: string; name: string }> {
  const building = (await table(collections.orgUnits).get(buildingId)) as Live | null;
  if (!live(building) || building.kind !== 'building' || building.path.length < 3) throw new DomainError('JOIN_PLACE_INVALID');
  const [streetId, communityId, gridId] = building.path;
  return { streetId, communityId, gridId, buildingId, name: building.name };
}

// 选楼栋: one level of the live tree per call, paged; or, for a building code, the building and its place.
export const joinPlaces = definePublicHandler(userJoinPlaces, async ({ parentId, buildingId, offset, limit }) => {
  if (buildingId) {
    const place = await buildingPlace(buildingId);
    const names = await cachedOrgNames([place.communityId, place.gridId]);
    const name = (id: string) => names.get(id) ?? '';
    return {
      items: [],
      nextOffset: null,
      place: { ...place, communityName: name(place.communityId), gridName: name(place.gridId), buildingName: place.name },
    };
  }
  // A level is small (a grid's buildings, a community's grids): read whole, put in counting order (第二 before
  // 第十, 2号楼 before 10号楼, which no index sorts), and page here.
  const where = parentId ? { parentId } : { kind: 'community' as const };
  const docs = (await table(collections.orgUnits).where(where).limit(LEVEL_MAX).get()) as Live[];
  const level = docs.filter((u) => live(u) && u.kind !== 'street').sort((a, b) => compareUnitNames(a.name, b.name));
  const items = level.slice(offset, offset + limit).map((u) => ({ id: u._id, kind: u.kind as 'community' | 'grid' | 'building', name: u.name }));
  return { items, nextOffset: offset + limit < level.length ? offset + limit : null, place: null };
});

// A 注销 of this WeChat account still clearing its records (my-data.ts) leaves a marker in place of the profile,
// read with the caller (`erasing`): joining again waits for it, or the job would erase the new person's records.
export const joinStatus = definePublicHandler(userJoinStatus, async (_input, { openid, user, erasing }) => {
  const gone = !user && erasing === true;
  const application = gone ? null : await joinApplications().get(joinApplicationId(openid));
  return { registered: user !== null, application: gone ? null : await ownJoinView(application), privacyVersion: PRIVACY_VERSION, erasing: gone };
});

/** Who decided a join the roster verified. */
export const ROSTER = 'roster';

export function newApplication(
  openid: string,
  who: { name: string; phone: string; unit: string; room: string },
  place: OrgPlace & { gridId: string; buildingId: string },
  input: { phoneCode?: string; privacyVersion: string },
  now: Date,
): JoinApplication {
  return {
    _id: joinApplicationId(openid),
    kind: 'join',
    applicantId: openid,
    ...who,
    phoneVerified: Boolean(input.phoneCode),
    streetId: place.streetId,
    communityId: place.communityId,
    gridId: place.gridId,
    buildingId: place.buildingId,
    status: 'pending',
    reason: null,
    privacy: { version: input.privacyVersion, at: now },
    createdAt: now,
    decidedAt: null,
    decidedBy: null,
  };
}

/** The phone WeChat vouches for (billed per call: asked only when the roster did not know the person). */
/** What phonenumber.getPhoneNumber answers (the SDK leaves openapi untyped; the emulator's stand-in answers snake case). */
interface PhoneInfo {
  purePhoneNumber?: string;
  pure_phone_number?: string;
}
interface PhoneAnswer {
  phoneInfo?: PhoneInfo;
  phone_info?: PhoneInfo;
}

export async function phoneOf(code: string): Promise<string> {
  try {
    const res: PhoneAnswer | undefined = await cloud.openapi.phonenumber.getPhoneNumber({ code });
    const info = res?.phoneInfo ?? res?.phone_info;
    const phone = String(info?.purePhoneNumber ?? info?.pure_phone_number ?? '');
    if (/^1\d{10}$/.test(phone)) return phone;
  } catch (error) {
    console.warn('[user.join] getPhoneNumber failed', error);
  }
  throw new DomainError('JOIN_PHONE_INVALID');
}

/** Tells the building's grid workers that an application waits for them (in-app: the badge on 入驻审核). */
export async function notifyReviewers(unit: Unit, app: JoinApplication, buildingName: string): Promise<void> {
  const reviewers = await holdersWhere(gridWorkersOf(app.gridId));
  await unit.notify(
    reviewers
      .filter((touser) => touser !== app.applicantId)
      .map((touser) => ({
        touser,
        templateId: templates.joinSubmitted,
        page: 'package-grid/joins/index',
        data: { thing1: thing(app.name), thing2: thing(buildingName), time3: time(app.createdAt) },
      })),
  );
}

/**
 * 加入社区. A roster entry with the same name, phone and building makes them a resident at once: the user and
 * the entry's link in one transaction (the user's id is the openid, so two joins at once make one user).
 * Otherwise an application goes to the building's grid worker; one per person while it is pending.
 */
export const join = definePublicHandler(
  userJoin,
  async (input, { openid, user, request, erasing }) => {
    if (user) throw new DomainError('ALREADY_REGISTERED');
    if (erasing) throw new DomainError('ACCOUNT_ERASING');
    const place = await buildingPlace(input.buildingId);
    const phone = input.phoneCode ? await phoneOf(input.phoneCode) : (input.phone as string);
    const now = new Date();
    const who = { name: input.name, phone, unit: input.unit, room: input.room };
    // Only the community's roster as it stands (the import its head names): never rows staged by an import
    // still under way, nor those of one it replaced. The person's rows in any import first (a few at most: the
    // roster in force, one being staged): the head is read only when there is one to choose among.
    const rows = await table(collections.rosterEntries)
      .where({ buildingId: place.buildingId, phone, name: input.name, userId: null })
      .limit(ROWS_OF_A_PERSON)
      .get();
    const head = rows.length > 0 ? await table(collections.rosterHeads).get(place.communityId) : null;
    const entry = head ? rows.find((row) => row.importId === head.activeImport) : undefined;
    if (entry) {
      const reply = await transact(
        async (tx: Tx) => {
          const users = tableIn(tx, collections.users);
          if (await users.get(openid)) throw new DomainError('ALREADY_REGISTERED');
          const entries = tableIn(tx, collections.rosterEntries);
          const fresh = await entries.get(entry._id);
          if (!fresh || (fresh.userId && fresh.userId !== openid)) throw new DomainError('BUSY');
          const profile = residentProfile(openid, { ...who, unit: fresh.unit || who.unit, room: fresh.room || who.room }, place);
          // The roster's tags (独居老人, 低保, …) come with them: care mode and the care rounds read them.
          const tags = fresh.tags.length > 0 ? { tags: fresh.tags } : {};
          await users.set(openid, { ...fieldsOf(profile), ...tags, privacy: { version: input.privacyVersion, at: now } });
          await entries.change(entry._id, { userId: openid });
          // The join on record (consent, place), decided by the roster; a twin applying meanwhile meets it here.
          const app = newApplication(openid, who, place, input, now);
          await tableIn(tx, collections.joinApplications).set(app._id, fieldsOf({ ...app, status: 'approved', decidedAt: now, decidedBy: ROSTER }));
          return { status: 'verified' as const, application: null };
        },
        { busy: 'BUSY', record: { request } },
      );
      // 红色代办 filed for this roster person before they joined become their own cases: listed as theirs
      // (petition.listMine), rated by them. A 代评 already given stays marked as relayed. One write, by the entry's
      // stable key; a replayed retry runs it again harmlessly (only cases with no reporter yet match).
      // Wishes filed for them the same way become theirs too (to follow and to confirm themselves): one write each
      // way, side by side, by the id a roster person's wish is filed under (index `resident_created`).
      await Promise.all([
        table(collections.petitions)
          .where({ rosterKey: entry.key, reporterId: null })
          .update({ reporterId: openid, reporterName: input.name, reporterPhone: phone, reporterIsResident: true }),
        table(collections.wishes)
          .where({ residentId: rosterResidentId(entry.key) })
          .update({ residentId: openid, residentName: input.name, residentPhone: phone }),
      ]);
      return reply;
    }
    if (!input.apply) throw new DomainError('JOIN_NOT_IN_ROSTER');
    const _id = joinApplicationId(openid);
    const names = await placeNames([place]);
    const pendingReply = (app: JoinApplication) => ({ status: 'pending' as const, application: joinViewWith(app, names, 'contact') });
    const options = { busy: 'BUSY' as const, record: { request, output: (app: JoinApplication) => pendingReply(app) } };
    const next = newApplication(openid, who, place, input, now);
    // A first application is inserted without a read: the insert fails if the person has one on record already
    // (pending, decided, or their twin's), and only then is it read to see which.
    const filed = await transact(async (tx: Tx, unit) => {
      await tableIn(tx, collections.joinApplications)
        .add(next)
        .catch(() => {
          throw new OnRecord();
        });
      await notifyReviewers(unit, next, place.name);
      return next;
    }, options).catch((error: unknown) => {
      if (!(error instanceof OnRecord)) throw error;
      return null;
    });
    if (filed) return pendingReply(filed);
    return transact(async (tx: Tx, unit) => {
      const apps = tableIn(tx, collections.joinApplications);
      const found = await apps.get(_id);
      if (found?.status === 'pending') return found;
      // A twin call verified by the roster meanwhile (taking the entry this one did not find) wrote this document.
      if (found?.status === 'approved' && found.decidedBy === ROSTER) throw new DomainError('ALREADY_REGISTERED');
      await apps.set(_id, fieldsOf(next));
      await notifyReviewers(unit, next, place.name);
      return next;
    }, options).then(pendingReply);
  },
  { record: 'inTransaction' },
);

/** The person has a join on record already: the insert of a first one failed. */
class OnRecord extends Error {}

/** At most this many rows of one person across a community's imports (the roster in force, one being staged, …). */
const ROWS_OF_A_PERSON = 10;
