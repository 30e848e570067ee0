import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** `get`: a temp download URL (getTempFileURL, downloadFile); `put`: the upload URL getUploadMetadata hands out. */
export type UrlPurpose = 'get' | 'put';

export type Verdict = 'ok' | 'unsigned' | 'invalid' | 'expired';

/**
 * Short-lived signed URLs for stored files, like the cloud's `?sign=…&t=…`: the bytes are reachable only through
 * a URL the storage actions issued, and only until `t` (unix seconds on the emulator's clock, so advancing the
 * clock expires them). The key is kept in the data dir so URLs survive a restart, as the files do.
 */
export class UrlSigner {
  private readonly key: Buffer;

  constructor(
    dataDir: string,
    private readonly now: () => number,
  ) {
    const file = join(dataDir, 'url-key');
    if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600 });
    this.key = Buffer.from(readFileSync(file, 'utf8').trim(), 'hex');
  }

  /** The query string (`sign=…&t=…`) that lets `purpose` on `cloudPath` for `maxAgeSeconds`. */
  sign(purpose: UrlPurpose, cloudPath: string, maxAgeSeconds: number): string {
    const t = Math.floor(this.now() / 1000) + Math.max(1, Math.floor(maxAgeSeconds));
    return `sign=${this.mac(purpose, cloudPath, t)}&t=${t}`;
  }

  verify(purpose: UrlPurpose, cloudPath: string, query: URLSearchParams): Verdict {
    const sign = query.get('sign');
    const t = Number(query.get('t'));
    if (!sign) return 'unsigned';
    const expected = Buffer.from(this.mac(purpose, cloudPath, t));
    const given = Buffer.from(sign);
    if (!Number.isInteger(t) || given.length !== expected.length || !timingSafeEqual(given, expected)) return 'invalid';
    return t * 1000 < this.now() ? 'expired' : 'ok';
  }

  private mac(purpose: UrlPurpose, cloudPath: string, t: number): string {
    return createHmac('sha256', this.key).update(`${purpose}\n${cloudPath}\n${t}`).digest('hex');
  }
}
