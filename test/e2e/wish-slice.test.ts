// The micro-wish slice in a real browser: the H5 build served by the emulator, running the built cloud
// functions. Needs `npm run build` (dist/h5, dist/cloudfunctions, dist/emulator) and Debian's chromium.
import type { Page } from 'playwright-core';
import type { TestEmulator } from '../helpers/emulator';
import { browserSession, type Session } from './app';
import { shown, withScreenshot } from './browser';

jest.setTimeout(120_000);

const wang = 'demo-resident-wang';
const liu = 'demo-grid-liu';

// A 1×1 PNG: enough for the upload path, tiny on disk.
const photo = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGNgYPj/HwADAgH/eL9GtQAAAABJRU5ErkJggg==', 'base64');

const session = browserSession();
let emu: TestEmulator;
let page: Page;
let open: Session['app']['open'];
let actAs: Session['app']['actAs'];
let fillWishForm: Session['app']['fillWishForm'];
let answerConsent: Session['app']['answerConsent'];
let app: Session['app'];

beforeEach(() => {
  ({ emu, page } = session);
  ({ app } = session);
  ({ open, actAs, fillWishForm, answerConsent } = app);
});

test('a resident posts a wish, the grid worker approves it, a party member sees it on the wall', async () => {
  const title = '陪我去医院复查';
  await open('/pages/wall/index');

  await withScreenshot(page, 'slice-1-resident-posts', async () => {
    await actAs('王秀英');
    await shown(page).getByText('发心愿', { exact: true }).click();
    await fillWishForm(title, '下周二要去市二院复查，腿脚不便，希望有人陪同');
    const chooser = page.waitForEvent('filechooser');
    await shown(page).locator('.photo-picker__add').click();
    await (await chooser).setFiles({ name: 'knee.png', mimeType: 'image/png', buffer: photo });
    await shown(page).locator('.photo-picker__item').waitFor();
    await shown(page).locator('.photo-picker__state').first().waitFor({ state: 'detached' });
    await shown(page).getByText('提交心愿').click();
    await answerConsent('接收进度通知？', false);

    const card = shown(page).locator('.wish-card', { hasText: title });
    await card.waitFor();
    expect(page.url()).toContain('/pages/wish-mine/index');
    expect(await card.locator('.wish-status').textContent()).toBe('待审核');
  });

  await withScreenshot(page, 'slice-2-grid-worker-approves', async () => {
    await actAs('刘芳');
    await open('/pages/me/index');
    await shown(page).getByText('心愿审核').click();
    const card = shown(page).locator('.wish-card', { hasText: title });
    await card.waitFor();
    expect(await card.locator('.queue__contact').textContent()).toContain('13800001001');
    expect(await card.locator('.photo-grid__item').count()).toBe(1);
    await card.locator('.review__points input').fill('12');
    await card.getByText('通过', { exact: true }).click();
    await shown(page).getByText('没有待审核的心愿').waitFor();
  });

  const outbox = await emu.outbox();
  const toGridWorker = outbox.filter((m) => m.touser === liu);
  expect(toGridWorker).toHaveLength(1);
  expect(JSON.stringify(toGridWorker[0])).toContain(title);

  await withScreenshot(page, 'slice-3-member-sees-wall', async () => {
    await actAs('张建国');
    await open('/pages/wall/index');
    const card = shown(page).locator('.wish-card', { hasText: title });
    await card.waitFor();
    expect(await card.locator('.wish-card__who').textContent()).toBe('王** · 2号楼');
    // 助老陪伴 pays by the hour: the wall promises at most the offer, and says how it is counted.
    expect(await card.locator('.points-badge').textContent()).toBe('最多 +12 积分');
  });
});

test('an empty form names every problem at once and asks no consent; fixed, the errors go and it is sent', async () => {
  await open('/pages/wish-new/index');
  await withScreenshot(page, 'bad-input', async () => {
    await actAs('王秀英');
    await shown(page).getByText('提交心愿').click();

    const banner = shown(page).locator('.form-error-banner');
    await banner.waitFor();
    const problems = ['标题至少 2 个字', '请用至少 5 个字说明需要什么帮助', '请选择类别'];
    expect(await banner.locator('.form-error-banner__item').allTextContents()).toEqual(problems.map((p) => `· ${p}`));
    expect(await shown(page).locator('.form-field.has-error .form-field__error').allTextContents()).toEqual(problems);
    // Nothing was sent, so there is nothing to be notified about: no consent question.
    expect(await page.locator('.consent-dialog').count()).toBe(0);
    await app.shot('wish-new-empty-submit');

    const description = '楼道灯坏了，晚上看不清台阶';
    await fillWishForm('换楼道灯', description);
    await banner.waitFor({ state: 'detached' });
    expect(await shown(page).locator('.form-field.has-error').count()).toBe(0);
    expect(await shown(page).locator('.banner-error').count()).toBe(0);
    await app.shot('wish-new-fixed');
    const before = await emu.invoke<{ ok: boolean; data: { items: unknown[] } }>('wish', { action: 'wish.listMine', payload: {} }, wang);
    expect(before).toMatchObject({ ok: true, data: { items: [] } });

    await shown(page).getByText('提交心愿').click();
    await answerConsent('接收进度通知？', false);
    await shown(page).locator('.wish-card', { hasText: '换楼道灯' }).waitFor();
  });
});

test('a 45-character title is kept whole: the counter is over the limit and the error says so', async () => {
  await open('/pages/wish-new/index');
  await withScreenshot(page, 'long-title', async () => {
    await actAs('王秀英');
    const title = '请帮忙'.repeat(15);
    const input = shown(page).locator('.wish-new__input input').first();
    await input.fill(title);
    await input.blur();
    const field = shown(page).locator('.form-field', { has: page.locator('.form-field__label', { hasText: '心愿标题' }) });
    await field.locator('.form-field__count.is-over', { hasText: '45/30' }).waitFor();
    expect(await field.locator('.form-field__error').textContent()).toBe('标题最多 30 个字');
    expect(await input.inputValue()).toBe(title);
    await app.shot('wish-new-long-title');

    await input.fill('请帮忙换楼道灯');
    await field.locator('.form-field__count', { hasText: '7/30' }).waitFor();
    expect(await field.locator('.form-field__count.is-over').count()).toBe(0);
    expect(await field.locator('.form-field__error').count()).toBe(0);
  });
});

test('a submission whose answer was lost is retried with the same requestId and takes effect once', async () => {
  const title = '帮忙换灯泡';
  await open('/pages/wish-new/index');
  await withScreenshot(page, 'lost-answer-retry', async () => {
    await actAs('王秀英');
    await fillWishForm(title, '厨房灯泡坏了，够不着，想请人帮忙换一下');
    // The first wish.create reaches the functions, but its answer never reaches the phone.
    let lost = 0;
    await page.route('**/__emulator/invoke/wish', async (route) => {
      if (lost > 0 || !route.request().postData()?.includes('"wish.create"')) return route.continue();
      lost += 1;
      await route.fetch();
      await route.abort('failed');
    });
    await shown(page).getByText('提交心愿').click();
    await answerConsent('接收进度通知？', true);
    await shown(page).locator('.banner-error', { hasText: '网络不稳定' }).waitFor();
    expect(await shown(page).locator('.wish-new__input input').first().inputValue()).toBe(title);

    await shown(page).getByText('提交心愿').click();
    await shown(page).locator('.wish-card', { hasText: title }).waitFor();
    expect(lost).toBe(1);
  });
  const mine = await emu.invoke<{ data: { items: { title: string }[] } }>('wish', { action: 'wish.listMine', payload: {} }, wang);
  expect(mine.data.items.map((w) => w.title)).toEqual([title]);
  expect((await emu.outbox()).filter((m) => m.touser === liu)).toHaveLength(1);
});
