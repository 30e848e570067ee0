import type { AccountId, Posting } from '../../src/shared/domain/ledger';
import type { MallItem, MallOrder } from '../../src/shared/domain/mall';
import type { MerchantApplication, MerchantRules, Shop } from '../../src/shared/domain/merchant';
import type { Charge } from '../../src/shared/domain/merchant-charge';
import type { Checklist } from '../../src/shared/domain/merchant-shop';
import type { OrgUnit, UserProfile } from '../../src/shared/domain/org';
import type { PartyTally, RankedMember } from '../../src/shared/domain/party';
import type { PointItem } from '../../src/shared/domain/point-items';
import type { PointRules } from '../../src/shared/domain/point-rules';
import type { PointsCode } from '../../src/shared/domain/points-code';
import type { AwardRule } from '../../src/shared/domain/award';
import type { Difference } from '../../src/shared/domain/ledger';
import type { WishCategory } from '../../src/shared/domain/wish';
import type { WishDoc } from '../wish/wish-repo';
import type { BalanceDoc } from './ledger';
import { _, collections, db } from './runtime';

/**
 * The compiler checks documents instead of casts: each collection's document type, and a thin typed view
 * over the SDK's collection API. Every method is exactly one SDK request, as before — the wrapper only types.
 */

/** A document of a collection this registry does not describe yet (its owners still cast it). */
export interface Unchecked {
  _id: string;
  [field: string]: unknown;
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

/** A merchant day's running totals (`tallyId.shop` / `tallyId.resident`). */
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

/** Each collection's document type, by the collection's name in `collections`. */
export interface Registry {
  users: UserProfile;
  org_units: OrgUnit;
  categories: WishCategory;
  wishes: WishDoc;
  requests: Unchecked;
  notifications: Unchecked;
  subscriptions: Unchecked;
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
  petitions: Unchecked;
  petition_cosigns: Unchecked;
  petition_categories: Unchecked;
  departments: Unchecked;
  petition_settings: Unchecked;
  merchant_applications: MerchantApplication;
  shops: Shop;
  points_codes: PointsCode;
  merchant_charges: Charge;
  merchant_tallies: MerchantTally;
  merchant_checks: MerchantCheck;
  shop_inspections: ShopInspection;
  shop_ratings: ShopRating;
}

export type CollectionName = (typeof collections)[keyof typeof collections];
export type DocOf<N extends CollectionName> = Registry[N];

// Every collection has a document type, and the registry names no collection that does not exist.
type Exact<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
const registryCoversCollections: Exact<CollectionName, keyof Registry> = true;
void registryCoversCollections;

/**
 * A query command (`_.gt(…)`, `_.in(…)`, `_.inc(…)`, `db.serverDate()`): the SDK builds them untyped, so they
 * are accepted as such at this boundary — the documents around them are what is checked.
 */
export interface Command {
  readonly [command]: true;
}
declare const command: unique symbol;

type ElementOf<V> = V extends readonly (infer E)[] ? E : never;

/** A field's condition: its value, one element of an array field (the SDK matches arrays by element), or a command. */
type Match<V> = V | ElementOf<V> | Command;

/** Conditions on a document's fields, or on nested ones by dotted path (`'award.status'`, `'lots.expiresAt'`). */
export type Query<T> = { [K in keyof T]?: Match<T[K]> } & { [path: `${string}.${string}`]: unknown };

/** Field values or update commands; nested fields by dotted path. */
export type Changes<T> = { [K in keyof Omit<T, '_id'>]?: T[K] | Command } & { [path: `${string}.${string}`]: unknown };

/** What a new document is written with: its fields, and an id when the caller chooses it. */
export type NewDoc<T extends { _id: string }> = Omit<T, '_id'> & { _id?: string };

/** The part of the SDK's query/collection/document objects this view talks to. */
export interface RawQuery {
  where(query: object): RawQuery;
  orderBy(field: string, dir: 'asc' | 'desc'): RawQuery;
  skip(n: number): RawQuery;
  limit(n: number): RawQuery;
  field(fields: object): RawQuery;
  get(): Promise<{ data: unknown[] }>;
  count(): Promise<{ total: number }>;
  update(options: { data: object }): Promise<{ stats: { updated: number } }>;
  remove(): Promise<{ stats: { removed: number } }>;
}

export interface RawDoc {
  get(): Promise<{ data?: unknown }>;
  set(options: { data: object }): Promise<unknown>;
  update(options: { data: object }): Promise<{ stats?: { updated?: number }; updated?: number }>;
  remove(): Promise<unknown>;
}

export interface RawCollection extends RawQuery {
  doc(id: string): RawDoc;
  add(options: { data: object }): Promise<{ _id: string }>;
}

/** The SDK's transaction object (what `transact` hands its work), as far as documents go. */
export interface Tx {
  collection(name: string): { doc(id: string): RawDoc; add(options: { data: object }): Promise<{ _id?: string }> };
}

/** A query in the making; `get()` answers the matching documents. */
export class Found<T extends { _id: string }> {
  constructor(private readonly raw: RawQuery) {}

  where(query: Query<T>): Found<T> {
    return new Found(this.raw.where(query));
  }

  orderBy(field: keyof T & string, dir: 'asc' | 'desc'): Found<T> {
    return new Found(this.raw.orderBy(field, dir));
  }

  skip(n: number): Found<T> {
    return new Found(this.raw.skip(n));
  }

  limit(n: number): Found<T> {
    return new Found(this.raw.limit(n));
  }

  /** Only these fields (and `_id`) are read. */
  field<K extends keyof T & string>(fields: Record<K, true>): Found<Pick<T, K | '_id'>> {
    return new Found(this.raw.field(fields));
  }

  async get(): Promise<T[]> {
    return (await this.raw.get()).data as T[];
  }

  /** One page in the order asked for; one extra row says whether more follow. */
  async page(offset: number, limit: number): Promise<{ docs: T[]; nextOffset: number | null }> {
    const docs = await this.skip(offset)
      .limit(limit + 1)
      .get();
    return { docs: docs.slice(0, limit), nextOffset: docs.length > limit ? offset + limit : null };
  }

  async count(): Promise<number> {
    return (await this.raw.count()).total;
  }

  /** Changes every matching document; answers how many changed. */
  async update(changes: Changes<T>): Promise<number> {
    return (await this.raw.update({ data: changes })).stats.updated;
  }

  /** Removes every matching document; answers how many went. */
  async remove(): Promise<number> {
    return (await this.raw.remove()).stats.removed;
  }
}

const updatedOf = (res: { stats?: { updated?: number }; updated?: number } | undefined) => Number(res?.stats?.updated ?? res?.updated ?? 0);

/** One document by id, or null; the id is the key it was read by (a stored document need not repeat it). */
async function read<T extends { _id: string }>(ref: RawDoc, id: string): Promise<T | null> {
  const res = await ref.get();
  return res.data ? ({ ...(res.data as object), _id: id } as T) : null;
}

/** One collection, typed by the registry. */
export class Table<T extends { _id: string }> extends Found<T> {
  constructor(private readonly col: RawCollection) {
    super(col);
  }

  override get(): Promise<T[]>;
  override get(id: string): Promise<T | null>;
  override get(id?: string): Promise<T[] | T | null> {
    return id === undefined ? super.get() : read<T>(this.col.doc(id), id);
  }

  /** Documents by id, in one read; missing ids and nulls are skipped. */
  async byIds(ids: readonly (string | null)[]): Promise<Map<string, T>> {
    const wanted = [...new Set(ids.filter((id): id is string => Boolean(id)))];
    if (wanted.length === 0) return new Map();
    const docs = await this.where({ _id: _.in(wanted) })
      .limit(wanted.length)
      .get();
    return new Map(docs.map((doc) => [doc._id, doc]));
  }

  async add(doc: NewDoc<T>): Promise<string> {
    return (await this.col.add({ data: doc }))._id;
  }

  /** Writes the whole document under `id` (created or replaced). */
  async set(id: string, fields: Omit<T, '_id'>): Promise<void> {
    await this.col.doc(id).set({ data: fields });
  }

  /** Changes fields of the document `id`; answers 1 when it exists, 0 when not. */
  async change(id: string, changes: Changes<T>): Promise<number> {
    return updatedOf(await this.col.doc(id).update({ data: changes }));
  }

  async delete(id: string): Promise<void> {
    await this.col.doc(id).remove();
  }
}

/** One collection inside a transaction: reads see the transaction's state, writes land with it. */
export class TxTable<T extends { _id: string }> {
  constructor(
    private readonly tx: Tx,
    private readonly name: CollectionName,
  ) {}

  private doc(id: string): RawDoc {
    return this.tx.collection(this.name).doc(id);
  }

  get(id: string): Promise<T | null> {
    return read<T>(this.doc(id), id);
  }

  async add(doc: NewDoc<T>): Promise<void> {
    await this.tx.collection(this.name).add({ data: doc });
  }

  async set(id: string, fields: Omit<T, '_id'>): Promise<void> {
    await this.doc(id).set({ data: fields });
  }

  /** Answers 1 when the document exists (and was changed), 0 when not. */
  async change(id: string, changes: Changes<T>): Promise<number> {
    return updatedOf(await this.doc(id).update({ data: changes }));
  }

  async delete(id: string): Promise<void> {
    await this.doc(id).remove();
  }
}

/** The collection `name`, its documents typed. */
export function table<N extends CollectionName>(name: N): Table<DocOf<N>> {
  return new Table<DocOf<N>>(db.collection(name) as RawCollection);
}

/** The collection `name` inside the transaction `tx`. */
export function tableIn<N extends CollectionName>(tx: Tx, name: N): TxTable<DocOf<N>> {
  return new TxTable<DocOf<N>>(tx, name);
}
