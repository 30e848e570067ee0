// Lean pages: what each page asks the cloud when it opens and what each main button costs, counted on the
// emulator's gateway (POST /__emulator/invoke/<fn>). Who the caller is and the category lists are asked at
// most once while the app is open; a page reads its own data once; a button makes exactly one call (its
// reply carries what the page then shows). Needs `npm run build:h5` and chromium.
import type { Page } from 'playwright-core';
import { browserSession, personas, type Session } from './app';
import { shown, withScreenshot } from './browser';
import { petitionDriver } from './petition-app';
import { pickPerson, pointsKit, staffForm } from './points-kit';

jest.setTimeout(240_000);

const session = browserSession();
let page: Page;
let app: Session['app'];
let calls: CallLog;
let kit: ReturnType<typeof pointsKit>;
beforeEach(() => {
  ({ page, app } = session);
  calls = callLog(page);
  kit = pointsKit(session.emu);
});

const { wang, sun } = personas;
const zhou = 'demo-merchant-zhou';
// A 1×1 PNG: enough for the upload path.
const photo = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGNgYPj/HwADAgH/eL9GtQAAAABJRU5ErkJggg==', 'base64');

/** The text of the first element `selector` finds on the page on screen, trimmed. */
async function textOf(selector: string): Promise<string> {
  return ((await shown(page).locator(selector).first().textContent()) ?? '').trim();
}

/** Every action the app sends, in order, and how many are still on their way. */
function callLog(p: Page) {
  const actions: string[] = [];
  let pending = 0;
  let lastChange = Date.now();
  const invokes = (url: string) => url.includes('/__emulator/invoke/');
  p.on('request', (req) => {
    if (req.method() !== 'POST' || !invokes(req.url())) return;
    actions.push((JSON.parse(req.postData() ?? '{}') as { action: string }).action);
    pending++;
    lastChange = Date.now();
  });
  const done = (req: { url(): string }) => {
    if (!invokes(req.url())) return;
    pending--;
    lastChange = Date.now();
  };
  p.on('requestfinished', done);
  p.on('requestfailed', done);

  /** Waits until nothing has been asked or answered for a while: the page has what it wanted. */
  async function settled(quietMs = 700) {
    for (;;) {
      await p.waitForTimeout(100);
      if (pending === 0 && Date.now() - lastChange >= quietMs) return;
    }
  }
  return { actions, settled, mark: () => actions.length, since: (mark: number) => actions.slice(mark) };
}
type CallLog = ReturnType<typeof callLog>;

function counts(actions: readonly string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const a of actions) out[a] = (out[a] ?? 0) + 1;
  return out;
}

/** Moves to a route inside the running app (no reload: what the app keeps stays kept) and returns what opening it asked. */
async function visit(route: string): Promise<string[]> {
  await calls.settled();
  const mark = calls.mark();
  await page.evaluate((r) => {
    location.hash = `#${r}`;
  }, route);
  await page.waitForFunction((r) => location.hash.startsWith(`#${r.split('?')[0]}`), route);
  await calls.settled();
  return calls.since(mark);
}

/** What a press of `press` asked, once the page has shown the outcome. */
async function pressing(press: () => Promise<void>): Promise<string[]> {
  await calls.settled();
  const mark = calls.mark();
  await press();
  await calls.settled();
  return calls.since(mark);
}

/** Opens each route in turn and checks that no page asks anything twice; returns everything asked on the walk. */
async function walk(routes: readonly string[]): Promise<string[]> {
  const mark = calls.mark();
  for (const route of routes) {
    const asked = await visit(route);
    const twice = Object.entries(counts(asked)).filter(([, n]) => n > 1);
    expect({ route, twice }).toEqual({ route, twice: [] });
  }
  return calls.since(mark);
}

/**
 * Picks the persona and returns where counting starts: before a persona is chosen (H5 only) the first page's
 * reads go out with no one signed in and are refused, which weapp never does; those are not counted.
 */
async function actAs(name: string): Promise<number> {
  await calls.settled();
  const start = calls.mark();
  await app.actAs(name);
  return start;
}

const sessionReads = ['user.me', 'wish.categories', 'petition.categories'] as const;

test('a resident walks through every main page: who she is and the categories are asked once, each page reads its own data once', async () => {
  const wishId = await app.postedWish('帮忙换个灯泡');
  const petitionId = await petitionDriver(page, session.emu).filed();
  await app.open('/pages/wall/index');
  await withScreenshot(page, 'lean-resident-walk', async () => {
    const start = await actAs('王秀英');
    await shown(page).locator('.wish-card').first().waitFor();
    const asked = await walk([
      '/pages/me/index',
      '/pages/wish-new/index',
      '/pages/wish-mine/index',
      `/pages/wish-detail/index?id=${wishId}`,
      '/pages/points/index',
      '/pages/mall/index',
      '/pages/ranking/index',
      '/pages/petition-new/index',
      '/pages/petition-mine/index',
      `/pages/petition-detail/index?id=${petitionId}`,
      '/pages/points-code/index',
      '/pages/shops/index',
      '/pages/shops/rate?shopId=shop-zhouji',
      '/package-merchant/apply/index',
      '/pages/wall/index',
    ]);
    const all = counts(calls.since(start));
    const asked1 = sessionReads.map((read) => [read, Math.min(all[read] ?? 0, 2)]);
    expect(asked1).toEqual([
      ['user.me', 1],
      ['wish.categories', 1],
      ['petition.categories', 1],
    ]);
    // Each page's own read happened on its open, not only the ones kept for the session.
    expect(asked).toEqual(expect.arrayContaining(['wish.listMine', 'wish.get', 'points.balance', 'mall.listItems', 'points.ranking']));
    expect(asked).toEqual(
      expect.arrayContaining(['petition.listMine', 'petition.get', 'shop.listVirtue', 'wish.listWall', 'shop.get', 'merchant.mine']),
    );
  });
});

test('a member opens his tasks and the wall: who he is is asked once', async () => {
  await app.postedWish('帮忙搬一下柜子');
  await app.open('/pages/wall/index');
  await withScreenshot(page, 'lean-member-walk', async () => {
    const start = await actAs('张建国');
    await shown(page).locator('.wish-card').first().waitFor();
    const asked = await walk(['/pages/tasks/index', '/pages/me/index', '/pages/points/index', '/pages/wall/index']);
    expect(asked).toEqual(expect.arrayContaining(['wish.listTasks']));
    expect(counts(calls.since(start))['user.me']).toBe(1);
  });
});

test('a member claims, checks in and completes, the resident confirms: one call per button', async () => {
  const title = '帮忙修水龙头';
  const wishId = await app.postedWish(title);
  await app.open(`/pages/wish-detail/index?id=${wishId}`);
  await withScreenshot(page, 'lean-wish-buttons', async () => {
    await app.actAs('张建国');
    await app.statusChip().filter({ hasText: '待认领' }).waitFor();

    const claim = await pressing(async () => {
      await app.bar().getByText('认领', { exact: true }).click();
      await app.answerConsent('接收派单通知？', false);
      await app.statusChip().filter({ hasText: '已认领' }).waitFor();
    });
    expect(claim).toEqual(['wish.claim']);

    const checkIn = await pressing(async () => {
      await app.bar().getByText('到场签到').click();
      await app.statusChip().filter({ hasText: '服务中' }).waitFor();
    });
    expect(checkIn).toEqual(['wish.checkIn']);

    await app.bar().getByText('完成服务').click();
    await shown(page).locator('.complete__proof textarea').fill('已上门换好水龙头，试过不漏水');
    const complete = await pressing(async () => {
      await shown(page).getByText('提交完成').click();
      await app.statusChip().filter({ hasText: '待确认' }).waitFor();
    });
    expect(complete).toEqual(['wish.complete']);
    // The page shows the steps the replies told, in the order they were taken.
    const events = await app
      .detail()
      .locator('.timeline__item')
      .evaluateAll((items) => items.map((i) => i.getAttribute('data-event')));
    expect(events.slice(0, 3)).toEqual(['complete', 'checkIn', 'claim']);

    await app.actAs('王秀英');
    await app.open(`/pages/wish-detail/index?id=${wishId}`);
    await app.statusChip().filter({ hasText: '待确认' }).waitFor();
    await app.bar().getByText('确认并评价').click();
    await shown(page).locator('.stars--input [data-stars="5"]').click();
    const confirm = await pressing(async () => {
      await shown(page).getByText('确认完成').click();
      await app.statusChip().filter({ hasText: '已完成' }).waitFor();
    });
    expect(confirm).toEqual(['wish.confirm']);
  });
  const seen = await app.invokeWish('wish.get', { wishId }, personas.wang);
  expect(seen.ok && seen.data.wish.status).toBe('confirmed');
});

test('the grid worker opens her queues and accepts a petition with one call; the queue is listed once', async () => {
  const petitions = petitionDriver(page, session.emu);
  const petitionId = await petitions.filed();
  await app.postedWish('陪老人去医院复诊', { approve: false });
  await app.open('/pages/me/index');
  await withScreenshot(page, 'lean-grid-worker', async () => {
    const start = await actAs('刘芳');
    await shown(page).locator('.me__name').waitFor();
    const asked = await walk(['/package-petition/queue/index', '/package-grid/queue/index', `/package-petition/handle/index?id=${petitionId}`]);
    expect(counts(asked)['petition.listQueue']).toBe(1);
    expect(counts(calls.since(start))['user.me']).toBe(1);

    await petitions.bar().waitFor();
    const accept = await pressing(async () => {
      await petitions.bar().locator('.btn', { hasText: '受理' }).first().click();
      await petitions.status().filter({ hasText: '办理中' }).waitFor();
    });
    expect(accept).toEqual(['petition.accept']);
  });
  const seen = await petitions.invoke('petition.get', { petitionId }, personas.liu);
  expect(seen.ok && seen.data.petition.status).toBe('accepted');
});

test('staff and a merchant open their pages: month close reads one ranking, the shop its history once', async () => {
  await app.open('/pages/me/index');
  await withScreenshot(page, 'lean-staff-merchant', async () => {
    const start = await actAs('孙丽');
    await shown(page).locator('.me__name').waitFor();
    const staff = await walk([
      '/package-staff/hub/index',
      '/package-staff/close/index',
      '/package-staff/orders/index',
      '/package-staff/awards/index',
      '/package-staff/merchants/index',
      '/package-staff/reconcile/index',
      '/package-staff/party/index',
      '/package-staff/virtue/index',
      '/package-staff/inspect/index',
      '/package-staff/adjust/index',
      '/package-staff/fee/index',
    ]);
    expect(counts(staff)['points.ranking']).toBe(1);
    expect(counts(calls.since(start))['user.me']).toBe(1);

    await app.actAs('周海');
    const mark = calls.mark();
    const merchant = await walk(['/package-merchant/shop/index', '/package-merchant/history/index', '/package-merchant/scan/index']);
    expect(counts(merchant)['shop.history']).toBe(1);
    expect(counts(calls.since(mark))['user.me'] ?? 0).toBeLessThanOrEqual(1);
  });
});

test('a resident orders in the 积分超市 and cancels in 我的兑换: one call per button; shelf and wallet follow the reply', async () => {
  await kit.act(sun, 'points.award', { openid: wang, asset: 'virtue', amount: 50, reason: '参加社区活动' });
  await app.open('/pages/mall/index');
  await withScreenshot(page, 'lean-mall', async () => {
    await app.actAs('王秀英');
    const tissue = shown(page).locator('.mall-item[data-item-id="mall-tissue"]');
    const wallet = () => textOf('.mall__wallet-item[data-asset="virtue"] .mall__wallet-amount');
    await tissue.locator('.mall-item__stock', { hasText: '库存 40' }).waitFor();
    await shown(page).locator('.mall__wallet-item[data-asset="virtue"] .mall__wallet-amount', { hasText: /^50$/ }).waitFor();

    await tissue.getByText('兑换', { exact: true }).click();
    await shown(page).locator('.stepper__button', { hasText: '+' }).click();
    const order = await pressing(async () => {
      await shown(page).getByText('用 30 积分兑换').click();
      await shown(page).locator('.sheet__title', { hasText: '兑换成功' }).waitFor();
    });
    expect(order).toEqual(['mall.order']);
    // Behind the sheet the shelf and the wallet already show what the order took.
    expect(await tissue.locator('.mall-item__stock').textContent()).toBe('库存 38');
    expect(await wallet()).toBe('20');
    await app.shot('lean-mall-ordered');
    await shown(page).locator('.sheet__close').click();
    await app.shot('lean-mall-after-order');
    expect(await kit.balanceOf(wang, 'virtue')).toBe(20);

    // 查看我的兑换 opens 我的积分 on its orders (a page of its own, read on its open).
    await app.open('/pages/points/index?tab=orders');
    const card = shown(page).locator('.order-card', { hasText: '抽纸一提' });
    await card.waitFor();
    await shown(page).locator('.balance.is-virtue .balance__amount', { hasText: /^20$/ }).waitFor();
    await card.getByText('取消兑换').click();
    await shown(page).locator('.reason-sheet textarea').fill('买错了，不需要了');
    const cancel = await pressing(async () => {
      await shown(page).getByText('确认取消').click();
      await card.locator('.order-status[data-status="cancelled"]').waitFor();
    });
    expect(cancel).toEqual(['mall.cancel']);
    expect(await textOf('.balance.is-virtue .balance__amount')).toBe('50');
    await app.shot('lean-points-cancelled');
    // The refund is a posting: the history reads it when its tab is opened again, once.
    const history = await pressing(async () => {
      await shown(page).locator('.tabs__tab', { hasText: '积分明细' }).click();
      await shown(page).locator('.posting', { hasText: '取消兑换' }).waitFor();
    });
    expect(history).toEqual(['points.history']);
  });
  expect(await kit.balanceOf(wang, 'virtue')).toBe(50);
});

test('staff approve and suspend a shop, cancel and hand over orders, confirm an award, grant virtue and party points: one call each', async () => {
  await kit.act(sun, 'points.award', { openid: wang, asset: 'virtue', amount: 60, reason: '参加社区活动' });
  await kit.act(wang, 'mall.order', { itemId: 'mall-tissue', qty: 1 });
  await kit.act(wang, 'mall.order', { itemId: 'mall-detergent', qty: 1 });
  // 助老陪伴 for 4 hours with 5 stars comes to 32 points, above what posts without a look.
  await kit.confirmedWish('陪老人去医院复查', { categoryId: 'elderly', hours: 4, rating: 5, points: 30 });
  await app.open('/package-staff/merchants/index');
  await withScreenshot(page, 'lean-staff-buttons', async () => {
    await app.actAs('孙丽');
    const item = shown(page).locator('.application-item', { hasText: '唐记水果店' });
    await item.waitFor();
    const approve = await pressing(async () => {
      await item.getByText('通过').click();
      await item.waitFor({ state: 'detached' });
    });
    expect(approve).toEqual(['merchant.review']);
    await shown(page).getByText('没有待审核的申请').waitFor();
    await app.shot('lean-staff-merchant-approved');

    // 已通过 is another list, read when its tab opens; the new shop's standing comes from the review's reply.
    await shown(page).locator('.tabs__tab', { hasText: '已通过' }).click();
    const approved = shown(page).locator('.application-item', { hasText: '唐记水果店' });
    await approved.getByText('暂停店铺').waitFor();
    expect(await approved.getByText('恢复').count()).toBe(0);
    await app.shot('lean-staff-merchant-approved-tab');
    await approved.getByText('暂停店铺').click();
    await shown(page).locator('.reason-sheet textarea').fill('检查发现占道经营');
    const suspend = await pressing(async () => {
      await shown(page).getByText('确认暂停').click();
      await approved.getByText('已暂停 · 恢复营业').waitFor();
    });
    expect(suspend).toEqual(['merchant.suspend']);
    expect(await approved.getByText('暂停店铺').count()).toBe(0);

    await visit('/package-staff/orders/index');
    const order = shown(page).locator('.order-card', { hasText: '抽纸一提' });
    await order.getByText('取消兑换').click();
    await shown(page).locator('.reason-sheet textarea').fill('居民来电说不需要了');
    const cancel = await pressing(async () => {
      await shown(page).getByText('确认取消').click();
      await order.waitFor({ state: 'detached' });
    });
    expect(cancel).toEqual(['mall.cancel']);
    const other = shown(page).locator('.order-card', { hasText: '洗衣液' });
    const fulfil = await pressing(async () => {
      await other.getByText('确认领取').click();
      await other.waitFor({ state: 'detached' });
    });
    expect(fulfil).toEqual(['mall.fulfil']);

    await visit('/package-staff/awards/index');
    const award = shown(page).locator('.award-item', { hasText: '陪老人去医院复查' });
    await award.locator('.award-item__amount input').fill('25');
    const decide = await pressing(async () => {
      await award.getByText('确认发放 25 分').click();
      await shown(page).getByText('没有待确认的积分').waitFor();
    });
    expect(decide).toEqual(['points.approveAward']);

    await visit('/package-staff/virtue/index');
    await pickPerson(page, '秀', '王秀英');
    await shown(page).locator('.choice-chips__chip', { hasText: '参加社区活动' }).click();
    const grant = await pressing(async () => {
      await shown(page).getByText('确认记 3 分').click();
      await shown(page).locator('.staff-done__title', { hasText: '已为王秀英记美德信用积分 3 分' }).waitFor();
    });
    expect(grant).toEqual(['points.grantVirtue']);

    await visit('/package-staff/party/index');
    await pickPerson(page, '张', '张建国');
    await shown(page).locator('.choice-chips__chip', { hasText: '加分·志愿服务' }).click();
    const form = staffForm(page);
    await form.field('分值').locator('input').fill('8');
    await form.field('原因').locator('input').fill('参加社区义诊志愿服务');
    await form.field('佐证情况').locator('textarea').fill('义诊签到表第 3 页');
    const entry = await pressing(async () => {
      await shown(page).getByText('确认录入').click();
      await form.done().locator('.staff-done__title', { hasText: '已为张建国录入 +8 分' }).waitFor();
    });
    expect(entry).toEqual(['points.partyEntry']);
  });
});

test('the merchant reads a code, charges and refunds it, a resident rates a shop, another applies to become one: one call each', async () => {
  await kit.act(sun, 'points.award', { openid: wang, asset: 'virtue', amount: 50, reason: '参加社区活动' });
  const { token } = await kit.act<{ token: string }>(wang, 'points.issueCode');
  await app.open('/package-merchant/scan/index');
  await withScreenshot(page, 'lean-merchant-buttons', async () => {
    await app.actAs('周海');
    // H5 has no camera scanner: the code's text is pasted, then read, then charged.
    await shown(page).locator('.scan__paste textarea').fill(token);
    const read = await pressing(async () => {
      await shown(page).getByText('读取积分码').click();
      await shown(page).locator('.resident-card').waitFor();
    });
    expect(read).toEqual(['merchant.scan']);
    await shown(page).locator('.scan__points input').fill('12');
    await shown(page).locator('.scan__note input').fill('酱油一瓶');
    const charge = await pressing(async () => {
      await shown(page).getByText('核销 12 分').click();
      await shown(page).locator('.merchant-result__title').waitFor();
    });
    expect(charge).toEqual(['merchant.charge']);

    await visit('/package-merchant/history/index');
    const row = shown(page).locator('.charge', { hasText: '酱油一瓶' });
    await row.waitFor();
    expect(await textOf('.today__value')).toBe('1');
    await row.getByText('退款').click();
    await shown(page).locator('.reason-sheet textarea').fill('商品退货');
    const refund = await pressing(async () => {
      await shown(page).getByText('确认退款').click();
      await row.locator('.charge__status', { hasText: '已退还' }).waitFor();
    });
    expect(refund).toEqual(['merchant.refund']);
    // Today's totals lose the refunded charge as the day's tally did.
    expect(await shown(page).locator('.today__value').allTextContents()).toEqual(['0', '0', '0']);
    expect(await row.getByText('退款').count()).toBe(0);
    await app.shot('lean-merchant-refunded');
  });
  const books = await kit.act<{ today: { count: number; points: number } }>(zhou, 'merchant.history', { scope: 'today' });
  expect(books.today).toMatchObject({ count: 0, points: 0 });
  expect(await kit.balanceOf(wang, 'virtue')).toBe(50);

  await app.open('/pages/shops/rate?shopId=shop-zhouji');
  await withScreenshot(page, 'lean-shop-rate', async () => {
    await app.actAs('王秀英');
    await shown(page).locator('.rate-shop .stars--input .stars__star[data-stars="5"]').click();
    await shown(page).locator('.rate-shop__comment textarea').fill('东西齐全，老板热心');
    const rate = await pressing(async () => {
      await shown(page).getByText('提交评价').click();
      await shown(page).locator('.rating', { hasText: '东西齐全，老板热心' }).waitFor();
    });
    expect(rate).toEqual(['shop.rate']);
    await shown(page).locator('.rate-shop__done').waitFor();
    expect(await shown(page).locator('.rate-shop__form').count()).toBe(0);
    await app.shot('lean-shop-rated');
  });

  await app.open('/package-merchant/apply/index');
  await withScreenshot(page, 'lean-merchant-apply', async () => {
    await app.actAs('李明');
    await shown(page).locator('.apply__shopName input').fill('李记修鞋铺');
    await shown(page).locator('.apply__address input').fill('梧桐社区3号楼底商2号');
    await shown(page).locator('.choice-chips__chip', { hasText: '便利店' }).click();
    const chooser = page.waitForEvent('filechooser');
    await shown(page).locator('.photo-picker__add').click();
    await (await chooser).setFiles({ name: 'licence.png', mimeType: 'image/png', buffer: photo });
    await shown(page).locator('.photo-picker__item').waitFor();
    await shown(page).locator('.photo-picker__state').first().waitFor({ state: 'detached' });
    await shown(page).locator('.apply__contact input').fill('13800009009');
    const apply = await pressing(async () => {
      await shown(page).getByText('提交申请').click();
      await shown(page).locator('.application', { hasText: '审核中' }).waitFor();
    });
    expect(apply).toEqual(['merchant.apply']);
    expect(await shown(page).getByText('提交申请').count()).toBe(0);
    await app.shot('lean-merchant-applied');
  });
});

test('a resident confirms a merchant’s held charge with one call: the points had already left, only the hold goes', async () => {
  await kit.act(sun, 'points.award', { openid: wang, asset: 'virtue', amount: 100, reason: '参加社区活动' });
  const { token } = await kit.act<{ token: string }>(wang, 'points.issueCode');
  const { charge } = await kit.act<{ charge: { status: string } }>(zhou, 'merchant.charge', { token, points: 80, note: '米面油' });
  expect(charge.status).toBe('awaiting');
  await app.open('/pages/points/index');
  await withScreenshot(page, 'lean-hold-confirm', async () => {
    await app.actAs('王秀英');
    const hold = shown(page).locator('.hold', { hasText: '周记便利店' });
    await hold.waitFor();
    await shown(page).locator('.balance.is-virtue .balance__amount', { hasText: /^20$/ }).waitFor();
    const confirm = await pressing(async () => {
      await hold.getByText('确认扣 80 分').click();
      await hold.waitFor({ state: 'detached' });
    });
    expect(confirm).toEqual(['points.confirmHold']);
    expect(await textOf('.balance.is-virtue .balance__amount')).toBe('20');
  });
  expect(await kit.balanceOf(wang, 'virtue')).toBe(20);
});

test('a resident rejects a merchant’s held charge with one call: the reply brings the balance and the returning posting', async () => {
  await kit.act(sun, 'points.award', { openid: wang, asset: 'virtue', amount: 100, reason: '参加社区活动' });
  const { token } = await kit.act<{ token: string }>(wang, 'points.issueCode');
  const { charge } = await kit.act<{ charge: { status: string } }>(zhou, 'merchant.charge', { token, points: 80, note: '米面油' });
  expect(charge.status).toBe('awaiting');
  await app.open('/pages/points/index');
  await withScreenshot(page, 'lean-hold-reject', async () => {
    await app.actAs('王秀英');
    const hold = shown(page).locator('.hold', { hasText: '周记便利店' });
    await hold.waitFor();
    await shown(page).locator('.balance.is-virtue .balance__amount', { hasText: /^20$/ }).waitFor();
    await shown(page).locator('.posting', { hasText: '消费（待确认）' }).waitFor();
    const reject = await pressing(async () => {
      await hold.getByText('拒绝').click();
      await hold.waitFor({ state: 'detached' });
      await shown(page).locator('.posting', { hasText: '扣分退回（你已拒绝）' }).waitFor();
    });
    expect(reject).toEqual(['points.rejectHold']);
    expect(await textOf('.balance.is-virtue .balance__amount')).toBe('100');
    expect(await textOf('.posting__reason')).toBe('「周记便利店」扣分退回（你已拒绝）');
    await app.shot('lean-hold-rejected');
  });
  expect(await kit.balanceOf(wang, 'virtue')).toBe(100);
});

test('a hold kept on the balance, confirmed with one call: the payment it posts joins the history from the reply', async () => {
  await kit.act(sun, 'points.award', { openid: wang, asset: 'virtue', amount: 100, reason: '参加社区活动' });
  // A first small charge moves the shop's desk onto its balance: every hold after it is kept on the resident's balance.
  const first = await kit.act<{ token: string }>(wang, 'points.issueCode');
  await kit.act(zhou, 'merchant.charge', { token: first.token, points: 1, note: '' });
  const { token } = await kit.act<{ token: string }>(wang, 'points.issueCode');
  await kit.act(zhou, 'merchant.charge', { token, points: 80, note: '米面油' });
  await app.open('/pages/points/index');
  await withScreenshot(page, 'lean-hold-confirm-balance', async () => {
    await app.actAs('王秀英');
    const hold = shown(page).locator('.hold', { hasText: '周记便利店' });
    await hold.waitFor();
    const confirm = await pressing(async () => {
      await hold.getByText('确认扣 80 分').click();
      await hold.waitFor({ state: 'detached' });
      await shown(page).locator('.posting', { hasText: '「周记便利店」消费：米面油' }).waitFor();
    });
    expect(confirm).toEqual(['points.confirmHold']);
    expect(await textOf('.balance.is-virtue .balance__amount')).toBe('19');
    await app.shot('lean-hold-confirmed-balance');
  });
});

test('a hold kept on the balance, rejected with one call: the balance comes back, and no posting was ever made', async () => {
  await kit.act(sun, 'points.award', { openid: wang, asset: 'virtue', amount: 100, reason: '参加社区活动' });
  // A first small charge moves the shop's desk onto its balance: every hold after it is kept on the resident's balance.
  const first = await kit.act<{ token: string }>(wang, 'points.issueCode');
  await kit.act(zhou, 'merchant.charge', { token: first.token, points: 1, note: '' });
  const { token } = await kit.act<{ token: string }>(wang, 'points.issueCode');
  const { charge } = await kit.act<{ charge: { status: string } }>(zhou, 'merchant.charge', { token, points: 80, note: '米面油' });
  expect(charge.status).toBe('awaiting');
  await app.open('/pages/points/index');
  await withScreenshot(page, 'lean-hold-reject-balance', async () => {
    await app.actAs('王秀英');
    const hold = shown(page).locator('.hold', { hasText: '周记便利店' });
    await hold.waitFor();
    await shown(page).locator('.balance.is-virtue .balance__amount', { hasText: /^19$/ }).waitFor();
    const reject = await pressing(async () => {
      await hold.getByText('拒绝').click();
      await hold.waitFor({ state: 'detached' });
      await shown(page).locator('.balance.is-virtue .balance__amount', { hasText: /^99$/ }).waitFor();
    });
    expect(reject).toEqual(['points.rejectHold']);
    expect(await shown(page).locator('.posting', { hasText: '待确认' }).count()).toBe(0);
    await app.shot('lean-hold-rejected-balance');
  });
  expect(await kit.balanceOf(wang, 'virtue')).toBe(99);
});

test('岗位认领: a member claims a seeded post, checks in and out, a resident rates the shift: one call per button', async () => {
  await session.emu.clock({ set: '2026-12-07T09:00:00+08:00' }); // a Monday morning: a duty day of the post
  const card = () => shown(page).locator('.post-card', { hasText: '第一网格助老陪伴岗' });
  await app.open('/package-posts/list/index');
  await withScreenshot(page, 'lean-posts', async () => {
    const start = await actAs('张建国');
    await card().waitFor();
    await app.shot('lean-posts-1-open');
    expect(counts(calls.since(start))['post.list']).toBe(1);

    const claim = await pressing(async () => {
      await card().locator('.btn', { hasText: '认领' }).click();
      await card().waitFor({ state: 'detached' });
    });
    expect(claim).toEqual(['post.claim']);

    const opened = await pressing(async () => {
      await shown(page).locator('.tabs__tab', { hasText: '我的岗位' }).click();
      await card().waitFor();
    });
    expect(opened).toEqual(['post.list']);
    const checkIn = await pressing(async () => {
      await card().locator('.btn', { hasText: '签到' }).click();
      await card().getByText('值班中').first().waitFor();
    });
    expect(checkIn).toEqual(['post.checkIn']);
    await app.shot('lean-posts-2-on-duty');

    await session.emu.clock({ advanceMs: 60 * 60 * 1000 });
    const checkOut = await pressing(async () => {
      await card().locator('.btn', { hasText: '签退' }).click();
      await card().locator('.btn', { hasText: '签到' }).waitFor();
    });
    expect(checkOut).toEqual(['post.checkOut']);
    expect(await card().getByText('值班中').count()).toBe(0);

    await app.actAs('王秀英');
    await app.open('/package-posts/list/index');
    await card().waitFor();
    const shifts = await pressing(async () => {
      await card().locator('.btn', { hasText: '值班记录' }).click();
      await shown(page).locator('.btn', { hasText: '评价服务' }).waitFor();
    });
    expect(shifts).toEqual(['post.shifts']);
    await shown(page).locator('.btn', { hasText: '评价服务' }).click();
    await page.locator('.stars__star[data-stars="5"]:visible').click();
    await page.locator('.reason-sheet__input textarea:visible').fill('陪我聊了一上午，谢谢');
    const rate = await pressing(async () => {
      await page.locator('.btn:visible', { hasText: '提交评价' }).click();
      await shown(page).getByText('已评价，谢谢').waitFor();
    });
    expect(rate).toEqual(['post.rate']);
    await shown(page).getByText('服务评价 5 分（1 人）').waitFor();
    await app.shot('lean-posts-3-rated');
  });
  const history = await kit.act<{ items: { reason: string; amount: number }[] }>(personas.zhang, 'points.history', { limit: 50 });
  expect(history.items.filter((p) => p.reason.startsWith('岗位值班')).map((p) => p.amount)).toEqual([10]);
});
