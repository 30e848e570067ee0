// Each collection's document type: what the typed collections (typed-db.ts) read and write.
import type { AccountId, Difference, Posting } from '../../../src/shared/domain/ledger';
import type { MallItem, MallOrder } from '../../../src/shared/domain/mall';
import type { MerchantApplication, MerchantRules, Shop } from '../../../src/shared/domain/merchant';
import type { Charge } from '../../../src/shared/domain/merchant-charge';
import type { Checklist } from '../../../src/shared/domain/merchant-shop';
import type { FamilyCode } from '../../../src/shared/domain/family';
import type { HelperBinding } from '../../../src/shared/domain/helper';
import type { JoinApplication } from '../../../src/shared/domain/join';
import type { OrgUnit, UserProfile } from '../../../src/shared/domain/org';
import type { PartyTally, RankedMember } from '../../../src/shared/domain/party';
import type { PointItem } from '../../../src/shared/domain/point-items';
import type { PostRating, PostRatingTally, PostShift, ServicePost } from '../../../src/shared/domain/post';
import type { CouncilBallot, CouncilTopic } from '../../../src/shared/domain/council';
import type { PointRules } from '../../../src/shared/domain/point-rules';
import type { PointsCode } from '../../../src/shared/domain/points-code';
import type { RoleChange } from '../../../src/shared/domain/appointment';
import type { AwardRule } from '../../../src/shared/domain/award';
import type { WishCategory } from '../../../src/shared/domain/wish';
import type { Open311Partner } from '../../open311/open311-docs';
import type { OrgNameGuard } from '../../org/name-guard';
import type { RosterEntry, RosterHead, RosterImport } from '../../roster/roster-docs';
import type { Project, ProjectNeed, ProjectRating, ProjectResource, ProjectUnitYear } from '../../project/project-docs';
import type { CareEvent, CareHousehold, CareSettings, CareVisit } from '../../roster/care-docs';
import type { ReviewRating, ReviewRound, ReviewScore } from '../../review/review-docs';
import type { WishDoc } from '../../wish/wish-repo';
import type { PetitionDoc, PetitionSettingsDoc } from '../../petition/petition-repo';
import type { Department, PetitionCategory } from '../../../src/shared/domain/petition-rules';
import type { BulletinContent, Reply } from '../../../src/shared/contract';
import type { Counters, StatsPeriod } from '../../../src/shared/domain/stats';
import type { CounterDifference } from '../../../src/shared/domain/stats-check';
import type { BalanceDoc } from '../ledger';
import type { Grant, NoticeDoc } from './outbox';
import type { collections } from './runtime';

/**
 * The reports' counters of one place (a grid, community or street id, or `district`) for a China-time day or
 * month (`_id` = `<scope>:<key>`), folded by the report function's stats timer (report/stats-fold.ts).
 */
export interface StatsDoc {
  _id: string;
  scope: string;
  /** `now`: the gauges of the cases open now (`<scope>:now`), moved by the same fold as the day's counters. */
  period: StatsPeriod;
  key: string;
  counters: Counters;
  updatedAt: Date;
}

/**
 * How far the stats timer has folded the postings (their time, then id); and, as `bulletins:<YYYY-MM>`, how far
 * the bulletin timer has gone through the communities for that month (`id`: the last community; `done`: all).
 */
export interface StatsFoldDoc {
  _id: string;
  at: Date;
  id: string;
  done?: boolean;
}

/**
 * 月通报: a community's bulletin for a closed month (`_id` = `<communityId>:<YYYY-MM>`), prepared by the report
 * function's bulletin timer as a frozen draft and published by the community's staff with a note. Public once
 * published: volunteers and 明星党员 are named as the honour rolls name them (names only, no openid).
 */
export interface BulletinDoc {
  _id: string;
  communityId: string;
  communityName: string;
  streetId: string;
  month: string;
  status: 'draft' | 'published';
  content: BulletinContent;
  note: string;
  generatedAt: Date;
  publishedAt: Date | null;
  publishedBy: string | null;
  publishedByName: string | null;
}

/**
 * One run of the verify job (report/stats-verify.ts): a place's China-time day recomputed from the events and
 * compared with its stats documents. While it runs it carries its cursor and sums; when done, the differences.
 */
export interface StatsCheckDoc {
  _id: string;
  /** The place checked (with every place within it): a grid, community, street id or `district`. */
  scope: string;
  day: string;
  /** Queued by the daily timer or by an admin. */
  by: 'timer' | 'admin';
  status: 'queued' | 'running' | 'done';
  phase: 'petitions' | 'wishes' | 'shifts' | 'postings' | 'compare' | 'done';
  cursor: { at: Date; id: string } | null;
  /** When it copied the stored counters: what the events are compared against. */
  asOf: Date | null;
  /** The postings' fold cursor at `asOf`: the postings counted by then. */
  postingsThrough: { at: Date; id: string } | null;
  /** By place, while running: the stored counters at `asOf`, the events' before it, and those of steps made while it ran. */
  stored: Record<string, Counters>;
  expected: Record<string, Counters>;
  late: Record<string, Counters>;
  /** Cases read in the current collection's pass (a case written meanwhile moves to the end of the order). */
  seen: string[];
  cases: number;
  /** Duty shifts that ended that day (their volunteer hours); absent on checks made before shifts were counted. */
  shifts?: number;
  postings: number;
  differences: CounterDifference[];
  createdAt: Date;
  finishedAt: Date | null;
}

/** 我也遇到: one neighbour's co-sign of a case (its id is `<petitionId>:<openid>`). */
export interface PetitionCosign {
  _id: string;
  petitionId: string;
  openid: string;
  name: string;
  at: Date;
}

/** A mutating call's retry record (idempotency.ts), and the notices its transaction queued until they are sent. */
export interface RequestDoc {
  _id: string;
  status: 'pending' | 'done';
  action: string;
  openid: string;
  at: Date;
  reply?: Reply<unknown>;
  /** Notices the call's transaction queued, carried here until sent (outbox.ts); `noticesPending` while any is. */
  notices?: NoticeDoc[];
  noticesPending?: boolean;
  /** In-app messages the call's transaction made, carried here until the `inbox` timer folds them (messages.ts). */
  messages?: Omit<MessageDoc, '_id' | 'readAt'>[];
  /**
   * 大病回访、困难必访 events the call's transaction made (care-events.ts), carried here like the messages and folded
   * into `care_events` by the same timer; `messagesPending` is set while either is carried.
   */
  careEvents?: CareEvent[];
  messagesPending?: boolean;
}

/**
 * 消息: one in-app message for its recipient (their openid), made from a notice whether or not they consented to
 * subscribe messages; `page` is the page of the case it is about; `readAt` null until they open it or mark all read.
 */
export interface MessageDoc {
  _id: string;
  recipient: string;
  title: string;
  body: string;
  page: string;
  createdAt: Date;
  readAt: Date | null;
}

/** `notify_settings/subscribe`: whether staff are asked for long-term subscribe messages (notify/subscribe-mode.ts). */
export interface NotifySetting {
  _id: string;
  staffLongTerm: boolean;
  updatedAt: Date;
  updatedBy: string;
}

/**
 * 周反馈's progress through a week (notify/weekly.ts), `weekly:<Monday, China time>`: the open status it is at
 * (`step`) and the last case id told in it (`after`), moved in the transaction that writes the page's notices.
 */
export interface WeeklyFeedbackJob {
  _id: string;
  kind: 'weekly';
  week: string;
  step: number;
  after: string;
  told: number;
  done: boolean;
  updatedAt: Date;
}

/** A posting as stored: both accounts listed, so "every posting of an account" is one indexed query. */
export type StoredPosting = Posting & { accounts: AccountId[] };

/** `point_rules.<community>`: the point rules, with the wish award rule and the merchant limits beside them. */
export type PointRulesDoc = Partial<Omit<PointRules, 'updatedAt'>> & {
  _id: string;
  updatedAt?: Date | null;
  award?: Partial<AwardRule>;
  merchant?: Partial<MerchantRules>;
};

/**
 * A merchant day's running totals, as kept before a shop's day moved onto the shop and a resident's onto their
 * virtue balance: no longer written or read.
 */
export interface MerchantTally {
  _id: string;
  total: number;
  count: number;
  updatedAt: Date;
}

/** 核验等级: one level check of a resident by a shop. */
export interface MerchantCheck {
  _id: string;
  shopId: string;
  residentId: string;
  merchantId: string;
  level: number;
  at: Date;
}

export interface ShopInspection {
  _id: string;
  shopId: string;
  communityId: string;
  checklist: Checklist;
  score: number;
  grade: string;
  points: number;
  note: string;
  by: string;
  byName: string;
  at: Date;
}

/** One consumer's rating of one shop on one day (its id says so: `<shopId>:<openid>:<day>`). */
export interface ShopRating {
  _id: string;
  shopId: string;
  raterId: string;
  raterName: string;
  stars: number;
  comment: string;
  /** The content check asked for review: the comment is kept but not shown. */
  hidden: boolean;
  /** Shop points the rules give for it; `posted` is what the ledger took (a deduction stops at zero). */
  points: number;
  posted: number | null;
  settled: boolean;
  at: Date;
}

/** One account's proven sum of postings in one kind of points. */
export interface AccountTotal {
  account: string;
  asset: Posting['asset'];
  total: number;
}

/**
 * The proven state of a community's ledger: every posting stamped before `through` adds up, per account,
 * to `totals` (the cached balances agreed, or the differences were reported). `_id` is the community id.
 */
export interface Checkpoint {
  _id: string;
  communityId: string;
  through: Date;
  totals: AccountTotal[];
  postings: number;
  provedAt: Date;
}

/**
 * A full re-proof of one community, carried from timer run to timer run: every posting stamped before `cut`
 * is read once, in `_id` order, and `totals` holds the sums of those up to `after`. The cursor and the sums
 * it covers are one document, written together, so a run killed at any point loses at most the page it was
 * adding up, and the next run takes it up again. `_id` is the community id.
 */
export interface ProofJob {
  _id: string;
  communityId: string;
  cut: Date;
  after: string;
  totals: AccountTotal[];
  postings: number;
  startedAt: Date;
  finishedAt: Date | null;
  /** What the finished proof found: accounts whose balance is not the sum of their postings. */
  differences: Difference[] | null;
}

/** The daily reconcile's report, kept per community and China-time day. */
export interface ReconciliationDoc {
  _id: string;
  communityId: string;
  accounts: number;
  postings: number;
  differences: Difference[];
  checkedAt: Date;
  checked: number;
}

/** A closed month's ranking as frozen by `points.closeMonth`; `_id` is `<communityId>:<month>`. */
export interface MonthSnapshot {
  _id: string;
  communityId: string;
  month: string;
  members: RankedMember[];
  closedAt: Date;
  closedBy: string;
  closedByName: string;
}

/** 党员积分明细: one entry of party points by staff, with its evidence. */
export interface PartyEntryDoc {
  _id: string;
  communityId: string;
  month: string;
  memberId: string;
  memberName: string;
  itemId: string;
  kind: PointItem['kind'];
  itemName: string;
  points: number;
  reason: string;
  evidence: { text: string; photos: string[] };
  by: string;
  byName: string;
  at: Date;
}

/** 党员报到: one document per person (`_id` = their openid), so a person has one report at a time. */
export interface MemberReportDoc {
  _id: string;
  personId: string;
  name: string;
  phone: string;
  streetId: string;
  communityId: string;
  category: '在职' | '离退休' | '流动';
  partyOrg: string;
  skills: string[];
  freeTimes: string;
  status: 'pending' | 'approved' | 'rejected';
  reason: string | null;
  createdAt: Date;
  decidedAt: Date | null;
  decidedBy: string | null;
}

/** A yearly 反向考评 of a unit by its community, kept on the unit (at most one a year, so few). */
export interface UnitEvaluation {
  year: number;
  score: number;
  comment: string;
  by: string;
  byName: string;
  at: Date;
}

/** 共建单位报到: reported by a registered person for the community they live or work in. */
export interface UnitReportDoc {
  _id: string;
  reporterId: string;
  streetId: string;
  communityId: string;
  name: string;
  partyOrg: string;
  contactName: string;
  contactPhone: string;
  resources: ('venue' | 'skills' | 'funds' | 'volunteers')[];
  offer: string;
  status: 'pending' | 'approved' | 'rejected';
  reason: string | null;
  createdAt: Date;
  decidedAt: Date | null;
  decidedBy: string | null;
  evaluations: UnitEvaluation[];
}

/** Each collection's document type, by the collection's name in `collections`. */
export interface Registry {
  users: UserProfile;
  org_units: OrgUnit;
  org_names: OrgNameGuard;
  categories: WishCategory;
  wishes: WishDoc;
  requests: RequestDoc;
  notifications: NoticeDoc;
  subscriptions: Grant;
  postings: StoredPosting;
  balances: BalanceDoc;
  reconciliations: ReconciliationDoc;
  ledger_checkpoints: Checkpoint;
  reconcile_jobs: ProofJob;
  party_tallies: PartyTally;
  point_rules: PointRulesDoc;
  point_items: PointItem;
  party_entries: PartyEntryDoc;
  party_months: MonthSnapshot;
  mall_items: MallItem;
  mall_orders: MallOrder;
  petitions: PetitionDoc;
  petition_cosigns: PetitionCosign;
  petition_categories: PetitionCategory;
  departments: Department;
  petition_settings: PetitionSettingsDoc;
  merchant_applications: MerchantApplication;
  shops: Shop;
  points_codes: PointsCode;
  merchant_charges: Charge;
  merchant_tallies: MerchantTally;
  merchant_checks: MerchantCheck;
  shop_inspections: ShopInspection;
  shop_ratings: ShopRating;
  role_log: RoleChange;
  roster_entries: RosterEntry;
  roster_heads: RosterHead;
  roster_imports: RosterImport;
  care_households: CareHousehold;
  care_events: CareEvent;
  care_visits: CareVisit;
  care_settings: CareSettings;
  posts: ServicePost;
  post_shifts: PostShift;
  post_ratings: PostRating;
  post_rating_tallies: PostRatingTally;
  join_applications: JoinApplication;
  member_reports: MemberReportDoc;
  unit_reports: UnitReportDoc;
  project_needs: ProjectNeed;
  project_resources: ProjectResource;
  projects: Project;
  project_ratings: ProjectRating;
  project_unit_years: ProjectUnitYear;
  stats: StatsDoc;
  stats_fold: StatsFoldDoc;
  stats_checks: StatsCheckDoc;
  my_data_jobs: MyDataJob;
  helper_bindings: HelperBinding;
  family_codes: FamilyCode;
  bulletins: BulletinDoc;
  export_jobs: ExportJob;
  export_parts: ExportPart;
  messages: MessageDoc;
  notify_jobs: WeeklyFeedbackJob;
  notify_settings: NotifySetting;
  open311_partners: Open311Partner;
  review_rounds: ReviewRound;
  review_ratings: ReviewRating;
  review_scores: ReviewScore;
  migrations: MigrationDoc;
  council_topics: CouncilTopic;
  council_ballots: CouncilBallot;
}

/**
 * A data migration's progress (cloudfunctions/migrate): one document per step, its `_id` the step's id. `cursor`
 * is the last document id its pages finished; `finishedAt` set means it never runs again.
 */
export interface MigrationDoc {
  _id: string;
  what: string;
  startedAt: Date;
  finishedAt: Date | null;
  cursor: string | null;
  /** Documents it changed, and the pages it took. */
  changed: number;
  pages: number;
  /** Why its last page failed (cleared by the next that succeeds). */
  lastError: string | null;
  updatedAt: Date;
}

/**
 * 我的数据's background work (user/my-data.ts): an erasure after 注销 (`erase:<openid>`), paged source by
 * source and carried from timer run to timer run (`step`, `offset`), removed when done; or an export file
 * being built (`export:<openid>`), kept with its file until the person asks again or goes.
 */
export interface MyDataJob {
  _id: string;
  kind: 'erase' | 'export';
  openid: string;
  status: 'pending' | 'done';
  /** Erase: the id that takes the person's place, and what to take out of every string (held only while it runs). */
  anonId: string | null;
  name: string;
  phone: string;
  /** The source (my-data.ts `sources`) the job is at, and how far into it. */
  step: number;
  offset: number;
  /** Erase: her community and those whose ledger checkpoints hold her account totals (the staff exports of them are dropped). */
  communities: string[];
  /** Export: the file built, and what it holds kind by kind. */
  fileID: string | null;
  summary: { key: string; title: string; count: number; truncated: boolean }[] | null;
  createdAt: Date;
  updatedAt: Date;
  doneAt: Date | null;
}

/** A cell of an exported row: text, a number, or empty. */
export type ExportCell = string | number | null;

/** One volunteer's shifts within an export's period, summed page by page (report/export-sources.ts). */
export interface VolunteerTally {
  holderId: string;
  name: string;
  communityId: string;
  shifts: number;
  minutes: number;
  points: number;
}

/**
 * 数据导出 (report/export.ts): one per person (`_id` = their openid), so a second export waits for the first.
 * `step`/`cursor` say where in its sources it is; each page of rows goes to an `export_parts` doc; when every
 * source is read the parts become one file in storage. Removed a day after it finished (with its file).
 */
export interface ExportJob {
  _id: string;
  openid: string;
  requestId: string;
  status: 'running' | 'done' | 'failed';
  /** The place (grid, community, street or `district`) and its name as the caller asked for it. */
  scope: string;
  scopeKind: 'grid' | 'community' | 'street' | 'district';
  scopeName: string;
  /** Postings know only their community: the communities of the place (empty for `district`: all). */
  communityIds: string[];
  /** Who exports, as the privacy rule needs them (the timer that builds the file has no caller). */
  viewer: { roles: string[]; communityId: string; streetId: string; adminScope?: 'street' | 'district' };
  from: string;
  to: string;
  kinds: ('cases' | 'postings' | 'hours' | 'bulletin')[];
  format: 'xlsx' | 'csv';
  /** The source (export-sources.ts `sourcesOf`) being read, and after which document (time, id). */
  step: number;
  cursor: { at: Date; id: string } | null;
  /** Pages of rows written so far (`export_parts` `<jobId>:<seq>`), and their rows. */
  parts: number;
  rows: number;
  tally: VolunteerTally[];
  fileID: string | null;
  fileName: string;
  error: string | null;
  createdAt: Date;
  updatedAt: Date;
  doneAt: Date | null;
}

/** One page of an export's rows (`<jobId>:<seq>`), for the sheet of `kind`; removed once the file is written. */
export interface ExportPart {
  _id: string;
  jobId: string;
  /** The job's requestId: parts of an earlier export of the same person are never mixed in. */
  requestId: string;
  seq: number;
  kind: 'cases' | 'postings' | 'hours' | 'bulletin';
  rows: ExportCell[][];
}

export type CollectionName = (typeof collections)[keyof typeof collections];
export type DocOf<N extends CollectionName> = Registry[N];

// Every collection has a document type, and the registry names no collection that does not exist.
type Exact<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
const registryCoversCollections: Exact<CollectionName, keyof Registry> = true;
void registryCoversCollections;
