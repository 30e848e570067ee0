import type { z } from 'zod';
import type { mapPointSchema } from '../../src/shared/contract';
import { DomainError } from '../../src/shared/domain/errors';
import type { OrgPlace } from '../../src/shared/domain/org';
import type { PetitionRating, PetitionState, VerifyResult } from '../../src/shared/domain/petition';
import { ladderConfig, type LadderConfig, type LadderOverrides, type PetitionLevel } from '../../src/shared/domain/petition-ladder';
import type { PetitionExtension } from '../../src/shared/domain/petition-extension';
import { withCategoryLimits, type SupervisionCard } from '../../src/shared/domain/petition-cards';
import type { Department, PetitionCategory, PetitionStep } from '../../src/shared/domain/petition-rules';
import { pageOf } from '../_lib/platform/page';
import { collections, db } from '../_lib/platform/runtime';
import { warmCached } from '../_lib/platform/warm-cache';
import { table } from '../_lib/platform/typed-db';

export interface Resolution {
  kind: 'handled' | 'council';
  text: string;
  level: PetitionLevel;
  by: string;
  byName: string;
  at: Date;
  photos: string[];
  beforePhotos: string[];
  afterPhotos: string[];
  council: { ownersCommittee: string; propertyCompany: string } | null;
  /** The 三方议事 topic whose decision it is (absent on resolutions recorded before topics). */
  topicId?: string | null;
}

/**
 * The last 验证 of a resolution: on site by the grid worker ('site', with photos), answered by the reporter or the
 * filer relaying for them ('reporter' / 'proxy'), or passed on by the timer when nobody did ('timer', 超时未验证).
 */
export interface Verification {
  result: VerifyResult;
  how: 'site' | 'reporter' | 'proxy' | 'timer';
  by: string;
  byName: string;
  note: string | null;
  photos: string[];
  at: Date;
}

/** The reporter's virtue credit: recorded with the move that proves the case valid, then posted once under `key`. */
export interface PetitionCredit {
  key: string;
  amount: number;
  status: 'pending' | 'posted';
  postingId: string | null;
}

/**
 * A petition as stored. Place fields, `level`, `dueAt` and `actAt` are top-level so the indexes in
 * database/indexes.json can serve the queues and the sweep. `rev` counts moves: a move plans against one rev
 * and commits only if it is still current.
 */
/** A point as GeoJSON, the form a db.Geo.Point takes in the database. */
export interface GeoPoint {
  type: 'Point';
  coordinates: [longitude: number, latitude: number];
}

export function geoPoint({ latitude, longitude }: { latitude: number; longitude: number }): GeoPoint {
  return { type: 'Point', coordinates: [longitude, latitude] };
}

export interface PetitionDoc extends OrgPlace, PetitionState {
  _id: string;
  rev: number;
  categoryId: string;
  categoryName: string;
  description: string;
  photos: string[];
  location: { buildingName: string | null; detail: string | null; point: z.infer<typeof mapPointSchema> | null };
  /**
   * A case filed at a map point: that point as the SDK stores a db.Geo.Point (GeoJSON, longitude first), for
   * petition.similar's geoNear through the 2dsphere index `geo`. Absent on cases at a building and on older ones.
   */
  geo?: GeoPoint;
  gridName: string | null;
  /** Null for a resident without a phone who is not registered (红色代办 by name). */
  reporterId: string | null;
  reporterName: string;
  /**
   * The reporter's contacts as filed — a registered reporter's phone and room are kept on the case when it is
   * filed (their profile is read then anyway), so showing the case to its handlers reads no profile. A case filed
   * before this was kept has no `reporterRoom`, and its reporter's profile is read instead.
   */
  reporterPhone: string | null;
  reporterRoom?: string | null;
  reporterIsResident: boolean;
  /**
   * 红色代办 for a person of the 人口台账: their roster entry's stable `key` (imports rewrite entry ids). When they
   * join through the roster, user.join makes them the reporter of these cases (absent on cases filed before it).
   */
  rosterKey?: string | null;
  filedById: string | null;
  filedByName: string | null;
  /** Filed by the reporter's 代办人 (helper), who may relay their rating as 代评; absent for a grid worker's 红色代办. */
  filedAs?: 'helper';
  /** A case another system filed (Open311: the 12345 hotline): the partner and its own id for the case. */
  source?: { partnerId: string; partnerName: string; externalId: string | null };
  heldForReview: boolean;
  /** Shown to neighbours among similar cases and open to co-signing (not private, not held for review). */
  listed: boolean;
  departmentIds: string[];
  handlerId: string | null;
  handlerName: string | null;
  dueAt: Date | null;
  actAt: Date | null;
  feedbackDueAt: Date;
  firstFeedbackAt: Date | null;
  resolution: Resolution | null;
  /** The 三方议事 topic the community raised when it took the case to council (petition.convene). */
  councilTopicId?: string | null;
  /** The resolution's verification (待验证 → 待评价, or a reopen); absent on cases resolved before verification. */
  verification?: Verification | null;
  /** `byProxy`: 代评, the filer relaying for someone not registered (absent on ratings stored before it). */
  rating: { value: PetitionRating; comment: string | null; at: Date; byProxy?: boolean } | null;
  cosignCount: number;
  /** 催办 by the reporter or their filer: how many, and the last (one per China day); absent on cases never urged. */
  urgeCount?: number;
  lastUrgedAt?: Date | null;
  /** The latest 延期申请 (petition-extension.ts): it speaks for the step it names only; absent on cases never extended. */
  extension?: PetitionExtension | null;
  /**
   * While the step's request waits for a decision: whose 延期待批 list it is on (`deciderKey`, index
   * `extension_decider_due`); null once decided or lapsed (every move clears it). Absent on cases never extended.
   */
  extensionDecider?: string | null;
  /** The current step's 督办 card (petition-cards.ts); cleared by every move; absent on cases never carded. */
  card?: SupervisionCard | null;
  /** When the step's next card falls due (petition-cards.ts `cardDue`), for the timer's indexed query; null: none can. */
  cardAt?: Date | null;
  /** `cardRankOf(card)` (2 red, 1 yellow, 0 none), for the queues' 督办优先 order; absent on cases never carded since. */
  cardRank?: number;
  credit: PetitionCredit | null;
  history: PetitionStep[];
  /**
   * The one-time progress notices the case may still send its reporter and its filer (代办), given by the tap that
   * filed it (petition.create `accepted`) and spent by the moves that tell them, in their transactions. A number is
   * the case's to spend (0: declined, or spent); null — and a case filed before this — means the person's grants
   * given elsewhere (notify.subscribe) are read and spent, as for co-signers.
   */
  progressConsent?: ProgressConsent;
  /** Changed since the reports last counted it (set by every write of the case; the stats timer clears it). */
  statsDirty?: boolean;
  /** How many steps of its history the reports have counted. */
  statsCounted?: number;
  /** The cohort lists of report.cases it belongs to (`resolved`, `resolved.k.<category>`, …), stamped by the stats timer. */
  statsTags?: string[];
  createdAt: Date;
  updatedAt: Date;
}

export interface ProgressConsent {
  reporter: number | null;
  filer: number | null;
}

export const petitions = () => db.collection(collections.petitions);

export async function findPetition(id: string): Promise<PetitionDoc> {
  const res = await table(collections.petitions).where({ _id: id }).limit(1).get();
  const doc = res[0];
  if (!doc) throw new DomainError('PETITION_NOT_FOUND');
  return doc;
}

export async function listPetitionCategories(): Promise<PetitionCategory[]> {
  const res = await table(collections.petitionCategories).orderBy('order', 'asc').limit(200).get();
  return res;
}

export async function listDepartments(): Promise<Department[]> {
  const res = await table(collections.departments).orderBy('order', 'asc').limit(100).get();
  return res;
}

export interface PetitionSettingsDoc {
  _id: string;
  districtName?: string;
  ladder?: LadderOverrides;
}

/** The street's ladder settings over the defaults (one deployment serves one district). */
export async function loadSettings(streetId: string): Promise<{ ladder: LadderConfig; districtName: string }> {
  const res = await table(collections.petitionSettings).where({ _id: streetId }).limit(1).get();
  const doc = res[0];
  return { ladder: ladderConfig(doc?.ladder ?? {}), districtName: doc?.districtName ?? (await districtName()) };
}

export async function districtName(): Promise<string> {
  const res = await table(collections.petitionSettings).limit(1).get();
  return res[0]?.districtName ?? '区级';
}

/** How long a warm instance keeps what rarely changes: deadlines, the credit amount, names, categories, departments. */
const SETTINGS_TTL_MS = 60_000;

/**
 * The street's deadlines, credit amount and the district's name as a warm instance keeps them: a change reaches
 * every instance within a minute (as the point rules do, _lib/point-rules.ts).
 */
export function cachedSettings(streetId: string): ReturnType<typeof loadSettings> {
  return warmCached(`petition-settings:${streetId}`, SETTINGS_TTL_MS, () => loadSettings(streetId));
}

/** The street's ladder with the case's category's 督办 limits folded in, as a warm instance keeps both. */
export async function cachedLadderFor(p: Pick<PetitionDoc, 'streetId' | 'categoryId'>): Promise<LadderConfig> {
  const [{ ladder }, categories] = await Promise.all([cachedSettings(p.streetId), cachedPetitionCategories()]);
  return withCategoryLimits(
    ladder,
    categories.find((c) => c._id === p.categoryId),
  );
}

export function cachedDistrictName(): Promise<string> {
  return warmCached('petition-district', SETTINGS_TTL_MS, districtName);
}

export function cachedDepartments(): Promise<Department[]> {
  return warmCached('petition-departments', SETTINGS_TTL_MS, listDepartments);
}

export function cachedPetitionCategories(): Promise<PetitionCategory[]> {
  return warmCached('petition-categories', SETTINGS_TTL_MS, listPetitionCategories);
}

export function page(
  where: Record<string, unknown>,
  order: { field: keyof PetitionDoc; dir: 'asc' | 'desc' } | ReadonlyArray<{ field: keyof PetitionDoc; dir: 'asc' | 'desc' }>,
  offset: number,
  limit: number,
) {
  return pageOf<PetitionDoc>(collections.petitions, where, order, offset, limit);
}
