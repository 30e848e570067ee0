import type { DbMeterEvent, MeteredQuery } from './db';
import type { FlagReason } from './db/coverage';

/** A query the cloud would run as a scan: no index serves it (`no-index`), or one serves it badly. */
export interface UncoveredQuery extends MeteredQuery {
  reason: 'no-index' | FlagReason;
  detail: string;
}

const NO_INDEX = 'no index of database/indexes.json serves it: the cloud reads the whole collection';

/** What one invocation cost. Documents read/written are as the database engine defines them (see db/index.ts). */
export interface InvocationRecord {
  invocationId: string;
  parentId: string | null;
  function: string;
  /** `event.action` when the event is a Linli action call, else null (e.g. timer events). */
  action: string | null;
  caller: { openid: string | null; source: string };
  trigger: string | null;
  startedAt: string;
  durationMs: number | null;
  ok: boolean | null;
  error: string | null;
  dbRequests: number;
  /** Documents returned, counted or targeted (see DbMeterEvent). */
  read: number;
  /** Documents the cloud would look at to answer with the declared indexes (see DbMeterEvent). */
  examined: number;
  written: number;
  /** Every query of the invocation that is uncovered or flagged: tests expect it empty. */
  uncovered: UncoveredQuery[];
}

type Counters = 'durationMs' | 'ok' | 'error' | 'dbRequests' | 'read' | 'examined' | 'written' | 'uncovered';

/** The last `capacity` invocations, newest last; database events are attributed through the invocation id. */
export class Meter {
  private readonly records: InvocationRecord[] = [];
  private readonly byId = new Map<string, InvocationRecord>();

  constructor(private readonly capacity = 1000) {}

  start(record: Omit<InvocationRecord, Counters>): InvocationRecord {
    const full: InvocationRecord = {
      ...record,
      durationMs: null,
      ok: null,
      error: null,
      dbRequests: 0,
      read: 0,
      examined: 0,
      written: 0,
      uncovered: [],
    };
    this.records.push(full);
    this.byId.set(full.invocationId, full);
    while (this.records.length > this.capacity) this.byId.delete(this.records.shift()!.invocationId);
    return full;
  }

  get(invocationId: string | undefined): InvocationRecord | undefined {
    return invocationId ? this.byId.get(invocationId) : undefined;
  }

  countRequest(invocationId: string | undefined): void {
    const record = this.get(invocationId);
    if (record) record.dbRequests += 1;
  }

  onDb(event: DbMeterEvent): void {
    const record = this.get(event.invocationId);
    if (!record) return;
    record.read += event.read;
    record.examined += event.examined;
    record.written += event.written;
    if (event.uncovered) record.uncovered.push({ ...event.uncovered, reason: 'no-index', detail: NO_INDEX });
    record.uncovered.push(...(event.flags ?? []));
  }

  last(n?: number): InvocationRecord[] {
    return n === undefined ? [...this.records] : this.records.slice(Math.max(0, this.records.length - n));
  }

  clear(): void {
    this.records.length = 0;
    this.byId.clear();
  }
}
