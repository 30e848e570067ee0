import { createHmac, randomBytes } from 'node:crypto';
import type { UserProfile } from '../../src/shared/domain/org';
import { CODE_TTL_MS, assertUnused, readCode, signCode, type PointsCode } from '../../src/shared/domain/points-code';
import { addHours } from '../../src/shared/domain/time';
import { _, collections } from './runtime';
import { fieldsOf } from './transact';
import { table } from './typed-db';

/**
 * The signing key comes from the function's environment (`LINLI_CODE_SECRET`). Only the local emulator,
 * recognisable by the dummy credentials it runs functions with, falls back to a fixed development key;
 * anywhere else a missing key fails loudly rather than signing with a key everyone can read here.
 */
const DEV_SECRET = 'linli-dev-points-code-secret';

function secret(): string {
  const configured = process.env.LINLI_CODE_SECRET;
  if (configured) return configured;
  if (process.env.TENCENTCLOUD_SECRETID === 'local-emulator') return DEV_SECRET;
  throw new Error('LINLI_CODE_SECRET is not set: points codes cannot be signed');
}

export const sign = (text: string): string => createHmac('sha256', secret()).update(text).digest('base64url');

const codes = () => table(collections.pointsCodes);

/** A fresh code for the resident: stored (that is what makes it single-use) and handed out signed. */
export async function issueCode(user: UserProfile, now: Date): Promise<{ token: string; expiresAt: Date }> {
  const code: PointsCode = {
    _id: randomBytes(16).toString('base64url'),
    openid: user._id,
    name: user.name,
    communityId: user.communityId,
    expiresAt: new Date(now.getTime() + CODE_TTL_MS),
    status: 'issued',
    usedBy: null,
    usedAt: null,
    createdAt: now,
  };
  await codes().add({ _id: code._id, ...fieldsOf(code) });
  return { token: signCode({ codeId: code._id, expiresAt: code.expiresAt }, sign), expiresAt: code.expiresAt };
}

/** A scanned token's code, checked but not consumed: signature, expiry, and that no merchant has charged it. */
export async function openCode(token: string, now: Date): Promise<PointsCode> {
  const { codeId } = readCode(token, sign, now);
  return assertUnused(await codes().get(codeId));
}

/** Codes are only worth keeping while they could be scanned; an hour later they go. */
export async function removeOldCodes(now: Date): Promise<number> {
  return codes()
    .where({ expiresAt: _.lt(addHours(now, -1)) })
    .remove();
}
