// The demo month (scripts/emulator/seed/month.ts): what `npm start` seeds a fresh data dir with, played through the
// functions on the emulator clock. The ledger it leaves reconciles, and every state a newcomer or a staff member
// should meet is there.
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { closedMonth } from '../../src/shared/domain/bulletin';
import { petitionLevels } from '../../src/shared/domain/petition-ladder';
import { petitionStatuses } from '../../src/shared/domain/petition';
import { wishStatuses } from '../../src/shared/domain/wish';
import { decodeEJSON } from '../../emulator/src/db/ejson';
import { startEmulator, type TestEmulator } from '../helpers/emulator';
import { caller, ok } from './call';

let emu: TestEmulator;
const call = caller(() => emu);
beforeAll(async () => {
  emu = await startEmulator({ env: { LINLI_SEED: 'month' } });
}, 180_000);
afterAll(() => emu?.stop());

const sun = 'demo-staff-sun';
/** A WeChat user nobody registered, as a newcomer opening the app. */
const stranger = 'wx-stranger-seed-month';

/** Every stored document of a collection, as the store keeps it. */
function stored(collection: string): any[] {
  const db = new Database(join(emu.dataDir, 'db.sqlite'), { readonly: true, fileMustExist: true });
  try {
    const rows = db.prepare('SELECT doc FROM docs WHERE coll = ?').all(collection) as { doc: string }[];
    return rows.map((r) => decodeEJSON(r.doc, 0));
  } finally {
    db.close();
  }
}

/** What the month looks like, independent of the ids the database drew: for comparing two runs. */
function shape() {
  const wishes = stored('wishes').map((w) => `${w.title}:${w.status}:${w.points}:${w.rating?.stars ?? '-'}`);
  const petitions = stored('petitions').map((p) => `${p.description}:${p.status}:${p.level}:${p.outcome}`);
  const postings = stored('postings').map((p) => `${p.asset}:${p.amount}`);
  return { wishes: wishes.sort(), petitions: petitions.sort(), postings: postings.sort() };
}

describe('the demo month', () => {
  it('leaves a ledger that reconciles to zero', async () => {
    const report = ok(await call(sun, 'points.reconcile'));
    expect(report.differences).toEqual([]);
    expect(report.postings).toBeGreaterThan(30);
  });

  it('has a wish in every state and a petition in every state and at every level, one overdue and some moved by the timer', async () => {
    const wishes = stored('wishes');
    expect(new Set(wishes.map((w) => w.status))).toEqual(new Set(wishStatuses));
    const petitions = stored('petitions');
    expect(new Set(petitions.map((p) => p.status))).toEqual(new Set(petitionStatuses));
    expect(new Set(petitions.filter((p) => p.status !== 'closed').map((p) => p.level))).toEqual(new Set(petitionLevels));
    const automatic = petitions.filter((p) => p.history.some((h: any) => h.automatic && h.event === 'escalate'));
    expect(automatic.length).toBeGreaterThanOrEqual(2);
    expect(petitions.some((p) => p.outcome === 'unrated' && p.history.some((h: any) => h.event === 'expire'))).toBe(true);
    // The district's case is overdue: the top of the ladder has no timer to climb, only people to chase it.
    const district = ok(await call('demo-district-luo', 'petition.listQueue', {})).items;
    expect(district.some((p: any) => p.level === 'district' && p.overdue)).toBe(true);
  });

  it('shows a newcomer a living wall, a closed month with its 明星党员, and inspected, rated shops', async () => {
    const wall = ok(await call(stranger, 'wish.listWall', {})).items;
    expect(wall.length).toBeGreaterThanOrEqual(3);
    const months = stored('party_months');
    expect(months).toHaveLength(1);
    const ranking = ok(await call('demo-resident-wang', 'points.ranking', { month: months[0].month }));
    expect(ranking.closed).toBe(true);
    expect(ranking.members.filter((m: any) => m.star).length).toBeGreaterThan(0);
    const shops = ok(await call(stranger, 'shop.listVirtue', {})).items;
    expect(shops.length).toBe(2);
    expect(stored('shop_inspections').length).toBeGreaterThanOrEqual(2);
    expect(stored('shop_ratings').length).toBeGreaterThanOrEqual(4);
  });

  it('leaves work waiting: a join application, an award to confirm, a 双报到 member and unit report, rated shifts on published posts', async () => {
    expect(ok(await call('demo-grid-liu', 'user.applications', {})).pending).toBe(1);
    expect(ok(await call(sun, 'points.pendingAwards', {})).items).toHaveLength(1);
    expect(ok(await call(sun, 'member.list', {})).items.length).toBeGreaterThanOrEqual(1);
    expect(new Set(stored('unit_reports').map((u) => u.status))).toEqual(new Set(['pending', 'approved']));
    const shifts = stored('post_shifts');
    expect(shifts.filter((s) => s.status === 'done').length).toBeGreaterThanOrEqual(8);
    expect(stored('post_ratings').length).toBeGreaterThanOrEqual(8);
    expect(stored('posts').length).toBeGreaterThanOrEqual(4);
  });

  it('has grid work and deliberation under way: a claimed project half done, a council meeting ahead, a topic gathering co-signs, a 民主评议 round', async () => {
    const { items: projects } = ok(await call('demo-resident-wang', 'list.projects', {}));
    expect(projects).toEqual([expect.objectContaining({ title: '老旧楼栋用电安全检查', status: 'claimed', progress: 50 })]);
    const { items: topics } = ok(await call('demo-resident-wang', 'council.list', {}));
    const status = new Map(topics.map((t: { title: string; status: string }) => [t.title, t.status]));
    expect(status.get('小区停车位重新划线')).toBe('scheduled');
    expect(status.get('楼道堆物清理')).toBe('gathering');
    // And the case the community took to council (the seed's 供暖 petition) is on the list as its topic.
    expect([...status.keys()].some((title) => String(title).startsWith('供暖不热'))).toBe(true);
    expect(stored('review_rounds').map((r) => r.status)).toEqual(['open']);
  });

  it('shows the month on the staff dashboard: the stats timer counted it as it was played', async () => {
    await emu.invoke('report', { Type: 'timer', TriggerName: 'stats' });
    const now = new Date(Date.parse((await emu.clock()).now) + 8 * 3600_000);
    const to = now.toISOString().slice(0, 10);
    const from = new Date(now.getTime() - 40 * 86_400_000).toISOString().slice(0, 10);
    const d = ok(await call(sun, 'report.dashboard', { from, to }));
    const open = stored('petitions').length;
    expect(d.petitions.received).toBe(open);
    expect(d.petitions.resolved).toBeGreaterThan(0);
    expect(d.petitions.escalatedFrom.grid).toBeGreaterThan(0);
    expect(d.wishes.created).toBe(stored('wishes').filter((w) => w.communityId === 'community-wutong').length);
    expect(d.points.issued.volunteer).toBeGreaterThan(0);
    expect(d.grids.length).toBeGreaterThan(0);
    // Volunteer hours: the finished duty shifts' (the stats fold counted them as they were checked out).
    const onDuty = stored('post_shifts').filter((s) => s.communityId === 'community-wutong' && s.status === 'done');
    expect(d.volunteerHours).toBeGreaterThan(0);
    expect(d.volunteerHours).toBeCloseTo(onDuty.reduce((sum, s) => sum + s.minutes, 0) / 60, 6);
    expect(d.grids.some((g: any) => g.volunteerHours > 0)).toBe(true);
  });

  it('ends with last month’s bulletin, prepared by the timer on the 1st and published by staff with a note', async () => {
    const [newest] = ok(await call('demo-resident-wang', 'report.bulletins', {})).items;
    expect(newest).toMatchObject({ status: 'published' });
    // Past the 1st (the timer runs from 11:00 on it), the newest is last month's.
    const now = new Date(Date.parse((await emu.clock()).now) + 8 * 3600_000);
    if (now.getUTCDate() >= 2) expect(newest.month).toBe(closedMonth(new Date((await emu.clock()).now)));
    const { bulletin } = ok(await call('demo-resident-wang', 'report.bulletin', { month: newest.month }));
    expect(bulletin).toMatchObject({ status: 'published', publishedByName: '孙丽', canPublish: false });
    expect(bulletin.note).toContain('感谢');
    expect(bulletin.content.stars.length).toBeGreaterThan(0);
    expect(bulletin.content.starsFinal).toBe(true);
    expect(bulletin.content.current.received + bulletin.content.current.wishesCompleted).toBeGreaterThan(0);
  });

  it('checked its counters every night against the events: the daily verify job found no difference', async () => {
    const checks = stored('stats_checks').filter((c) => c.by === 'timer');
    expect(checks.filter((c) => c.status === 'done').length).toBeGreaterThanOrEqual(25);
    expect(checks.flatMap((c) => c.differences.map((d: any) => `${c.day} ${d.scope} ${d.counter}: ${d.stored} / ${d.expected}`))).toEqual([]);
  });

  it('is the same month again after a reset, ending at now', async () => {
    const before = shape();
    await emu.reset();
    expect(shape()).toEqual(before);
    const clock = await emu.clock();
    expect(clock.offsetMs).toBe(0);
    expect(ok(await call(sun, 'points.reconcile')).differences).toEqual([]);
  }, 180_000);
});
