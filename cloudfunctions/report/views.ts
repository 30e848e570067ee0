import type { z } from 'zod';
import type { memberReportSchema, unitReportSchema } from '../../src/shared/contract';
import { disclose, type Disclosure } from '../../src/shared/domain/privacy';
import type { MemberReportDoc, UnitReportDoc } from '../_lib/platform/documents';

/** A member's report as a viewer sees it: the person themself in full, community staff name + masked phone. */
export function memberReportView(doc: MemberReportDoc, d: Disclosure): z.output<typeof memberReportSchema> {
  const person = disclose({ name: doc.name, phone: doc.phone, room: null }, d);
  return {
    id: doc._id,
    name: person.name,
    phone: person.phone,
    category: doc.category,
    partyOrg: doc.partyOrg,
    skills: doc.skills,
    freeTimes: doc.freeTimes,
    status: doc.status,
    reason: doc.reason,
    createdAt: doc.createdAt.toISOString(),
    decidedAt: doc.decidedAt ? doc.decidedAt.toISOString() : null,
  };
}

/** A unit's report: a unit and its public contact, not a private person; evaluations newest first. */
export function unitReportView(doc: UnitReportDoc): z.output<typeof unitReportSchema> {
  return {
    id: doc._id,
    name: doc.name,
    partyOrg: doc.partyOrg,
    contactName: doc.contactName,
    contactPhone: doc.contactPhone,
    resources: doc.resources,
    offer: doc.offer,
    status: doc.status,
    reason: doc.reason,
    createdAt: doc.createdAt.toISOString(),
    evaluations: [...doc.evaluations].sort((a, b) => b.year - a.year).map(({ year, score, comment, byName }) => ({ year, score, comment, byName })),
  };
}
