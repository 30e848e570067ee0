// The wish detail page's other steps, each by the person who may take it: the resident withdraws, the
// claimant gives a wish back, the grid worker rejects from the detail page; and a link to a wish that is
// not there. Needs `npm run build` and chromium.
import type { Page } from 'playwright-core';
import { browserSession, personas, type Session } from './app';
import { shown, withScreenshot } from './browser';

jest.setTimeout(120_000);

const { wang, zhang, liu } = personas;
const session = browserSession();
let page: Page;
let app: Session['app'];
beforeEach(() => ({ page, app } = session));

test('the resident withdraws a wish before anyone claims it; it leaves the review queue', async () => {
  const id = await app.postedWish('想找人陪我下棋', { approve: false });
  await app.open(`/pages/wish-detail/index?id=${id}`);
  await withScreenshot(page, 'detail-withdraw', async () => {
    await app.actAs('王秀英');
    await app.bar().getByText('撤回心愿').click();
    await shown(page).locator('.reason-sheet textarea').fill('已经约到老朋友了');
    await shown(page).getByText('确认撤回').click();
    await app.statusChip().filter({ hasText: '已取消' }).waitFor();
    expect(await app.bar().count()).toBe(0);
    expect(await app.detail().locator('.timeline__item.is-latest').textContent()).toContain('已经约到老朋友了');
  });
  const queue = await session.emu.invoke<{ data: { items: unknown[] } }>('wish', { action: 'wish.listQueue', payload: {} }, liu);
  expect(queue.data.items).toEqual([]);
});

test('the claimant gives a wish back with a reason; it is open to claim again and the reason is on record', async () => {
  const id = await app.postedWish('周末帮忙带一下孩子');
  expect(await app.invokeWish('wish.claim', { wishId: id }, zhang)).toMatchObject({ ok: true });
  await app.open(`/pages/wish-detail/index?id=${id}`);
  await withScreenshot(page, 'detail-release', async () => {
    await app.actAs('张建国');
    await app.bar().getByText('放弃认领').click();
    const confirm = shown(page).locator('.sheet .btn', { hasText: '确认放弃' });
    // A reason is required: the button stays off until one is written.
    expect(await confirm.getAttribute('class')).toContain('is-disabled');
    await shown(page).locator('.reason-sheet textarea').fill('单位临时加班，去不了');
    await confirm.click();
    await app.statusChip().filter({ hasText: '待认领' }).waitFor();
    await app.bar().getByText('认领', { exact: true }).waitFor();
    await app.shot('detail-released');
  });
  const wish = await app.invokeWish('wish.get', { wishId: id }, wang);
  expect(wish).toMatchObject({ ok: true, data: { wish: { status: 'approved', claimant: null } } });
  expect(wish.ok && wish.data.wish.history.at(-1)).toMatchObject({ event: 'release', by: '张建国', note: '单位临时加班，去不了' });
});

test('the grid worker rejects a new wish from its detail page, with the reason the resident will read', async () => {
  const id = await app.postedWish('帮我把车停到小区里', { approve: false });
  await app.open(`/pages/wish-detail/index?id=${id}`);
  await withScreenshot(page, 'detail-reject', async () => {
    await app.actAs('刘芳');
    const review = app.detail().locator('.detail-review');
    await review.getByText('驳回', { exact: true }).click();
    await review.locator('textarea').fill('小区停车请联系物业，不属于微心愿');
    await review.getByText('确认驳回').click();
    await app.statusChip().filter({ hasText: '未通过' }).waitFor();
    expect(await app.detail().locator('.detail-status').textContent()).toContain('小区停车请联系物业');
    expect(await app.detail().locator('.detail-review').count()).toBe(0);
  });
  expect(await app.invokeWish('wish.get', { wishId: id }, wang)).toMatchObject({ ok: true, data: { wish: { status: 'rejected' } } });
});

test('a link to a wish that does not exist says so and leads back to the wall', async () => {
  await app.open('/pages/wish-detail/index?id=no-such-wish');
  await withScreenshot(page, 'detail-missing', async () => {
    await app.actAs('张建国');
    await shown(page).getByText('没有找到这个心愿').waitFor();
    await app.shot('detail-missing');
    await shown(page).getByText('去心愿墙看看').click();
    await page.waitForURL(/pages\/wall\/index/);
  });
});
