// The compiler checks documents instead of casts: a thin typed view over the SDK's collection API, typed by
// each collection's document type (documents.ts). Every method is exactly one SDK request, as the call it
// replaces was — the view only types what goes in and comes out.
import type { CollectionName, DocOf } from './documents';
import { _, db } from './runtime';

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

/** The SDK's aggregate builder, as far as grouped counts go. */
export interface RawAggregate {
  match(query: object): RawAggregate;
  group(spec: object): RawAggregate;
  limit(n: number): RawAggregate;
  end(): Promise<{ list: unknown[] }>;
}

export interface RawCollection extends RawQuery {
  doc(id: string): RawDoc;
  aggregate(): RawAggregate;
  add(options: { data: object }): Promise<{ _id: string }>;
}

/** An insert of many documents in one request (the SDK answers their ids). */
interface RawBatch {
  add(options: { data: object[] }): Promise<{ _ids: string[] }>;
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

/** The most values countBy tells apart (grids of a street, communities of a district…): far above any real org. */
const COUNT_BY_MAX_GROUPS = 1000;

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

  /**
   * How many documents match `where`, per value of `field` (documents without one are left out): one request.
   * The explicit limit matters: the cloud returns only 20 results of an aggregate that has none.
   */
  async countBy(where: Query<T>, field: keyof T & string): Promise<Map<string, number>> {
    const res = await this.col
      .aggregate()
      .match(where)
      .group({ _id: `$${field}`, n: db.command.aggregate.sum(1) })
      .limit(COUNT_BY_MAX_GROUPS)
      .end();
    const groups = res.list as { _id: unknown; n: number }[];
    return new Map(groups.filter((g) => typeof g._id === 'string').map((g) => [g._id as string, g.n]));
  }

  async add(doc: NewDoc<T>): Promise<string> {
    return (await this.col.add({ data: doc }))._id;
  }

  /** Inserts many documents in one request; a duplicate id fails it (a bulk import stages its pages this way). */
  async addMany(docs: readonly NewDoc<T>[]): Promise<void> {
    await (this.col as unknown as RawBatch).add({ data: [...docs] });
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
