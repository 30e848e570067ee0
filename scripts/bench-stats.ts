// The reports' "reads that stay flat" (issue 14): docs read by report.dashboard, report.gridRanking and the first
// page of report.cases over a year of one community, with
// 10 k and with 1 M case events (petition steps) in the store. The events are written straight into the
// emulator's store (its own Store class, the emulator stopped) as copies of one petition played through the real
// actions, spread over the past year, together with the stats documents the fold would have made of them — so
// the counters agree with the cases (the verify job's check of yesterday is printed) and 1 M events take a
// minute or two, not a million calls.
import { join } from 'node:path';
import { defaultLadderConfig } from '../src/shared/domain/petition-ladder';
import { docDeltas, sumCounters, type Counters, type StatsPeriod } from '../src/shared/domain/stats';
import { dayCst } from '../src/shared/domain/time';
import { petitionChanges } from '../cloudfunctions/report/stat-changes';
import type { PetitionDoc } from '../cloudfunctions/petition/petition-repo';
import { Store, type Write } from '../emulator/src/db/store';
import { databaseOf } from '../test/functions/ledger-fixture';
import { caller } from '../test/functions/call';
import { ramp, upload } from '../test/functions/petition-fixtures';
import { startEmulator, type TestEmulator } from '../test/helpers/emulator';

const sun = 'demo-staff-sun';
const liu = 'demo-grid-liu';
const qian = 'demo-street-qian';
const wang = 'demo-resident-wang';
const luo = 'demo-district-luo';
const DAY_MS = 86_400_000;
const CHUNK = 10_000;

/**
 * One petition through the real actions as today's ladder plays it, and folded: filed, taken and passed up by the
 * grid and the community, resolved by the street, verified on site by its grid worker (待验证 → 待评价), rated —
 * nine steps, so a million events are 111 k cases.
 */
async function template(emu: TestEmulator): Promise<PetitionDoc> {
  const call = caller(() => emu);
  const id: string = (await call(wang, 'petition.create', ramp, 'bench-stats-create')).data.petition.id;
  const petitionId = { petitionId: id };
  for (const [who, action, extra] of [
    [liu, 'petition.accept', {}],
    [liu, 'petition.escalate', { reason: '需要社区协调' }],
    [sun, 'petition.accept', {}],
    [sun, 'petition.escalate', { reason: '需要街道协调施工' }],
    [qian, 'petition.accept', {}],
    [qian, 'petition.resolve', { feedback: '坡道已经修好了' }],
    [liu, 'petition.verify', { result: 'resolved', note: '到现场看过，已经修好', photos: [await upload(emu, liu, 'site.png')] }],
    [wang, 'petition.rate', { rating: 'satisfied' }],
  ] as const) {
    const reply = await call(who, action, { ...petitionId, ...extra }, `bench-stats-${action.replace('.', '-')}-${who}`);
    if (!reply.ok) throw new Error(`${action}: ${reply.code} ${reply.message}`);
  }
  await emu.clock({ advanceMs: 3 * 60_000 });
  await emu.invoke('report', { Type: 'timer', TriggerName: 'stats' });
  const doc = (await databaseOf(emu).collection('petitions').doc(id).get()).data;
  return { ...doc, _id: id };
}

/** A copy of the template filed `ageMs` before `now`, every step moved with it; counted already (not marked). */
function copyOf(t: PetitionDoc, i: number, now: number, ageMs: number): PetitionDoc {
  const shift = now - ageMs - new Date(t.createdAt).getTime();
  const at = (d: Date | null) => (d ? new Date(new Date(d).getTime() + shift) : d);
  const history = t.history.map((s) => ({ ...s, at: at(s.at)! }));
  return {
    ...t,
    _id: `bench-${String(i).padStart(7, '0')}`,
    gridId: i % 2 === 0 ? 'grid-1' : 'grid-2',
    createdAt: at(t.createdAt)!,
    updatedAt: history[history.length - 1].at,
    history,
    statsDirty: false,
    statsCounted: history.length,
  };
}

/**
 * Writes `events` case events (the template's steps, so events / steps copies) into the stopped emulator's store,
 * with the stats documents of the fold added to those already there.
 */
function writeEvents(dataDir: string, t: PetitionDoc, events: number, now: number): number {
  const store = new Store(join(dataDir, 'db.sqlite'));
  try {
    const copies = Math.ceil(events / t.history.length);
    const stats = new Map<string, { scope: string; period: StatsPeriod; key: string; counters: Counters }>();
    for (let from = 0; from < copies; from += CHUNK) {
      const docs = Array.from({ length: Math.min(CHUNK, copies - from) }, (_, k) => {
        const i = from + k;
        // Spread over the past year (a day back each step of the golden ratio), an hour at least in the past.
        return copyOf(t, i, now, 3_600_000 + ((i * 0.6180339887) % 1) * 364 * DAY_MS);
      });
      for (const [id, d] of docDeltas(docs.flatMap((p) => petitionChanges(p, 0, defaultLadderConfig)))) {
        const was = stats.get(id);
        stats.set(id, was ? { ...was, counters: sumCounters([was.counters, d.counters]) } : d);
      }
      store.apply(docs.map((doc): Write => ({ coll: 'petitions', id: doc._id, doc: doc as unknown as Write['doc'] })));
    }
    const writes: Write[] = [...stats].map(([id, d]) => {
      const was = store.get('stats', id)?.doc as { counters?: Counters } | undefined;
      const doc = {
        _id: id,
        scope: d.scope,
        period: d.period,
        key: d.key,
        counters: sumCounters([was?.counters ?? {}, d.counters]),
        updatedAt: new Date(now),
      };
      return { coll: 'stats', id, doc };
    });
    store.apply(writes);
    return copies;
  } finally {
    store.close();
  }
}

interface Reads {
  requests: number;
  read: number;
}

export interface StatsReads {
  events: number;
  dashboard: Reads;
  /** 网格排名 over the same year. */
  gridRanking: Reads;
  /** The first page of the list behind the year's 已办结 number (its count included). */
  resolvedList: Reads;
  /** Differences the verify job found on yesterday's district (0: the fixtures agree with their counters). */
  differences: number;
  cases: number;
}

/** Docs read by report.dashboard over the past year of 梧桐社区 with `events` case events in the store. */
export async function dashboardReadsAt(events: number): Promise<StatsReads> {
  const emu = await startEmulator({ startLimitS: 600 });
  try {
    const call = caller(() => emu);
    const t = await template(emu);
    const now = Date.parse((await emu.clock()).now);
    await emu.kill('SIGTERM');
    writeEvents(emu.dataDir, t, events, now);
    await emu.restart();
    const to = dayCst(new Date(now));
    const from = dayCst(new Date(now - 364 * DAY_MS));
    // The first call warms the instance (names, categories); the second is what a running community pays.
    const warm = async (action: string, payload: Record<string, unknown>): Promise<Reads> => {
      for (let i = 0; i < 2; i++) {
        const reply = await call(sun, action, payload);
        if (!reply.ok) throw new Error(`${action}: ${reply.code} ${reply.message}`);
      }
      const [record] = await emu.meter(1);
      return { requests: record.dbRequests, read: record.read };
    };
    const dashboard = await warm('report.dashboard', { from, to });
    const gridRanking = await warm('report.gridRanking', { from, to });
    const resolvedList = await warm('report.cases', { from, to, metric: 'resolved' });
    const check = await call(luo, 'report.verify', { scope: 'district', day: dayCst(new Date(now - DAY_MS)) }, 'bench-stats-verify');
    let done: any = null;
    for (let i = 0; i < 100 && !done; i++) {
      await emu.invoke('report', { Type: 'timer', TriggerName: 'stats' });
      const reply: any = await call(luo, 'report.verifyResult', { checkId: check.data.check.id });
      if (reply.data.check.status === 'done') done = reply.data.check;
    }
    return {
      events,
      dashboard,
      gridRanking,
      resolvedList,
      differences: done ? done.differences.length : -1,
      cases: done ? done.cases : -1,
    };
  } finally {
    await emu.stop();
  }
}
