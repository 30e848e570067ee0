import { hotlinePartners, hotlineRotateKey, hotlineSavePartner } from '../../src/shared/contract';
import { DomainError } from '../../src/shared/domain/errors';
import type { UserProfile } from '../../src/shared/domain/org';
import { adminCoversDistrict } from '../../src/shared/domain/scope';
import type { Open311Partner, Open311PartnerChange, Open311PartnerChangeKind } from '../open311/open311-docs';
import { keyHash, newPartnerKey } from '../open311/partner-key';
import { defineHandler } from '../_lib/platform/handler';
import { idForRequest, idOf } from '../_lib/platform/ids';
import { cachedOrgNames } from '../_lib/platform/org';
import { _, collections } from '../_lib/platform/runtime';
import { fieldsOf, transact } from '../_lib/platform/transact';
import { table, tableIn } from '../_lib/platform/typed-db';

// 热线对接: the district admin manages the systems that file cases through Open311 (cloudfunctions/open311). The
// partner document is each call's own record (`record: 'effect'`): its change log names the call, so a retry
// finds its line and changes nothing again — and a new key is never written to a retry record.

/** A district has a handful of partners (the 12345 hotline, a case system or two): one read holds them all. */
const MAX_PARTNERS = 50;
/** The changes a partner keeps (the page shows them); older ones drop off, so the document does not grow. */
const LOG_LINES = 10;

function assertDistrict(user: UserProfile): void {
  if (!adminCoversDistrict(user)) throw new DomainError('DISTRICT_SETTING', '热线对接全区共用，只能由区级管理员管理');
}

/** The mark a call leaves on the partner's log: the same caller and requestId always leave the same one. */
const markOf = (openid: string, requestId: string | undefined) => idForRequest(['open311-partner', openid], requestId, 16);

function logged(partner: Open311Partner | null, line: Omit<Open311PartnerChange, 'at'>, at: Date): Open311PartnerChange[] {
  return [{ at, ...line }, ...(partner?.log ?? [])].slice(0, LOG_LINES);
}

function view(p: Open311Partner, names: Map<string, string>) {
  return {
    id: p._id,
    name: p.name,
    communityId: p.communityId,
    placeName: [names.get(p.streetId), names.get(p.communityId)].filter(Boolean).join(' '),
    active: p.active,
    key: p.keyTail && p.keyIssuedAt ? { tail: p.keyTail, issuedAt: p.keyIssuedAt.toISOString() } : null,
    log: p.log.map((l) => ({ at: l.at.toISOString(), byName: l.byName, what: l.what })),
  };
}

/** The partners, oldest first, and the communities one may land at: two reads (the street names with them). */
export const listPartners = defineHandler(hotlinePartners, async (_input, { user }) => {
  assertDistrict(user);
  const [partners, units] = await Promise.all([
    table(collections.open311Partners).where({}).limit(MAX_PARTNERS).get(),
    table(collections.orgUnits)
      .where({ kind: _.in(['street', 'community']) })
      .field({ name: true, kind: true, path: true, retiredAt: true })
      .limit(1000)
      .get(),
  ]);
  const names = new Map(units.map((u) => [u._id, u.name]));
  return {
    partners: partners.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime()).map((p) => view(p, names)),
    communities: units
      .filter((u) => u.kind === 'community' && !u.retiredAt)
      .map((u) => ({ id: u._id, name: u.name, streetName: names.get(u.path[0] ?? '') ?? '' })),
  };
});

/** Adds a partner (no key yet: rotateKey issues it) or changes its name, its intake community, or switches it on or off. */
export const savePartner = defineHandler(
  hotlineSavePartner,
  async ({ partnerId, name, communityId, active }, { openid, user, requestId }) => {
    assertDistrict(user);
    const community = await table(collections.orgUnits).get(communityId);
    if (!community || community.kind !== 'community' || community.retiredAt) throw new DomainError('ORG_UNIT_NOT_FOUND');
    const streetId = community.path[0]!;
    const request = markOf(openid, requestId);
    // A new partner's id comes from the call, so a retry of the addition finds it rather than adding a second.
    const id = partnerId ?? `o311-${idOf(['open311-partner', request], 12)}`;
    const saved = await transact(
      async (tx) => {
        const partners = tableIn(tx, collections.open311Partners);
        const current = await partners.get(id);
        if (partnerId && !current) throw new DomainError('OPEN311_PARTNER_NOT_FOUND');
        if (current?.log.some((l) => l.request === request)) return current;
        const what: Open311PartnerChangeKind = !current ? 'created' : current.active === active ? 'changed' : active ? 'enabled' : 'disabled';
        const now = new Date();
        const next: Open311Partner = {
          ...(current ?? { _id: id, keyHash: null, keyTail: null, keyIssuedAt: null, createdAt: now }),
          name,
          streetId,
          communityId,
          active,
          log: logged(current, { by: openid, byName: user.name, what, request }, now),
        };
        await partners.set(id, fieldsOf(next));
        return next;
      },
      { busy: 'BUSY' },
    );
    return { partner: view(saved, await cachedOrgNames([saved.streetId, saved.communityId])) };
  },
  { record: 'effect' },
);

/**
 * A new API key for a partner, answered this once: only its hash is kept, and the old key stops working (within the
 * minute the open311 function keeps a partner warm). A retry of the call finds its line and answers without a key.
 */
export const rotateKey = defineHandler(
  hotlineRotateKey,
  async ({ partnerId }, { openid, user, requestId }) => {
    assertDistrict(user);
    const request = markOf(openid, requestId);
    const key = newPartnerKey();
    const { partner, issued } = await transact(
      async (tx) => {
        const partners = tableIn(tx, collections.open311Partners);
        const current = await partners.get(partnerId);
        if (!current) throw new DomainError('OPEN311_PARTNER_NOT_FOUND');
        if (current.log.some((l) => l.request === request)) return { partner: current, issued: false };
        const now = new Date();
        const changes = {
          keyHash: keyHash(key),
          keyTail: key.slice(-4),
          keyIssuedAt: now,
          log: logged(current, { by: openid, byName: user.name, what: 'key', request }, now),
        };
        await partners.change(partnerId, changes);
        return { partner: { ...current, ...changes }, issued: true };
      },
      { busy: 'BUSY' },
    );
    return { partner: view(partner, await cachedOrgNames([partner.streetId, partner.communityId])), key: issued ? key : null };
  },
  { record: 'effect' },
);
