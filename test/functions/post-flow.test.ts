import { ok, useEmulator } from './call';
import { expectCovered, rid } from './points-helpers';
import { chen, li, members, sun, wang, zhang } from './personas';
import { insertDocs, monday, moreMembers, newPost } from './post-helpers';

const env = useEmulator();
const { call } = env;
const HOUR = 60 * 60 * 1000;

let serial = 0;
const act = (who: string, action: string, payload: Record<string, unknown>) =>
  call(who, action, payload, rid(`post-${action.replace('.', '-')}`, ++serial));
const publish = async (payload: Record<string, unknown> = {}) => ok(await act(sun, 'post.publish', { ...newPost, ...payload })).post;
const volunteerOf = async (openid: string) =>
  ok(await call(openid, 'points.balance')).balances.find((b: any) => b.asset === 'volunteer')?.balance ?? 0;
const shiftPostings = async (openid: string) =>
  ok(await call(openid, 'points.history', { limit: 50 })).items.filter((p: any) => p.reason.startsWith('岗位值班'));

describe('岗位认领: claiming a post', () => {
  it('50 members claim a 3-slot post at once: exactly 3 hold it, the other 47 are told 岗位已满', async () => {
    const crowd = [...members, ...(await moreMembers(env, 50 - members.length))];
    const post = await publish();
    const replies = await Promise.all(crowd.map((who, i) => call(who, 'post.claim', { postId: post.id }, rid('race', i))));
    const won = crowd.filter((_, i) => replies[i].ok);
    expect(won).toHaveLength(3);
    for (const reply of replies.filter((r) => !r.ok)) expect(reply).toMatchObject({ code: 'POST_FULL', message: '岗位已满，请看看其他岗位' });
    // Every winner's reply says they hold it; the stored post names exactly the winners and has no room left.
    for (const reply of replies.filter((r) => r.ok)) expect(reply.data.post).toMatchObject({ held: true });
    const stored = ok(await call(sun, 'post.list', { view: 'all' })).items.find((p: any) => p.id === post.id);
    expect(stored.free).toBe(0);
    const names = await Promise.all(won.map(async (who) => ok(await call(who, 'user.me')).name));
    expect(stored.holders.map((h: any) => h.name).sort()).toEqual(names.sort());
    // (The seed's demo posts are held by some members too, and have room left.)
    for (const who of won) expect(ok(await call(who, 'post.list', { view: 'mine' })).items.map((p: any) => p.id)).toContain(post.id);
    expect(ok(await call(zhang, 'post.list', { view: 'open' })).items.map((p: any) => p.id)).not.toContain(post.id);
    await expectCovered(env.emu);
  });

  it('a member cannot hold a post twice; leaving frees the slot for another', async () => {
    const post = await publish({ slots: 1 });
    expect(ok(await act(zhang, 'post.claim', { postId: post.id })).post).toMatchObject({ held: true, free: 0 });
    expect(await act(zhang, 'post.claim', { postId: post.id })).toMatchObject({ ok: false, code: 'POST_ALREADY_HELD' });
    expect(await act(chen, 'post.claim', { postId: post.id })).toMatchObject({ ok: false, code: 'POST_FULL' });
    expect(ok(await act(zhang, 'post.leave', { postId: post.id })).post).toMatchObject({ held: false, free: 1 });
    expect(ok(await act(chen, 'post.claim', { postId: post.id })).post).toMatchObject({ held: true, free: 0 });
    expect(await act(sun, 'post.publish', { ...newPost, postId: post.id, slots: 0 })).toMatchObject({ ok: false, code: 'BAD_INPUT' });
    ok(await act(sun, 'post.close', { postId: post.id }));
    expect(await act(zhang, 'post.claim', { postId: post.id })).toMatchObject({ ok: false, code: 'POST_CLOSED' });
  });
});

describe('值班: shifts and their points', () => {
  async function onDuty(at: string) {
    await env.emu.clock({ set: at });
    const post = await publish();
    ok(await act(zhang, 'post.claim', { postId: post.id }));
    const { shift } = ok(await act(zhang, 'post.checkIn', { postId: post.id }));
    return { post, shift };
  }

  it('check-out counts the hours and posts hours × points once; a retried check-out posts nothing more', async () => {
    const { post, shift } = await onDuty(monday('09:00'));
    expect(await act(zhang, 'post.checkIn', { postId: post.id })).toMatchObject({ ok: false, code: 'POST_SHIFT_OPEN' });
    await env.emu.clock({ advanceMs: 2 * HOUR });
    const first = await call(zhang, 'post.checkOut', { postId: post.id }, 'out-0001');
    expect(ok(first).shift).toMatchObject({ id: shift.id, status: 'done', minutes: 120, points: 20, capped: false });
    expect(ok(first).post.openShiftId).toBeNull();
    const again = await call(zhang, 'post.checkOut', { postId: post.id }, 'out-0001');
    expect(again.data).toEqual(first.data);
    expect(await call(zhang, 'post.checkOut', { postId: post.id }, 'out-0002')).toMatchObject({ ok: false, code: 'POST_NO_SHIFT' });
    expect(await volunteerOf(zhang)).toBe(20);
    expect(await shiftPostings(zhang)).toHaveLength(1);
    await expectCovered(env.emu);
  });

  it('a shift counts at most the schedule’s hours, and a forgotten check-out only up to the day’s end', async () => {
    const { post } = await onDuty(monday('07:30'));
    await env.emu.clock({ advanceMs: 4.5 * HOUR });
    expect(ok(await act(zhang, 'post.checkOut', { postId: post.id })).shift).toMatchObject({ minutes: 180, points: 30, capped: true });
    await env.emu.clock({ set: '2026-12-08T11:00:00+08:00' });
    ok(await act(zhang, 'post.checkIn', { postId: post.id }));
    await env.emu.clock({ advanceMs: 26 * HOUR });
    expect(ok(await act(zhang, 'post.checkOut', { postId: post.id })).shift).toMatchObject({ minutes: 60, points: 10, capped: true });
    expect(await volunteerOf(zhang)).toBe(40);
  });

  it('no check-in off the schedule or by someone not holding the post', async () => {
    await env.emu.clock({ set: '2026-12-06T09:00:00+08:00' }); // a Sunday
    const post = await publish();
    ok(await act(zhang, 'post.claim', { postId: post.id }));
    expect(await act(zhang, 'post.checkIn', { postId: post.id })).toMatchObject({ ok: false, code: 'POST_NOT_ON_DUTY_DAY' });
    await env.emu.clock({ set: monday('12:30') });
    expect(await act(zhang, 'post.checkIn', { postId: post.id })).toMatchObject({ ok: false, code: 'POST_NOT_ON_DUTY_DAY' });
    await env.emu.clock({ set: monday('09:00') });
    expect(await act(chen, 'post.checkIn', { postId: post.id })).toMatchObject({ ok: false, code: 'POST_NOT_HOLDER' });
  });

  it('staff correct a shift by reversing its points with a reason; once', async () => {
    const { post } = await onDuty(monday('09:00'));
    await env.emu.clock({ advanceMs: HOUR });
    const { shift } = ok(await act(zhang, 'post.checkOut', { postId: post.id }));
    expect(await volunteerOf(zhang)).toBe(10);
    const corrected = ok(await act(sun, 'post.correct', { shiftId: shift.id, reason: '当天未到岗，误签' })).shift;
    expect(corrected).toMatchObject({ status: 'reversed', correction: { byName: '孙丽', reason: '当天未到岗，误签' } });
    expect(await volunteerOf(zhang)).toBe(0);
    expect(await act(sun, 'post.correct', { shiftId: shift.id, reason: '再冲一次' })).toMatchObject({ ok: false, code: 'POST_SHIFT_STATE' });
    expect(await volunteerOf(zhang)).toBe(0);
    expect(await act(zhang, 'post.correct', { shiftId: shift.id, reason: '自己改' })).toMatchObject({ ok: false, code: 'FORBIDDEN_ROLE' });
  });

  it('twin check-outs and their retries, all at once: one shift closed, one posting, every reply true of the ledger', async () => {
    const { post, shift } = await onDuty(monday('09:00'));
    await env.emu.clock({ advanceMs: 2 * HOUR });
    // Six taps of 签退 from two screens: three submissions, each sent twice.
    const rids = ['twin-out-a', 'twin-out-a', 'twin-out-b', 'twin-out-b', 'twin-out-c', 'twin-out-c'];
    const replies = await Promise.all(rids.map((r) => call(zhang, 'post.checkOut', { postId: post.id }, r)));
    const won = replies.filter((r) => r.ok);
    expect(won.length).toBeGreaterThanOrEqual(1);
    // Only the winning submission and its own retry are answered with the shift; the others find none open.
    expect(new Set(won.map((r) => rids[replies.indexOf(r)])).size).toBe(1);
    for (const r of won) expect(r.data).toEqual(won[0].data);
    for (const r of replies.filter((x) => !x.ok)) expect(r).toMatchObject({ code: 'POST_NO_SHIFT' });
    expect(won[0].data.shift).toMatchObject({ id: shift.id, status: 'done', points: 20 });
    const postings = await shiftPostings(zhang);
    expect(postings).toHaveLength(1);
    expect(postings[0].amount).toBe(won[0].data.shift.points);
    expect(await volunteerOf(zhang)).toBe(20);
    // A retry of the winner long after still gets its reply, and still nothing more is posted.
    expect((await call(zhang, 'post.checkOut', { postId: post.id }, rids[replies.indexOf(won[0])])).data).toEqual(won[0].data);
    expect(await shiftPostings(zhang)).toHaveLength(1);

    // Twin corrections by staff, with retries: one reversal, the shift marked once, the balance back to 0.
    const corrections = ['twin-fix-a', 'twin-fix-a', 'twin-fix-b', 'twin-fix-b'];
    const fixed = await Promise.all(corrections.map((r) => call(sun, 'post.correct', { shiftId: shift.id, reason: '重复签到' }, r)));
    const fixedOk = fixed.filter((r) => r.ok);
    expect(new Set(fixedOk.map((r) => corrections[fixed.indexOf(r)])).size).toBe(1);
    for (const r of fixedOk) expect(r.data).toEqual(fixedOk[0].data);
    for (const r of fixed.filter((x) => !x.ok)) expect(r).toMatchObject({ code: 'POST_SHIFT_STATE' });
    expect(fixedOk[0].data.shift).toMatchObject({ status: 'reversed', correction: { reason: '重复签到' } });
    const history = ok(await call(zhang, 'points.history', { limit: 50 })).items;
    expect(history.filter((p: any) => p.reason.startsWith('更正值班'))).toHaveLength(1);
    expect(await volunteerOf(zhang)).toBe(0);
    expect(ok(await call(sun, 'points.reconcile', {})).differences).toEqual([]);
  });

  it('a correction the member can no longer pay is refused with nothing posted and the shift left as it was', async () => {
    const { post } = await onDuty(monday('09:00'));
    await env.emu.clock({ advanceMs: 3 * HOUR });
    const { shift } = ok(await act(zhang, 'post.checkOut', { postId: post.id }));
    expect(shift.points).toBe(30);
    ok(await act(zhang, 'mall.order', { itemId: 'mall-eggs', qty: 1 })); // spends the 30 points
    expect(await act(sun, 'post.correct', { shiftId: shift.id, reason: '当天未到岗' })).toMatchObject({ ok: false, code: 'POINTS_INSUFFICIENT' });
    expect(ok(await call(sun, 'post.shifts', { postId: post.id })).items[0]).toMatchObject({ id: shift.id, status: 'done', correction: null });
    const history = ok(await call(zhang, 'points.history', { limit: 50 })).items;
    expect(history.filter((p: any) => p.reason.startsWith('更正值班'))).toHaveLength(0);
    expect(await volunteerOf(zhang)).toBe(0);
  });
});

describe('服务评价: rating a shift', () => {
  it('residents served and staff rate once each, nobody their own shift; the member and staff see the month', async () => {
    await env.emu.clock({ set: monday('09:00') });
    const post = await publish();
    ok(await act(zhang, 'post.claim', { postId: post.id }));
    ok(await act(zhang, 'post.checkIn', { postId: post.id }));
    await env.emu.clock({ advanceMs: HOUR });
    const { shift } = ok(await act(zhang, 'post.checkOut', { postId: post.id }));

    const rated = ok(await act(wang, 'post.rate', { shiftId: shift.id, stars: 5, comment: '陪我聊天，很耐心' }));
    expect(rated.rating).toMatchObject({ raterName: '王**', stars: 5, comment: '陪我聊天，很耐心' });
    expect(rated.shift).toMatchObject({ ratingAvg: 5, ratingCount: 1 });
    expect(await act(wang, 'post.rate', { shiftId: shift.id, stars: 1 })).toMatchObject({ ok: false, code: 'POST_ALREADY_RATED' });
    expect(await act(zhang, 'post.rate', { shiftId: shift.id, stars: 5 })).toMatchObject({ ok: false, code: 'POST_OWN_RATING' });
    expect(await act(li, 'post.rate', { shiftId: shift.id, stars: 1 })).toMatchObject({ ok: false, code: 'POST_RATE_NOT_SERVED' });
    expect(ok(await act(sun, 'post.rate', { shiftId: shift.id, stars: 4 })).shift).toMatchObject({ ratingAvg: 4.5, ratingCount: 2 });

    const mine = ok(await call(zhang, 'post.memberStats', {}));
    expect(mine).toMatchObject({ month: '2026-12', mine: { average: 4.5, count: 2 }, members: null });
    expect(mine.mine.recent.map((r: any) => r.stars)).toEqual([4, 5]);
    expect(JSON.stringify(mine)).not.toContain('王秀英');
    const staff = ok(await call(sun, 'post.memberStats', { month: '2026-12' }));
    expect(staff.members.items).toEqual([{ name: '张建国', average: 4.5, count: 2 }]);
    // What the party entry form shows for the member it is entering for; nothing for one never rated.
    expect(ok(await call(sun, 'post.memberStats', { openid: zhang })).members.items).toEqual([{ name: '张建国', average: 4.5, count: 2 }]);
    expect(ok(await call(sun, 'post.memberStats', { openid: chen })).members.items).toEqual([]);
    expect(ok(await call(chen, 'post.memberStats', { openid: zhang }))).toMatchObject({ mine: { count: 0 }, members: null });
    expect(ok(await call(sun, 'post.shifts', { postId: post.id })).items[0]).toMatchObject({ id: shift.id, ratingAvg: 4.5 });
    expect(ok(await call(wang, 'post.shifts', { postId: post.id })).items[0]).toMatchObject({ ratedByMe: true, mine: false });
    expect(ok(await call(zhang, 'post.shifts', { postId: post.id })).items[0]).toMatchObject({ ratedByMe: false, mine: true });
    await expectCovered(env.emu);
  });

  it('twin ratings and their retries: one rating, the month tally counted once, a retry answered from the rating', async () => {
    await env.emu.clock({ set: monday('09:00') });
    const post = await publish();
    ok(await act(zhang, 'post.claim', { postId: post.id }));
    ok(await act(zhang, 'post.checkIn', { postId: post.id }));
    await env.emu.clock({ advanceMs: HOUR });
    const { shift } = ok(await act(zhang, 'post.checkOut', { postId: post.id }));
    // Four taps of 评价 from two screens: two submissions, each sent twice — the month's first rating of 张建国.
    const rids = ['twin-rate-a', 'twin-rate-a', 'twin-rate-b', 'twin-rate-b'];
    const replies = await Promise.all(rids.map((r) => call(wang, 'post.rate', { shiftId: shift.id, stars: 4, comment: '' }, r)));
    const won = replies.filter((r) => r.ok);
    expect(new Set(won.map((r) => rids[replies.indexOf(r)])).size).toBe(1);
    for (const r of won) expect(r.data).toEqual(won[0].data);
    for (const r of replies.filter((x) => !x.ok)) expect(r).toMatchObject({ code: 'POST_ALREADY_RATED' });
    expect(won[0].data.shift).toMatchObject({ ratingAvg: 4, ratingCount: 1 });
    // The winner's retry long after gets the rating again (the shift as it stands); another submission is refused.
    const winner = rids[replies.indexOf(won[0])];
    expect((await call(wang, 'post.rate', { shiftId: shift.id, stars: 4, comment: '' }, winner)).data).toEqual(won[0].data);
    expect(await call(wang, 'post.rate', { shiftId: shift.id, stars: 1, comment: '' }, 'twin-rate-c')).toMatchObject({ code: 'POST_ALREADY_RATED' });
    expect(ok(await call(zhang, 'post.memberStats', {})).mine).toMatchObject({ average: 4, count: 1 });
    expect(ok(await call(sun, 'post.shifts', { postId: post.id })).items[0]).toMatchObject({ ratingAvg: 4, ratingCount: 1 });
  });
});

describe('authorisation', () => {
  it('a member cannot publish; staff of another community can neither publish here nor touch this community’s posts', async () => {
    expect(await act(zhang, 'post.publish', newPost)).toMatchObject({ ok: false, code: 'FORBIDDEN_ROLE' });
    const post = await publish();
    await insertDocs(env.emu, 'org_units', [
      { _id: 'community-other', kind: 'community', name: '银杏社区', parentId: 'street-qingshi', path: ['street-qingshi'] },
      { _id: 'grid-other', kind: 'grid', name: '银杏一网格', parentId: 'community-other', path: ['street-qingshi', 'community-other'] },
    ]);
    const elsewhere = {
      streetId: 'street-qingshi',
      communityId: 'community-other',
      gridId: null,
      buildingId: null,
      room: null,
      birthYear: 1980,
      phone: '13900009999',
    };
    await insertDocs(env.emu, 'users', [
      { _id: 'other-staff', name: '外社区', roles: ['staff'], ...elsewhere },
      { _id: 'other-member', name: '外党员', roles: ['member'], ...elsewhere, gridId: 'grid-other' },
    ]);
    expect(await act('other-staff', 'post.publish', newPost)).toMatchObject({ ok: false, code: 'FORBIDDEN_SCOPE' });
    expect(await act('other-staff', 'post.publish', { ...newPost, postId: post.id, placeId: 'grid-other' })).toMatchObject({
      ok: false,
      code: 'POST_NOT_FOUND',
    });
    expect(await act('other-staff', 'post.close', { postId: post.id })).toMatchObject({ ok: false, code: 'POST_NOT_FOUND' });
    expect(await act('other-member', 'post.claim', { postId: post.id })).toMatchObject({ ok: false, code: 'POST_NOT_FOUND' });
    expect(ok(await call('other-staff', 'post.list', { view: 'all' })).items).toEqual([]);
    expect(await call(zhang, 'post.list', { view: 'all' })).toMatchObject({ ok: false, code: 'FORBIDDEN_ROLE' });
    expect(ok(await act('other-staff', 'post.publish', { ...newPost, placeId: 'grid-other' })).post.placeName).toBe('银杏一网格');
  });
});
