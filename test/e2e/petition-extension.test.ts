// 延期申请 in a real browser: the grid worker asks for more time on the case page (a day and a reason), the
// community approves it, and the resident sees the new deadline. Needs `npm run build` and chromium.
// Screens: test-results/petition-extension-*.png (the resident's in care mode too).
import type { Page } from 'playwright-core';
import { browserSession, personas, type Session } from './app';
import { shown, withScreenshot } from './browser';
import { petitionDriver } from './petition-app';

jest.setTimeout(120_000);

const { liu, wang } = personas;

const session = browserSession();
let page: Page;
let app: Session['app'];
let petitions: ReturnType<typeof petitionDriver>;
beforeEach(() => {
  ({ page, app } = session);
  petitions = petitionDriver(page, session.emu);
});

const card = () => shown(page).locator('[data-testid="extension-card"]');

test('the grid asks for an extension, the community approves it, and the resident sees the new deadline', async () => {
  const id = await petitions.filed();
  expect(await petitions.invoke('petition.accept', { petitionId: id }, liu)).toMatchObject({ ok: true });

  await withScreenshot(page, 'petition-extension-ask', async () => {
    await app.open('/pages/me/index');
    await app.actAs('刘芳');
    await app.open(`/package-petition/handle/index?id=${id}`);
    await card().locator('.btn', { hasText: '申请延期' }).click();
    const sheet = shown(page).locator('.sheet');
    // The bound is said before anything is chosen; the button waits for a day and a reason.
    await sheet.getByText(/最晚可延至 .*（原期限后 30 天内）/).waitFor();
    expect(await sheet.locator('.btn', { hasText: '请选择日期' }).getAttribute('class')).toContain('is-disabled');
    await sheet.locator('[data-testid="extension-day"]').click();
    await page.locator('.weui-picker__action:visible', { hasText: '确定' }).click();
    await sheet.locator('textarea').fill('需要等待施工队排期，材料周末才到');
    await app.shot('petition-extension-ask-sheet');
    await sheet.locator('.btn', { hasText: '申请延至' }).click();
    await card().locator('.extension__status', { hasText: '待审批' }).waitFor();
    await card().getByText('原因：需要等待施工队排期，材料周末才到').waitFor();
    // Asked once: no second button while it waits.
    expect(await card().locator('.btn', { hasText: '申请延期' }).count()).toBe(0);
  });

  await withScreenshot(page, 'petition-extension-queue', async () => {
    // 延期待批: 孙丽 finds the request on her queue's tab (not only through the notice), the request on its row.
    await app.actAs('孙丽');
    const queue = async () => {
      await app.open('/package-petition/queue/index?level=extend');
      await shown(page).locator('.p-queue__title', { hasText: '延期待批' }).waitFor();
      return shown(page).locator(`.petition-card[data-petition-id="${id}"]`);
    };
    const row = await queue();
    await row.locator('.petition-card__note', { hasText: '刘芳 申请延期至' }).waitFor();
    await row.getByText(/需要等待施工队排期，材料周末才到/).waitFor();
    await app.shot('petition-extension-queue');
    // The same list in 关怀模式 (her choice on 我的), then back as she had it.
    const care = (on: boolean) => session.emu.invoke('user', { action: 'user.setPrefs', payload: { careMode: on } }, personas.sun);
    await care(true);
    await (await queue()).waitFor();
    await shown(page).locator('.page.care').waitFor();
    await app.shot('care-petition-extension-queue');
    await care(false);
    await (await queue()).click();
  });

  await withScreenshot(page, 'petition-extension-approve', async () => {
    await shown(page).getByText('网格申请了延期，请在下方审批。').waitFor();
    await app.shot('petition-extension-decider');
    await card().locator('.btn', { hasText: '同意延期' }).click();
    await shown(page).locator('.sheet textarea').fill('同意，请按期完成');
    await shown(page).locator('.sheet .btn', { hasText: '确认同意' }).click();
    await card().locator('.extension__status', { hasText: '已同意' }).waitFor();
    await shown(page).locator('[data-testid="extended-until"]').waitFor();
  });

  const stored = await session.emu.invoke<any>('petition', { action: 'petition.get', payload: { petitionId: id } }, wang);
  const until = stored.data.petition.extendedUntil;
  expect(stored.data.petition.dueAt).toBe(until);

  await withScreenshot(page, 'petition-extension-resident', async () => {
    await app.actAs('王秀英');
    await app.open(`/pages/petition-detail/index?id=${id}`);
    await shown(page)
      .locator('[data-testid="extended-until"]')
      .getByText(/已批准延期，办理期限延至/)
      .waitFor();
    // Her timeline has the approval, not the staff's request.
    expect(await petitions.events()).toEqual(['extend', 'accept', 'create']);
    // Nothing to ask or decide for her.
    expect(await card().count()).toBe(0);
    await app.shot('petition-extension-resident');
  });
});
