import { reportBulletin, reportBulletins, reportPublishBulletin, type BulletinContent, type BulletinView } from '../../src/shared/contract';
import { bulletinNumbers, closedMonth, overdueByDepartment, overdueByLevel, previousMonth, topVolunteers } from '../../src/shared/domain/bulletin';
import { DomainError } from '../../src/shared/domain/errors';
import { VIRTUE_SHOPS_MAX, shopStars } from '../../src/shared/domain/merchant-shop';
import type { OrgUnit, UserProfile } from '../../src/shared/domain/org';
import { rankMonth } from '../../src/shared/domain/party';
import { levelLabels } from '../../src/shared/domain/petition-ladder';
import { maySeeStats, rankGrids } from '../../src/shared/domain/stats';
import { monthOf, monthRange } from '../../src/shared/domain/time';
import type { BulletinDoc } from '../_lib/platform/documents';
import { defineHandler } from '../_lib/platform/handler';
import { cachedOrgNames } from '../_lib/platform/org';
import { _, collections } from '../_lib/platform/runtime';
import { transact } from '../_lib/platform/transact';
import { table, tableIn } from '../_lib/platform/typed-db';
import { warmCached } from '../_lib/platform/warm-cache';
import { cachedDepartments } from '../petition/petition-repo';
import { findSnapshot, tallies } from '../points/ranking';
import { foldStats } from './stats-fold';

/**
 * 月通报 (issue 14). The bulletin timer prepares, for the month just closed, each community's bulletin as a
 * draft: the numbers of the stats month documents (this month and the one before), the grid ranking, the cases
 * a deadline moved up (by level, and by department, named), 明星党员, 美德商铺 and the most active volunteers —
 * frozen in the document, so later corrections to the counters do not move a bulletin. The community's staff add
 * a note and publish it; the community's residents read the published ones.
 *
 * Who may do what (the rule, written down): reading a draft follows `maySeeStats` (the community's staff, the
 * staff and admins of its street, the district's); a published bulletin is read as well by everyone registered in
 * the community. Publishing is for the community's own staff only: the bulletin is the community's word to its
 * residents, so a street's or the district's staff read it but do not publish it for the community. Nobody else.
 */

/** Communities per page of the timer, pages per run, and how long a run keeps starting pages. */
const COMMUNITIES_PER_PAGE = 10;
const MAX_PAGES = 20;
const RUN_BUDGET_MS = 40_000;
/** Rows read to find the month's volunteers: a community's month holds far fewer shifts and wishes. */
const ACTIVITY_ROWS = 1000;
const UNIT_TTL_MS = 60_000;

const bulletinId = (communityId: string, month: string) => `${communityId}:${month}`;
const cursorId = (month: string) => `bulletins:${month}`;

/** Reads and freezes what the bulletin of `community` for `month` says. */
async function contentOf(community: OrgUnit, month: string): Promise<BulletinContent> {
  const previous = previousMonth(month);
  const { start, end } = monthRange(month);
  const communityId = community._id;
  const [statDocs, departments, snapshot, balances, shifts, wishes] = await Promise.all([
    table(collections.stats)
      .where({ scope: communityId, period: 'month', key: _.in([previous, month]) })
      .limit(2)
      .get(),
    cachedDepartments(),
    findSnapshot(communityId, month),
    table(collections.balances)
      .where({ communityId, asset: 'shop', balance: _.gt(0) })
      .orderBy('balance', 'desc')
      .limit(VIRTUE_SHOPS_MAX * 2)
      .get(),
    table(collections.postShifts)
      .where({ communityId, startedAt: _.and(_.gte(start), _.lt(end)) })
      .limit(ACTIVITY_ROWS)
      .field({ holderId: true, holderName: true, minutes: true, status: true })
      .get(),
    table(collections.wishes)
      .where({ communityId, status: _.in(['done', 'confirmed']), completedAt: _.and(_.gte(start), _.lt(end)) })
      .limit(ACTIVITY_ROWS)
      .field({ claimantId: true, claimantName: true })
      .get(),
  ]);
  // The month's volunteer hours are the counters' (h.total); the shifts only name the volunteers to thank.
  const thisMonth = shifts.filter((s) => s.status === 'done');
  const counters = (key: string) => statDocs.find((d) => d.key === key)?.counters ?? {};
  const c = counters(month);
  const grids = rankGrids(c);
  const gridNames = await cachedOrgNames(grids.map((g) => g.gridId));
  const departmentName = new Map(departments.map((d) => [d._id, d.name]));
  const stars = snapshot ? snapshot.members : rankMonth(await tallies(communityId, month));
  const shopAccounts = balances.filter((b) => b.account.startsWith('shop:'));
  const shops = await table(collections.shops).byIds(shopAccounts.map((b) => b.account.slice('shop:'.length)));
  return {
    current: bulletinNumbers(c),
    previous: bulletinNumbers(counters(previous)),
    previousMonth: previous,
    grids: grids.map((g) => ({
      id: g.gridId,
      name: gridNames.get(g.gridId) ?? '网格',
      received: g.received,
      resolved: g.resolved,
      onTimeRate: g.onTimeRate,
      satisfactionRate: g.satisfactionRate,
    })),
    overdueByLevel: overdueByLevel(c).map((o) => ({ ...o, label: levelLabels[o.level] })),
    overdueByDepartment: overdueByDepartment(c).map((o) => ({
      id: o.departmentId,
      name: departmentName.get(o.departmentId) ?? '职能部门',
      count: o.count,
    })),
    stars: stars.filter((m) => m.star).map((m) => ({ name: m.name, points: m.points })),
    starsFinal: Boolean(snapshot),
    shops: shopAccounts
      .flatMap((b) => {
        const shop = shops.get(b.account.slice('shop:'.length));
        if (shop?.status !== 'active') return [];
        const level = shopStars(b.balance);
        return [{ name: shop.name, points: b.balance, stars: level.stars, level: level.name }];
      })
      .slice(0, VIRTUE_SHOPS_MAX),
    volunteers: topVolunteers(thisMonth, wishes),
  };
}

/** Prepares one community's draft unless it has one: answers whether this call wrote it. */
async function prepare(community: OrgUnit, month: string, now: Date): Promise<boolean> {
  const id = bulletinId(community._id, month);
  if (await table(collections.bulletins).get(id)) return false;
  const content = await contentOf(community, month);
  return transact(async (tx) => {
    const bulletins = tableIn(tx, collections.bulletins);
    // Another run (a second instance, a rerun) prepared it meanwhile: the first draft stands.
    if (await bulletins.get(id)) return false;
    await bulletins.set(id, {
      communityId: community._id,
      communityName: community.name,
      streetId: community.path[0] ?? '',
      month,
      status: 'draft',
      content,
      note: '',
      generatedAt: now,
      publishedAt: null,
      publishedBy: null,
      publishedByName: null,
    });
    return true;
  }, 'BUSY');
}

/**
 * The bulletin timer: for the month just closed, pages through the communities behind a cursor (one document in
 * `stats_fold`), preparing each one's draft; once all are done, a run costs one read until the next month. The
 * counters are folded first, so the month's last cases are in them.
 */
export async function prepareBulletins(): Promise<Record<string, unknown>> {
  const now = new Date();
  const month = closedMonth(now);
  const cursors = table(collections.statsFold);
  const cursor = await cursors.get(cursorId(month));
  if (cursor?.done) return { month, prepared: 0, done: true };
  await foldStats();
  const started = Date.now();
  let after = cursor?.id ?? '';
  let prepared = 0;
  for (let page = 0; page < MAX_PAGES && Date.now() - started < RUN_BUDGET_MS; page++) {
    const communities = await table(collections.orgUnits)
      .where({ kind: 'community', _id: _.gt(after) })
      .orderBy('_id', 'asc')
      .limit(COMMUNITIES_PER_PAGE)
      .get();
    for (const community of communities) if (!community.retiredAt && (await prepare(community, month, now))) prepared += 1;
    const done = communities.length < COMMUNITIES_PER_PAGE;
    if (communities.length > 0) after = communities[communities.length - 1]._id;
    await cursors.set(cursorId(month), { at: now, id: after, done });
    if (done) return { month, prepared, done: true };
  }
  return { month, prepared, done: false };
}

/** The community asked for (a warm read by id) and whether the caller may read its drafts; deny by default. */
async function communityFor(user: UserProfile, asked: string | undefined): Promise<{ unit: OrgUnit; staff: boolean }> {
  const id = asked ?? user.communityId;
  if (!id) throw new DomainError('FORBIDDEN_SCOPE', '你还没有所在社区');
  const unit = await warmCached(`bulletin-community:${id}`, UNIT_TTL_MS, () => table(collections.orgUnits).get(id));
  if (!unit || unit.kind !== 'community') throw new DomainError('BAD_INPUT', '没有找到这个社区');
  const staff = maySeeStats(user, { id: unit._id, kind: 'community', path: unit.path });
  if (!staff && user.communityId !== unit._id) throw new DomainError('FORBIDDEN_SCOPE', '只能查看本社区的月报');
  return { unit, staff };
}

/** Only the community's own staff publish its bulletin (see the rule above). */
const mayPublish = (user: UserProfile, communityId: string) => user.roles.includes('staff') && user.communityId === communityId;

function view(doc: BulletinDoc, user: UserProfile): BulletinView {
  return {
    month: doc.month,
    community: { id: doc.communityId, name: doc.communityName },
    status: doc.status,
    content: doc.content,
    note: doc.note,
    generatedAt: new Date(doc.generatedAt).toISOString(),
    publishedAt: doc.publishedAt ? new Date(doc.publishedAt).toISOString() : null,
    publishedByName: doc.publishedByName,
    canPublish: doc.status === 'draft' && mayPublish(user, doc.communityId),
  };
}

// 社区月报: one month's bulletin of a community; a draft only for those who may see the community's numbers.
export const bulletin = defineHandler(reportBulletin, async ({ month, communityId }, { user }) => {
  const { unit, staff } = await communityFor(user, communityId);
  const wanted = month ?? closedMonth(new Date());
  if (wanted >= monthOf(new Date())) throw new DomainError('BAD_INPUT', '这个月还没有结束，月报将于下月1日生成');
  const doc = await table(collections.bulletins).get(bulletinId(unit._id, wanted));
  return { month: wanted, bulletin: doc && (staff || doc.status === 'published') ? view(doc, user) : null };
});

// 发布: the community's staff add a note to the draft and publish it; a bulletin published already stays as it was.
export const publishBulletin = defineHandler(
  reportPublishBulletin,
  async ({ month, note }, { openid, user, request }) => {
    if (!user.communityId || !user.roles.includes('staff')) throw new DomainError('FORBIDDEN_SCOPE', '只有本社区工作人员可以发布月报');
    const id = bulletinId(user.communityId, month);
    const result = await transact(
      async (tx) => {
        const bulletins = tableIn(tx, collections.bulletins);
        const found = await bulletins.get(id);
        if (!found) throw new DomainError('BULLETIN_NOT_FOUND');
        if (found.status === 'published') return { doc: found, replayed: true };
        const published = { status: 'published' as const, note, publishedAt: new Date(), publishedBy: openid, publishedByName: user.name };
        await bulletins.change(id, published);
        return { doc: { ...found, ...published }, replayed: false };
      },
      { busy: 'BUSY', record: { request, output: (r) => ({ bulletin: view(r.doc, user), replayed: r.replayed }) } },
    );
    return { bulletin: view(result.doc, user), replayed: result.replayed };
  },
  { record: 'inTransaction' },
);

// 往期月报: a community's bulletins, newest month first; residents see only the published ones.
export const bulletins = defineHandler(reportBulletins, async ({ communityId, offset, limit }, { user }) => {
  const { unit, staff } = await communityFor(user, communityId);
  const query = staff
    ? table(collections.bulletins).where({ communityId: unit._id })
    : table(collections.bulletins).where({ communityId: unit._id, status: 'published' });
  const { docs, nextOffset } = await query
    .orderBy('month', 'desc')
    .field({ month: true, status: true, publishedAt: true, content: true })
    .page(offset, limit);
  return {
    community: { id: unit._id, name: unit.name },
    items: docs.map((d) => ({
      month: d.month,
      status: d.status,
      received: d.content.current.received,
      resolutionRate: d.content.current.resolutionRate,
      satisfactionRate: d.content.current.satisfactionRate,
      publishedAt: d.publishedAt ? new Date(d.publishedAt).toISOString() : null,
    })),
    nextOffset,
  };
});
