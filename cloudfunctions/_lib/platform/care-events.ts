import { eventDueAt, type CareEventKind } from '../../../src/shared/domain/care';
import type { OrgPlace } from '../../../src/shared/domain/org';
import type { CareEvent } from '../../roster/care-docs';
import { idOf } from './ids';
import { collections } from './runtime';
import type { Unit } from './transact';
import type { Tx } from './typed-db';

/** The one id of a home (building + room, as profiles write it) in a community, whoever names it. */
export function householdIdOf(communityId: string, buildingId: string, room: string): string {
  return `hh-${idOf([communityId, buildingId, room], 24)}`;
}

interface EventFacts {
  kind: Exclude<CareEventKind, 'hospital'>;
  categoryName: string;
  ref: string;
  title: string;
  place: OrgPlace & { buildingName: string | null };
  room: string | null;
  name: string;
  residentId: string;
  rosterKey: string | null;
  at: Date;
}

/**
 * 大病回访、困难必访: a wish in 助老/就医 or a petition about hardship asks for a visit to the person's home soon. Written
 * by the transaction that creates the wish or case (one insert, no read); null when the category asks for none or
 * the person has no home in a grid.
 */
export function careEventOf(f: EventFacts): CareEvent | null {
  const dueAt = eventDueAt(f.kind, f.categoryName, f.at);
  const { streetId, communityId, gridId, buildingId } = f.place;
  if (!dueAt || !gridId || !buildingId || !f.room || !f.residentId) return null;
  const householdId = householdIdOf(communityId, buildingId, f.room);
  return {
    _id: `${householdId}~${f.kind}-${f.ref}`,
    householdId,
    streetId,
    communityId,
    gridId,
    buildingId,
    buildingName: f.place.buildingName ?? '',
    room: f.room,
    name: f.name,
    residentId: f.residentId,
    rosterKey: f.rosterKey,
    kind: f.kind,
    ref: f.ref,
    title: f.title.slice(0, 20),
    dueAt,
    createdAt: f.at,
  };
}

/** In the transaction of the wish that asks for it: one insert, on 今日走访 at once. */
export async function addCareEvent(tx: Tx, event: CareEvent | null): Promise<void> {
  if (event) await tx.collection(collections.careEvents).add({ data: event });
}

/**
 * Carried in the call's retry record instead (transact's `carry`), on 今日走访 within a minute (the `inbox` timer):
 * no request of its own, for a call that needs every one (a case filed by proxy).
 */
export function carryCareEvent(unit: Unit, event: CareEvent | null): void {
  if (event) unit.carry(event);
}
