import cloud from 'wx-server-sdk';
import { countedDb } from './db-count';
import type { Command, RawCollection, Tx } from './typed-db';

// DYNAMIC_CURRENT_ENV: the function talks to the environment it is deployed in (locally: the emulator).
cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV as unknown as string });

export { cloud };

/**
 * The SDK's query commands Linli uses (`_.in(…)`, `_.inc(…)`, …). The SDK builds them untyped; the documents
 * around them are what the typed collections check (typed-db.ts).
 */
export interface Commands {
  gt(value: unknown): Command;
  gte(value: unknown): Command;
  lt(value: unknown): Command;
  lte(value: unknown): Command;
  neq(value: unknown): Command;
  in(values: readonly unknown[]): Command;
  nin(values: readonly unknown[]): Command;
  /** The field is there (true) or absent (false); null counts as there. */
  exists(value: boolean): Command;
  and(...conditions: readonly Command[]): Command;
  /** A query matching all of `queries` (a conditional update's several conditions on one path, each an `or`). */
  and(queries: readonly object[]): Command;
  /** A query matching any of `queries` (each its own indexed branch on the cloud). */
  or(queries: readonly object[]): Command;
  /** Nearest first, within `maxDistance` metres; needs a 2dsphere index on the field (database/indexes.json). */
  geoNear(options: { geometry: unknown; maxDistance?: number; minDistance?: number }): Command;
  inc(by: number): Command;
  /** Sets the field to `value` when that is smaller than what it holds (or it is absent). */
  min(value: unknown): Command;
  /** Takes the field off the document. */
  remove(): Command;
  push(value: unknown): Command;
  /** Takes out of an array field the elements matching `condition`. */
  pull(condition: unknown): Command;
  set(value: unknown): Command;
  addToSet(value: unknown): Command;
  aggregate: { sum(value: unknown): unknown };
}

/** The part of the SDK's database object Linli talks to (its own typings describe the old callback API). */
export interface Database {
  collection(name: string): RawCollection;
  runTransaction<T>(work: (tx: Tx) => Promise<T>, retries?: number): Promise<T>;
  serverDate(): Command;
  RegExp(options: { regexp: string; options?: string }): Command;
  /** db.Geo.Point(longitude, latitude): stored as GeoJSON (a GeoPoint). */
  readonly Geo: { Point(longitude: number, latitude: number): unknown };
  readonly command: Commands;
}

// A missing document reads as null rather than an exception, so "not found" is an answer, not an error. Its
// requests are counted for the invocation's log line (db-count.ts).
export const db = countedDb(cloud.database({ throwOnNotFound: false } as Parameters<typeof cloud.database>[0]) as unknown as Database);
export const _ = db.command;

export const collections = {
  users: 'users',
  orgUnits: 'org_units',
  orgNames: 'org_names',
  categories: 'categories',
  wishes: 'wishes',
  requests: 'requests',
  notifications: 'notifications',
  subscriptions: 'subscriptions',
  postings: 'postings',
  balances: 'balances',
  reconciliations: 'reconciliations',
  ledgerCheckpoints: 'ledger_checkpoints',
  reconcileJobs: 'reconcile_jobs',
  partyTallies: 'party_tallies',
  pointRules: 'point_rules',
  pointItems: 'point_items',
  partyEntries: 'party_entries',
  partyMonths: 'party_months',
  mallItems: 'mall_items',
  mallOrders: 'mall_orders',
  petitions: 'petitions',
  petitionCosigns: 'petition_cosigns',
  petitionCategories: 'petition_categories',
  departments: 'departments',
  petitionSettings: 'petition_settings',
  merchantApplications: 'merchant_applications',
  shops: 'shops',
  pointsCodes: 'points_codes',
  merchantCharges: 'merchant_charges',
  merchantTallies: 'merchant_tallies',
  merchantChecks: 'merchant_checks',
  shopInspections: 'shop_inspections',
  shopRatings: 'shop_ratings',
  roleLog: 'role_log',
  rosterEntries: 'roster_entries',
  rosterHeads: 'roster_heads',
  rosterImports: 'roster_imports',
  careHouseholds: 'care_households',
  careEvents: 'care_events',
  careVisits: 'care_visits',
  careSettings: 'care_settings',
  posts: 'posts',
  postShifts: 'post_shifts',
  postRatings: 'post_ratings',
  postRatingTallies: 'post_rating_tallies',
  joinApplications: 'join_applications',
  memberReports: 'member_reports',
  unitReports: 'unit_reports',
  projectNeeds: 'project_needs',
  projectResources: 'project_resources',
  projects: 'projects',
  projectRatings: 'project_ratings',
  projectUnitYears: 'project_unit_years',
  stats: 'stats',
  statsFold: 'stats_fold',
  statsChecks: 'stats_checks',
  myDataJobs: 'my_data_jobs',
  helperBindings: 'helper_bindings',
  familyCodes: 'family_codes',
  bulletins: 'bulletins',
  exportJobs: 'export_jobs',
  exportParts: 'export_parts',
  messages: 'messages',
  notifyJobs: 'notify_jobs',
  notifySettings: 'notify_settings',
  open311Partners: 'open311_partners',
  reviewRounds: 'review_rounds',
  reviewRatings: 'review_ratings',
  reviewScores: 'review_scores',
  migrations: 'migrations',
  councilTopics: 'council_topics',
  councilBallots: 'council_ballots',
} as const;
