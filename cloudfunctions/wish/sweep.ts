import type { OrgUnit } from '../../src/shared/domain/org';
import {
  AUTO_CONFIRM_DAYS,
  DEFAULT_UNCLAIMED_LIMIT_DAYS,
  SYSTEM_ACTOR,
  awardFor,
  isDueForAutoConfirm,
  isUnclaimedTooLong,
} from '../../src/shared/domain/wish';
import { addDays } from '../../src/shared/domain/time';
import { settleAward } from '../_lib/ledger/awards';
import { _, collections } from '../_lib/platform/runtime';
import { templates, thing } from '../_lib/platform/templates';
import { readIn, transact } from '../_lib/platform/transact';
import { changeWish } from './change-wish';
import { type WishDoc } from './wish-repo';
import { table } from '../_lib/platform/typed-db';

/** Bounded work per run; the next run picks up the rest. */
const BATCH = 100;

/**
 * The hourly timer: flags approved wishes nobody claimed within the community's limit (and tells its
 * staff, once), and confirms services the resident never confirmed within 7 days (no rating).
 */
export async function sweep(): Promise<Record<string, unknown>> {
  const now = new Date();
  const res = await table(collections.orgUnits).where({ kind: 'community' }).limit(1000).get();
  let flagged = 0;
  let autoConfirmed = 0;
  let settled = 0;
  for (const community of res as (OrgUnit & { settings?: { wishUnclaimedDays?: number } })[]) {
    const limitDays = community.settings?.wishUnclaimedDays ?? DEFAULT_UNCLAIMED_LIMIT_DAYS;
    flagged += await flagUnclaimed(community._id, limitDays, now);
    autoConfirmed += await autoConfirm(community._id, now);
    settled += await settlePending(community._id);
  }
  return { flagged, autoConfirmed, settled };
}

async function flagUnclaimed(communityId: string, limitDays: number, now: Date): Promise<number> {
  const cutoff = addDays(now, -limitDays);
  const found = await table(collections.wishes)
    .where({ communityId, status: 'approved', flaggedAt: null, approvedAt: _.lte(cutoff) })
    .limit(BATCH)
    .get();
  const due = found.filter((w) => isUnclaimedTooLong(w, now, limitDays));
  if (due.length === 0) return 0;
  const staff = await table(collections.users).where({ communityId, roles: 'staff' }).limit(20).get();
  let count = 0;
  for (const wish of due) {
    const flagged = await transact(async (tx, unit) => {
      const current = await readIn<WishDoc>(tx, collections.wishes, wish._id);
      if (!current || current.status !== 'approved' || current.flaggedAt) return false;
      const entry = {
        event: 'flag',
        by: SYSTEM_ACTOR.openid,
        byName: SYSTEM_ACTOR.name,
        at: now,
        from: 'approved',
        to: 'approved',
        note: `超过 ${limitDays} 天无人认领，请派单`,
      };
      await tx
        .collection(collections.wishes)
        .doc(wish._id)
        .update({ data: { flaggedAt: now, history: _.push([entry]) } });
      await unit.notify(
        staff.map((s) => ({
          touser: s._id,
          templateId: templates.wishUnclaimed,
          page: `package-grid/queue/index?kind=dispatch`,
          data: { thing1: thing(wish.title), thing2: `${limitDays}天` },
        })),
      );
      return true;
    }, 'BUSY');
    if (flagged) count += 1;
  }
  return count;
}

async function autoConfirm(communityId: string, now: Date): Promise<number> {
  const cutoff = addDays(now, -AUTO_CONFIRM_DAYS);
  const found = await table(collections.wishes)
    .where({ communityId, status: 'done', completedAt: _.lte(cutoff) })
    .limit(BATCH)
    .get();
  let count = 0;
  for (const wish of found.filter((w) => isDueForAutoConfirm(w, now))) {
    const confirmed = await changeWish(wish._id, 'autoConfirm', SYSTEM_ACTOR, (current) => ({
      changes: { confirmedAt: now, award: awardFor(current, null) },
      note: `${AUTO_CONFIRM_DAYS} 天未确认，系统自动确认`,
    }));
    await settleAward(confirmed);
    count += 1;
  }
  return count;
}

/** Awards left pending by a crash between confirmation and settlement. */
async function settlePending(communityId: string): Promise<number> {
  const found = await table(collections.wishes).where({ communityId, status: 'confirmed', 'award.status': 'pending' }).limit(BATCH).get();
  for (const wish of found) await settleAward(wish);
  return found.length;
}
