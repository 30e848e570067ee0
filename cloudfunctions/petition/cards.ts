import {
  cardColorLabels,
  cardDue,
  cardNote,
  cardRankOf,
  cardToIssue,
  type CardReason,
  type SupervisionCard,
} from '../../src/shared/domain/petition-cards';
import { petitionStatuses } from '../../src/shared/domain/petition';
import type { LadderConfig } from '../../src/shared/domain/petition-ladder';
import type { PetitionStep } from '../../src/shared/domain/petition-rules';
import { SYSTEM_ACTOR } from '../../src/shared/domain/wish';
import { _, collections } from '../_lib/platform/runtime';
import { readIn, transact } from '../_lib/platform/transact';
import { table } from '../_lib/platform/typed-db';
import { cardNotices } from './notices';
import { noteOnCase, stillStep } from './note-on-case';
import { cachedLadderFor, type PetitionDoc } from './petition-repo';

/** Bounded work per run; the next run picks up the rest. */
const BATCH = 100;
/** Cases given their 督办 clock per run (one write each); the next run takes the next page. */
const CLOCK_PAGE = 50;
/** The statuses a 督办 clock may run in (cardDue says whether it does): a closed case needs none. */
const UNCLOSED = petitionStatuses.filter((s) => s !== 'closed');

/** A card for the case's current step, issued by the clock or the urges (by: null). */
export function clockCard(p: PetitionDoc, color: SupervisionCard['color'], reason: CardReason, now: Date): SupervisionCard {
  return {
    color,
    reason,
    level: p.level,
    departmentId: p.level === 'department' ? p.departmentId : null,
    at: now,
    by: null,
    byName: null,
    comment: null,
  };
}

/** The timeline line of a card: it moves nothing (from = to); the reports count it by its colour. */
export function cardStep(p: PetitionDoc, card: SupervisionCard): PetitionStep {
  return stillStep(p, {
    event: 'card',
    by: card.by ?? SYSTEM_ACTOR.openid,
    byName: card.byName ?? SYSTEM_ACTOR.name,
    at: card.at,
    // A 督办员's card says their comment as its reason; the clock's and the urges' say which limit or how many urges.
    note: card.comment ? `${cardColorLabels[card.color]}：${card.comment}` : cardNote(card),
    automatic: card.by === null,
    card: card.color,
  });
}

/**
 * What issuing `card` writes on the case (noteOnCase, with whatever else the caller writes): its line, the card, its
 * rank for the queues' 督办优先, and the next card's time when the ladder is at hand — without it `cardAt` stays, and
 * the timer reckons the next one when it gets there (it issues nothing the step's card already covers).
 */
export function cardFields(p: PetitionDoc, card: SupervisionCard, ladder: LadderConfig | null): { step: PetitionStep; fields: Partial<PetitionDoc> } {
  const step = cardStep(p, card);
  const fields: Partial<PetitionDoc> = { card, cardRank: cardRankOf(card) };
  if (ladder) fields.cardAt = cardDue({ ...p, ...fields }, ladder)?.at ?? null;
  return { step, fields };
}

/**
 * Cases filed before the 督办 clock have no `cardAt` (a move writes it, a value or null): the timer gives the open
 * ones theirs, a page per run (index `status_card_at`), so none waits for its next move to be carded. A case given
 * its time no longer matches the query, so the next run takes the next page; a write that fails leaves its case for
 * the next run. The write holds only while the case still lacks the field, so a move meanwhile (which reckons its own
 * clock) is never overwritten; a card issued meanwhile by the urges is met by markCards, which decides on the case
 * as it finds it. Once every old case has its time, a run costs the one empty query.
 */
export async function clockUnclocked(): Promise<{ clocked: number; failed: number }> {
  const lacking = await table(collections.petitions)
    .where({ status: _.in(UNCLOSED), cardAt: _.exists(false) })
    .limit(CLOCK_PAGE)
    .get();
  const done = { clocked: 0, failed: 0 };
  for (const p of lacking) {
    try {
      const cardAt = cardDue(p, await cachedLadderFor(p))?.at ?? null;
      await table(collections.petitions)
        .where({ _id: p._id, cardAt: _.exists(false) })
        .update({ cardAt });
      done.clocked += 1;
    } catch (error) {
      console.error('[petition card clock]', p._id, error);
      done.failed += 1;
    }
  }
  return done;
}

/**
 * The 督办 timer (run with petition.sweep): each case whose next card fell due gets it — in a transaction of its own
 * that decides on the case as it reads it there, so a card is issued once whatever the retries, and a case moved
 * meanwhile (a fresh step, a fresh clock) gets none.
 */
export async function markCards(now: Date): Promise<{ yellow: number; red: number; failed: number }> {
  const due = await table(collections.petitions)
    .where({ cardAt: _.lte(now) })
    .orderBy('cardAt', 'asc')
    .limit(BATCH)
    .field({ _id: true })
    .get();
  const done = { yellow: 0, red: 0, failed: 0 };
  for (const listed of due) {
    try {
      const color = await transact(
        async (tx, unit) => {
          const seen = await readIn<PetitionDoc>(tx, collections.petitions, listed._id);
          if (!seen) return null;
          const ladder = await cachedLadderFor(seen);
          const issue = cardToIssue(seen, ladder, now);
          if (!issue) {
            // Nothing due after all (a card issued meanwhile, by hand or by the urges): look again when the next one is.
            await tx
              .collection(collections.petitions)
              .doc(listed._id)
              .update({ data: { cardAt: cardDue(seen, ladder)?.at ?? null } });
            return null;
          }
          const card = clockCard(seen, issue.color, issue.reason, now);
          const { step, fields } = cardFields(seen, card, ladder);
          const next = await noteOnCase(tx, seen, [step], fields);
          await unit.notify(await cardNotices(next, card));
          return issue.color;
        },
        { busy: 'PETITION_BUSY' },
      );
      if (color) done[color] += 1;
    } catch (error) {
      console.error('[petition cards]', listed._id, error);
      done.failed += 1;
    }
  }
  return done;
}
