import { createHmac } from 'node:crypto';
import { CODE_TTL_MS, assertUnused, readCode, signCode, type PointsCode } from '../../src/shared/domain/points-code';

const signer = (secret: string) => (text: string) => createHmac('sha256', secret).update(text).digest('base64url');
const sign = signer('test-secret');
const now = new Date('2026-11-20T02:00:00Z');
const codeId = 'AbCdEfGhIjKlMnOpQrStUv';
const fresh = () => signCode({ codeId, expiresAt: new Date(now.getTime() + CODE_TTL_MS) }, sign);

function refused(token: string, at = now, by = sign): string {
  try {
    readCode(token, by, at);
  } catch (error) {
    return (error as { code: string }).code;
  }
  return 'accepted';
}

describe('points code tokens (积分码)', () => {
  it('a fresh token reads back to its code and expiry', () => {
    expect(readCode(fresh(), sign, now)).toEqual({ codeId, expiresAt: new Date(now.getTime() + CODE_TTL_MS) });
    expect(fresh()).toMatch(/^LL1\.[\w-]+\.[0-9a-z]+\.[\w-]{43}$/);
  });

  it('lives at most 60 seconds: valid until the last millisecond, expired at it', () => {
    expect(CODE_TTL_MS).toBeLessThanOrEqual(60_000);
    expect(refused(fresh(), new Date(now.getTime() + CODE_TTL_MS - 1))).toBe('accepted');
    expect(refused(fresh(), new Date(now.getTime() + CODE_TTL_MS))).toBe('POINTS_CODE_EXPIRED');
  });

  it('refuses a token signed with another secret, or with any part altered', () => {
    expect(refused(fresh(), now, signer('other-secret'))).toBe('POINTS_CODE_INVALID');
    const [v, id, exp, sig] = fresh().split('.');
    const later = (parseInt(exp, 36) + 60_000).toString(36);
    expect(refused([v, id, later, sig].join('.'))).toBe('POINTS_CODE_INVALID');
    expect(refused([v, 'ZZZZZZZZZZZZZZZZZZZZZZ', exp, sig].join('.'))).toBe('POINTS_CODE_INVALID');
    expect(refused([v, id, exp, sig.slice(0, -1) + (sig.endsWith('A') ? 'B' : 'A')].join('.'))).toBe('POINTS_CODE_INVALID');
    expect(refused([v, id, exp].join('.'))).toBe('POINTS_CODE_INVALID');
    expect(refused(['LL2', id, exp, sig].join('.'))).toBe('POINTS_CODE_INVALID');
    expect(refused('not a code at all')).toBe('POINTS_CODE_INVALID');
  });

  it('checks the signature before the expiry: a forged token is invalid, not merely expired', () => {
    const forged = signCode({ codeId, expiresAt: new Date(now.getTime() - 1000) }, signer('guess'));
    expect(refused(forged)).toBe('POINTS_CODE_INVALID');
  });

  it('refuses a validly signed token that claims to live longer than a code may', () => {
    const tooLong = signCode({ codeId, expiresAt: new Date(now.getTime() + CODE_TTL_MS + 1000) }, sign);
    expect(refused(tooLong)).toBe('POINTS_CODE_INVALID');
  });

  it('will not sign a malformed code id', () => {
    expect(() => signCode({ codeId: 'a.b', expiresAt: now }, sign)).toThrow(expect.objectContaining({ code: 'POINTS_CODE_INVALID' }));
  });
});

describe('single use', () => {
  const code: PointsCode = {
    _id: codeId,
    openid: 'u1',
    name: '王秀英',
    communityId: 'c1',
    expiresAt: now,
    status: 'issued',
    usedBy: null,
    usedAt: null,
    createdAt: now,
  };

  it('an issued code may be acted on; a used one, or none, may not', () => {
    expect(assertUnused(code)).toBe(code);
    expect(() => assertUnused({ ...code, status: 'used', usedBy: 'shop-1', usedAt: now })).toThrow(
      expect.objectContaining({ code: 'POINTS_CODE_USED' }),
    );
    expect(() => assertUnused(null)).toThrow(expect.objectContaining({ code: 'POINTS_CODE_INVALID' }));
  });
});
