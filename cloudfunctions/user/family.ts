import { randomInt } from 'node:crypto';
import { familyCodes, familyInvite, familyJoin, familyMembers, familyRevoke, type FamilyCodeView } from '../../src/shared/contract';
import { DomainError } from '../../src/shared/domain/errors';
import {
  FAMILY_CODE_MAX_USES,
  FAMILY_CODE_TTL_MS,
  FAMILY_LIVE_CODES_MAX,
  FAMILY_MEMBERS_MAX,
  familyCodeRefusal,
  homeKeyOf,
  newFamilyCode,
  type FamilyCode,
} from '../../src/shared/domain/family';
import type { UserProfile } from '../../src/shared/domain/org';
import { disclose, householdMember } from '../../src/shared/domain/privacy';
import { isProfile } from '../_lib/platform/actor';
import { defineHandler, definePublicHandler } from '../_lib/platform/handler';
import { cachedOrgNames } from '../_lib/platform/org';
import { _, collections } from '../_lib/platform/runtime';
import { transact } from '../_lib/platform/transact';
import { table, tableIn, type Tx } from '../_lib/platform/typed-db';
import { phoneOf } from './join';

const codeView = (c: FamilyCode): FamilyCodeView => ({
  code: c._id,
  expiresAt: new Date(c.expiresAt).toISOString(),
  uses: c.uses,
  maxUses: c.maxUses,
  inviterName: c.inviterName,
});

/** The caller's home, or FAMILY_NO_HOME. */
function homeOf(user: UserProfile): string {
  const home = homeKeyOf(user);
  if (!home || !user.roles.includes('resident')) throw new DomainError('FAMILY_NO_HOME');
  return home;
}

/** The home's live codes, newest last (a handful: FAMILY_LIVE_CODES_MAX; expired ones are not read). */
async function liveCodes(homeKey: string, now: Date): Promise<FamilyCode[]> {
  const found = await table(collections.familyCodes)
    .where({ homeKey, status: 'live', expiresAt: _.gt(now) })
    .limit(FAMILY_LIVE_CODES_MAX + 2)
    .get();
  return found.sort((a, b) => new Date(a.createdAt).getTime() - new Date(b.createdAt).getTime());
}

/** 邀请家人: a fresh code for the caller's home (at most a few live at once), returned with the home's live codes. */
export const invite = defineHandler(
  familyInvite,
  async (_input, { openid, user, request }) => {
    const homeKey = homeOf(user);
    const now = new Date();
    const [live, names] = await Promise.all([liveCodes(homeKey, now), cachedOrgNames([user.buildingId as string])]);
    if (live.length >= FAMILY_LIVE_CODES_MAX) throw new DomainError('FAMILY_CODES_FULL');
    const code: FamilyCode = {
      _id: newFamilyCode(randomInt),
      homeKey,
      inviterId: openid,
      inviterName: user.name,
      streetId: user.streetId,
      communityId: user.communityId,
      gridId: user.gridId,
      buildingId: user.buildingId as string,
      buildingName: names.get(user.buildingId as string) ?? '',
      room: user.room as string,
      status: 'live',
      uses: 0,
      maxUses: FAMILY_CODE_MAX_USES,
      usedBy: [],
      createdAt: now,
      expiresAt: new Date(now.getTime() + FAMILY_CODE_TTL_MS),
      revokedAt: null,
      revokedBy: null,
    };
    const reply = { code: codeView(code), codes: [...live, code].map(codeView) };
    // The code is its id: the insert fails on the (one in 31⁸) clash, and the caller taps again.
    return transact(
      async (tx: Tx) => {
        await tableIn(tx, collections.familyCodes).add(code);
        return reply;
      },
      { busy: 'BUSY', record: { request } },
    );
  },
  { record: 'inTransaction' },
);

export const codes = defineHandler(familyCodes, async (_input, { user }) => ({
  codes: (await liveCodes(homeOf(user), new Date())).map(codeView),
}));

/** 作废: anyone registered at the home may end its codes; another home's code is "not found", as is a wrong one. */
export const revoke = defineHandler(
  familyRevoke,
  async ({ code }, { openid, user, request }) => {
    const homeKey = homeOf(user);
    // The home's live codes are read first (a query cannot run in a transaction); the reply is them less this one.
    const live = await liveCodes(homeKey, new Date());
    const reply = { codes: live.filter((c) => c._id !== code).map(codeView) };
    return transact(
      async (tx: Tx) => {
        const all = tableIn(tx, collections.familyCodes);
        const found = await all.get(code);
        if (!found || found.homeKey !== homeKey) throw new DomainError('FAMILY_CODE_INVALID');
        if (found.status === 'live') await all.change(code, { status: 'revoked', revokedAt: new Date(), revokedBy: openid });
        return reply;
      },
      { busy: 'BUSY', record: { request } },
    );
  },
  { record: 'inTransaction' },
);

/** 家人: the people registered at the caller's building and room, by name, phones masked. */
export const members = defineHandler(familyMembers, async (_input, { openid, user }) => {
  if (!homeKeyOf(user)) return { items: [] };
  const people = await table(collections.users).where({ buildingId: user.buildingId, room: user.room }).limit(FAMILY_MEMBERS_MAX).get();
  return {
    items: people.map((p) => {
      const seen = disclose({ name: p.name, phone: p.phone, room: null }, householdMember(user, p));
      return { name: seen.name, phone: seen.phone, me: p._id === openid, invitedByName: p.invitedBy?.name ?? null };
    }),
  };
});

/**
 * 用家庭邀请码加入: the newcomer lands at the inviter's home, verified at once (no grid worker's review) while the
 * inviter is still a resident registered there. The code, its count and the new user change in one transaction:
 * two people at once both join (a household), and the count limit holds however many try together. The new user
 * records the call (`invitedBy.requestId`): a retry finds it there and gets the same answer, no retry record needed.
 * An application of theirs still pending stays on the grid worker's list; approving it then changes nothing.
 */
export const join = definePublicHandler(
  familyJoin,
  async (input, { openid, user, requestId, request, erasing }) => {
    if (user) {
      const by = user.invitedBy;
      if (!requestId || by?.requestId !== requestId || !user.buildingId) throw new DomainError('ALREADY_REGISTERED');
      const names = await cachedOrgNames([user.buildingId]);
      return { status: 'verified' as const, buildingName: names.get(user.buildingId) ?? '', room: user.room ?? '', inviterName: by.name };
    }
    if (erasing) throw new DomainError('ACCOUNT_ERASING');
    const phone = input.phoneCode ? await phoneOf(input.phoneCode) : (input.phone as string);
    const now = new Date();
    return transact(
      async (tx: Tx) => {
        const codesIn = tableIn(tx, collections.familyCodes);
        const users = tableIn(tx, collections.users);
        const code = await codesIn.get(input.code);
        const refusal = familyCodeRefusal(code, now);
        if (refusal || !code) throw new DomainError(refusal ?? 'FAMILY_CODE_INVALID');
        const host = await users.get(code.inviterId);
        if (!isProfile(host) || !host.roles.includes('resident') || homeKeyOf(host) !== code.homeKey) throw new DomainError('FAMILY_INVITER_MOVED');
        // Inserted, not set: a twin call of the same person (another request) meets this one's user and is refused.
        await users
          .add({
            _id: openid,
            name: input.name,
            phone,
            roles: ['resident'],
            streetId: code.streetId,
            communityId: code.communityId,
            gridId: code.gridId,
            buildingId: code.buildingId,
            room: code.room,
            birthYear: null,
            invitedBy: { userId: host._id, name: host.name, code: code._id, at: now, requestId: requestId ?? null },
            privacy: { version: input.privacyVersion, at: now },
          })
          .catch(() => {
            throw new DomainError('ALREADY_REGISTERED');
          });
        const uses = code.uses + 1;
        await codesIn.change(code._id, {
          uses,
          usedBy: [...code.usedBy, { userId: openid, name: input.name, at: now }],
          ...(uses >= code.maxUses ? { status: 'used' as const } : {}),
        });
        return { status: 'verified' as const, buildingName: code.buildingName, room: code.room, inviterName: host.name };
      },
      { busy: 'BUSY', record: { request, byEffect: true } },
    );
  },
  { record: 'inTransaction' },
);
