import { roleGrant, roleRevoke } from '../../src/shared/contract';
import type { z } from 'zod';
import {
  afterGrant,
  afterRevoke,
  assertMayAppoint,
  assertMayRemove,
  reachesPerson,
  streetOfUnit,
  unitKindOf,
  type Appointment,
  type RoleChange,
} from '../../src/shared/domain/appointment';
import { DomainError } from '../../src/shared/domain/errors';
import type { UserProfile } from '../../src/shared/domain/org';
import { assertNotSelf } from '../../src/shared/domain/self-dealing';
import { isProfile } from '../_lib/platform/actor';
import { defineHandler } from '../_lib/platform/handler';
import { idForRequest } from '../_lib/platform/ids';
import { collections } from '../_lib/platform/runtime';
import { fieldsOf, transact, type RetryRecord } from '../_lib/platform/transact';
import { table, tableIn } from '../_lib/platform/typed-db';
import { changedView, entryView, heldPost, scopeName } from './role-views';

type GrantInput = z.output<typeof roleGrant.input>;

/** The appointment a grant asks for, with its unit or department read (one read), and the name the log keeps. */
async function appointmentOf(input: GrantInput): Promise<{ appointment: Appointment; scope: string }> {
  const { role, unitId, departmentId, adminScope, estate } = input;
  if (role === 'district_staff' || (role === 'admin' && adminScope === 'district')) {
    return { appointment: role === 'admin' ? { role, adminScope: 'district' } : { role }, scope: '全区' };
  }
  // A supervisor appointed to no street supervises the whole district.
  if (role === 'supervisor' && !unitId) return { appointment: { role }, scope: '全区' };
  if (role === 'department_staff') {
    const department = await table(collections.departments).get(departmentId!);
    if (!department) throw new DomainError('DEPARTMENT_NOT_FOUND');
    return { appointment: { role, departmentId: department._id }, scope: String(department.name) };
  }
  const unit = await table(collections.orgUnits).get(unitId!);
  const retired = unit && 'retiredAt' in unit && unit.retiredAt;
  if (!unit || retired || unit.kind !== unitKindOf[role]) throw new DomainError('ROLE_UNIT_INVALID');
  if (role === 'owners_committee' || role === 'property_rep') {
    return { appointment: { role, unit, estate: estate ?? null }, scope: estate ? `${unit.name} · ${estate}` : unit.name };
  }
  return { appointment: role === 'admin' ? { role, unit, adminScope: 'street' } : { role, unit }, scope: unit.name };
}

interface Change {
  actor: UserProfile;
  targetId: string;
  reason: string;
  requestId: string | undefined;
  request: RetryRecord | undefined;
  /** The profile after the change (throws when it may not be made), and what the log says of it. */
  apply(
    person: UserProfile,
  ): Promise<{ next: UserProfile; entry: Pick<RoleChange, 'change' | 'role' | 'streetId' | 'unitId' | 'departmentId' | 'adminScope' | 'scope'> }>;
}

/**
 * One role change: the person's profile and its `role_log` entry (and the call's retry record) in one
 * transaction, so there is never a change without its record. A retry after success is refused by the
 * changed profile (already held / not held) and replays the first reply.
 */
function changeRole({ actor, targetId, reason, requestId, request, apply }: Change) {
  return transact(
    async (tx) => {
      const people = tableIn(tx, collections.users);
      const person = await people.get(targetId);
      if (!isProfile(person)) throw new DomainError('PERSON_NOT_FOUND');
      const { next, entry } = await apply(person);
      const logged: RoleChange = {
        _id: `role-${idForRequest([actor._id, targetId], requestId, 24)}`,
        ...entry,
        targetId,
        targetName: person.name,
        reason,
        by: actor._id,
        byName: actor.name,
        at: new Date(),
      };
      await people.set(targetId, fieldsOf(next));
      await tableIn(tx, collections.roleLog).add(logged);
      return { person: changedView(actor, next), entry: entryView(logged) };
    },
    { busy: 'BUSY', record: { request } },
  );
}

/** 任命: an admin appoints someone of their reach to a role at or below their own scope, with a reason. */
export const grant = defineHandler(
  roleGrant,
  async (input, { openid, user, requestId, request }) => {
    assertNotSelf(openid, input.openid);
    const { appointment, scope } = await appointmentOf(input);
    assertMayAppoint(user, appointment);
    const unit = 'unit' in appointment ? appointment.unit : null;
    return changeRole({
      actor: user,
      targetId: input.openid,
      reason: input.reason,
      requestId,
      request,
      apply: async (person) => {
        if (!reachesPerson(user, person, appointment.role)) throw new DomainError('FORBIDDEN_SCOPE');
        const next = afterGrant(person, appointment);
        const entry = {
          change: 'grant' as const,
          role: input.role,
          streetId: unit ? streetOfUnit(unit) : '',
          unitId: unit?._id ?? null,
          departmentId: appointment.role === 'department_staff' ? appointment.departmentId : null,
          adminScope: appointment.role === 'admin' ? appointment.adminScope : null,
          scope,
        };
        return { next, entry };
      },
    });
  },
  { record: 'inTransaction' },
);

/** 免职: an admin removes a role they could have granted, with a reason. */
export const revoke = defineHandler(
  roleRevoke,
  async ({ openid: targetId, role, unitId, reason }, { openid, user, requestId, request }) => {
    assertNotSelf(openid, targetId);
    return changeRole({
      actor: user,
      targetId,
      reason,
      requestId,
      request,
      apply: async (person) => {
        assertMayRemove(user, person, role);
        const next = afterRevoke(person, role, role === 'grid_worker' ? unitId : undefined);
        const held = heldPost(person, role, role === 'grid_worker' ? unitId : undefined);
        const entry = {
          change: 'revoke' as const,
          role,
          streetId: held.district ? '' : person.streetId,
          unitId: held.unitId,
          departmentId: held.departmentId,
          adminScope: role === 'admin' ? (person.adminScope ?? 'street') : null,
          scope: await scopeName(held),
        };
        return { next, entry };
      },
    });
  },
  { record: 'inTransaction' },
);
