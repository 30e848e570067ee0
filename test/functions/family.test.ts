import { ok, RACING, useEmulator } from './call';
import { databaseOf } from './ledger-fixture';
import { li, liu, stranger, wang } from './personas';
import { expectCovered, rid } from './points-helpers';

/**
 * 家庭邀请码 (issue 13): 王秀英 makes a code; her household joins with it and lands in her home (2号楼 1单元302),
 * verified at once and recorded as invited by her. A used-up, expired or revoked code is refused; the count limit
 * holds however many use a code at once; nobody acts on another home's codes.
 */
const env = useEmulator(RACING);
const { call } = env;
const refused = (reply: any, code: string) => expect(reply).toMatchObject({ ok: false, code });
const newcomer = (n: number) => `o-family-${String(n).padStart(3, '0')}`;
const joining = (code: string, n: number) => ({
  code,
  name: `王家人${n}`,
  phone: `137000020${String(n).padStart(2, '0')}`,
  privacyVersion: '2026-12-01',
});

async function invited(n = 1): Promise<string> {
  return ok(await call(wang, 'family.invite', {}, rid('fam-invite', n))).code.code;
}

describe('family codes', () => {
  it('王秀英 makes a short code for her home, lists and revokes it; a stranger’s home is not hers to touch', async () => {
    const made = ok(await call(wang, 'family.invite', {}, rid('fam-invite', 1)));
    expect(made.code.code).toMatch(/^[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{8}$/);
    expect(made.code).toMatchObject({ uses: 0, maxUses: 6, inviterName: '王秀英' });
    const hours = (Date.parse(made.code.expiresAt) - Date.now()) / 3_600_000;
    expect(hours).toBeGreaterThan(23);
    expect(hours).toBeLessThanOrEqual(24);
    // A retry of the same press is the same code, not a second one.
    expect(ok(await call(wang, 'family.invite', {}, rid('fam-invite', 1))).code.code).toBe(made.code.code);
    expect(ok(await call(wang, 'family.codes', {})).codes.map((c: any) => c.code)).toEqual([made.code.code]);

    // Another home's resident: her code is "not found" to him, and he sees none of hers.
    refused(await call(li, 'family.revoke', { code: made.code.code }, rid('fam-revoke', 9)), 'FAMILY_CODE_INVALID');
    expect(ok(await call(li, 'family.codes', {})).codes).toEqual([]);
    // A grid worker has no home to invite to.
    refused(await call(liu, 'family.invite', {}, rid('fam-invite', 9)), 'FORBIDDEN_ROLE');

    // At most three live codes per home.
    await invited(2);
    await invited(3);
    refused(await call(wang, 'family.invite', {}, rid('fam-invite', 4)), 'FAMILY_CODES_FULL');

    // Typed in lower case with a space, it is the same code.
    const typed = `${made.code.code.slice(0, 4).toLowerCase()} ${made.code.code.slice(4)}`;
    const after = ok(await call(wang, 'family.revoke', { code: typed }, rid('fam-revoke', 1)));
    expect(after.codes.map((c: any) => c.code)).not.toContain(made.code.code);
    refused(await call(stranger, 'family.join', joining(made.code.code, 1), rid('fam-join', 1)), 'FAMILY_CODE_REVOKED');
    await expectCovered(env.emu);
  });

  it('a newcomer joins with it: verified at once in her home, invited by her, the use recorded; members list them', async () => {
    const code = await invited();
    const joined = ok(await call(newcomer(1), 'family.join', joining(code, 1), rid('fam-join', 1)));
    expect(joined).toEqual({ status: 'verified', buildingName: '2号楼', room: '1单元302', inviterName: '王秀英' });
    // A retry of the same press gets the same answer and uses the code once.
    expect(ok(await call(newcomer(1), 'family.join', joining(code, 1), rid('fam-join', 1)))).toEqual(joined);
    const me = ok(await call(newcomer(1), 'user.me'));
    expect(me).toMatchObject({ name: '王家人1', roles: ['resident'], buildingId: 'building-2', gridId: 'grid-1' });
    const db = databaseOf(env.emu);
    const user = (await db.collection('users').doc(newcomer(1)).get()).data as any;
    expect(user).toMatchObject({ room: '1单元302', invitedBy: { userId: wang, name: '王秀英', code } });
    const stored = (await db.collection('family_codes').doc(code).get()).data as any;
    expect(stored).toMatchObject({ uses: 1, status: 'live', usedBy: [expect.objectContaining({ userId: newcomer(1), name: '王家人1' })] });
    // No application waits for the grid worker.
    expect(ok(await call(liu, 'user.applications', {})).items.map((a: any) => a.name)).not.toContain('王家人1');

    // A second of the household uses the same code.
    ok(await call(newcomer(2), 'family.join', joining(code, 2), rid('fam-join', 2)));
    const family = ok(await call(wang, 'family.members', {})).items;
    expect(family).toEqual(
      expect.arrayContaining([
        { name: '王秀英', phone: '138****1001', me: true, invitedByName: null },
        { name: '王家人1', phone: '137****2001', me: false, invitedByName: '王秀英' },
        { name: '王家人2', phone: '137****2002', me: false, invitedByName: '王秀英' },
      ]),
    );
    // 李明 lives elsewhere: none of them are in his family.
    expect(ok(await call(li, 'family.members', {})).items.map((p: any) => p.name)).toEqual(['李明']);
    // Joined already: a second join is refused.
    refused(await call(newcomer(1), 'family.join', joining(code, 1), rid('fam-join', 3)), 'ALREADY_REGISTERED');
    await expectCovered(env.emu);
  });

  it('an unknown, expired or used-up code is refused with a clear message', async () => {
    refused(await call(stranger, 'family.join', joining('ABCDEFGH', 1), rid('fam-join', 1)), 'FAMILY_CODE_INVALID');
    const bad = await call(stranger, 'family.join', joining('ABC', 1), rid('fam-join', 2));
    expect(bad).toMatchObject({ ok: false, code: 'BAD_INPUT' });
    const code = await invited();
    await databaseOf(env.emu)
      .collection('family_codes')
      .doc(code)
      .update({ data: { expiresAt: new Date(Date.now() - 1000) } });
    const expired = await call(stranger, 'family.join', joining(code, 1), rid('fam-join', 3));
    expect(expired).toMatchObject({ ok: false, code: 'FAMILY_CODE_EXPIRED', message: expect.stringContaining('已过期') });
    // An expired code is no longer listed as live.
    expect(ok(await call(wang, 'family.codes', {})).codes).toEqual([]);
  });

  it('never admits more than its count, even when everyone uses it at once', async () => {
    const code = await invited();
    const replies = await Promise.all(
      Array.from({ length: 9 }, (_, i) => call(newcomer(10 + i), 'family.join', joining(code, 10 + i), rid('fam-race', i))),
    );
    const joined = replies.filter((r: any) => r.ok);
    expect(joined).toHaveLength(6);
    for (const r of replies.filter((x: any) => !x.ok)) expect(r).toMatchObject({ code: 'FAMILY_CODE_USED_UP' });
    const stored = (await databaseOf(env.emu).collection('family_codes').doc(code).get()).data as any;
    expect(stored).toMatchObject({ uses: 6, status: 'used' });
    expect(stored.usedBy).toHaveLength(6);
    refused(await call(newcomer(30), 'family.join', joining(code, 30), rid('fam-join', 30)), 'FAMILY_CODE_USED_UP');
  });
});
