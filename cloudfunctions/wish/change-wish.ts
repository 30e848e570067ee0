import type { WishView } from '../../src/shared/contract';
import { DomainError } from '../../src/shared/domain/errors';
import { nextStatus, type WishEvent, type WishHistoryEntry } from '../../src/shared/domain/wish';
import type { Context } from '../_lib/platform/handler';
import type { Notice } from '../_lib/platform/outbox';
import { _, collections } from '../_lib/platform/runtime';
import { readIn, transact, type RetryRecord } from '../_lib/platform/transact';
import type { Tx } from '../_lib/platform/typed-db';
import type { WishDoc } from './wish-repo';
import { toView } from './wish-view';

export interface Actor {
  openid: string;
  name: string;
}

/** What a step does besides moving the status: fields to set, a note for the history, notices to send. */
export interface Plan {
  changes?: Partial<WishDoc>;
  note?: string | null;
  notices?: (wish: WishDoc) => Notice[];
}

/** Plans a step from the wish as read in the transaction; may write more in it (`tx`: a confirmation's award). */
type Planner = (wish: WishDoc, tx: Tx) => Plan | Promise<Plan>;

/**
 * How a caller's step keeps its reply: in its retry record (`request`), or — for a step whose wish is its own
 * record (`record: 'effect'`: no `request` is given) — under its submission's id on its history line
 * (`requestId`), so a retry finds the step made and is answered with the wish as it stands.
 */
type Keeping = { request?: RetryRecord; requestId?: string };

/**
 * Moves a wish one step along its state machine, atomically with its history line, its notices and (for a
 * caller's action) the retry record of the reply. `plan` sees the wish as read inside the transaction, so its
 * checks hold at commit: of two members claiming at once, the second retries, re-reads and is refused.
 */
async function change<R>(
  wishId: string,
  event: WishEvent,
  actor: Actor,
  plan: Planner,
  answer: (wish: WishDoc) => Promise<R>,
  keeping: Keeping = {},
) {
  const { request } = keeping;
  const requestId = request ? undefined : keeping.requestId;
  return transact(
    async (tx, unit) => {
      const current = await readIn<WishDoc>(tx, collections.wishes, wishId);
      if (!current) throw new DomainError('WISH_NOT_FOUND');
      if (requestId && current.history.some((e) => e.requestId === requestId && e.by === actor.openid && e.event === event)) {
        return { wish: current, reply: await answer(current) };
      }
      const to = nextStatus(current.status, event);
      const { changes = {}, note = null, notices } = await plan(current, tx);
      const now = new Date();
      const made = requestId ? { requestId } : {};
      const entry: WishHistoryEntry = { event, by: actor.openid, byName: actor.name, at: now, from: current.status, to, note, ...made };
      await tx
        .collection(collections.wishes)
        .doc(wishId)
        .update({ data: { ...wholeValues(changes), status: to, updatedAt: now, statsDirty: true, history: _.push([entry]) } });
      const next: WishDoc = { ...current, ...changes, status: to, updatedAt: now, statsDirty: true, history: [...current.history, entry] };
      await unit.notify(notices ? notices(next) : []);
      return { wish: next, reply: await answer(next) };
    },
    { busy: 'BUSY', record: { request, output: (result) => result.reply } },
  );
}

/** A step taken by the system or followed by more work (the sweep, a confirmation that settles its award). */
export async function changeWish(wishId: string, event: WishEvent, actor: Actor, plan: Planner = () => ({})): Promise<WishDoc> {
  return (await change(wishId, event, actor, plan, async () => undefined)).wish;
}

/** A caller's step, answered with the wish as they now see it; the answer is their retry record, kept with the step. */
export async function moveWish(
  wishId: string,
  event: WishEvent,
  { openid, user, request, requestId }: Context,
  plan: Planner,
): Promise<{ wish: WishView }> {
  const answer = async (wish: WishDoc) => ({ wish: await toView(wish, user) });
  return (await change(wishId, event, { openid, name: user.name }, plan, answer, { request, requestId })).reply;
}

/** The SDK flattens nested objects into dot paths; objects we store (proof, rating, award) replace whole. */
function wholeValues(changes: Partial<WishDoc>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(changes).map(([key, value]) => [
      key,
      value && typeof value === 'object' && !Array.isArray(value) && !(value instanceof Date) ? _.set(value) : value,
    ]),
  );
}
