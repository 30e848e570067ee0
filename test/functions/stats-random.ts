// A randomized mix of the actions the reports count — wishes, petitions (timer escalations and 督办 cards by the
// emulator clock, 催办 and the card of a third one included), points awards, deductions and mall orders, duty shifts
// checked out and corrected — and a count of every stats document made afresh from what the database holds, to
// compare with what the stats timer folded. Seeded: the seed is printed, and `LINLI_STATS_SEED=<n>` replays a run.
import { defaultLadderConfig } from '../../src/shared/domain/petition-ladder';
import { docDeltas, type Counters, type StatChange } from '../../src/shared/domain/stats';
import { countedMinutes } from '../../src/shared/domain/post';
import { petitionChanges, postingChanges, shiftChange, wishChanges } from '../../cloudfunctions/report/stat-changes';
import type { TestEmulator } from '../helpers/emulator';
import { newWish } from './call';
import { databaseOf } from './ledger-fixture';
import { HOUR, upload } from './petition-fixtures';
import { feng, he, li, liu, luo, members, qian, sun, wang, xu, zhao } from './personas';

type Call = (openid: string | undefined, action: string, payload?: unknown, requestId?: string) => Promise<any>;

/** mulberry32: small, fast, and the same sequence for the same seed. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function seedOf(label: string): number {
  const seed = Number(process.env.LINLI_STATS_SEED ?? Math.floor(Math.random() * 2 ** 31));
  console.log(`${label}: seed ${seed} (replay with LINLI_STATS_SEED=${seed})`);
  return seed;
}

/** What the run did that succeeded, counted by the test itself (a check independent of the fold's arithmetic). */
export interface Tally {
  calls: number;
  petitionsFiled: number;
  wishesCreated: number;
  ratings: number;
  /** Per action: calls that succeeded / were refused (printed, so a run that did little shows it). */
  outcomes: Record<string, [number, number]>;
}

const residents = [
  { openid: wang, grid: liu, payload: {} },
  { openid: li, grid: zhao, payload: { location: { kind: 'building', buildingId: 'building-5', detail: '楼下' } } },
];
const categories = ['accessibility', 'streetlight', 'road'];
const departmentStaff: Record<string, string> = { 区住建局: he, 区城管局: xu, 区供热办: feng };
const ratings = ['satisfied', 'basic', 'unsatisfied'] as const;
const verifyResults = ['resolved', 'partial', 'unresolved'] as const;

interface Case {
  id: string;
  reporter: string;
  grid: string;
}

interface WishCase extends Case {
  claimant: string | null;
}

/**
 * Plays random steps until `count` calls have been made (steps that let time pass or find nothing to do make none). `between(i)` runs before call i (the kill -9 test kills the emulator there).
 * Calls may be refused (a wish already claimed, a case that climbed meanwhile): what counts is what committed.
 */
export async function randomRun(
  emu: () => TestEmulator,
  call: Call,
  rand: () => number,
  count: number,
  between: (i: number) => Promise<void> = async () => undefined,
): Promise<Tally> {
  const tally: Tally = { calls: 0, petitionsFiled: 0, wishesCreated: 0, ratings: 0, outcomes: {} };
  const petitions: Case[] = [];
  const wishes: WishCase[] = [];
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];
  let n = 0;
  const act = async (who: string, action: string, payload: unknown) => {
    tally.calls++;
    const reply = await call(who, action, payload, `rnd-${n}-${tally.calls}-${Math.floor(rand() * 1e9)}`);
    const seen = (tally.outcomes[action] ??= [0, 0]);
    seen[reply.ok ? 0 : 1]++;
    return reply;
  };

  const petitionStep = async () => {
    if (petitions.length === 0 || rand() < 0.25) {
      const r = pick(residents);
      const reply = await act(r.openid, 'petition.create', {
        categoryId: pick(categories),
        description: '楼下的路面坏了一大块，老人走路容易摔倒',
        location: { kind: 'building', buildingId: 'building-2', detail: '1单元门口' },
        ...r.payload,
      });
      if (reply.ok) {
        tally.petitionsFiled++;
        petitions.push({ id: reply.data.petition.id, reporter: r.openid, grid: r.grid });
      }
      return;
    }
    const c = pick(petitions);
    const got = await call(c.reporter, 'petition.get', { petitionId: c.id });
    if (!got.ok) return;
    const p = got.data.petition;
    const ref = { petitionId: c.id };
    const holder =
      { grid: c.grid, community: sun, street: qian, district: luo, department: departmentStaff[p.holder.unitName] }[p.level as string] ?? sun;
    if (p.status === 'verifying') {
      // 待验证: the resident answers (已解决 with a rating closes it in one tap) or the grid worker checks on site.
      const result = pick(verifyResults);
      if (rand() < 0.5) {
        const rating = result === 'resolved' && rand() < 0.5 ? pick(['satisfied', 'basic'] as const) : undefined;
        const reply = await act(c.reporter, 'petition.confirm', { ...ref, result, ...(rating ? { rating } : {}) });
        if (reply.ok && rating) tally.ratings++;
      } else {
        // The grid's worker checks on site; what the grid resolved itself, the community checks.
        const verifier = p.resolution?.level === 'grid' ? sun : c.grid;
        const photos = [await upload(emu(), verifier, 'site.png')];
        await act(verifier, 'petition.verify', { ...ref, result, note: '到现场看过了', photos });
      }
      return;
    }
    // 催办 now and then (once a China day): urge lines, and a third urge's yellow card, in the histories folded.
    if (p.urge === 'may' && rand() < 0.2) {
      await act(c.reporter, 'petition.urge', ref);
      return;
    }
    if (p.status === 'resolved') {
      const rating = pick(ratings);
      const reply = await act(c.reporter, 'petition.rate', { ...ref, rating, ...(rating === 'unsatisfied' ? { comment: '还是没修好' } : {}) });
      if (reply.ok) tally.ratings++;
      return;
    }
    if (p.status !== 'pending' && p.status !== 'accepted') return;
    if (p.status === 'pending') {
      if (rand() < 0.08) await act(holder, 'petition.dismiss', { ...ref, reason: '与另一条诉求重复' });
      else
        await act(
          holder,
          p.level === 'department' ? 'petition.report' : 'petition.accept',
          p.level === 'department' ? { ...ref, note: '已派人查看' } : ref,
        );
      return;
    }
    const x = rand();
    if (x < 0.55) {
      const photos =
        p.level === 'grid'
          ? { beforePhotos: [await upload(emu(), holder, 'before.png')], afterPhotos: [await upload(emu(), holder, 'after.png')] }
          : {};
      await act(holder, 'petition.resolve', { ...ref, feedback: '已经处理好了，请查看', ...photos });
    } else if (p.level === 'street' && x < 0.8) {
      await act(holder, 'petition.summon', { ...ref, departmentId: pick(['dept-housing', 'dept-urban']), reason: '请部门到现场处理' });
    } else if (p.level !== 'district') {
      await act(holder, 'petition.escalate', { ...ref, reason: '本级办不了，请上级协调' });
    }
  };

  const wishStep = async () => {
    const open = wishes.filter((w) => w.id);
    if (open.length === 0 || rand() < 0.25) {
      const r = pick(residents);
      const reply = await act(r.openid, 'wish.create', newWish);
      if (reply.ok) {
        tally.wishesCreated++;
        wishes.push({ id: reply.data.wish.id, reporter: r.openid, grid: r.grid, claimant: null });
      }
      return;
    }
    const w = pick(open);
    const got = await call(w.reporter, 'wish.get', { wishId: w.id });
    if (!got.ok) return;
    const ref = { wishId: w.id };
    switch (got.data.wish.status) {
      case 'submitted':
        await act(w.grid, 'wish.approve', { ...ref, points: 10 });
        return;
      case 'approved': {
        const member = pick(members);
        if ((await act(member, 'wish.claim', ref)).ok) w.claimant = member;
        return;
      }
      case 'claimed':
        if (w.claimant) await act(w.claimant, 'wish.checkIn', ref);
        return;
      case 'in_service':
        if (w.claimant) await act(w.claimant, 'wish.complete', { ...ref, proof: '已上门帮忙处理好了' });
        return;
      case 'done':
        await act(w.reporter, 'wish.confirm', { ...ref, rating: 1 + Math.floor(rand() * 5), comment: '谢谢' });
        return;
    }
  };

  const pointsStep = async () => {
    const x = rand();
    const who = pick([wang, li, ...members.slice(0, 2)]);
    if (x < 0.5) await act(sun, 'points.award', { openid: who, asset: 'volunteer', amount: 1 + Math.floor(rand() * 60), reason: '志愿服务' });
    else if (x < 0.75) await act(sun, 'points.deduct', { openid: who, asset: 'volunteer', amount: 1 + Math.floor(rand() * 3), reason: '更正' });
    else await act(pick([wang, li]), 'mall.order', { itemId: 'mall-rice', qty: 1 });
  };

  // 值班 on a post open around the clock: two members check in and out as time passes; staff correct a shift.
  const duty = { postId: '', onDuty: new Set<string>(), done: [] as string[] };
  const always = { days: [0, 1, 2, 3, 4, 5, 6], start: '00:00', end: '23:59', maxHours: 12 };
  const dutyStep = async () => {
    if (!duty.postId) {
      const post = { placeId: 'grid-1', type: 'elder_helper', title: '随机值班岗', slots: 2, schedule: always, pointsPerHour: 2 };
      const reply = await act(sun, 'post.publish', post);
      if (reply.ok) duty.postId = reply.data.post.id;
      return;
    }
    if (duty.done.length > 0 && rand() < 0.15) {
      await act(sun, 'post.correct', { shiftId: pick(duty.done), reason: '当天未到岗，误签' });
      return;
    }
    const member = pick(members.slice(0, 2));
    const ref = { postId: duty.postId };
    if (duty.onDuty.has(member)) {
      const reply = await act(member, 'post.checkOut', ref);
      if (reply.ok) duty.done.push(reply.data.shift.id);
      if (reply.ok || reply.code === 'POST_NO_SHIFT') duty.onDuty.delete(member);
      return;
    }
    let reply = await act(member, 'post.checkIn', ref);
    if (reply.code === 'POST_NOT_HOLDER' && (await act(member, 'post.claim', ref)).ok) reply = await act(member, 'post.checkIn', ref);
    if (reply.ok || reply.code === 'POST_SHIFT_OPEN') duty.onDuty.add(member);
  };

  for (n = 0; tally.calls < count; n++) {
    await between(n);
    const x = rand();
    if (x < 0.06) {
      // Hours or days pass: deadlines run out (the petition timer climbs cases), wishes confirm themselves.
      await emu().clock({ advanceMs: Math.floor((1 + rand() * 30) * HOUR) });
      await emu().fireTrigger('petition');
    } else if (x < 0.45) await petitionStep();
    else if (x < 0.8) await wishStep();
    else if (x < 0.88) await dutyStep();
    else await pointsStep();
  }
  return tally;
}

/** Runs the stats timer until it has folded everything (postings are folded two minutes behind the clock). */
export async function foldAll(emu: TestEmulator): Promise<void> {
  await emu.clock({ advanceMs: 3 * 60_000 });
  for (let i = 0; i < 50; i++) {
    const r = await emu.invoke<{ ok?: boolean; caughtUp?: boolean; petitions: number; wishes: number; postings: number }>('report', {
      Type: 'timer',
      TriggerName: 'stats',
    });
    if (r.caughtUp) return;
  }
  throw new Error('the stats timer did not catch up in 50 runs');
}

async function readAll(db: any, name: string): Promise<any[]> {
  const out: any[] = [];
  for (;;) {
    const page = await db.collection(name).skip(out.length).limit(1000).get();
    out.push(...page.data);
    if (page.data.length < 1000) return out;
  }
}

/** Every stats document as the events say it should be (`<scope>:<day|month>` → counters), made afresh from the database. */
export async function countAfresh(emu: TestEmulator): Promise<{ expected: Map<string, Counters>; stored: Map<string, Counters> }> {
  const db = databaseOf(emu);
  const [petitions, wishes, postings, units, stats, shifts] = await Promise.all(
    ['petitions', 'wishes', 'postings', 'org_units', 'stats', 'post_shifts'].map((name) => readAll(db, name)),
  );
  const street = new Map<string, string>(units.map((u: any) => [u._id, u.path?.[0]]));
  const changes: StatChange[] = [
    ...petitions.flatMap((p) => petitionChanges(p, 0, defaultLadderConfig)),
    ...wishes.flatMap((w) => wishChanges(w, 0)),
    ...postings.flatMap((p) => postingChanges(p, [p.communityId, ...(street.get(p.communityId) ? [street.get(p.communityId)!] : []), 'district'])),
    ...shifts.flatMap((s) => shiftChange(s, countedMinutes(s))),
  ];
  const expected = new Map([...docDeltas(changes)].map(([id, d]) => [id, d.counters]));
  return { expected, stored: new Map(stats.map((s: any) => [s._id, s.counters])) };
}

/** The documents and counters where the two disagree (hours are sums of fractions: compared to 1e-6). */
export function disagreements(expected: Map<string, Counters>, stored: Map<string, Counters>): string[] {
  const out: string[] = [];
  for (const id of new Set([...expected.keys(), ...stored.keys()])) {
    const [e, s] = [expected.get(id) ?? {}, stored.get(id) ?? {}];
    for (const k of new Set([...Object.keys(e), ...Object.keys(s)])) {
      const [a, b] = [e[k] ?? 0, s[k] ?? 0];
      if (Math.abs(a - b) > 1e-6 * Math.max(1, Math.abs(a))) out.push(`${id} ${k}: events ${a}, stored ${b}`);
    }
  }
  return out;
}

/** Queues a check of each day through report.verify and runs the stats timer until all are done; answers their replies. */
export async function verifyDays(emu: TestEmulator, call: Call, days: readonly string[], scope = 'district', who = luo): Promise<any[]> {
  const ids: string[] = [];
  for (const day of days) {
    const reply = await call(who, 'report.verify', { scope, day }, `verify-${scope}-${day}-${Math.floor(Math.random() * 1e9)}`);
    if (!reply.ok) throw new Error(`report.verify ${day}: ${reply.code} ${reply.message}`);
    ids.push(reply.data.check.id);
  }
  for (let i = 0; i < 100; i++) {
    const checks = await Promise.all(ids.map(async (checkId) => (await call(who, 'report.verifyResult', { checkId })).data.check));
    if (checks.every((c) => c.status === 'done')) return checks;
    await emu.invoke('report', { Type: 'timer', TriggerName: 'stats' });
  }
  throw new Error('the checks did not finish in 100 timer runs');
}
