// Lean pages: what each page asks the cloud when it opens and what each main button costs, counted on the
// emulator's gateway (POST /__emulator/invoke/<fn>). Who the caller is and the category lists are asked at
// most once while the app is open; a page reads its own data once; a button makes exactly one call (its
// reply carries what the page then shows). Needs `npm run build:h5` and chromium.
import type { Page } from 'playwright-core';
import { browserSession, personas, type Session } from './app';
import { shown, withScreenshot } from './browser';
import { petitionDriver } from './petition-app';

jest.setTimeout(240_000);

const session = browserSession();
let page: Page;
let app: Session['app'];
let calls: CallLog;
beforeEach(() => {
  ({ page, app } = session);
  calls = callLog(page);
});

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
    expect(asked).toEqual(expect.arrayContaining(['petition.listMine', 'petition.get', 'shop.listVirtue', 'wish.listWall']));
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
