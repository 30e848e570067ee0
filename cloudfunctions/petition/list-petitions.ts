import { petitionCategories, petitionGet, petitionListMine, petitionListQueue } from '../../src/shared/contract';
import { DomainError } from '../../src/shared/domain/errors';
import type { UserProfile } from '../../src/shared/domain/org';
import type { PetitionLevel } from '../../src/shared/domain/petition-ladder';
import { decidingLevels, deciderKey, deciderLevel, liveExtension, type DecidingLevel } from '../../src/shared/domain/petition-extension';
import { supervisesPlace } from '../../src/shared/domain/petition-supervision';
import { holdsLevel, inWorkGrids, ladderLevelsOf, workGridsOf } from '../../src/shared/domain/scope';
import { defineHandler } from '../_lib/platform/handler';
import { cachedOrgNames } from '../_lib/platform/org';
import { _, collections } from '../_lib/platform/runtime';
import {
  cachedDepartments,
  cachedDistrictName,
  findPetition,
  listDepartments,
  listPetitionCategories,
  page,
  type PetitionDoc,
} from './petition-repo';
import { lookup, render, seesReporter, toViews } from './petition-view';
import { timelineOf } from './timeline';
import { table } from '../_lib/platform/typed-db';

export const categories = defineHandler(petitionCategories, async () => {
  const [cats, departments] = await Promise.all([listPetitionCategories(), listDepartments()]);
  return {
    categories: cats.map((c) => ({
      id: c._id,
      name: c.name,
      parentId: c.parentId,
      council: c.council,
      private: c.private,
      departmentId: c.departmentId,
      order: c.order,
      cardLimits: c.cardLimits ?? null,
    })),
    departments: departments.map((d) => ({ id: d._id, name: d.name })),
  };
});

/** Handlers, the reporter, its filer and co-signers see a case; neighbours in its community see listed ones. */
export const getPetition = defineHandler(petitionGet, async ({ petitionId }, { user }) => {
  const p = await findPetition(petitionId);
  const l = await lookup([p], user);
  // A 督办员 opens every case of their area (what they see of its reporter is the privacy rule's).
  const own = seesReporter(user, p) || user._id === p.filedById || supervisesPlace(user, p);
  const visible = own || l.cosigned.has(p._id) || (p.listed && p.communityId === user.communityId) || decidesStep(user, p);
  if (!visible) throw new DomainError('PETITION_NOT_FOUND');
  const now = new Date();
  return { petition: { ...render(p, user, l, now), timeline: timelineOf(p, user, l), serverTime: now.toISOString() } };
});

/**
 * The level above a step with a 延期申请 opens the case to decide it (the notice links here), though the case has not
 * reached it: it sees the case as a neighbour would (the reporter masked), with the request.
 */
function decidesStep(user: UserProfile, p: PetitionDoc): boolean {
  const live = liveExtension(p);
  return live !== null && holdsLevel(user, deciderLevel[live.level], p);
}

async function renderPage(result: { docs: PetitionDoc[]; nextOffset: number | null }, viewer: UserProfile) {
  return { items: await toViews(result.docs, viewer), nextOffset: result.nextOffset };
}

const newestFirst = { field: 'createdAt', dir: 'desc' } as const;

export const listMine = defineHandler(petitionListMine, async ({ kind, offset, limit }, { openid, user }) => {
  if (kind === 'reported') return renderPage(await page({ reporterId: openid }, newestFirst, offset, limit), user);
  if (kind === 'filed') return renderPage(await page({ filedById: openid }, newestFirst, offset, limit), user);
  const res = await table(collections.petitionCosigns)
    .where({ openid })
    .orderBy('at', 'desc')
    .skip(offset)
    .limit(limit + 1)
    .get();
  const ids = res.slice(0, limit).map((c) => c.petitionId);
  const docs = ids.length ? await page({ _id: _.in(ids) }, newestFirst, 0, ids.length) : { docs: [] };
  return { items: await toViews(docs.docs, user), nextOffset: res.length > limit ? offset + limit : null };
});

const QUEUE = ['pending', 'accepted', 'council', 'review'];

/** Where a level's queue lives, and its name. */
async function queueOf(level: PetitionLevel, user: UserProfile): Promise<{ where: Record<string, unknown>; unitName: string }> {
  const grids = level === 'grid' ? workGridsOf(user) : [];
  const names = await cachedOrgNames([...grids, user.communityId, user.streetId]);
  switch (level) {
    case 'grid':
      return { where: { gridId: inWorkGrids(user, (ids) => _.in(ids)) }, unitName: grids.map((id) => names.get(id) ?? '').join('、') };
    case 'community':
      return { where: { communityId: user.communityId }, unitName: names.get(user.communityId) ?? '' };
    case 'street':
      return { where: { streetId: user.streetId }, unitName: names.get(user.streetId) ?? '' };
    case 'department': {
      const department = (await cachedDepartments()).find((d) => d._id === user.departmentId);
      return { where: { departmentId: user.departmentId ?? null }, unitName: department?.name ?? '' };
    }
    case 'district':
      return { where: {}, unitName: await cachedDistrictName() };
  }
}

const decides = (level: PetitionLevel): level is DecidingLevel => (decidingLevels as readonly PetitionLevel[]).includes(level);

/**
 * 本级待办: what waits at the caller's level, by deadline, so the overdue come first. `verifying`: the resolutions
 * of the caller's grid (or community) waiting for a site check (待验证), whatever level resolved them.
 */
export const listQueue = defineHandler(petitionListQueue, async ({ level: asked, verifying, extensions, sort, offset, limit }, { user }) => {
  const mine = ladderLevelsOf(user);
  const level = asked ?? (extensions ? mine.find(decides) : mine[0]);
  if (!level || !mine.includes(level)) throw new DomainError('FORBIDDEN_SCOPE', '你不在这一级办理诉求');
  if (verifying && level !== 'grid' && level !== 'community') throw new DomainError('FORBIDDEN_SCOPE', '现场验证由网格员（或社区）负责');
  if (extensions) {
    if (!decides(level)) throw new DomainError('FORBIDDEN_SCOPE', '延期申请由社区、街道或区级审批');
    // 延期待批: the requests waiting for this level in the caller's area, by deadline — one indexed query (the key
    // names the unit); one's own request (a district colleague's is decided by another) is left out.
    const { unitName } = await queueOf(level, user);
    const where = { extensionDecider: deciderKey(level, user), 'extension.requestedBy': _.neq(user._id) };
    const result = await page(where, { field: 'dueAt', dir: 'asc' }, offset, limit);
    return { level, unitName, ...(await renderPage(result, user)) };
  }
  const { where, unitName } = await queueOf(level, user);
  const byDue = { field: 'dueAt', dir: 'asc' } as const;
  // 督办优先: red, then yellow, then the rest, each by deadline (the same index with the card's rank before the deadline).
  // The 待验证 list has no card to sort by (cards are for taking and settling a case).
  const order = sort === 'card' && !verifying ? [{ field: 'cardRank', dir: 'desc' } as const, byDue] : byDue;
  const which = verifying ? { status: 'verifying' } : { level, status: _.in(QUEUE) };
  const result = await page({ ...where, ...which }, order, offset, limit);
  return { level, unitName, ...(await renderPage(result, user)) };
});
