import { DomainError } from '../../src/shared/domain/errors';
import { applyMove, type PetitionMove, type PetitionState } from '../../src/shared/domain/petition';
import { actAt, dueAt } from '../../src/shared/domain/petition-deadlines';
import type { LadderConfig } from '../../src/shared/domain/petition-ladder';
import { creditKey, earnsCredit, type PetitionStep } from '../../src/shared/domain/petition-rules';
import { deliver, enqueue, type Notice } from '../_lib/outbox';
import { _, collections, db, type Loose } from '../_lib/runtime';
import { readIn } from '../_lib/transact';
import { settleCredit } from './credit';
import { assignedNotices, followersOf, holdersOf, progressNotices } from './notices';
import { findPetition, loadSettings, type PetitionDoc } from './petition-repo';

export interface Mover {
  openid: string;
  name: string;
  automatic?: boolean;
}

/** A step to take: the move, why (for the timeline and the notices), and what else it records. */
export interface Plan {
  move: PetitionMove;
  note?: string | null;
  changes?: Partial<Pick<PetitionDoc, 'resolution' | 'rating'>>;
}

/** Checks the case as read (authority, evidence) and says what to do, or null for nothing. */
export type Planner = (current: PetitionDoc, ladder: LadderConfig) => Plan | null;

const ATTEMPTS = 5;

/**
 * Moves a petition one step: the state change, its timeline line, and its notices commit together. The plan
 * is made against one revision, and whom to notify is looked up before the transaction (which may hold only
 * single-document operations); if another move committed meanwhile, the step is planned again.
 */
export async function movePetition(id: string, by: Mover, planner: Planner): Promise<PetitionDoc | null> {
  for (let attempt = 0; attempt < ATTEMPTS; attempt += 1) {
    const seen = await findPetition(id);
    const { ladder } = await loadSettings(seen.streetId);
    const plan = planner(seen, ladder);
    if (!plan) return null;
    const next = advance(seen, plan, by, new Date(), ladder);
    const notices = await noticesFor(seen, next, plan, by);
    const noticeIds: string[] | null = await db.runTransaction(async (tx: Loose) => {
      const current = await readIn<PetitionDoc>(tx, collections.petitions, id);
      if (!current || current.rev !== seen.rev) return null;
      await tx
        .collection(collections.petitions)
        .doc(id)
        .update({ data: { ...changedFields(seen, next, plan), history: _.push([next.history.at(-1)]) } });
      return enqueue(tx, notices);
    });
    if (noticeIds === null) continue;
    await deliver(noticeIds);
    if (next.credit?.status === 'pending') await settleCredit(next).catch((error: unknown) => console.error('[petition credit]', id, error));
    return next;
  }
  throw new DomainError('PETITION_BUSY');
}

function stateOf(p: PetitionDoc): PetitionState {
  const { status, level, urgency, since, departmentId, topLevel, reopens, resolvedLevel, outcome, defaultDepartmentId, councilEligible } = p;
  return { status, level, urgency, since, departmentId, topLevel, reopens, resolvedLevel, outcome, defaultDepartmentId, councilEligible };
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
    firstFeedbackAt: seen.firstFeedbackAt ?? (state.status === 'resolved' ? now : null),
    credit: seen.credit ?? (valid ? { key: creditKey(seen._id), amount: ladder.virtueCredit, status: 'pending', postingId: null } : null),
    history: [...seen.history, step],
    updatedAt: now,
  };
}

/**
 * What a move writes. The SDK flattens nested objects into dot paths; objects we store replace whole. The
 * credit is written only when the move creates it: settling it later is not a move.
 */
function changedFields(seen: PetitionDoc, next: PetitionDoc, plan: Plan): Record<string, unknown> {
  const whole = (v: unknown) => (v && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Date) ? _.set(v) : v);
  const keys = ['status', 'level', 'since', 'departmentId', 'topLevel', 'reopens', 'resolvedLevel', 'outcome', 'rev', 'departmentIds'] as const;
  const more = ['handlerId', 'handlerName', 'dueAt', 'actAt', 'firstFeedbackAt', 'updatedAt'] as const;
  const credit = seen.credit === null && next.credit !== null ? (['credit'] as const) : [];
  const fields = [...keys, ...more, ...credit, ...(Object.keys(plan.changes ?? {}) as (keyof PetitionDoc)[])];
  return Object.fromEntries(fields.map((k) => [k, whole(next[k])]));
}

/** Work notices to the level the case lands on; progress to everyone following it (not to whoever moved it). */
async function noticesFor(seen: PetitionDoc, next: PetitionDoc, plan: Plan, by: Mover): Promise<Notice[]> {
  const { event } = plan.move;
  const lands = event === 'escalate' || event === 'summon' || event === 'reopen' || (event === 'rate' && next.status !== 'closed');
  const note = plan.note ?? '';
  const [holders, followers] = await Promise.all([lands ? holdersOf(next.level, next) : [], followersOf(seen)]);
  return [
    ...assignedNotices(
      holders.filter((h) => h !== by.openid),
      next,
      by.automatic ? note : `${by.name}：${note}`,
    ),
    ...progressNotices(
      followers.filter((f) => f !== by.openid),
      next,
      event,
      plan.note ?? null,
    ),
  ];
}
