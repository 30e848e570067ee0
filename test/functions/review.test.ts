import { ok, newWish, RACING, useEmulator } from './call';
import { databaseOf } from './ledger-fixture';
import { chen, gao, li, liu, sun, wang, zhang } from './personas';
import { expectCovered, pointsKit, rid } from './points-helpers';

const env = useEmulator(RACING);
const { call } = env;
const { balanceOf, expectReconciled } = pointsKit(env);
const huang = 'demo-member-huang';

let serial = 0;
const next = (prefix: string) => rid(prefix, ++serial);
const refused = (reply: any, code: string) => expect(reply).toMatchObject({ ok: false, code });

const openRound = async () => ok(await call(sun, 'review.open', {}, next('open'))).round;
const rate = (openid: string, roundId: string, memberId: string, kind: string, grade: string, requestId = next('rate')) =>
  call(openid, 'review.submit', { roundId, memberId, kind, grade }, requestId);

/** 王秀英's wish carried out by 张建国 and confirmed by her: what makes her a resident he served. */
async function served(resident: string, member: string) {
  const wishId = ok(await call(resident, 'wish.create', newWish, next('wish'))).wish.id;
  ok(await call(liu, 'wish.approve', { wishId, points: 10 }, next('approve')));
  ok(await call(member, 'wish.claim', { wishId }, next('claim')));
  ok(await call(member, 'wish.checkIn', { wishId }, next('checkin')));
  ok(await call(member, 'wish.complete', { wishId, proof: '已上门换好灯泡，试过能用' }, next('complete')));
  ok(await call(resident, 'wish.confirm', { wishId, rating: 5 }, next('confirm')));
}

const settle = () => env.emu.fireTrigger('review', 'settle');
const resultsOf = async (openid: string) => ok(await call(openid, 'review.results', {}));
const partyHistory = async (openid: string) => ok(await call(openid, 'points.history', { asset: 'party' })).items;

describe('民主评议 review rounds', () => {
  it('staff open this half-year’s round for the community’s members; once only; nobody else may open it', async () => {
    const round = await openRound();
    expect(round).toMatchObject({ status: 'open', openedByName: '孙丽', memberCount: 7 });
    expect(round.label).toMatch(/^\d{4}年[上下]半年$/);
    refused(await call(sun, 'review.open', {}, next('open')), 'REVIEW_ROUND_EXISTS');
    refused(await call(zhang, 'review.open', {}, next('open')), 'FORBIDDEN_ROLE');
    // 我的评议: a member rates themself first, then every other member; a resident nobody served has no one to rate.
    const mine = ok(await call(zhang, 'review.mine'));
    expect(mine.targets[0]).toEqual({ memberId: zhang, name: '张建国', kind: 'self', grade: null });
    expect(mine.targets.slice(1).every((t: any) => t.kind === 'peer' && t.memberId !== zhang)).toBe(true);
    expect(mine.targets).toHaveLength(7);
    expect(ok(await call(wang, 'review.mine')).targets).toEqual([]);
    await expectCovered(env.emu);
  });

  it('refuses a round that could not hold every member of the community (more than 300), rather than leave some out', async () => {
    const sunDoc = (await databaseOf(env.emu).collection('users').doc(sun).get()).data;
    const { _id: _sun, ...profile } = sunDoc;
    const extra = Array.from({ length: 294 }, (_, i) => ({
      ...profile,
      _id: `o-review-member-${i}`,
      name: `党员${i}`,
      roles: ['resident', 'member'],
    }));
    await databaseOf(env.emu).collection('users').add({ data: extra });
    refused(await call(sun, 'review.open', {}, next('open')), 'REVIEW_TOO_MANY_MEMBERS');
    await databaseOf(env.emu).collection('users').doc('o-review-member-0').remove();
    expect(ok(await call(sun, 'review.open', {}, next('open'))).round.memberCount).toBe(300);
  });

  it('refuses self as a peer, another as oneself, a resident’s peer rating, a resident never served, a second rating and a round of another community', async () => {
    const { id } = await openRound();
    refused(await rate(zhang, id, zhang, 'peer', 'excellent'), 'REVIEW_SELF_AS_PEER');
    refused(await rate(zhang, id, zhang, 'mass', 'excellent'), 'REVIEW_SELF_AS_PEER');
    refused(await rate(zhang, id, chen, 'self', 'excellent'), 'REVIEW_SELF_ONLY');
    refused(await rate(wang, id, zhang, 'peer', 'good'), 'REVIEW_NOT_MEMBER');
    refused(await rate(wang, id, zhang, 'mass', 'good'), 'REVIEW_NOT_SERVED');
    refused(await rate(zhang, id, wang, 'peer', 'good'), 'REVIEW_TARGET_NOT_MEMBER');
    expect(ok(await rate(zhang, id, chen, 'peer', 'good')).rating).toMatchObject({ memberId: chen, kind: 'peer', grade: 'good' });
    refused(await rate(zhang, id, chen, 'peer', 'excellent'), 'REVIEW_ALREADY_RATED');
    refused(await rate(zhang, 'rv-nowhere-2026h1', chen, 'peer', 'good'), 'REVIEW_NO_ROUND');

    const other = { ...(await databaseOf(env.emu).collection('review_rounds').doc(id).get()).data, communityId: 'community-other' };
    delete other._id;
    await databaseOf(env.emu)
      .collection('review_rounds')
      .add({ data: { _id: 'rv-community-other-2026h1', ...other } });
    refused(await rate(zhang, 'rv-community-other-2026h1', chen, 'peer', 'good'), 'FORBIDDEN_SCOPE');
    refused(await call(sun, 'review.close', { roundId: 'rv-community-other-2026h1' }, next('close')), 'FORBIDDEN_SCOPE');

    ok(await call(sun, 'review.close', { roundId: id }, next('close')));
    refused(await rate(chen, id, chen, 'self', 'good'), 'REVIEW_ROUND_CLOSED');
    expect(ok(await call(chen, 'review.mine')).targets).toEqual([]);
  });

  it('a resident rates the member who served her — once — and no other member', async () => {
    await served(wang, zhang);
    const { id } = await openRound();
    expect(ok(await call(wang, 'review.mine')).targets).toEqual([{ memberId: zhang, name: '张建国', kind: 'mass', grade: null }]);
    refused(await rate(wang, id, chen, 'mass', 'good'), 'REVIEW_NOT_SERVED');
    refused(await rate(li, id, zhang, 'mass', 'good'), 'REVIEW_NOT_SERVED');
    ok(await rate(wang, id, zhang, 'mass', 'excellent'));
    refused(await rate(wang, id, zhang, 'mass', 'poor'), 'REVIEW_ALREADY_RATED');
    expect(ok(await call(wang, 'review.mine')).targets).toEqual([{ memberId: zhang, name: '张建国', kind: 'mass', grade: 'excellent' }]);
    await expectCovered(env.emu);
  });

  it('a double tap or retry makes one rating, answered from it; taps under different requestIds make one too', async () => {
    const { id } = await openRound();
    const same = await Promise.all([1, 2, 3, 4].map(() => rate(zhang, id, chen, 'peer', 'excellent', 'tap-same-0001')));
    for (const reply of same) expect(ok(reply).rating).toMatchObject({ memberId: chen, grade: 'excellent' });
    expect(same.filter((r) => r.data.replayed === false)).toHaveLength(1);
    const twins = await Promise.all([1, 2, 3, 4].map(() => rate(huang, id, chen, 'peer', 'good')));
    expect(twins.filter((r) => r.ok)).toHaveLength(1);
    for (const r of twins.filter((t) => !t.ok)) expect(r.code).toBe('REVIEW_ALREADY_RATED');
    const chenRow = (await resultsOf(sun)).items.find((m: any) => m.memberId === chen);
    expect(chenRow).toMatchObject({ peerCount: 2, selfDone: false, result: null });
    // A retry of the first call after the round closed is still answered from its rating.
    ok(await call(sun, 'review.close', { roundId: id }, next('close')));
    expect(ok(await rate(zhang, id, chen, 'peer', 'excellent', 'tap-same-0001'))).toMatchObject({ replayed: true });
  });

  it('close (twice, retried) posts each member’s weighted result once as a party entry with the round as evidence; the books reconcile', async () => {
    await served(wang, zhang);
    const { id } = await openRound();
    // 张建国: 自评 优秀, 互评 优秀 ×2, 群评 优秀 → 100 → 优秀 +10. 陈静: 自评 合格, 互评 不合格 ×2 → (0.2·85 + 0.4·40)/0.6 = 55 → −10.
    ok(await rate(zhang, id, zhang, 'self', 'excellent'));
    ok(await rate(chen, id, zhang, 'peer', 'excellent'));
    ok(await rate(huang, id, zhang, 'peer', 'excellent'));
    ok(await rate(wang, id, zhang, 'mass', 'excellent'));
    ok(await rate(chen, id, chen, 'self', 'good'));
    ok(await rate(zhang, id, chen, 'peer', 'poor'));
    ok(await rate(huang, id, chen, 'peer', 'poor'));
    // 黄志刚 only rated himself: 未参评, nothing posted.
    ok(await rate(huang, id, huang, 'self', 'excellent'));
    expect((await resultsOf(zhang)).items).toEqual([]);

    refused(await call(gao, 'review.close', { roundId: id }, next('close')), 'FORBIDDEN_SELF');
    const [a, b] = await Promise.all([
      call(sun, 'review.close', { roundId: id }, 'close-a-0001'),
      call(sun, 'review.close', { roundId: id }, 'close-b-0001'),
    ]);
    expect([a, b].map((r) => r.code ?? 'ok')).toContain('ok');
    expect([a, b].filter((r) => r.ok)).toHaveLength(1);
    refused(
      [a, b].find((r) => !r.ok),
      'REVIEW_ROUND_CLOSED',
    );
    const winner = a.ok ? 'close-a-0001' : 'close-b-0001';
    expect(await call(sun, 'review.close', { roundId: id }, winner)).toEqual({ ...(a.ok ? a : b), serverTime: expect.any(String) });
    expect(ok(await call(sun, 'review.results', {})).round.status).toBe('closing');

    await Promise.all([settle(), settle()]);
    await settle();
    const published = await resultsOf(wang);
    expect(published.round.status).toBe('published');
    const byId = new Map(published.items.map((m: any) => [m.memberId, m]));
    expect(byId.get(zhang)).toMatchObject({ result: { score: 100, grade: 'excellent', points: 10 }, selfDone: true, peerCount: 2, massCount: 1 });
    expect(byId.get(chen)).toMatchObject({ result: { score: 55, grade: 'poor', points: -10 } });
    expect(byId.get(huang)).toMatchObject({ result: null });

    const zhangEntries = (await partyHistory(zhang)).filter((h: any) => /民主评议/.test(h.reason));
    expect(zhangEntries.map((h: any) => h.amount)).toEqual([10]);
    expect(zhangEntries[0].reason).toMatch(/半年民主评议：优秀（100 分）$/);
    expect((await partyHistory(chen)).filter((h: any) => /民主评议/.test(h.reason)).map((h: any) => h.amount)).toEqual([-10]);
    expect(await partyHistory(huang)).toEqual([]);
    expect(await balanceOf(zhang, 'party')).toBe(10);
    expect(await balanceOf(chen, 'party')).toBe(-10);
    const entries = ok(await call(sun, 'points.partyEntries')).items.filter((e: any) => e.itemName === '民主评议');
    expect(entries.map((e: any) => [e.memberName, e.kind, e.points, e.byName]).sort()).toEqual([
      ['张建国', 'bonus', 10, '孙丽'],
      ['陈静', 'deduction', -10, '孙丽'],
    ]);
    expect(entries.find((e: any) => e.memberName === '张建国').evidence.text).toContain('加权 100 分');
    await expectReconciled();
    await expectCovered(env.emu);
  });

  it('a settle run cut off after posting but before saving its progress (kill -9) posts nothing twice when the next run takes it up', async () => {
    const { id } = await openRound();
    ok(await rate(zhang, id, zhang, 'self', 'excellent'));
    ok(await rate(chen, id, zhang, 'peer', 'excellent'));
    ok(await call(sun, 'review.close', { roundId: id }, next('close')));
    await settle();
    expect(await balanceOf(zhang, 'party')).toBe(10);
    // What a run killed after its members' transactions and before the round's progress write leaves behind.
    await databaseOf(env.emu)
      .collection('review_rounds')
      .doc(id)
      .update({ data: { status: 'closing', settled: 0, publishedAt: null } });
    expect((await resultsOf(wang)).items).toEqual([]);
    await settle();
    expect((await resultsOf(wang)).round.status).toBe('published');
    expect(await balanceOf(zhang, 'party')).toBe(10);
    expect((await partyHistory(zhang)).map((h: any) => h.amount)).toEqual([10]);
    await expectReconciled();
  });
});
