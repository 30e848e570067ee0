import { SYSTEM_ACTOR } from '../../src/shared/domain/wish';
import { dueAction, type DueAction } from '../../src/shared/domain/petition-deadlines';
import { _, collections } from '../_lib/platform/runtime';
import { clockUnclocked, markCards } from './cards';
import { settlePendingCredits } from './credit';
import { movePetition, type Plan } from './move-petition';
import { table } from '../_lib/platform/typed-db';

/** Bounded work per run; the next run picks up the rest. */
const BATCH = 100;

function planFor(action: DueAction, now: Date): Plan | null {
  switch (action.kind) {
    case 'none':
      return null;
    case 'escalate':
      return { move: { event: 'escalate' }, note: action.note };
    case 'summon':
      return { move: { event: 'summon', departmentId: action.departmentId }, note: action.note };
    case 'verifyLapsed': {
      // 超时未验证: nobody checked it in time; the resident still rates it, and the line says it went unverified.
      const { openid: by, name: byName } = SYSTEM_ACTOR;
      const verification = { result: 'resolved' as const, how: 'timer' as const, by, byName, note: action.note, photos: [], at: now };
      return { move: { event: 'verify', result: 'resolved' }, note: action.note, changes: { verification } };
    }
    case 'closeUnrated':
      return { move: { event: 'expire' }, note: action.note };
  }
}

/**
 * petition.sweep, every quarter hour: a case whose level let its deadline pass climbs one rung by itself
 * (recorded as automatic; the next level and the resident are told), a resolution nobody verified within
 * verifyDays passes on to the rating (超时未验证), and a resolution nobody rated within the window closes. Before
 * that, cases whose 督办 limit passed get their card (cards.ts), so a case the timer finds past its deadline is
 * carded at the level that let it slip; cases filed before the 督办 clock get their `cardAt` a page per run
 * (clockUnclocked). Credits a crash left unposted are posted.
 */
export async function sweep(): Promise<Record<string, unknown>> {
  const now = new Date();
  // Old cases get their 督办 clock first, so one that is already due is carded in the same run.
  const clocked = await clockUnclocked();
  const cards = await markCards(now);
  const res = await table(collections.petitions)
    .where({ actAt: _.lte(now) })
    .orderBy('actAt', 'asc')
    .limit(BATCH)
    .get();
  const done: Record<DueAction['kind'] | 'failed', number> = { none: 0, escalate: 0, summon: 0, verifyLapsed: 0, closeUnrated: 0, failed: 0 };
  for (const p of res) {
    let kind: DueAction['kind'] = 'none';
    try {
      await movePetition(p._id, { ...SYSTEM_ACTOR, automatic: true }, (current, ladder) => {
        const action = dueAction(current, now, ladder);
        kind = action.kind;
        return planFor(action, now);
      });
      done[kind] += 1;
    } catch (error) {
      console.error('[petition sweep]', p._id, error);
      done.failed += 1;
    }
  }
  return { ...done, clocked, cards, credited: await settlePendingCredits() };
}
