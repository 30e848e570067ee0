import { createHash, randomBytes } from 'node:crypto';

/** How a partner's API key is kept and looked up: its sha256 (hex); the key itself is never stored. */
export function keyHash(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

/** A new API key: 192 random bits, URL-safe (it travels in a query string), marked as ours. */
export function newPartnerKey(): string {
  return `o311_${randomBytes(24).toString('base64url')}`;
}
