import { memberList, memberMine, memberReport, memberReviewReport } from '../../src/shared/contract';
import type { RoleChange } from '../../src/shared/domain/appointment';
import { DomainError } from '../../src/shared/domain/errors';
import { directoryEntry } from '../../src/shared/domain/privacy';
import { assertNotSelf } from '../../src/shared/domain/self-dealing';
import type { MemberReportDoc } from '../_lib/platform/documents';
import { defineHandler } from '../_lib/platform/handler';
import { idForRequest } from '../_lib/platform/ids';
import { _, collections } from '../_lib/platform/runtime';
import { transact } from '../_lib/platform/transact';
import { table, tableIn } from '../_lib/platform/typed-db';
import { notifyReviewers } from './notices';
import { memberReportView } from './views';

/**
 * 党员报到. A person has one report (its id is theirs): a report while one waits updates the waiting one,
 * after a rejection it starts again, and a member (or an approved report) is told they need not report.
 */
export const report = defineHandler(
  memberReport,
  async (input, { openid, user, request }) => {
    if (user.roles.includes('member')) throw new DomainError('ALREADY_MEMBER');
    if (!user.communityId) throw new DomainError('FORBIDDEN_SCOPE', '你还没有所在社区，不能报到');
    const now = new Date();
    const doc = await transact(
      async (tx, unit) => {
        const reports = tableIn(tx, collections.memberReports);
        const found = await reports.get(openid);
        if (found?.status === 'approved') throw new DomainError('ALREADY_MEMBER');
        const next: MemberReportDoc = {
          _id: openid,
          personId: openid,
          name: user.name,
          phone: user.phone,
          streetId: user.streetId,
          communityId: user.communityId,
          category: input.category,
          partyOrg: input.partyOrg,
          skills: input.skills,
          freeTimes: input.freeTimes,
          status: 'pending',
          reason: null,
          // A waiting report keeps its place in the queue; a new one after a rejection queues anew.
          createdAt: found?.status === 'pending' ? found.createdAt : now,
          decidedAt: null,
          decidedBy: null,
        };
        const { _id, ...fields } = next;
        await reports.set(_id, fields);
        // A new report (or one after a rejection) is news to the staff; changing a waiting one is not.
        if (found?.status !== 'pending') {
          await notifyReviewers(unit, { communityId: next.communityId, reporterId: openid, kind: '党员报到', who: user.name, at: now });
        }
        return next;
      },
      { busy: 'BUSY', record: { request, output: (d) => ({ report: memberReportView(d, 'contact') }) } },
    );
    return { report: memberReportView(doc, 'contact') };
  },
  { record: 'inTransaction' },
);

/** 我的报到: the person's own report and its status, in full. */
export const mine = defineHandler(memberMine, async (_input, { openid }) => {
  const doc = await table(collections.memberReports).get(openid);
  return { report: doc ? memberReportView(doc, 'contact') : null };
});

/**
 * 审核. Approving makes the person a member with the skills they reported: their profile, a role_log entry
 * (as 任免 writes) and the report change in one transaction, so two staff approving at once grant once
 * (the second finds it decided). Staff never review their own report.
 */
export const reviewReport = defineHandler(
  memberReviewReport,
  async ({ reportId, approve, reason }, { openid, user, requestId, request }) => {
    const now = new Date();
    const doc = await transact(
      async (tx) => {
        const reports = tableIn(tx, collections.memberReports);
        const found = await reports.get(reportId);
        if (!found || found.communityId !== user.communityId) throw new DomainError('REPORT_NOT_FOUND');
        assertNotSelf(openid, found.personId);
        if (found.status !== 'pending') throw new DomainError('REPORT_DECIDED');
        if (approve) {
          // Added to the roles as they are at the commit (no read of the profile: the budget of 8 requests).
          const granted = await tableIn(tx, collections.users).change(found.personId, { roles: _.addToSet('member'), skills: found.skills });
          if (granted === 0) throw new DomainError('PERSON_NOT_FOUND');
          const entry: RoleChange = {
            _id: `role-${idForRequest([openid, found.personId], requestId, 24)}`,
            change: 'grant',
            role: 'member',
            targetId: found.personId,
            targetName: found.name,
            streetId: found.streetId,
            unitId: found.communityId,
            departmentId: null,
            adminScope: null,
            scope: '党员报到',
            reason: `${found.category}党员报到，单位党组织：${found.partyOrg}`,
            by: openid,
            byName: user.name,
            at: now,
          };
          await tableIn(tx, collections.roleLog).add(entry);
        }
        const decided = {
          status: approve ? 'approved' : 'rejected',
          reason: approve ? null : (reason ?? null),
          decidedAt: now,
          decidedBy: openid,
        } as const;
        await reports.change(reportId, decided);
        return { ...found, ...decided };
      },
      {
        busy: 'BUSY',
        record: { request, output: (d) => ({ report: memberReportView(d, directoryEntry(user, { _id: d.personId, communityId: d.communityId })) }) },
      },
    );
    return { report: memberReportView(doc, directoryEntry(user, { _id: doc.personId, communityId: doc.communityId })) };
  },
  { record: 'inTransaction' },
);

/** 报到名单: the community's reports of one status, oldest waiting first, decided newest first. */
export const list = defineHandler(memberList, async ({ status, offset, limit }, { user }) => {
  const { docs, nextOffset } = await table(collections.memberReports)
    .where({ communityId: user.communityId, status })
    .orderBy('createdAt', status === 'pending' ? 'asc' : 'desc')
    .page(offset, limit);
  return { items: docs.map((d) => memberReportView(d, directoryEntry(user, { _id: d.personId, communityId: d.communityId }))), nextOffset };
});
