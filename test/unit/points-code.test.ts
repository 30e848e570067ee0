import { CODE_TTL_MS, assertUnused, readCode, sealCode, withUsed, type CodeClaims } from '../../src/shared/domain/points-code';
import { sealerOf } from '../../cloudfunctions/_lib/ledger/seal';
import { issueCode, openCode } from '../../cloudfunctions/_lib/ledger/points-code';

const sealer = sealerOf('test-secret');
const now = new Date('2026-11-20T02:00:00Z');
const codeId = 'AbCdEfGhIjKlMnOpQrStUv';
const claims = (over: Partial<CodeClaims> = {}): CodeClaims => ({
  codeId,
  openid: 'o-wang',
  name: '王秀英',
  communityId: 'community-wutong',
  expiresAt: new Date(now.getTime() + CODE_TTL_MS),
  ...over,
});
const fresh = () => sealCode(claims(), sealer);

function refused(token: string, at = now, by = sealer): string {
  try {
    readCode(token, by, at);
  } catch (error) {
    return (error as { code: string }).code;
  }
  return 'accepted';
}

describe('points code tokens (积分码)', () => {
  it('a fresh token reads back to its code, its resident and expiry, and shows none of them', () => {
    expect(readCode(fresh(), sealer, now)).toEqual(claims());
    const token = fresh();
    expect(token).toMatch(/^LL2\.[\w-]+$/);
    for (const visible of [codeId, 'o-wang', 'community-wutong']) expect(token).not.toContain(visible);
    expect(Buffer.from(token.slice(4), 'base64url').toString('utf8')).not.toContain('王秀英');
    expect(fresh()).not.toBe(token);
  });

  it('lives at most 60 seconds: valid until the last millisecond, expired at it', () => {
    expect(CODE_TTL_MS).toBeLessThanOrEqual(60_000);
    expect(refused(fresh(), new Date(now.getTime() + CODE_TTL_MS - 1))).toBe('accepted');
    expect(refused(fresh(), new Date(now.getTime() + CODE_TTL_MS))).toBe('POINTS_CODE_EXPIRED');
  });

  it('refuses a token sealed with another secret, or with any byte altered', () => {
    expect(refused(fresh(), now, sealerOf('other-secret'))).toBe('POINTS_CODE_INVALID');
    const [v, sealed] = fresh().split('.');
    const bytes = Buffer.from(sealed, 'base64url');
    for (const at of [0, 13, bytes.length - 1]) {
      const altered = Buffer.from(bytes);
      altered[at] ^= 1;
      expect(refused(`${v}.${altered.toString('base64url')}`)).toBe('POINTS_CODE_INVALID');
    }
    expect(refused(`${v}.${sealed}.x`)).toBe('POINTS_CODE_INVALID');
    expect(refused(`LL1.${sealed}`)).toBe('POINTS_CODE_INVALID');
    expect(refused('LL1.AbCdEfGhIjKlMnOpQrStUv.mi5g3k00.' + 'a'.repeat(43))).toBe('POINTS_CODE_INVALID');
    expect(refused('not a code at all')).toBe('POINTS_CODE_INVALID');
  });

  it('checks the seal before the expiry: a forged token is invalid, not merely expired', () => {
    const forged = sealCode(claims({ expiresAt: new Date(now.getTime() - 1000) }), sealerOf('guess'));
    expect(refused(forged)).toBe('POINTS_CODE_INVALID');
  });

  it('refuses a validly sealed token that claims to live longer than a code may', () => {
    expect(refused(sealCode(claims({ expiresAt: new Date(now.getTime() + CODE_TTL_MS + 1000) }), sealer))).toBe('POINTS_CODE_INVALID');
  });

  it('will not seal a malformed code id or an empty field', () => {
    expect(() => sealCode(claims({ codeId: 'a.b' }), sealer)).toThrow(expect.objectContaining({ code: 'POINTS_CODE_INVALID' }));
    expect(() => sealCode(claims({ name: '' }), sealer)).toThrow(expect.objectContaining({ code: 'POINTS_CODE_INVALID' }));
  });
});

describe('single use, kept on the resident’s balance', () => {
  it('a code not yet charged may be acted on; a charged one may not', () => {
    expect(() => assertUnused(undefined, codeId)).not.toThrow();
    expect(() => assertUnused([{ id: 'other-code-0000001', until: now }], codeId)).not.toThrow();
    expect(() => assertUnused(withUsed(null, claims(), now), codeId)).toThrow(expect.objectContaining({ code: 'POINTS_CODE_USED' }));
  });

  it('remembers a used code until it could no longer be scanned, and no longer', () => {
    const first = withUsed(null, claims(), now);
    const later = new Date(now.getTime() + 30_000);
    const second = withUsed(first, claims({ codeId: 'SecondCodeSecondCode', expiresAt: new Date(later.getTime() + CODE_TTL_MS) }), later);
    expect(second.map((c) => c.id)).toEqual([codeId, 'SecondCodeSecondCode']);
    const muchLater = new Date(now.getTime() + CODE_TTL_MS);
    const third = withUsed(second, claims({ codeId: 'ThirdCodeThirdCode', expiresAt: new Date(muchLater.getTime() + CODE_TTL_MS) }), muchLater);
    expect(third.map((c) => c.id)).toEqual(['SecondCodeSecondCode', 'ThirdCodeThirdCode']);
  });
});

describe('rotating the sealing key (LINLI_CODE_SECRET, README「运维」)', () => {
  const saved = { ...process.env };
  afterEach(() => {
    process.env = { ...saved };
  });
  const resident = { _id: 'o-wang', name: '王秀英', communityId: 'community-wutong' } as Parameters<typeof issueCode>[0];

  it('a code sealed under the old key still opens while the old key is kept as the previous one, and not after', () => {
    process.env.LINLI_CODE_SECRET = 'old-key-'.repeat(5);
    const { token } = issueCode(resident, now);
    process.env.LINLI_CODE_SECRET = 'new-key-'.repeat(5);
    process.env.LINLI_CODE_SECRET_PREVIOUS = 'old-key-'.repeat(5);
    expect(openCode(token, now)).toMatchObject({ openid: 'o-wang' });
    const { token: sealedNew } = issueCode(resident, now);
    expect(openCode(sealedNew, now)).toMatchObject({ openid: 'o-wang' });
    delete process.env.LINLI_CODE_SECRET_PREVIOUS;
    expect(() => openCode(token, now)).toThrow(expect.objectContaining({ code: 'POINTS_CODE_INVALID' }));
    expect(openCode(sealedNew, now)).toMatchObject({ openid: 'o-wang' });
  });
});
