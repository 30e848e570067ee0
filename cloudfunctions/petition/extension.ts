import { petitionDecideExtension, petitionRequestExtension } from '../../src/shared/contract';
import { DomainError } from '../../src/shared/domain/errors';
import type { UserProfile } from '../../src/shared/domain/org';
import { actAt, dueAt } from '../../src/shared/domain/petition-deadlines';
import {
  assertMayDecideExtension,
  assertMayRequestExtension,
  deciderKeyOf,
  deciderLevel,
  untilShort,
  untilText,
  type PetitionExtension,
} from '../../src/shared/domain/petition-extension';
import { assertHolds, type ExtensionEvent, type PetitionStep } from '../../src/shared/domain/petition-rules';
import { assertNotSelf } from '../../src/shared/domain/self-dealing';
import { assertPublishable } from '../_lib/platform/content';
import { defineHandler } from '../_lib/platform/handler';
import type { Notice } from '../_lib/platform/outbox';
import { _, collections } from '../_lib/platform/runtime';
import { templates, thing } from '../_lib/platform/templates';
import { readIn, transact } from '../_lib/platform/transact';
import { noteOnCase, stillStep } from './note-on-case';
import { assignedNotices, holdersOf } from './notices';
import { cachedSettings, type PetitionDoc, type ProgressConsent } from './petition-repo';
import { toView } from './petition-view';

/** A line of the 延期申请 on the timeline: it moves nothing (from = to). */
const line = (p: PetitionDoc, event: ExtensionEvent, user: UserProfile, at: Date, note: string, until?: Date): PetitionStep =>
  stillStep(p, { event, by: user._id, byName: user.name, at, note, ...(until ? { until } : {}) });

/** Nobody handles a case they reported as a resident (handle-petition.ts): nor asks for, nor decides, more time for it. */
function assertNotOwnCase(user: UserProfile, p: PetitionDoc): void {
  if (p.reporterIsResident) assertNotSelf(user._id, p.reporterId);
}

/**
 * 延期申请: whoever holds the case at its level asks for a later deadline for the current step (later than the
 * current one, at most 30 days past the ladder's own), with a reason that passes the content check. One request per
 * step is pending at a time; the level above is told (petition-extension.ts says who).
 */
export const requestExtension = defineHandler(
  petitionRequestExtension,
  async ({ petitionId, reason, until: asked }, { user, request }) => {
    await assertPublishable(user._id, reason);
    const until = new Date(asked);
    return transact(
      async (tx, unit) => {
        const current = await readIn<PetitionDoc>(tx, collections.petitions, petitionId);
        if (!current) throw new DomainError('PETITION_NOT_FOUND');
        assertHolds(user, current);
        assertNotOwnCase(user, current);
        const now = new Date();
        const { ladder } = await cachedSettings(current.streetId);
        const { ladderDueAt } = assertMayRequestExtension(current, until, now, ladder);
        const extension: PetitionExtension = {
          status: 'pending',
          reason,
          until,
          stepSince: current.since,
          level: current.level,
          ladderDueAt,
          requestedBy: user._id,
          requestedByName: user.name,
          requestedAt: now,
          decidedBy: null,
          decidedByName: null,
          decidedAt: null,
          note: null,
        };
        const step = line(current, 'extendRequest', user, now, `申请延期至 ${untilText(until)}：${reason}`);
        // On the level above's 延期待批 list until decided (or lapsed by a move).
        const extensionDecider = deciderKeyOf(current.level, current);
        const asked = await noteOnCase(tx, current, [step], { extension, extensionDecider });
        const deciders = await holdersOf(deciderLevel[current.level], current);
        await unit.notify(
          assignedNotices(
            deciders.filter((d) => d !== user._id),
            asked,
            `申请延期至 ${untilShort(until)}，请审批`,
          ),
        );
        return { petition: await toView(asked, user) };
      },
      { busy: 'PETITION_BUSY', record: { request } },
    );
  },
  { record: 'inTransaction' },
);

/**
 * 审批延期申请: the level above approves or refuses the step's pending request — never one's own, nor one whose step
 * the case has left. Approved, the step's deadline moves (`extendedUntil`; `dueAt`/`actAt` with it, so the sweep
 * escalates at the new date) and the line carries the new date for the reports. Two deciders at once: the
 * transaction lets one commit, the other reads the request decided and is refused.
 */
export const decideExtension = defineHandler(
  petitionDecideExtension,
  async ({ petitionId, approve, note: said }, { user, request }) => {
    if (said) await assertPublishable(user._id, said);
    const note = said || null;
    return transact(
      async (tx, unit) => {
        const current = await readIn<PetitionDoc>(tx, collections.petitions, petitionId);
        if (!current) throw new DomainError('PETITION_NOT_FOUND');
        const now = new Date();
        const asked = assertMayDecideExtension(user, current, approve, now);
        assertNotOwnCase(user, current);
        const extension: PetitionExtension = {
          ...asked,
          status: approve ? 'approved' : 'refused',
          decidedBy: user._id,
          decidedByName: user.name,
          decidedAt: now,
          note,
        };
        const until = new Date(asked.until);
        const step = approve
          ? line(current, 'extend', user, now, `同意延期，办理期限延至 ${untilText(until)}${note ? `：${note}` : ''}`, until)
          : line(current, 'extendRefused', user, now, `不同意延期${note ? `：${note}` : ''}`);
        const fields: Partial<PetitionDoc> = { extension, extensionDecider: null };
        if (approve) {
          const { ladder } = await cachedSettings(current.streetId);
          const moved = { ...current, extendedUntil: until };
          Object.assign(fields, { extendedUntil: until, dueAt: dueAt(moved, ladder), actAt: actAt(moved, ladder) });
        }
        const { notices, consent } = decisionNotices({ ...current, ...fields }, extension, user);
        if (consent) fields.progressConsent = consent;
        const decided = await noteOnCase(tx, current, [step], fields);
        await unit.notify(notices);
        return { petition: await toView(decided, user) };
      },
      { busy: 'PETITION_BUSY', record: { request } },
    );
  },
  { record: 'inTransaction' },
);

/**
 * The decision to whoever asked (a notice has 20 characters: the decider is on the case's page); an approved one to
 * the reporter (and whoever filed it for them) too — under the consent the case holds for them when it holds theirs
 * (spent here, as a move spends it: `consent` is what is left, to write with the decision), else under their grants.
 */
function decisionNotices(p: PetitionDoc, e: PetitionExtension, by: UserProfile): { notices: Notice[]; consent: ProgressConsent | null } {
  const approved = e.status === 'approved';
  const said = approved ? `同意延期至 ${untilShort(e.until)}` : `不同意延期${e.note ? `：${e.note}` : ''}`;
  const toRequester = assignedNotices(e.requestedBy === by._id ? [] : [e.requestedBy], p, said);
  if (!approved) return { notices: toRequester, consent: null };
  const held = p.progressConsent ? { ...p.progressConsent } : null;
  const residents: [string | null, 'reporter' | 'filer'][] = [
    [p.reporterId, 'reporter'],
    [p.filedById, 'filer'],
  ];
  const seen = new Set<string>([by._id, e.requestedBy]);
  const toResidents = residents.flatMap(([touser, role]): Notice[] => {
    if (touser === null || seen.has(touser)) return [];
    seen.add(touser);
    const notice: Notice = {
      touser,
      templateId: templates.petitionProgress,
      page: `pages/petition-detail/index?id=${p._id}`,
      data: {
        thing1: thing(`${p.categoryName}：${p.description}`),
        phrase2: thing('延期办理', 5),
        thing3: thing(`办理期限延至 ${untilShort(e.until)}`),
      },
    };
    const left = held ? held[role] : null;
    if (left === null) return [notice];
    if (left <= 0) return [];
    held![role] = left - 1;
    return [{ ...notice, consented: true }];
  });
  const changed = held !== null && (held.reporter !== p.progressConsent?.reporter || held.filer !== p.progressConsent?.filer);
  return { notices: [...toRequester, ...toResidents], consent: changed ? held : null };
}
