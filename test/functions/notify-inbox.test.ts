import { newWish, ok, useEmulator } from './call';
import { databaseOf } from './ledger-fixture';
import { liu, wang, zhao } from './personas';

// 消息 (issue 14): every notice is also an in-app message for its recipient, consent or not. Messages travel in
// the retry record the call writes anyway and the notify function's `inbox` timer folds them into `messages`.
const env = useEmulator();
const { call } = env;

const fold = () => env.emu.fireTrigger('notify', 'inbox');
const messagesOf = async (openid: string, offset = 0) => ok(await call(openid, 'notify.messages', { offset }));
const unreadOf = async (openid: string) => ok(await call(openid, 'notify.unread')).unread as number;
const sentTo = async (openid: string) => ((await env.emu.outbox()) as any[]).filter((m) => m.touser === openid);

async function plant(openid: string, n: number, at: (i: number) => Date) {
  const db = databaseOf(env.emu);
  for (let i = 0; i < n; i += 1) {
    await db.collection('messages').add({
      data: {
        _id: `planted-${openid}-${i}`,
        recipient: openid,
        title: `消息${i}`,
        body: '内容',
        page: '/pages/me/index',
        createdAt: at(i),
        readAt: null,
      },
    });
  }
}

describe('in-app messages', () => {
  it('a notice without consent still reaches the recipient’s list, after the timer folds it, with the page of the case', async () => {
    const wish = ok(await call(wang, 'wish.create', newWish, 'inbox-0001')).wish;
    ok(await call(liu, 'wish.approve', { wishId: wish.id, points: 10 }, 'inbox-0002'));
    // 王秀英 never consented: no subscribe message is sent to her, the in-app one waits in the retry record.
    expect(await sentTo(wang)).toEqual([]);
    expect((await messagesOf(wang)).items).toEqual([]);

    await fold();
    const mine = await messagesOf(wang);
    expect(mine).toMatchObject({ unread: 1, nextOffset: null });
    expect(mine.items).toEqual([expect.objectContaining({ title: '心愿已发布', page: `/pages/wish-detail/index?id=${wish.id}`, read: false })]);
    expect(mine.items[0].body).toContain('帮忙换灯泡');
    // The grid worker (long-term consent) got both: the subscribe message and the in-app one.
    expect(await sentTo(liu)).toHaveLength(1);
    expect((await messagesOf(liu)).items).toEqual([expect.objectContaining({ title: '新心愿待审核', read: false })]);

    // A second run folds nothing twice.
    await fold();
    expect((await messagesOf(wang)).items).toHaveLength(1);
  });

  it('a transaction without a retry record (no requestId) adds its messages directly', async () => {
    ok(await call(wang, 'wish.create', newWish));
    expect((await messagesOf(liu)).items).toEqual([expect.objectContaining({ title: '新心愿待审核' })]);
  });

  it('marks one or all read, idempotently, and never another’s message', async () => {
    await plant(wang, 3, (i) => new Date(Date.UTC(2026, 10, 1 + i)));
    await plant(liu, 1, () => new Date());
    expect(await unreadOf(wang)).toBe(3);

    expect(ok(await call(wang, 'notify.read', { id: `planted-${wang}-1` }, 'read-0001'))).toEqual({ unread: 2 });
    expect(ok(await call(wang, 'notify.read', { id: `planted-${wang}-1` }, 'read-0002'))).toEqual({ unread: 2 });
    const items = (await messagesOf(wang)).items;
    expect(items.map((m: any) => [m.id, m.read])).toEqual([
      [`planted-${wang}-2`, false],
      [`planted-${wang}-1`, true],
      [`planted-${wang}-0`, false],
    ]);

    // 王秀英 names 刘芳's message: nothing of hers changes, nor does it show in her list.
    expect(ok(await call(wang, 'notify.read', { id: `planted-${liu}-0` }, 'read-0003'))).toEqual({ unread: 2 });
    expect(await unreadOf(liu)).toBe(1);
    expect((await messagesOf(wang)).items.map((m: any) => m.id)).not.toContain(`planted-${liu}-0`);

    expect(ok(await call(wang, 'notify.read', {}, 'read-0004'))).toEqual({ unread: 0 });
    expect(ok(await call(wang, 'notify.read', {}, 'read-0005'))).toEqual({ unread: 0 });
    expect(await unreadOf(liu)).toBe(1);
    expect(await unreadOf(zhao)).toBe(0);
  });

  it('pages newest first; only the first page carries the unread count', async () => {
    await plant(wang, 25, (i) => new Date(Date.UTC(2026, 10, 1, i)));
    const first = await messagesOf(wang);
    expect(first.items).toHaveLength(20);
    expect(first).toMatchObject({ nextOffset: 20, unread: 25 });
    expect(first.items[0].title).toBe('消息24');
    const second = await messagesOf(wang, 20);
    expect(second).toMatchObject({ nextOffset: null, unread: null });
    expect(second.items.map((m: any) => m.title)).toEqual(['消息4', '消息3', '消息2', '消息1', '消息0']);
  });

  it('the timer removes messages older than 180 days', async () => {
    const now = Date.now();
    await plant(wang, 2, (i) => new Date(now - (i === 0 ? 200 : 10) * 24 * 3600_000));
    await fold();
    expect((await messagesOf(wang)).items.map((m: any) => m.id)).toEqual([`planted-${wang}-1`]);
    const runs = (await env.emu.meter(50)).filter((r) => r.function === 'notify');
    expect(runs.some((r) => r.trigger === 'inbox')).toBe(true);
    expect(runs.flatMap((r) => r.uncovered)).toEqual([]);
  });
});
