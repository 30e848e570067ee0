import { DomainError } from '../../src/shared/domain/errors';
import { applyMove, type PetitionMove, type PetitionState } from '../../src/shared/domain/petition';
import { cardDue } from '../../src/shared/domain/petition-cards';
import { actAt, dueAt } from '../../src/shared/domain/petition-deadlines';
import type { LadderConfig } from '../../src/shared/domain/petition-ladder';
import { creditKey, earnsCredit, type PetitionStep } from '../../src/shared/domain/petition-rules';
import type { Notice } from '../_lib/platform/outbox';
import { _, collections } from '../_lib/platform/runtime';
import { readIn, transact, type RetryRecord } from '../_lib/platform/transact';
import type { Tx } from '../_lib/platform/typed-db';
import { creditIn } from './credit';
import { assignedNotices, followersOf, holdersOf, progressNotices } from './notices';
import { cachedLadderFor, type PetitionDoc, type ProgressConsent } from './petition-repo';

export interface Mover {
  openid: string;
  name: string;
  automatic?: boolean;
}

/**
 * A step to take: the move, why (for the timeline and the notices), and what else it records; `then`, a second
 * step taken in the same transaction (a resident's 已解决 with a rating: verified and rated in one tap).
 */
export interface Plan {
  move: PetitionMove;
  note?: string | null;
  /** `gridId`/`gridName`: a 督办员's 改派 to another grid of the community hands the case to that grid. */
  changes?: Partial<Pick<PetitionDoc, 'resolution' | 'rating' | 'verification' | 'gridId' | 'gridName' | 'councilTopicId'>>;
  then?: Plan;
  /** Another document the step writes in its transaction (三方议事: the topic a case goes to council with). */
  alongside?: (tx: Tx) => Promise<void>;
}

/** Checks the case as read (authority, evidence) and says what to do, or null for nothing. */
export type Planner = (current: PetitionDoc, ladder: LadderConfig) => Plan | null;

/** What a caller's move answers with, made in its transaction so that the retry record holds it. */
export interface Answer<R> {
  request: RetryRecord | undefined;
  reply: (moved: PetitionDoc) => Promise<R>;
}

/**
 * Moves a petition one step: the state change, its timeline line, its notices and (for a caller) the retry
 * record of the answer commit together. The plan is made against the case as read inside the transaction;
 * if another move commits meanwhile, the transaction conflicts and the step is planned again.
 */
export async function movePetition(id: string, by: Mover, planner: Planner): Promise<PetitionDoc | null>;
export async function movePetition<R>(id: string, by: Mover, planner: Planner, answer: Answer<R>): Promise<R>;
export async function movePetition<R>(id: string, by: Mover, planner: Planner, answer?: Answer<R>): Promise<PetitionDoc | R | null> {
  const moved = await transact(
    async (tx, unit) => {
      const seen = await readIn<PetitionDoc>(tx, collections.petitions, id);
      if (!seen) throw new DomainError('PETITION_NOT_FOUND');
      const kept = await cachedLadderFor(seen);
      const plan = planner(seen, kept);
      if (!plan) return null;
      const now = new Date();
      const steps = plan.then ? [plan, plan.then] : [plan];
      const advanced = steps.reduce((doc, step) => advance(doc, step, by, now, kept), seen);
      const last = steps.at(-1)!;
      // The credit the move earns is posted with it.
      const credited = { ...advanced, credit: await creditIn(tx, advanced) };
      const { notices, consent } = await noticesFor(seen, credited, last, by);
      // The consent the case held for a notice is spent with the move that sends it.
      const next = consent ? { ...credited, progressConsent: consent } : credited;
      const spent = consent ? { progressConsent: _.set(consent) } : {};
      await tx
        .collection(collections.petitions)
        .doc(id)
        .update({ data: { ...changedFields(seen, next, steps), ...spent, history: _.push(next.history.slice(seen.history.length)) } });
      for (const step of steps) await step.alongside?.(tx);
      await unit.notify(notices);
      return { next, reply: answer ? await answer.reply(next) : undefined };
    },
    { busy: 'PETITION_BUSY', record: { request: answer?.request, output: (result) => result?.reply } },
  );
  if (!moved) return null;
  return answer ? (moved.reply as R) : moved.next;
}

function stateOf(p: PetitionDoc): PetitionState {
  const { status, level, urgency, since, departmentId, topLevel, reopens, resolvedLevel, outcome, defaultDepartmentId, councilEligible } = p;
  const extendedUntil = p.extendedUntil ?? null;
  return {
    status,
    level,
    urgency,
    since,
    extendedUntil,
    departmentId,
    topLevel,
    reopens,
    resolvedLevel,
    outcome,
    defaultDepartmentId,
    councilEligible,
  };
}

/** The petition after the step: new state, deadlines, holder, first feedback, credit, and the timeline line. */
function advance(seen: PetitionDoc, plan: Plan, by: Mover, now: Date, ladder: LadderConfig): PetitionDoc {
  const state = applyMove(stateOf(seen), plan.move, now, ladder);
  const { event } = plan.move;
  const step: PetitionStep = {
    event,
    by: by.openid,
    byName: by.name,
    at: now,
    from: { status: seen.status, level: seen.level },
    to: { status: state.status, level: state.level },
    departmentId: state.level === 'department' ? state.departmentId : null,
    note: plan.note ?? null,
    automatic: by.automatic === true,
  };
  const takes = event === 'accept' || event === 'report';
  const handedOn = state.level !== seen.level || state.status === 'pending';
  const valid = earnsCredit(event, seen, by.openid);
  return {
    ...seen,
    ...plan.changes,
    ...state,
    rev: seen.rev + 1,
    departmentIds:
      state.departmentId && !seen.departmentIds.includes(state.departmentId) ? [...seen.departmentIds, state.departmentId] : seen.departmentIds,
    handlerId: takes ? by.openid : handedOn ? null : seen.handlerId,
    handlerName: takes ? by.name : handedOn ? null : seen.handlerName,
    dueAt: dueAt(state, ladder),
    actAt: actAt(state, ladder),
    // A new step, a fresh 督办 clock: the card of the step left stays in the history.
    card: null,
    cardRank: 0,
    cardAt: cardDue({ ...state, categoryId: seen.categoryId, card: null }, ladder)?.at ?? null,
    // A new step: a request still pending for the old one lapses, and leaves the 延期待批 list.
    extensionDecider: null,
    firstFeedbackAt: seen.firstFeedbackAt ?? (state.status === 'verifying' ? now : null),
    credit: seen.credit ?? (valid ? { key: creditKey(seen._id), amount: ladder.virtueCredit, status: 'pending', postingId: null } : null),
    history: [...seen.history, step],
    statsDirty: true,
    updatedAt: now,
  };
}

/**
 * What a move writes. The SDK flattens nested objects into dot paths; objects we store replace whole. The
 * credit is written only when the move creates it: settling it later is not a move.
 */
function changedFields(seen: PetitionDoc, next: PetitionDoc, steps: readonly Plan[]): Record<string, unknown> {
  const whole = (v: unknown) => (v && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Date) ? _.set(v) : v);
  const keys = [
    'status',
    'level',
    'since',
    'extendedUntil',
    'departmentId',
    'topLevel',
    'reopens',
    'resolvedLevel',
    'outcome',
    'rev',
    'departmentIds',
  ] as const;
  const more = [
    'handlerId',
    'handlerName',
    'dueAt',
    'actAt',
    'card',
    'cardRank',
    'cardAt',
    'extensionDecider',
    'firstFeedbackAt',
    'statsDirty',
    'updatedAt',
  ] as const;
  const credit = seen.credit === null && next.credit !== null ? (['credit'] as const) : [];
  const changed = new Set(steps.flatMap((plan) => Object.keys(plan.changes ?? {}) as (keyof PetitionDoc)[]));
  const fields = [...keys, ...more, ...credit, ...changed];
  return Object.fromEntries(fields.map((k) => [k, whole(next[k])]));
}

/**
 * Work notices to the level the case lands on; progress to everyone following it (not to whoever moved it). The
 * reporter's and filer's progress goes under the consent the case holds for them, when it holds theirs (spent
 * here: `consent` is what is left, to write with the move), else under their grants (outbox.ts).
 */
async function noticesFor(
  seen: PetitionDoc,
  next: PetitionDoc,
  plan: Plan,
  by: Mover,
): Promise<{ notices: Notice[]; consent: ProgressConsent | null }> {
  const { event } = plan.move;
  const reopens = (event === 'rate' || event === 'verify') && (next.status === 'accepted' || next.status === 'review');
  const lands = event === 'escalate' || event === 'summon' || event === 'reopen' || event === 'reassign' || reopens;
  const note = plan.note ?? '';
  const [holders, followers] = await Promise.all([lands ? holdersOf(next.level, next) : [], followersOf(seen)]);
  const held = seen.progressConsent ? { ...seen.progressConsent } : null;
  const progress = progressNotices(
    followers.filter((f) => f !== by.openid),
    next,
    event,
    plan.note ?? null,
  ).flatMap((notice): Notice[] => {
    const role = notice.touser === seen.reporterId ? 'reporter' : notice.touser === seen.filedById ? 'filer' : null;
    const left = role && held ? held[role] : null;
    if (role === null || left === null) return [notice];
    if (left <= 0) return [];
    held![role] = left - 1;
    return [{ ...notice, consented: true }];
  });
  const changed = held !== null && (held.reporter !== seen.progressConsent?.reporter || held.filer !== seen.progressConsent?.filer);
  return {
    notices: [
      ...assignedNotices(
        holders.filter((h) => h !== by.openid),
        next,
        by.automatic ? note : `${by.name}：${note}`,
      ),
      ...progress,
    ],
    consent: changed ? held : null,
  };
}
