import { unitEvaluate, unitList, unitReport, unitReview } from '../../src/shared/contract';
import { DomainError } from '../../src/shared/domain/errors';
import type { UserProfile } from '../../src/shared/domain/org';
import { assertNotSelf } from '../../src/shared/domain/self-dealing';
import type { UnitReportDoc } from '../_lib/platform/documents';
import { defineHandler } from '../_lib/platform/handler';
import { idForRequest } from '../_lib/platform/ids';
import { collections } from '../_lib/platform/runtime';
import { transact } from '../_lib/platform/transact';
import { table, tableIn, type TxTable } from '../_lib/platform/typed-db';
import { notifyReviewers } from './notices';
import { unitReportView } from './views';

/** 共建单位报到: a registered person reports their unit to their community; a retry lands on the same report. */
export const report = defineHandler(
  unitReport,
  async (input, { openid, user, requestId, request }) => {
    if (!user.communityId) throw new DomainError('FORBIDDEN_SCOPE', '你还没有所在社区，不能为单位报到');
    const doc: UnitReportDoc = {
      _id: `unit-${idForRequest([openid], requestId, 20)}`,
      reporterId: openid,
      streetId: user.streetId,
      communityId: user.communityId,
      ...input,
      status: 'pending',
      reason: null,
      createdAt: new Date(),
      decidedAt: null,
      decidedBy: null,
      evaluations: [],
    };
    await transact(
      async (tx, unit) => {
        const { _id, ...fields } = doc;
        await tableIn(tx, collections.unitReports).set(_id, fields);
        await notifyReviewers(unit, { communityId: doc.communityId, reporterId: openid, kind: '共建单位报到', who: doc.name, at: doc.createdAt });
      },
      { busy: 'BUSY', record: { request, output: () => ({ unit: unitReportView(doc) }) } },
    );
    return { unit: unitReportView(doc) };
  },
  { record: 'inTransaction' },
);

/** A unit of the staff member's community, not reported by themself (one read, in the transaction). */
async function ownUnit(units: TxTable<UnitReportDoc>, unitId: string, user: UserProfile): Promise<UnitReportDoc> {
  const found = await units.get(unitId);
  if (!found || found.communityId !== user.communityId) throw new DomainError('REPORT_NOT_FOUND');
  assertNotSelf(user._id, found.reporterId);
  return found;
}

/** 审核: community staff approve or reject a waiting unit (with a reason). */
export const review = defineHandler(
  unitReview,
  async ({ unitId, approve, reason }, { openid, user, request }) => {
    const now = new Date();
    const doc = await transact(
      async (tx) => {
        const units = tableIn(tx, collections.unitReports);
        const found = await ownUnit(units, unitId, user);
        if (found.status !== 'pending') throw new DomainError('REPORT_DECIDED');
        const decided = {
          status: approve ? 'approved' : 'rejected',
          reason: approve ? null : (reason ?? null),
          decidedAt: now,
          decidedBy: openid,
        } as const;
        await units.change(unitId, decided);
        return { ...found, ...decided };
      },
      { busy: 'BUSY', record: { request, output: (d) => ({ unit: unitReportView(d) }) } },
    );
    return { unit: unitReportView(doc) };
  },
  { record: 'inTransaction' },
);

/** 反向考评: once a year per approved unit; a retry replays, a second evaluation of the year is refused. */
export const evaluate = defineHandler(
  unitEvaluate,
  async ({ unitId, year, score, comment }, { openid, user, request }) => {
    const doc = await transact(
      async (tx) => {
        const units = tableIn(tx, collections.unitReports);
        const found = await ownUnit(units, unitId, user);
        if (found.status !== 'approved') throw new DomainError('UNIT_NOT_APPROVED');
        if (found.evaluations.some((e) => e.year === year)) throw new DomainError('UNIT_ALREADY_EVALUATED');
        const evaluations = [...found.evaluations, { year, score, comment, by: openid, byName: user.name, at: new Date() }];
        await units.change(unitId, { evaluations });
        return { ...found, evaluations };
      },
      { busy: 'BUSY', record: { request, output: (d) => ({ unit: unitReportView(d) }) } },
    );
    return { unit: unitReportView(doc) };
  },
  { record: 'inTransaction' },
);

/** 共建单位名单: community staff see their community's units, street staff their street's (with the evaluations). */
export const list = defineHandler(unitList, async ({ status, offset, limit }, { user }) => {
  const scope = user.roles.includes('staff') ? { communityId: user.communityId } : { streetId: user.streetId };
  const { docs, nextOffset } = await table(collections.unitReports)
    .where({ ...scope, status })
    .orderBy('createdAt', status === 'pending' ? 'asc' : 'desc')
    .page(offset, limit);
  return { items: docs.map(unitReportView), nextOffset };
});
