import { randomBytes } from 'node:crypto';
import type { UserProfile } from '../../../src/shared/domain/org';
import { CODE_TTL_MS, openSealed, readCode, sealCode, type CodeClaims, type Sealer } from '../../../src/shared/domain/points-code';
import { addHours } from '../../../src/shared/domain/time';
import { _, collections } from '../platform/runtime';
import { sealerOf } from './seal';
import { table } from '../platform/typed-db';

/**
 * The sealing key comes from the function's environment (`LINLI_CODE_SECRET`). Only the local emulator,
 * recognisable by the dummy credentials it runs functions with, falls back to a fixed development key;
 * anywhere else a missing key fails loudly rather than sealing with a key everyone can read here.
 */
const DEV_SECRET = 'linli-dev-points-code-secret';

function secret(): string {
  const configured = process.env.LINLI_CODE_SECRET;
  if (configured) return configured;
  if (process.env.TENCENTCLOUD_SECRETID === 'local-emulator') return DEV_SECRET;
  throw new Error('LINLI_CODE_SECRET is not set: points codes cannot be sealed');
}

/**
 * Seals with the current key; opens with it or, while a rotation is under way, with the previous one
 * (`LINLI_CODE_SECRET_PREVIOUS`, README「运维」): a code shown just before the new key landed still scans, and a
 * retried charge still reads its code.
 */
function sealer(): Sealer {
  const current = sealerOf(secret());
  const previous = process.env.LINLI_CODE_SECRET_PREVIOUS;
  if (!previous) return current;
  const old = sealerOf(previous);
  return { seal: (text) => current.seal(text), open: (sealed) => current.open(sealed) ?? old.open(sealed) };
}

/** A fresh code for the resident, sealed; nothing is stored (single use is kept on their balance when charged). */
export function issueCode(user: UserProfile, now: Date): { token: string; expiresAt: Date } {
  const expiresAt = new Date(now.getTime() + CODE_TTL_MS);
  const claims: CodeClaims = {
    codeId: randomBytes(16).toString('base64url'),
    openid: user._id,
    name: user.name,
    communityId: user.communityId,
    expiresAt,
  };
  return { token: sealCode(claims, sealer()), expiresAt };
}

/** A scanned token's claims: its seal and expiry checked, nothing read (whether it was used is on the balance). */
export function openCode(token: string, now: Date): CodeClaims {
  return readCode(token, sealer(), now);
}

/** A token's claims with only its seal checked: for answering a retry of a charge once the code has expired. */
export function sealedClaims(token: string): CodeClaims {
  return openSealed(token, sealer());
}

/** Codes stored before they were sealed are only worth keeping while they could be scanned; an hour later they go. */
export async function removeOldCodes(now: Date): Promise<number> {
  return table(collections.pointsCodes)
    .where({ expiresAt: _.lt(addHours(now, -1)) })
    .remove();
}
