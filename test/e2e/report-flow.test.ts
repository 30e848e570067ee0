// 双报到 in a real browser: 王秀英 reports as a party member from 我的 (one call for the press), 孙丽 approves
// her on 报到审核, then approves a unit and gives it its yearly evaluation. Needs `npm run build:h5` and chromium.
// Screens go to test-results/report-*.png.
import type { Page } from 'playwright-core';
import { browserSession, type Session } from './app';
import { shown } from './browser';

jest.setTimeout(180_000);

const session = browserSession();
let page: Page;
let app: Session['app'];
beforeEach(async () => {
  ({ page, app } = session);
  await page.setViewportSize({ width: 375, height: 812 });
});

const field = (label: string) => shown(page).locator('.form-field', { has: page.locator('.form-field__label', { hasText: label }) });
const fill = (label: string, value: string) => field(label).locator('input').fill(value);

function actionsSent(): string[] {
  const sent: string[] = [];
  page.on('request', (req) => {
    if (req.method() === 'POST' && req.url().includes('/__emulator/invoke/'))
      sent.push((JSON.parse(req.postData() ?? '{}') as { action: string }).action);
  });
  return sent;
}

test('a resident reports as a party member; staff approve; a unit is approved and evaluated', async () => {
  await app.open('/pages/me/index');
  await app.actAs('王秀英');
  await shown(page).locator('.cell', { hasText: '党员报到' }).first().click();
  await shown(page).locator('.report-intro').waitFor();
  await app.shot('report-member-form');

  await shown(page).locator('.choice-chips__chip', { hasText: '离退休党员' }).click();
  await fill('单位党组织', '青石机械厂退休党支部');
  await fill('技能特长', '修水电、理发');
  await fill('空闲时间', '工作日上午');
  const sent = actionsSent();
  await shown(page).locator('.btn', { hasText: '提交报到' }).click();
  await shown(page).locator('.report-card__status', { hasText: '审核中' }).waitFor();
  expect(sent).toEqual(['member.report']);
  await app.shot('report-member-pending');

  // 共建单位报到 from 我的, with two resources picked.
  await app.open('/pages/me/index');
  await shown(page).locator('.cell', { hasText: '共建单位报到' }).first().click();
  await fill('单位名称', '区实验小学');
  await fill('单位党组织', '区实验小学党支部');
  await fill('联系人', '周老师');
  await fill('联系电话', '13900001234');
  await shown(page).locator('.choice-chips__chip', { hasText: '场地' }).click();
  await shown(page).locator('.choice-chips__chip', { hasText: '志愿者' }).click();
  await app.shot('report-unit-form');
  const sentForUnit = actionsSent();
  await shown(page).locator('.btn', { hasText: '提交报到' }).click();
  await shown(page).locator('.report-card__status', { hasText: '审核中' }).waitFor();
  expect(sentForUnit).toEqual(['unit.report']);
  await app.shot('report-unit-sent');

  await app.actAs('孙丽');
  await app.open('/package-report/review/index');
  const item = shown(page).locator('.report-item', { hasText: '青石机械厂退休党支部' });
  await item.waitFor();
  await app.shot('report-review-members');
  await item.locator('.btn', { hasText: '通过' }).click();
  await item.waitFor({ state: 'detached' });

  await shown(page).locator('.tabs__tab', { hasText: '共建单位' }).click();
  const unitItem = shown(page).locator('.report-item', { hasText: '区实验小学' });
  await unitItem.waitFor();
  await app.shot('report-review-units');
  await unitItem.locator('.btn', { hasText: '通过' }).click();
  await unitItem.waitFor({ state: 'detached' });
  await shown(page).locator('.tabs__tab', { hasText: '已通过' }).click();
  await shown(page).locator('.report-item', { hasText: '区实验小学' }).locator('.btn', { hasText: '年度考评' }).click();
  await fill('得分', '92');
  await fill('评语', '场地开放及时，志愿者积极');
  await app.shot('report-evaluate-sheet');
  await page.locator('.btn', { hasText: '提交考评' }).click();
  await shown(page).locator('.report-item__eval', { hasText: '92 分' }).waitFor();
  // Once a year: the button gives way to a note, so nobody is refused after pressing it.
  await shown(page).locator('.report-item__time', { hasText: '已考评' }).waitFor();
  expect(await shown(page).locator('.btn', { hasText: '年度考评' }).count()).toBe(0);
  await app.shot('report-review-evaluated');
});
