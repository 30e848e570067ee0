import { petitionUrge } from '../../src/shared/contract';
import { DomainError } from '../../src/shared/domain/errors';
import { assertMayUrge, type PetitionStep } from '../../src/shared/domain/petition-rules';
import { defineHandler } from '../_lib/platform/handler';
import { _, collections } from '../_lib/platform/runtime';
import { readIn, transact } from '../_lib/platform/transact';
import { assignedNotices, holdersOf } from './notices';
import type { PetitionDoc } from './petition-repo';
import { toView } from './petition-view';

/**
 * 催办: the reporter (or the 代办人 who filed it) urges an open case, at most once per case per China day. It moves
 * nothing: a line on the timeline (from = to), the count on the case — which 督办 will read (three urges mark the
 * case yellow, when the supervision cards come) — and a notice to whoever handles it now (the handler who took it,
 * else the people of the level it waits at).
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
        const here = { status: current.status, level: current.level };
        const step: PetitionStep = {
          event: 'urge',
          by: openid,
          byName: user.name,
          at: now,
          from: here,
          to: here,
          departmentId: current.level === 'department' ? current.departmentId : null,
          note,
          automatic: false,
        };
        await tx
          .collection(collections.petitions)
          .doc(petitionId)
          .update({ data: { urgeCount: _.inc(1), lastUrgedAt: now, history: _.push([step]), statsDirty: true, updatedAt: now } });
        const urged: PetitionDoc = { ...current, urgeCount: count, lastUrgedAt: now, history: [...current.history, step], updatedAt: now };
        const handlers = current.handlerId ? [current.handlerId] : await holdersOf(current.level, current);
        await unit.notify(
          assignedNotices(
            handlers.filter((h) => h !== openid),
            urged,
            `居民催办（${note}），请尽快办理`,
          ),
        );
        return { petition: await toView(urged, user) };
      },
      { busy: 'PETITION_BUSY', record: { request } },
    );
  },
  { record: 'inTransaction' },
);
