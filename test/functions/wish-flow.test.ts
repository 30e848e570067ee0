import { actions } from '../../src/shared/contract';
import { newWish, ok, RACING, useEmulator } from './call';
import { chen, everyone, li, liu, members, sun, wang, zhang, zhao } from './personas';

const env = useEmulator(RACING);
const { call } = env;

/** A wish 王秀英 posted and 刘芳 approved for 10 points: on the wall, ready to claim. */
async function approvedWish(): Promise<string> {
  const created = await call(wang, 'wish.create', newWish);
  const approved = await call(liu, 'wish.approve', { wishId: created.data.wish.id, points: 10 });
  expect(approved).toMatchObject({ ok: true });
  return created.data.wish.id;
}

describe('the whole flow: 群众点单 → 组织建单 → 党员接单 → 服务 → 评价', () => {
  it('goes from post to confirmed with a recorded award and a full history', async () => {
    const id = await approvedWish();
    expect(ok(await call(zhang, 'wish.claim', { wishId: id })).wish).toMatchObject({ status: 'claimed', claimant: { name: '张建国' } });
    expect(ok(await call(zhang, 'wish.listTasks')).items.map((w: any) => w.id)).toEqual([id]);
    expect(ok(await call(zhang, 'wish.checkIn', { wishId: id })).wish.status).toBe('in_service');
    const done = ok(await call(zhang, 'wish.complete', { wishId: id, proof: '已上门换好灯泡，试过能用' })).wish;
    expect(done).toMatchObject({ status: 'done', proof: { text: '已上门换好灯泡，试过能用', photos: [] } });
    const confirmed = ok(await call(wang, 'wish.confirm', { wishId: id, rating: 5, comment: '小张很热心，谢谢！' })).wish;
    expect(confirmed).toMatchObject({ status: 'confirmed', rating: { stars: 5, comment: '小张很热心，谢谢！' } });

    const detail = ok(await call(wang, 'wish.get', { wishId: id })).wish;
    expect(detail.history.map((h: any) => [h.event, h.by])).toEqual([
      ['create', '王秀英'],
      ['approve', '刘芳'],
      ['claim', '张建国'],
      ['checkIn', '张建国'],
      ['complete', '张建国'],
      ['confirm', '王秀英'],
    ]);
    expect(ok(await call(zhang, 'wish.listTasks', { state: 'finished' })).items).toHaveLength(1);
    expect((await env.emu.meter()).flatMap((r) => r.uncovered)).toEqual([]);
  });

  it('shows contacts to the claimant only after claiming, and the member phone to the resident', async () => {
    const id = await approvedWish();
    expect(ok(await call(zhang, 'wish.get', { wishId: id })).wish.resident).toMatchObject({ name: '王**', phone: null, room: null });
    ok(await call(zhang, 'wish.claim', { wishId: id }));
    expect(ok(await call(zhang, 'wish.get', { wishId: id })).wish.resident).toMatchObject({ name: '王秀英', phone: '13800001001', room: '1单元302' });
    expect(ok(await call(wang, 'wish.get', { wishId: id })).wish.claimant).toEqual({ name: '张建国', phone: '13800002001' });
    const seenByOther = ok(await call(chen, 'wish.get', { wishId: id })).wish;
    expect(seenByOther).toMatchObject({ resident: { name: '王**', phone: null }, claimant: { phone: null } });
    expect(seenByOther.history[0]).toMatchObject({ event: 'create', by: '王**' });
    expect(seenByOther.viewer).toEqual({ isResident: false, isClaimant: false, organises: false, relays: false });
    expect(ok(await call(zhang, 'wish.get', { wishId: id })).wish.viewer).toEqual({
      isResident: false,
      isClaimant: true,
      organises: false,
      relays: false,
    });
    expect(ok(await call(liu, 'wish.get', { wishId: id })).wish.viewer).toEqual({
      isResident: false,
      isClaimant: false,
      organises: true,
      relays: false,
    });
  });

  it('a released wish goes back to the wall with the reason in its history', async () => {
    const id = await approvedWish();
    ok(await call(zhang, 'wish.claim', { wishId: id }));
    expect(await call(chen, 'wish.release', { wishId: id, reason: '临时有事' })).toMatchObject({ ok: false, code: 'WISH_NOT_CLAIMANT' });
    expect(ok(await call(zhang, 'wish.release', { wishId: id, reason: '临时出差，去不了' })).wish).toMatchObject({
      status: 'approved',
      claimant: null,
    });
    expect(ok(await call(chen, 'wish.listWall')).items.map((w: any) => w.id)).toEqual([id]);
    const history = ok(await call(liu, 'wish.get', { wishId: id })).wish.history;
    expect(history.at(-1)).toMatchObject({ event: 'release', by: '张建国', note: '临时出差，去不了' });
    ok(await call(chen, 'wish.claim', { wishId: id }));
  });

  it('staff dispatch to a named member of the community, who is notified', async () => {
    const id = await approvedWish();
    const picker = ok(await call(sun, 'user.listMembers'));
    expect(picker.items.map((m: any) => m.name)).toEqual(expect.arrayContaining(['张建国', '陈静']));
    expect(await call(sun, 'wish.dispatch', { wishId: id, memberId: li })).toMatchObject({ ok: false, code: 'MEMBER_NOT_FOUND' });
    expect(await call(sun, 'wish.dispatch', { wishId: id, memberId: 'nobody' })).toMatchObject({ ok: false, code: 'MEMBER_NOT_FOUND' });
    expect(ok(await call(sun, 'wish.dispatch', { wishId: id, memberId: chen })).wish).toMatchObject({
      status: 'claimed',
      claimant: { name: '陈静' },
    });
    ok(await call(chen, 'notify.templates'));
    const outbox = (await env.emu.outbox()) as any[];
    expect(outbox.map((m) => m.touser)).toContain(liu);
    expect(await call(sun, 'wish.dispatch', { wishId: id, memberId: zhang })).toMatchObject({ ok: false, code: 'WISH_ALREADY_CLAIMED' });
  });

  it('the resident may cancel before a claim, not after', async () => {
    const first = ok(await call(wang, 'wish.create', newWish)).wish.id;
    expect(await call(li, 'wish.cancel', { wishId: first })).toMatchObject({ ok: false, code: 'WISH_NOT_OWNER' });
    expect(ok(await call(wang, 'wish.cancel', { wishId: first, reason: '已经自己修好了' })).wish.status).toBe('cancelled');
    const second = await approvedWish();
    ok(await call(zhang, 'wish.claim', { wishId: second }));
    expect(await call(wang, 'wish.cancel', { wishId: second })).toMatchObject({ ok: false, code: 'WISH_ILLEGAL_TRANSITION' });
  });

  it('refuses steps out of order and by the wrong person, changing nothing', async () => {
    const id = await approvedWish();
    expect(await call(zhang, 'wish.checkIn', { wishId: id })).toMatchObject({ ok: false, code: 'WISH_ILLEGAL_TRANSITION' });
    expect(await call(wang, 'wish.confirm', { wishId: id, rating: 5 })).toMatchObject({ ok: false, code: 'WISH_ILLEGAL_TRANSITION' });
    ok(await call(zhang, 'wish.claim', { wishId: id }));
    expect(await call(chen, 'wish.checkIn', { wishId: id })).toMatchObject({ ok: false, code: 'WISH_NOT_CLAIMANT' });
    expect(await call(zhang, 'wish.complete', { wishId: id, proof: '已完成服务' })).toMatchObject({ ok: false, code: 'WISH_ILLEGAL_TRANSITION' });
    expect(await call(wang, 'wish.confirm', { wishId: id, rating: 9 })).toMatchObject({ ok: false, code: 'BAD_INPUT' });
    const wish = ok(await call(wang, 'wish.get', { wishId: id })).wish;
    expect(wish).toMatchObject({ status: 'claimed' });
    expect(wish.history).toHaveLength(3);
  });

  it('a member may not claim their own wish', async () => {
    const created = ok(await call(zhang, 'wish.create', newWish)).wish.id;
    ok(await call(liu, 'wish.approve', { wishId: created, points: 10 }));
    expect(await call(zhang, 'wish.claim', { wishId: created })).toMatchObject({ ok: false, code: 'WISH_OWN_CLAIM' });
  });
});

describe('the claim race', () => {
  it('of 54 simultaneous claims by 6 members exactly one wins; the rest are told WISH_ALREADY_CLAIMED', async () => {
    const id = await approvedWish();
    const replies = await Promise.all(
      Array.from({ length: 54 }, (_, i) => call(members[i % members.length], 'wish.claim', { wishId: id }, `race-${i}-${id.slice(0, 8)}`)),
    );
    const winners = replies.filter((r) => r.ok);
    expect(winners).toHaveLength(1);
    expect(replies.filter((r) => !r.ok).map((r) => r.code)).toEqual(Array(53).fill('WISH_ALREADY_CLAIMED'));
    const wish = ok(await call(liu, 'wish.get', { wishId: id })).wish;
    expect(wish.claimant.name).toBe(winners[0].data.wish.claimant.name);
    expect(wish.history.filter((h: any) => h.event === 'claim')).toHaveLength(1);
  });
});

describe('content security on the rating', () => {
  it('a risky comment is refused and the wish stays unconfirmed; an empty one needs no check', async () => {
    const id = await approvedWish();
    ok(await call(zhang, 'wish.claim', { wishId: id }));
    ok(await call(zhang, 'wish.checkIn', { wishId: id }));
    ok(await call(zhang, 'wish.complete', { wishId: id, proof: '已完成服务' }));
    expect(await call(wang, 'wish.confirm', { wishId: id, rating: 5, comment: '楼里有人组织赌博' })).toMatchObject({
      ok: false,
      code: 'CONTENT_RISKY',
    });
    expect(ok(await call(wang, 'wish.get', { wishId: id })).wish).toMatchObject({ status: 'done', rating: null });
    expect(ok(await call(wang, 'wish.confirm', { wishId: id, rating: 5, comment: '' })).wish).toMatchObject({
      status: 'confirmed',
      rating: { comment: null },
    });
  });
});

describe('retries', () => {
  it('a retried claim, check-in and confirmation each have one effect', async () => {
    const id = await approvedWish();
    const claim = () => call(zhang, 'wish.claim', { wishId: id }, 'claim-once-0001');
    expect(ok(await claim())).toEqual(ok(await claim()));
    ok(await call(zhang, 'wish.checkIn', { wishId: id }, 'checkin-once-01'));
    expect(await call(zhang, 'wish.checkIn', { wishId: id }, 'checkin-once-01')).toMatchObject({ ok: true });
    ok(await call(zhang, 'wish.complete', { wishId: id, proof: '已完成服务' }, 'complete-once-1'));
    const confirm = () => call(wang, 'wish.confirm', { wishId: id, rating: 4 }, 'confirm-once-01');
    expect((await confirm()).ok && (await confirm()).ok).toBe(true);
    expect(ok(await call(wang, 'wish.get', { wishId: id })).wish.history).toHaveLength(6);
  });
});

describe('authorisation: every action × every role', () => {
  const personas = Object.entries(everyone);
  const cases = Object.values(actions)
    .filter((spec) => spec.roles !== 'registered' && spec.roles !== 'public')
    .flatMap((spec) =>
      personas
        .filter(([, roles]) => !roles.some((r) => (spec.roles as readonly string[]).includes(r)))
        .map(([openid]) => [spec.name, openid] as const),
    );

  it.each(cases)('%s is refused to %s (FORBIDDEN_ROLE)', async (action, openid) => {
    expect(await call(openid, action, {})).toMatchObject({ ok: false, code: 'FORBIDDEN_ROLE' });
  });

  it("another grid's worker can neither see nor act on a wish; staff of the community can", async () => {
    const id = await approvedWish();
    expect(ok(await call(zhao, 'wish.listQueue', { kind: 'dispatch' })).items).toEqual([]);
    expect(await call(zhao, 'wish.dispatch', { wishId: id, memberId: chen })).toMatchObject({ ok: false, code: 'FORBIDDEN_SCOPE' });
    expect(ok(await call(sun, 'wish.listQueue', { kind: 'dispatch' })).items.map((w: any) => w.id)).toEqual([id]);
  });
});

describe('deadlines (emulator clock + timer trigger)', () => {
  const day = 24 * 60 * 60 * 1000;

  it('flags a wish unclaimed for 3 days to the staff, once', async () => {
    const id = await approvedWish();
    await env.emu.clock({ advanceMs: 2 * day });
    await env.emu.fireTrigger('wish');
    expect(ok(await call(sun, 'wish.listQueue', { kind: 'dispatch' })).items[0].unclaimedTooLong).toBe(false);
    await env.emu.clock({ advanceMs: 1 * day + 60_000 });
    await env.emu.fireTrigger('wish');
    await env.emu.fireTrigger('wish');
    expect(ok(await call(sun, 'wish.listQueue', { kind: 'dispatch' })).items[0].unclaimedTooLong).toBe(true);
    const toStaff = ((await env.emu.outbox()) as any[]).filter((m) => m.touser === sun);
    expect(toStaff).toHaveLength(1);
    expect(ok(await call(sun, 'wish.get', { wishId: id })).wish.history.at(-1)).toMatchObject({ event: 'flag', by: '系统' });
    expect((await env.emu.meter()).flatMap((r) => r.uncovered)).toEqual([]);
  });

  it('confirms a finished service automatically after 7 days, without a rating', async () => {
    const id = await approvedWish();
    ok(await call(zhang, 'wish.claim', { wishId: id }));
    ok(await call(zhang, 'wish.checkIn', { wishId: id }));
    ok(await call(zhang, 'wish.complete', { wishId: id, proof: '已完成服务' }));
    await env.emu.clock({ advanceMs: 6 * day });
    await env.emu.fireTrigger('wish');
    expect(ok(await call(wang, 'wish.get', { wishId: id })).wish.status).toBe('done');
    await env.emu.clock({ advanceMs: day + 60_000 });
    await env.emu.fireTrigger('wish');
    const wish = ok(await call(wang, 'wish.get', { wishId: id })).wish;
    expect(wish).toMatchObject({ status: 'confirmed', rating: null });
    expect(wish.history.at(-1)).toMatchObject({ event: 'autoConfirm', by: '系统' });
  });
});

describe('notifications respect consent', () => {
  it('a resident is notified of progress only for what they accepted, once per acceptance', async () => {
    const templates = ok(await call(wang, 'notify.templates')).templates;
    expect(ok(await call(wang, 'notify.subscribe', { accepted: [templates.wishProgress, 'not-ours'] }))).toEqual({ granted: 1 });
    const id = await approvedWish();
    ok(await call(zhang, 'wish.claim', { wishId: id }));
    const toWang = ((await env.emu.outbox()) as any[]).filter((m) => m.touser === wang);
    expect(toWang).toHaveLength(1);
    expect(JSON.stringify(toWang[0])).toContain('已发布');
  });
});
