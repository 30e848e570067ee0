import { newWish, ok, RACING, useEmulator } from './call';
import { li, liu, stranger, sun, wang, zhang, zhao } from './personas';

const env = useEmulator(RACING);
const { call } = env;

async function postWish(payload = newWish, requestId?: string) {
  const reply = await call(wang, 'wish.create', payload, requestId);
  expect(reply).toMatchObject({ ok: true });
  return reply.data.wish;
}

describe('wish slice: post → notify → approve → wall', () => {
  it('a resident posts, the grid worker is notified and approves, a member sees it masked on the wall', async () => {
    const wish = await postWish();
    expect(wish).toMatchObject({ status: 'submitted', points: null, categoryName: '家电维修', gridName: '第一网格' });
    expect(wish.resident).toMatchObject({ name: '王秀英', building: '2号楼', phone: '13800001001', room: '1单元302' });

    const mine = await call(wang, 'wish.listMine');
    expect(mine.data.items.map((w: any) => w.id)).toEqual([wish.id]);

    const outbox = (await env.emu.outbox()) as any[];
    expect(outbox).toHaveLength(1);
    expect(outbox[0]).toMatchObject({ touser: liu });
    expect(JSON.stringify(outbox[0])).toContain('帮忙换灯泡');

    const queue = await call(liu, 'wish.listQueue');
    expect(queue.data.items.map((w: any) => w.id)).toEqual([wish.id]);
    expect(queue.data.items[0].resident.phone).toBe('13800001001');

    expect((await call(zhang, 'wish.listWall')).data.items).toEqual([]);
    const approved = await call(liu, 'wish.approve', { wishId: wish.id, points: 10 });
    expect(approved.data.wish).toMatchObject({ status: 'approved', points: 10 });

    const wall = await call(zhang, 'wish.listWall');
    expect(wall.data.items).toHaveLength(1);
    expect(wall.data.items[0]).toMatchObject({ id: wish.id, points: 10, resident: { name: '王**', building: '2号楼', phone: null, room: null } });
    expect(Object.keys(wall.data.items[0])).not.toContain('residentId');
    expect((await call(liu, 'wish.listQueue')).data.items).toEqual([]);
  });

  it('keeps the whole slice on indexed queries', async () => {
    const wish = await postWish();
    await call(liu, 'wish.approve', { wishId: wish.id, points: 10 });
    await call(zhang, 'wish.listWall', { scope: 'grid' });
    await call(wang, 'wish.listMine');
    const meter = await env.emu.meter();
    expect(meter).toHaveLength(4);
    expect(meter.flatMap((r) => r.uncovered)).toEqual([]);
  });
});

describe('bad input and unknown callers change nothing', () => {
  it('an empty title is BAD_INPUT naming the field, and nothing is written', async () => {
    const reply = await call(wang, 'wish.create', { ...newWish, title: ' ' });
    expect(reply).toMatchObject({ ok: false, code: 'BAD_INPUT' });
    expect(reply.message).toContain('标题至少 2 个字');
    expect(reply.issues).toEqual([{ path: 'title', message: '标题至少 2 个字' }]);
    expect((await call(wang, 'wish.listMine')).data.items).toEqual([]);
    expect(await env.emu.outbox()).toEqual([]);
  });

  it('an unknown category is refused', async () => {
    expect(await call(wang, 'wish.create', { ...newWish, categoryId: 'nope' })).toMatchObject({ ok: false, code: 'CATEGORY_NOT_FOUND' });
  });

  it('identity comes only from the WeChat context, never from the payload', async () => {
    expect(await call(undefined, 'wish.listMine')).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' });
    expect(await call(stranger, 'wish.listMine')).toMatchObject({ ok: false, code: 'NOT_REGISTERED' });
    expect(await call(stranger, 'wish.create', { ...newWish, openid: wang })).toMatchObject({ ok: false, code: 'NOT_REGISTERED' });
    expect(await call(li, 'wish.create', { ...newWish, openid: wang })).toMatchObject({ ok: false, code: 'BAD_INPUT' });
  });

  it('unknown actions and malformed events are refused', async () => {
    expect(await call(wang, 'wish.destroyAll')).toMatchObject({ ok: false, code: 'UNKNOWN_ACTION' });
    expect(await env.emu.invoke('wish', { action: 'user.me' }, wang)).toMatchObject({ ok: false, code: 'UNKNOWN_ACTION' });
    expect(await env.emu.invoke('wish', { payload: {} }, wang)).toMatchObject({ ok: false, code: 'BAD_INPUT' });
  });

  it('a timer job runs only from the cloud trigger (no caller), never from a mini-program call dressed as one', async () => {
    expect(await env.emu.invoke('wish', { Type: 'timer', TriggerName: 'sweep' }, wang)).toMatchObject({ ok: false, code: 'FORBIDDEN_ROLE' });
    expect(await env.emu.invoke('wish', { Type: 'timer', TriggerName: 'sweep' })).not.toHaveProperty('ok', false);
  });
});

describe('authorisation by role and org scope', () => {
  it('only residents post and only organisers approve', async () => {
    expect(await call(liu, 'wish.create', newWish)).toMatchObject({ ok: false, code: 'FORBIDDEN_ROLE' });
    const wish = await postWish();
    expect(await call(wang, 'wish.approve', { wishId: wish.id, points: 10 })).toMatchObject({ ok: false, code: 'FORBIDDEN_ROLE' });
    expect(await call(zhang, 'wish.approve', { wishId: wish.id, points: 10 })).toMatchObject({ ok: false, code: 'FORBIDDEN_ROLE' });
  });

  it('a grid worker acts only in their own grid; staff across the community', async () => {
    const wish = await postWish();
    expect(await call(zhao, 'wish.approve', { wishId: wish.id, points: 10 })).toMatchObject({ ok: false, code: 'FORBIDDEN_SCOPE' });
    expect((await call(zhao, 'wish.listQueue')).data.items).toEqual([]);
    expect((await call(sun, 'wish.listQueue')).data.items).toHaveLength(1);
    expect(await call(sun, 'wish.approve', { wishId: wish.id, points: 10 })).toMatchObject({ ok: true });
  });

  it('unpublished wishes are private; a member of another grid sees nothing of them', async () => {
    const wish = await postWish();
    expect(await call(li, 'wish.get', { wishId: wish.id })).toMatchObject({ ok: false, code: 'WISH_NOT_FOUND' });
    expect(await call(liu, 'wish.get', { wishId: wish.id })).toMatchObject({ ok: true });
  });
});

describe('approval rules', () => {
  it('points must sit within the category bounds, and a wish is approved once', async () => {
    const wish = await postWish();
    const tooMany = await call(liu, 'wish.approve', { wishId: wish.id, points: 50 });
    expect(tooMany).toMatchObject({ ok: false, code: 'WISH_POINTS_OUT_OF_RANGE' });
    expect(tooMany.message).toContain('5–20');
    expect(await call(liu, 'wish.approve', { wishId: wish.id, points: 8 })).toMatchObject({ ok: true });
    expect(await call(sun, 'wish.approve', { wishId: wish.id, points: 9 })).toMatchObject({ ok: false, code: 'WISH_ILLEGAL_TRANSITION' });
    expect(await call(liu, 'wish.reject', { wishId: wish.id, reason: '重复提交' })).toMatchObject({ ok: false, code: 'WISH_ILLEGAL_TRANSITION' });
  });

  it('of many simultaneous reviews exactly one wins', async () => {
    const wish = await postWish();
    const replies = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        i % 2
          ? call(liu, 'wish.approve', { wishId: wish.id, points: 5 + (i % 10) })
          : call(sun, 'wish.reject', { wishId: wish.id, reason: `不符合条件${i}` }),
      ),
    );
    expect(replies.filter((r) => r.ok)).toHaveLength(1);
    expect(replies.filter((r) => !r.ok).every((r) => r.code === 'WISH_ILLEGAL_TRANSITION')).toBe(true);
  });
});

describe('retries', () => {
  it('the same requestId posts once and replays the first reply', async () => {
    const requestId = 'req-retry-0001';
    const [a, b] = [await postWish(newWish, requestId), await postWish(newWish, requestId)];
    expect(b).toEqual(a);
    expect((await call(wang, 'wish.listMine')).data.items).toHaveLength(1);
    expect(await env.emu.outbox()).toHaveLength(1);
  });

  it('a retried step replays its first reply, even after the wish moved on, and a retried refusal stays refused', async () => {
    const wishId = (await postWish()).id;
    ok(await call(liu, 'wish.approve', { wishId, points: 10 }));
    const first = await call(zhang, 'wish.claim', { wishId }, 'req-claim-0001');
    ok(await call(zhang, 'wish.checkIn', { wishId }));
    const again = await call(zhang, 'wish.claim', { wishId }, 'req-claim-0001');
    expect(again).toMatchObject({ ok: true, data: first.data });
    expect(again.data.wish.status).toBe('claimed');

    const refused = await call(zhang, 'wish.checkIn', { wishId }, 'req-checkin-0002');
    expect(refused).toMatchObject({ ok: false, code: 'WISH_ILLEGAL_TRANSITION' });
    ok(await call(zhang, 'wish.complete', { wishId, proof: '已上门换好灯泡，试过能用' }));
    expect(await call(zhang, 'wish.checkIn', { wishId }, 'req-checkin-0002')).toMatchObject({ ok: false, code: 'WISH_ILLEGAL_TRANSITION' });
    const history = ok(await call(wang, 'wish.get', { wishId })).wish.history.map((h: any) => h.event);
    expect(history).toEqual(['create', 'approve', 'claim', 'checkIn', 'complete']);
  });

  it('concurrent twins with one requestId still post once', async () => {
    const replies = await Promise.all(Array.from({ length: 8 }, () => call(wang, 'wish.create', newWish, 'req-twins-0001')));
    expect(replies.every((r) => r.ok || r.code === 'REQUEST_IN_PROGRESS')).toBe(true);
    expect((await call(wang, 'wish.listMine')).data.items).toHaveLength(1);
  });
});

describe('content security', () => {
  it('risky text is refused with a clear message and nothing is written', async () => {
    const reply = await call(wang, 'wish.create', { ...newWish, description: '有人在楼道里组织赌博，想请人来看看' });
    expect(reply).toMatchObject({ ok: false, code: 'CONTENT_RISKY', message: '内容含有违规信息，请修改后再提交' });
    expect((await call(wang, 'wish.listMine')).data.items).toEqual([]);
  });

  it('text that needs review is held for staff moderation', async () => {
    const wish = await postWish({ ...newWish, description: '想请人陪我去上访，路不熟' });
    expect(wish).toMatchObject({ status: 'submitted', heldForReview: true });
    const queued = (await call(liu, 'wish.listQueue')).data.items[0];
    expect(queued.heldForReview).toBe(true);
  });
});
