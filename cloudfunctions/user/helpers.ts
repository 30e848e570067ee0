import { helperConsent, helperEnd, helperList, helperRequest, type HelperBindingView } from '../../src/shared/contract';
import { DomainError } from '../../src/shared/domain/errors';
import { assertMayConsent, assertMayEnd, consentRoleFor, helperBindingKey, type HelperBinding } from '../../src/shared/domain/helper';
import type { UserProfile } from '../../src/shared/domain/org';
import { disclose } from '../../src/shared/domain/privacy';
import { workGridsOf } from '../../src/shared/domain/scope';
import { assertNotSelf } from '../../src/shared/domain/self-dealing';
import { defineHandler } from '../_lib/platform/handler';
import { idOf } from '../_lib/platform/ids';
import { _, collections } from '../_lib/platform/runtime';
import { transact, type RetryRecord } from '../_lib/platform/transact';
import { table, tableIn, type Tx } from '../_lib/platform/typed-db';

const LIST_MAX = 20;

/** The binding as one caller sees it: the parent's name, the helper's name and (for organisers) a masked phone. */
export function bindingView(b: HelperBinding, helperPhone: string | null, viewer: UserProfile): HelperBindingView {
  const role = viewer._id === b.parentId ? 'parent' : viewer._id === b.helperId ? 'helper' : 'organiser';
  const helper = disclose({ name: b.helperName, phone: helperPhone, room: null }, role === 'organiser' ? 'directory' : 'contact');
  return {
    id: b._id,
    parentName: b.parentName,
    helper: { name: helper.name, phone: helper.phone },
    relation: b.relation,
    status: b.status,
    consent: b.consent ? { byName: b.consent.byName, as: b.consent.as, at: new Date(b.consent.at).toISOString() } : null,
    requestedAt: new Date(b.requestedAt).toISOString(),
    endedAt: b.endedAt ? new Date(b.endedAt).toISOString() : null,
    endedByName: b.endedByName,
    viewer: role,
  };
}

/** 申请做代办人: the parent is found by name and the phone they registered with; one binding per parent and helper. */
export const requestHelper = defineHandler(
  helperRequest,
  async ({ parentName, parentPhone, relation }, { openid, user, request }) => {
    const found = await table(collections.users).where({ phone: parentPhone }).limit(5).get();
    const parent = found.find((p) => p.name === parentName && p.roles.includes('resident'));
    if (!parent) throw new DomainError('HELPER_PARENT_NOT_FOUND');
    assertNotSelf(openid, parent._id);
    const id = `helper-${idOf(helperBindingKey(parent._id, openid), 24)}`;
    const now = new Date();
    const binding = await transact(
      async (tx: Tx) => {
        const bindings = tableIn(tx, collections.helperBindings);
        const current = await bindings.get(id);
        // Already asked or bound: the same binding, never a second one.
        if (current && current.status !== 'ended') return current;
        const next: HelperBinding = {
          _id: id,
          parentId: parent._id,
          parentName: parent.name,
          helperId: openid,
          helperName: user.name,
          helperPhone: user.phone,
          relation,
          streetId: parent.streetId,
          communityId: parent.communityId,
          gridId: parent.gridId,
          buildingId: parent.buildingId,
          status: 'requested',
          requestedAt: now,
          consent: null,
          endedAt: null,
          endedBy: null,
          endedByName: null,
          updatedAt: now,
        };
        const { _id, ...fields } = next;
        await bindings.set(_id, fields);
        return next;
      },
      { busy: 'BUSY', record: { request, output: (b) => ({ binding: bindingView(b, b.helperPhone, user) }) } },
    );
    return { binding: bindingView(binding, binding.helperPhone, user) };
  },
  { record: 'inTransaction' },
);

/** Moves one binding in a transaction with the caller's retry record; `plan` sees it as read there (null: no change). */
async function moveBinding(
  bindingId: string,
  user: UserProfile,
  request: RetryRecord | undefined,
  plan: (b: HelperBinding) => Partial<HelperBinding> | null,
) {
  const binding = await transact(
    async (tx: Tx) => {
      const bindings = tableIn(tx, collections.helperBindings);
      const current = await bindings.get(bindingId);
      if (!current) throw new DomainError('HELPER_NOT_FOUND');
      const changes = plan(current);
      if (!changes) return current;
      const next = { ...current, ...changes, updatedAt: new Date() };
      await bindings.change(bindingId, { ...changes, updatedAt: next.updatedAt });
      return next;
    },
    { busy: 'BUSY', record: { request, output: (b) => ({ binding: bindingView(b, b.helperPhone, user) }) } },
  );
  return { binding: bindingView(binding, binding.helperPhone, user) };
}

/**
 * 同意: the parent, or the grid worker of the parent's grid (or community staff) for them — recorded as such, with
 * the time. Never the helper. Two consents at once make one binding: the second finds it active and changes nothing.
 */
export const consentHelper = defineHandler(
  helperConsent,
  async ({ bindingId }, { user, request }) =>
    moveBinding(bindingId, user, request, (b) => {
      const as = assertMayConsent(user, b);
      if (b.status === 'active') return null;
      return { status: 'active', consent: { by: user._id, byName: user.name, as, at: new Date() } };
    }),
  { record: 'inTransaction' },
);

/** 解除: either side (or the parent's grid worker for them); the helper files for the parent no more. */
export const endHelper = defineHandler(
  helperEnd,
  async ({ bindingId }, { user, request }) =>
    moveBinding(bindingId, user, request, (b) => {
      assertMayEnd(user, b);
      if (b.status === 'ended') return null;
      return { status: 'ended', endedAt: new Date(), endedBy: user._id, endedByName: user.name };
    }),
  { record: 'inTransaction' },
);

/** 我的家庭 → 代办人: my helpers, the parents I help, and for organisers the requests of their grids to confirm. */
export const listHelpers = defineHandler(helperList, async (_input, { openid, user }) => {
  const bindings = table(collections.helperBindings);
  const live = _.in(['requested', 'active']);
  const grids = workGridsOf(user);
  const organiserWhere = user.roles.includes('staff')
    ? { communityId: user.communityId, status: 'requested' as const }
    : grids.length
      ? { gridId: grids.length === 1 ? grids[0] : _.in(grids), status: 'requested' as const }
      : null;
  const [asParent, asHelper, toConsent] = await Promise.all([
    bindings.where({ parentId: openid, status: live }).limit(LIST_MAX).get(),
    bindings.where({ helperId: openid, status: live }).limit(LIST_MAX).get(),
    organiserWhere ? bindings.where(organiserWhere).limit(LIST_MAX).get() : Promise.resolve([]),
  ]);
  const view = (b: HelperBinding) => bindingView(b, b.helperPhone, user);
  return {
    asParent: asParent.map(view),
    asHelper: asHelper.map(view),
    toConsent: toConsent.filter((b) => consentRoleFor(user, b) !== null && b.helperId !== openid).map(view),
  };
});
