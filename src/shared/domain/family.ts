/**
 * 家庭邀请码 (issue 13): a registered resident invites their household with a short code; whoever joins with it
 * lands at the inviter's home (building + room), verified at once, recorded as invited by them.
 */

/** No 0/O, 1/I/L: a code read aloud or copied by hand is typed right. */
export const FAMILY_CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const FAMILY_CODE_LENGTH = 8;
/** A code lives a day. */
export const FAMILY_CODE_TTL_MS = 24 * 60 * 60 * 1000;
/** At most this many people join with one code (a household). */
export const FAMILY_CODE_MAX_USES = 6;
/** At most this many codes of one home are live at once. */
export const FAMILY_LIVE_CODES_MAX = 3;
/** The most people listed as living at one home. */
export const FAMILY_MEMBERS_MAX = 20;

export type FamilyCodeStatus = 'live' | 'used' | 'revoked';

/** One family code; its `_id` is the code itself (a lookup is one read by id). */
export interface FamilyCode {
  _id: string;
  /** The home it admits to: the building and the room label (`3单元502`) the inviter is registered at. */
  homeKey: string;
  inviterId: string;
  inviterName: string;
  streetId: string;
  communityId: string;
  gridId: string | null;
  buildingId: string;
  buildingName: string;
  room: string;
  status: FamilyCodeStatus;
  uses: number;
  maxUses: number;
  usedBy: { userId: string; name: string; at: Date }[];
  createdAt: Date;
  expiresAt: Date;
  revokedAt: Date | null;
  revokedBy: string | null;
}

/** The home a person is registered at, or null (no building or room on record). */
export function homeKeyOf(p: { buildingId: string | null; room: string | null }): string | null {
  return p.buildingId && p.room ? `${p.buildingId}|${p.room}` : null;
}

/** What a person typed: upper case, without spaces or dashes. */
export function normaliseFamilyCode(typed: string): string {
  return typed.replace(/[\s-]/g, '').toUpperCase();
}

/** A fresh code from `random(n)` (an integer below n). */
export function newFamilyCode(random: (n: number) => number): string {
  let code = '';
  for (let i = 0; i < FAMILY_CODE_LENGTH; i++) code += FAMILY_CODE_ALPHABET[random(FAMILY_CODE_ALPHABET.length)];
  return code;
}

/** Why a code admits nobody now, or null when it does. */
export function familyCodeRefusal(
  code: FamilyCode | null,
  now: Date,
): 'FAMILY_CODE_INVALID' | 'FAMILY_CODE_EXPIRED' | 'FAMILY_CODE_REVOKED' | 'FAMILY_CODE_USED_UP' | null {
  if (!code) return 'FAMILY_CODE_INVALID';
  if (code.status === 'revoked') return 'FAMILY_CODE_REVOKED';
  if (code.status === 'used' || code.uses >= code.maxUses) return 'FAMILY_CODE_USED_UP';
  if (new Date(code.expiresAt).getTime() <= now.getTime()) return 'FAMILY_CODE_EXPIRED';
  return null;
}
