import { DomainError } from './errors';

/**
 * 积分码 points code: what a resident shows a merchant, payment-code style. The token carries who it pays for
 * (openid, name, community), a random code id and its expiry, sealed under the server's key (authenticated
 * encryption): a merchant's scanner reads nothing of the person from it, and a forged or altered token is
 * refused before anything is read. Nothing is stored when a code is issued; single use is kept on the
 * resident's virtue balance (`usedCodes`), the document a charge reads and writes anyway, so taking a code
 * costs a charge no request of its own and two merchants with one code conflict on that document.
 */
export const CODE_TTL_MS = 60_000;
const VERSION = 'LL2';
const CODE_ID = /^[A-Za-z0-9_-]{16,32}$/;
const EXPIRY = /^[0-9a-z]{1,12}$/;
const SEALED = /^[A-Za-z0-9_-]{40,800}$/;

/**
 * Authenticated encryption under the server's secret (AES-256-GCM in the functions); the domain only composes
 * the text and checks what comes back.
 */
export interface Sealer {
  seal(text: string): string;
  /** The sealed text, or null when it was altered or sealed under another key. */
  open(sealed: string): string | null;
}

export interface CodeClaims {
  codeId: string;
  openid: string;
  name: string;
  communityId: string;
  expiresAt: Date;
}

const FIELDS = 5;

/** The text the QR carries: `LL2.<sealed: code id, expiry (ms, base 36), openid, community, name>`. */
export function sealCode(claims: CodeClaims, sealer: Sealer): string {
  const { codeId, openid, communityId, name, expiresAt } = claims;
  const parts = [codeId, expiresAt.getTime().toString(36), openid, communityId, name];
  if (!CODE_ID.test(codeId) || parts.some((p) => p.length === 0 || p.includes('\n'))) throw new DomainError('POINTS_CODE_INVALID');
  return `${VERSION}.${sealer.seal(parts.join('\n'))}`;
}

/**
 * What a scanned token claims, once its seal holds and it has not expired. Refuses a token that is
 * malformed or forged (POINTS_CODE_INVALID) or past its expiry (POINTS_CODE_EXPIRED), in that order.
 */
export function readCode(token: string, sealer: Sealer, now: Date): CodeClaims {
  const claims = openSealed(token, sealer);
  assertFresh(claims, now);
  return claims;
}

/** What a token claims if its seal holds (POINTS_CODE_INVALID otherwise), whether or not it has expired. */
export function openSealed(token: string, sealer: Sealer): CodeClaims {
  const [version, sealed, ...rest] = token.trim().split('.');
  if (version !== VERSION || rest.length > 0 || !SEALED.test(sealed ?? '')) throw new DomainError('POINTS_CODE_INVALID');
  const text = sealer.open(sealed);
  const parts = text?.split('\n') ?? [];
  if (parts.length !== FIELDS) throw new DomainError('POINTS_CODE_INVALID');
  const [codeId, expiry, openid, communityId, name] = parts;
  if (!CODE_ID.test(codeId) || !EXPIRY.test(expiry) || !openid || !communityId || !name) throw new DomainError('POINTS_CODE_INVALID');
  return { codeId, openid, name, communityId, expiresAt: new Date(parseInt(expiry, 36)) };
}

/** A code past its expiry is POINTS_CODE_EXPIRED; one claiming to live longer than a code may, invalid. */
export function assertFresh(code: Pick<CodeClaims, 'expiresAt'>, now: Date): void {
  const left = code.expiresAt.getTime() - now.getTime();
  if (left <= 0) throw new DomainError('POINTS_CODE_EXPIRED');
  if (left > CODE_TTL_MS) throw new DomainError('POINTS_CODE_INVALID');
}

/** A code a merchant charged, remembered on the resident's virtue balance until it would have expired anyway. */
export interface UsedCode {
  id: string;
  until: Date;
}

/** A code a merchant may still act on: refuses one already charged. */
export function assertUnused(used: readonly UsedCode[] | null | undefined, codeId: string): void {
  if (used?.some((c) => c.id === codeId)) throw new DomainError('POINTS_CODE_USED');
}

/**
 * The used codes to keep once `code` is taken: those that could still be scanned, and this one. Bounded by how
 * many codes a resident spends within a code's lifetime.
 */
export function withUsed(used: readonly UsedCode[] | null | undefined, code: Pick<CodeClaims, 'codeId' | 'expiresAt'>, now: Date): UsedCode[] {
  const live = (used ?? []).filter((c) => new Date(c.until).getTime() > now.getTime());
  return [...live, { id: code.codeId, until: code.expiresAt }];
}

/** What was stored of a code before codes were sealed (kept while older documents remain: issue 18 removes them). */
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
