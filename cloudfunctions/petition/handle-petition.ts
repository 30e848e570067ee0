import type { z } from 'zod';
import {
  petitionAccept,
  petitionConclude,
  petitionConvene,
  petitionDecide,
  petitionDismiss,
  petitionEscalate,
  petitionReopen,
  petitionReport,
  petitionResolve,
  petitionSummon,
  type ActionSpec,
} from '../../src/shared/contract';
import { DomainError } from '../../src/shared/domain/errors';
import type { UserProfile } from '../../src/shared/domain/org';
import { assertHolds, assertResolutionEvidence } from '../../src/shared/domain/petition-rules';
import { assertNotSelf } from '../../src/shared/domain/self-dealing';
import { assertPublishable } from '../_lib/platform/content';
import { caseResolutionOf, topicForCase } from '../../src/shared/domain/council';
import { defineHandler } from '../_lib/platform/handler';
import { idOf } from '../_lib/platform/ids';
import { collections } from '../_lib/platform/runtime';
import { table, tableIn } from '../_lib/platform/typed-db';
import { movePetition, type Plan } from './move-petition';
import type { PetitionDoc } from './petition-repo';
import { listDepartments } from './petition-repo';
import { toView } from './petition-view';

type In<S extends ActionSpec> = z.output<S['input']>;
type Planned<S extends ActionSpec, C> = (input: In<S>, current: PetitionDoc, ctx: { user: UserProfile; prepared: C }) => Plan;

/**
 * An action of whoever holds the case at its current level. `prepare` does the slow work (content check,
 * lookups) once; `plan` checks the case as read and says what the step is (it may run again if the case
 * moved meanwhile). Nobody handles a case they reported as a resident (their own matter, which would earn
 * them credit): it waits for a colleague or the timer. A grid worker's own patrol report stays theirs.
 */
function preparedAction<S extends ActionSpec, C>(spec: S, prepare: (input: In<S>, user: UserProfile) => Promise<C>, plan: Planned<S, C>) {
  return defineHandler(
    spec,
    async (input, { openid, user, request }) => {
      const prepared = await prepare(input, user);
      const { petitionId } = input as { petitionId: string };
      const planner = (current: PetitionDoc) => {
        assertHolds(user, current);
        if (current.reporterIsResident) assertNotSelf(user._id, current.reporterId);
        return plan(input, current, { user, prepared });
      };
      // Every holder action answers with the case as moved (`{petition}`), whatever its own input.
      const reply = async (moved: PetitionDoc) => ({ petition: await toView(moved, user) }) as z.input<S['output']>;
      return movePetition(petitionId, { openid, name: user.name }, planner, { request, reply });
    },
    { record: 'inTransaction' },
  );
}

function holderAction<S extends ActionSpec>(spec: S, plan: Planned<S, undefined>) {
  return preparedAction(spec, async () => undefined, plan);
}

// 受理 / 报到: the level takes the case (a department reports when summoned).
export const accept = holderAction(petitionAccept, ({ note }) => ({ move: { event: 'accept' }, note: note || null }));
export const report = holderAction(petitionReport, ({ note }) => ({ move: { event: 'report' }, note: note || null }));
export const dismiss = holderAction(petitionDismiss, ({ reason }) => ({ move: { event: 'dismiss' }, note: reason }));

// 吹哨: the level cannot settle it and hands it up with a reason.
export const escalate = holderAction(petitionEscalate, ({ reason }) => ({ move: { event: 'escalate' }, note: reason }));

// 街道统筹: the street summons a district department, which must report within its deadline.
export const summon = preparedAction(
  petitionSummon,
  async ({ departmentId }) => {
    const department = (await listDepartments()).find((d) => d._id === departmentId);
    if (!department) throw new DomainError('DEPARTMENT_NOT_FOUND');
    return department;
  },
  ({ departmentId, reason }, _current, { prepared: department }) => ({
    move: { event: 'summon', departmentId },
    note: `召集${department.name}：${reason}`,
  }),
);

// 三方议事: property and owners' matters go to the community, the owners' committee and the property company — as a
// topic on the council's list, raised with the move (its id from the case and the step: a retry raises no second).
export const convene = holderAction(petitionConvene, ({ note }, current, { user }) => {
  const topic = topicForCase(current, user, `ct-${idOf([current._id, String(current.history.length)], 20)}`, new Date());
  return {
    move: { event: 'convene' },
    note: note || '提交三方议事',
    changes: { councilTopicId: topic._id },
    alongside: (tx) => tableIn(tx, collections.councilTopics).add(topic),
  };
});

export const resolve = preparedAction(
  petitionResolve,
  // The resolution reaches the resident and co-signers: its text and photos pass the content check first.
  (input, user) => assertPublishable(user._id, input.feedback, [...input.photos, ...input.beforePhotos, ...input.afterPhotos]),
  (input, current, { user }) => {
    assertResolutionEvidence(current.level, input);
    const { feedback: text, photos, beforePhotos, afterPhotos } = input;
    const by = { by: user._id, byName: user.name, at: new Date() };
    return {
      move: { event: 'resolve' },
      note: text,
      changes: { resolution: { kind: 'handled', text, level: current.level, ...by, photos, beforePhotos, afterPhotos, council: null } },
    };
  },
);

// The decision of the case's 三方议事 topic, once decided (minutes out, any household vote closed), is its resolution.
export const decide = preparedAction(
  petitionDecide,
  async ({ petitionId, topicId }) => {
    const topic = await table(collections.councilTopics).get(topicId);
    if (!topic || topic.petitionId !== petitionId) throw new DomainError('COUNCIL_TOPIC_NOT_FOUND');
    return topic;
  },
  (_input, _current, { user, prepared: topic }) => {
    const now = new Date();
    const { text, ownersCommittee, propertyCompany } = caseResolutionOf(topic, now);
    const council = { ownersCommittee, propertyCompany };
    const by = { by: user._id, byName: user.name, at: now };
    const resolution = {
      kind: 'council' as const,
      text,
      level: 'community' as const,
      ...by,
      photos: [],
      beforePhotos: [],
      afterPhotos: [],
      council,
      topicId: topic._id,
    };
    return { move: { event: 'decide' }, note: `三方议事（业委会 ${ownersCommittee}、物业 ${propertyCompany}）：${text}`, changes: { resolution } };
  },
);

// 社区复核: after a second 不满意 the community sends the case back to a level, or upholds the result.
export const reopen = holderAction(petitionReopen, ({ level, reason }) => ({ move: { event: 'reopen', level }, note: reason }));
export const conclude = holderAction(petitionConclude, ({ conclusion }) => ({ move: { event: 'conclude' }, note: conclusion }));
