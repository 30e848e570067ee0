import { petitionUrge } from '../../src/shared/contract';
import { DomainError } from '../../src/shared/domain/errors';
import { URGES_FOR_CARD } from '../../src/shared/domain/petition-cards';
import { assertMayUrge } from '../../src/shared/domain/petition-rules';
import { defineHandler } from '../_lib/platform/handler';
import { collections } from '../_lib/platform/runtime';
import { readIn, transact } from '../_lib/platform/transact';
import { cardFields, clockCard } from './cards';
import { noteOnCase, stillStep } from './note-on-case';
import { assignedNotices, cardNotices, holdersOf } from './notices';
import type { PetitionDoc } from './petition-repo';
import { toView } from './petition-view';

/**
 * 催办: the reporter (or the 代办人 who filed it) urges an open case, at most once per case per China day. It moves
 * nothing: a line on the timeline (from = to), the count on the case — the third marks a step holding no card 黄牌督办
 * (cards.ts, its notices with it) — and a notice to whoever handles it now (the handler who took it, else the people
 * of the level it waits at).
 */
export const urge = defineHandler(
  petitionUrge,
  async ({ petitionId }, { openid, user, request }) => {
    return transact(
      async (tx, unit) => {
        const current = await readIn<PetitionDoc>(tx, collections.petitions, petitionId);
        if (!current) throw new DomainError('PETITION_NOT_FOUND');
        const now = new Date();
        assertMayUrge(openid, current, now);
        const count = (current.urgeCount ?? 0) + 1;
        const note = `第 ${count} 次催办`;
        const step = stillStep(current, { event: 'urge', by: openid, byName: user.name, at: now, note });
        // The third urge marks a step that holds no card yellow (督办), on the same write. Its next limit (red) is left
        // for the timer to reckon when it reaches the case's cardAt: no settings read here.
        const carding = count === URGES_FOR_CARD && !current.card ? clockCard(current, 'yellow', 'urge', now) : null;
        const carded = carding ? cardFields(current, carding, null) : null;
        const urged = await noteOnCase(tx, current, carded ? [step, carded.step] : [step], {
          ...carded?.fields,
          urgeCount: count,
          lastUrgedAt: now,
        });
        // Carded, the card's notice says it all (the holders and the level above); else the handler hears of the urge.
        const handlers = carding ? [] : current.handlerId ? [current.handlerId] : await holdersOf(current.level, current);
        const urgeNotices = assignedNotices(
          handlers.filter((h) => h !== openid),
          urged,
          `居民催办（${note}），请尽快办理`,
        );
        await unit.notify(carding ? await cardNotices(urged, carding) : urgeNotices);
        return { petition: await toView(urged, user) };
      },
      { busy: 'PETITION_BUSY', record: { request } },
    );
  },
  { record: 'inTransaction' },
);
