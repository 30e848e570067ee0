import type { z } from 'zod';
import {
  petitionIssueCard,
  petitionListSupervised,
  petitionOrderEscalate,
  petitionOrderReassign,
  petitionReassignChoices,
  SUPERVISED_SEGMENT,
  type supervisedSchema,
} from '../../src/shared/contract';
import { DomainError } from '../../src/shared/domain/errors';
import { compareUnitNames } from '../../src/shared/domain/unit-order';
import type { UserProfile } from '../../src/shared/domain/org';
import { cardColorLabels, type SupervisionCard } from '../../src/shared/domain/petition-cards';
import {
  assertMaySupervise,
  assertReassignable,
  manualCard,
  supervisedStatuses,
  supervisorLevel,
  type Reassignment,
} from '../../src/shared/domain/petition-supervision';
import { assertPublishable } from '../_lib/platform/content';
import { defineHandler } from '../_lib/platform/handler';
import { cachedOrgNames } from '../_lib/platform/org';
import { pageOf } from '../_lib/platform/page';
import { _, collections } from '../_lib/platform/runtime';
import { readIn, transact, type RetryRecord } from '../_lib/platform/transact';
import { table } from '../_lib/platform/typed-db';
import { movePetition, type Plan } from './move-petition';
import { cardFields } from './cards';
import { noteOnCase } from './note-on-case';
import { assignedNotices, holdersOf } from './notices';
import { cachedDepartments, cachedDistrictName, findPetition, listDepartments, type PetitionDoc } from './petition-repo';
import { toViews } from './petition-view';

type Supervised = z.input<typeof supervisedSchema>;

const cardView = (c: SupervisionCard | null | undefined) =>
  c
    ? {
        color: c.color,
        reason: c.reason,
        level: c.level,
        departmentId: c.departmentId,
        at: new Date(c.at).toISOString(),
        byName: c.byName,
        comment: c.comment,
      }
    : null;

async function supervisedViews(docs: readonly PetitionDoc[], viewer: UserProfile): Promise<Supervised[]> {
  const views = await toViews(docs, viewer);
  return docs.map((p, i) => ({ petition: views[i], card: cardView(p.card) }));
}

const supervisedOne = async (p: PetitionDoc, viewer: UserProfile): Promise<Supervised> => (await supervisedViews([p], viewer))[0];

type Segment = { where: Record<string, unknown>; order: { field: string; dir: 'asc' | 'desc' }[] };
const byDue = [
  { field: 'dueAt', dir: 'asc' },
  { field: '_id', dir: 'asc' },
] as const;

/**
 * The parts of the queue in turn. 督办优先: the carded cases, red before yellow ('red' < 'yellow'), then the others;
 * each by deadline, so the overdue come first. A colour filter or 到期先后 is one part. Indexes: petitions
 * (streetId,) status, card.color, dueAt, _id and (streetId,) status, dueAt, _id.
 */
function segmentsOf(color: 'red' | 'yellow' | 'none' | undefined, sort: 'supervise' | 'due'): Segment[] {
  if (color) return [{ where: { 'card.color': color === 'none' ? null : color }, order: [...byDue] }];
  if (sort === 'due') return [{ where: {}, order: [...byDue] }];
  return [
    { where: { 'card.color': _.in(['red', 'yellow']) }, order: [{ field: 'card.color', dir: 'asc' }, ...byDue] },
    { where: { 'card.color': null }, order: [...byDue] },
  ];
}

/** 督办台: the open cases of the supervisor's area, a page at a time (at most two queries: the carded, then the rest). */
export const listSupervised = defineHandler(petitionListSupervised, async ({ color, level, sort, offset, limit }, { user }) => {
  const scope = supervisorLevel(user);
  if (!scope) throw new DomainError('FORBIDDEN_ROLE');
  const base = { ...(scope === 'street' ? { streetId: user.streetId } : {}), status: _.in([...supervisedStatuses]), ...(level ? { level } : {}) };
  const segments = segmentsOf(color, sort);
  const docs: PetitionDoc[] = [];
  let nextOffset: number | null = null;
  for (let s = Math.floor(offset / SUPERVISED_SEGMENT); s < segments.length; s++) {
    const skip = s === Math.floor(offset / SUPERVISED_SEGMENT) ? offset % SUPERVISED_SEGMENT : 0;
    const want = limit - docs.length;
    const res = await pageOf<PetitionDoc>(collections.petitions, { ...base, ...segments[s].where }, segments[s].order, skip, want);
    docs.push(...res.docs);
    if (res.nextOffset !== null) {
      nextOffset = s * SUPERVISED_SEGMENT + res.nextOffset;
      break;
    }
    if (docs.length >= limit) {
      // This part ended exactly with the page: the next page starts at the next part, if there is one.
      nextOffset = s + 1 < segments.length ? (s + 1) * SUPERVISED_SEGMENT : null;
      break;
    }
  }
  const unitName = scope === 'district' ? await cachedDistrictName() : ((await cachedOrgNames([user.streetId])).get(user.streetId) ?? '');
  return { scope, unitName, items: await supervisedViews(docs, user), nextOffset };
});

/**
 * 亮牌: a 督办员 cards the current step by hand with their comment — a line on the timeline that moves nothing, the
 * card on the case (cleared by the next move), and a notice to whoever handles it now (the handler who took it,
 * else the people of its level).
 */
export const issueCard = defineHandler(
  petitionIssueCard,
  async ({ petitionId, color, comment }, { user, request }) => {
    await assertPublishable(user._id, comment);
    return transact(
      async (tx, unit) => {
        const current = await readIn<PetitionDoc>(tx, collections.petitions, petitionId);
        if (!current) throw new DomainError('PETITION_NOT_FOUND');
        assertMaySupervise(user, current);
        const now = new Date();
        const card = manualCard(current.card, color, { id: user._id, name: user.name, comment }, current, now);
        // The same fields as the clock's cards (cards.ts): the card, its rank for the queues' 督办优先, the line.
        const { step, fields } = cardFields(current, card, null);
        const carded = await noteOnCase(tx, current, [step], fields);
        const note = `${cardColorLabels[color]}：${comment}`;
        const handlers = current.handlerId ? [current.handlerId] : await holdersOf(current.level, current);
        await unit.notify(
          assignedNotices(
            handlers.filter((h) => h !== user._id),
            carded,
            `督办员${user.name}${note}`,
          ),
        );
        return supervisedOne(carded, user);
      },
      { busy: 'PETITION_BUSY', record: { request } },
    );
  },
  { record: 'inTransaction' },
);

/** An order of a 督办员, moved as any step is (move-petition.ts): the same deadlines, notices and stats. */
function ordered(petitionId: string, user: UserProfile, request: RetryRecord | undefined, plan: (current: PetitionDoc) => Plan) {
  const planner = (current: PetitionDoc) => {
    assertMaySupervise(user, current);
    return plan(current);
  };
  return movePetition(petitionId, { openid: user._id, name: user.name }, planner, { request, reply: (moved) => supervisedOne(moved, user) });
}

/** 责令上报: the case goes one rung up as 吹哨 does (a street's to the district), on the 督办员's order. */
export const orderEscalate = defineHandler(
  petitionOrderEscalate,
  async ({ petitionId, comment }, { user, request }) => {
    await assertPublishable(user._id, comment);
    return ordered(petitionId, user, request, () => ({ move: { event: 'escalate' }, note: `督办员责令上报：${comment}` }));
  },
  { record: 'inTransaction' },
);

/** Where 改派 sends the case, as read once before the move: the grid (with its community) or the department. */
async function targetOf(to: { gridId: string } | { departmentId: string }) {
  if ('gridId' in to) {
    const grid = await table(collections.orgUnits).get(to.gridId);
    const live = grid && grid.kind === 'grid' && !('retiredAt' in grid && grid.retiredAt);
    const where: Reassignment = { kind: 'grid', gridId: to.gridId };
    return { where, target: live ? { communityId: grid.path[1] ?? '' } : null, name: live ? grid.name : '' };
  }
  const department = (await listDepartments()).find((d) => d._id === to.departmentId);
  const where: Reassignment = { kind: 'department', departmentId: to.departmentId };
  return { where, target: department ? {} : null, name: department?.name ?? '' };
}

/**
 * 改派: the case was sent to the wrong holder of its rung; the 督办员 sends it to the right one, where it waits to be
 * taken (待受理) with a fresh deadline. A grid's or community's case goes to a grid of its community (the case's
 * grid becomes that one; its place stays where the problem is), a department's to another department.
 */
export const orderReassign = defineHandler(
  petitionOrderReassign,
  async ({ petitionId, to, comment }, { user, request }) => {
    await assertPublishable(user._id, comment);
    const { where, target, name } = await targetOf(to);
    return ordered(petitionId, user, request, (current) => {
      assertReassignable(current, where, target);
      const note = `督办员改派到${name}：${comment}`;
      if (where.kind === 'department') return { move: { event: 'reassign', level: 'department', departmentId: where.departmentId }, note };
      return { move: { event: 'reassign', level: 'grid', departmentId: null }, note, changes: { gridId: where.gridId, gridName: name } };
    });
  },
  { record: 'inTransaction' },
);

/** A community's grids are few: read whole (index org_units.parentId), put in counting order (第二 before 第十). */
const GRIDS_MAX = 200;

/** 改派's picker: the other grids of the case's community, or the other departments; nothing at other levels. */
export const reassignChoices = defineHandler(petitionReassignChoices, async ({ petitionId }, { user }) => {
  const p = await findPetition(petitionId);
  assertMaySupervise(user, p);
  if (p.level === 'department') {
    const departments = (await cachedDepartments()).filter((d) => d._id !== p.departmentId);
    return { kind: 'department' as const, choices: departments.map((d) => ({ id: d._id, name: d.name })) };
  }
  if (p.level !== 'grid' && p.level !== 'community') return { kind: 'none' as const, choices: [] };
  const units = await table(collections.orgUnits).where({ parentId: p.communityId }).limit(GRIDS_MAX).get();
  const grids = units
    .filter((u) => u.kind === 'grid' && !('retiredAt' in u && u.retiredAt) && !(p.level === 'grid' && u._id === p.gridId))
    .sort((a, b) => compareUnitNames(a.name, b.name));
  return { kind: 'grid' as const, choices: grids.map((g) => ({ id: g._id, name: g.name })) };
});
