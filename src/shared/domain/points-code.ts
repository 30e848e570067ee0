import { DomainError } from './errors';

/**
 * 积分码 points code: what a resident shows a merchant, payment-code style. The token names a stored code
 * (a random id, so it says nothing about the person) and its expiry, signed so that a forged or altered
 * token is refused before anything is read. Single use is kept by the stored code, not by the token.
 */
export const CODE_TTL_MS = 60_000;
const VERSION = 'LL1';
const CODE_ID = /^[A-Za-z0-9_-]{16,32}$/;
const EXPIRY = /^[0-9a-z]{1,12}$/;

/** HMAC-SHA256 of the text under the server's secret, base64url; the domain only composes and compares. */
export type Sign = (text: string) => string;

export interface CodeClaims {
  codeId: string;
  expiresAt: Date;
}

function payload({ codeId, expiresAt }: CodeClaims): string {
  return `${VERSION}.${codeId}.${expiresAt.getTime().toString(36)}`;
}

/** The text the QR carries: `LL1.<codeId>.<expiry ms, base 36>.<signature>`. */
export function signCode(claims: CodeClaims, sign: Sign): string {
  if (!CODE_ID.test(claims.codeId)) throw new DomainError('POINTS_CODE_INVALID');
  const text = payload(claims);
  return `${text}.${sign(text)}`;
}

/** Compares in time independent of where the texts differ, so a signature cannot be guessed byte by byte. */
function sameText(a: string, b: string): boolean {
  let diff = a.length ^ b.length;
  for (let i = 0; i < Math.max(a.length, b.length); i++) diff |= (a.charCodeAt(i) || 0) ^ (b.charCodeAt(i) || 0);
  return diff === 0;
}

/**
 * What a scanned token claims, once its signature holds and it has not expired. Refuses a token that is
 * malformed or forged (POINTS_CODE_INVALID) or past its expiry (POINTS_CODE_EXPIRED), in that order.
 */
export function readCode(token: string, sign: Sign, now: Date): CodeClaims {
  const parts = token.trim().split('.');
  const [version, codeId, expiry, signature] = parts;
  if (parts.length !== 4 || version !== VERSION || !CODE_ID.test(codeId) || !EXPIRY.test(expiry)) throw new DomainError('POINTS_CODE_INVALID');
  const claims = { codeId, expiresAt: new Date(parseInt(expiry, 36)) };
  if (!sameText(sign(payload(claims)), signature)) throw new DomainError('POINTS_CODE_INVALID');
  if (claims.expiresAt.getTime() <= now.getTime()) throw new DomainError('POINTS_CODE_EXPIRED');
  if (claims.expiresAt.getTime() - now.getTime() > CODE_TTL_MS) throw new DomainError('POINTS_CODE_INVALID');
  return claims;
}

/** A stored code: who it pays for and whether a merchant has used it. */
export interface PointsCode {
  _id: string;
  openid: string;
  name: string;
  communityId: string;
  expiresAt: Date;
  status: 'issued' | 'used';
  usedBy: string | null;
  usedAt: Date | null;
  createdAt: Date;
}

/** A code a merchant may still act on: refuses one already charged. */
export function assertUnused(code: PointsCode | null): PointsCode {
  if (!code) throw new DomainError('POINTS_CODE_INVALID');
  if (code.status !== 'issued') throw new DomainError('POINTS_CODE_USED');
  return code;
}
