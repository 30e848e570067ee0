// 民主评议 (issue 16): 孙丽 opens the half-year's round; 张建国 rates himself and a peer, 王秀英 rates him as the member
// who served her; 孙丽 closes it; the settle timer posts his result, which he finds in 评议结果 and in his 积分.
// Screens at 375x812, normal and 关怀模式. Needs dist/h5 and chromium.
import { browserSession } from './app';
import { shown } from './browser';

jest.setTimeout(180_000);

const session = browserSession();
const [sun, zhang, chen, huang, wang, liu] = [
  'demo-staff-sun',
  'demo-member-zhang',
  'demo-member-chen',
  'demo-member-huang',
  'demo-resident-wang',
  'demo-grid-liu',
];
let serial = 0;

async function act(fn: string, openid: string, action: string, payload: object): Promise<any> {
  const reply: any = await session.emu.invoke(fn, { action, payload, requestId: `e2e-review-${++serial}` }, openid);
  if (!reply.ok) throw new Error(`${action} failed: ${reply.message}`);
  return reply.data;
}

/** 王秀英's wish, carried out by 张建国 and confirmed by her: he served her. */
async function servedWang() {
  const { wish } = await act('wish', wang, 'wish.create', {
    title: '帮忙换灯泡',
    description: '厨房灯泡坏了，够不着，想请人帮忙换一下',
    categoryId: 'repair',
  });
  await act('wish', liu, 'wish.approve', { wishId: wish.id, points: 10 });
  await act('wish', zhang, 'wish.claim', { wishId: wish.id });
  await act('wish', zhang, 'wish.checkIn', { wishId: wish.id });
  await act('wish', zhang, 'wish.complete', { wishId: wish.id, proof: '已上门换好灯泡，试过能用' });
  await act('wish', wang, 'wish.confirm', { wishId: wish.id, rating: 5 });
}

/** The actions the page sent to the functions, in order (the emulator's gateway). */
const sent: string[] = [];

/**
 * Picks a grade on a person's card and submits it (a double tap when `double`); the card then says what was given,
 * and the tap made exactly one call.
 */
async function rateOn(name: string, grade: string, double = false) {
  const card = shown(session.page).locator('.review-target', { hasText: name });
  await card.locator('.choice-chips__chip', { hasText: new RegExp(`^${grade}$`) }).click();
  const mark = sent.length;
  const button = card.locator('.btn', { hasText: /^提交/ });
  await (double ? button.dblclick() : button.click());
  await card.locator('.review-target__done', { hasText: `已评：${grade}` }).waitFor();
  expect(sent.slice(mark)).toEqual(['review.submit']);
}

async function careMode(on: boolean) {
  const { app, page } = session;
  await app.open('/pages/me/index');
  const toggle = shown(page).locator('.care-switch');
  await toggle.waitFor();
  // The person's choice arrives with 我的's first read: tap only once it is known, and only to change it.
  await page.waitForLoadState('networkidle');
  if ((await toggle.getAttribute('aria-checked')) !== String(on)) await toggle.click();
  await shown(page)
    .locator(on ? '.page.care' : '.page:not(.care) .care-switch')
    .waitFor();
  await page.waitForLoadState('networkidle');
}

test('an evaluation round: opened, rated by members and a resident served, closed, and the party-points entry in 积分', async () => {
  const { page, app, emu } = session;
  await page.setViewportSize({ width: 375, height: 812 });
  sent.length = 0;
  page.on('request', (req) => {
    if (req.method() === 'POST' && req.url().includes('/__emulator/invoke/'))
      sent.push((JSON.parse(req.postData() ?? '{}') as { action: string }).action);
  });
  await servedWang();

  // Before any round: the member's page says what will happen.
  await app.open('/package-review/rate/index');
  await app.actAs('张建国');
  await shown(page).locator('.state-view__title', { hasText: '本社区现在没有进行中的民主评议' }).waitFor();
  await app.shot('review-rate-empty');

  // 孙丽 opens the round: its members appear with no progress yet.
  await app.open('/package-review/manage/index');
  await app.actAs('孙丽');
  let mark = sent.length;
  await shown(page).locator('.btn', { hasText: '开启本半年民主评议' }).click();
  await shown(page).locator('.review-member', { hasText: '张建国' }).waitFor();
  // The reply is the view: the round and its members, read no more.
  expect(sent.slice(mark)).toEqual(['review.open']);
  expect(await shown(page).locator('.review-round__line').first().textContent()).toContain('评议中');
  await app.shot('review-manage-open');

  // 张建国: 自评 first, then a peer.
  await app.open('/package-review/rate/index');
  await app.actAs('张建国');
  await shown(page).locator('.review-target').first().waitFor();
  expect(await shown(page).locator('.review-target').first().textContent()).toContain('张建国（我）');
  await rateOn('张建国（我）', '优秀');
  await rateOn('陈静', '合格');
  await app.shot('review-rate-member');
  await careMode(true);
  await app.open('/package-review/rate/index');
  await shown(page).locator('.page.care .review-target').first().waitFor();
  await app.shot('review-rate-member-care');
  await careMode(false);

  // Two peers rate him too (through the function, as their phones would).
  const { round } = await act('review', sun, 'review.results', {});
  await act('review', chen, 'review.submit', { roundId: round.id, memberId: zhang, kind: 'peer', grade: 'excellent' });
  await act('review', huang, 'review.submit', { roundId: round.id, memberId: zhang, kind: 'peer', grade: 'excellent' });

  // 王秀英 sees only the member who served her.
  await app.open('/package-review/rate/index');
  await app.actAs('王秀英');
  await shown(page).locator('.review-target', { hasText: '群评' }).waitFor();
  expect(await shown(page).locator('.review-target').count()).toBe(1);
  expect(await shown(page).locator('.review-target .tag').textContent()).toBe('群评');
  await app.shot('review-rate-resident');
  await rateOn('张建国', '优秀', true);
  await careMode(true);
  await app.open('/package-review/rate/index');
  await shown(page).locator('.page.care .review-target__done').waitFor();
  await app.shot('review-rate-resident-care');
  await careMode(false);

  // 孙丽 sees the progress and closes the round.
  await app.open('/package-review/manage/index');
  await app.actAs('孙丽');
  const row = shown(page).locator('.review-member', { hasText: '张建国' });
  await row.locator('.review-member__line', { hasText: '互评 2 人 · 群评 1 人' }).waitFor();
  await app.shot('review-manage-progress');
  await shown(page).locator('.btn', { hasText: '结束评议并计分' }).click();
  mark = sent.length;
  await shown(page).locator('.btn', { hasText: '确认结束' }).click();
  await shown(page).locator('.review-intro', { hasText: '结果正在逐一计入党员积分' }).waitFor();
  expect(sent.slice(mark)).toEqual(['review.close']);
  await app.shot('review-manage-closed');

  // The timer posts each result; the list is published.
  await emu.fireTrigger('review', 'settle');
  await app.open('/package-review/results/index');
  await app.actAs('张建国');
  const mine = shown(page).locator('.review-member', { hasText: '张建国（我）' });
  await mine.locator('.review-member__points', { hasText: '优秀 +10' }).waitFor();
  expect(await mine.textContent()).toContain('加权得分 100 分');
  await app.shot('review-results');
  await careMode(true);
  await app.open('/package-review/results/index');
  await shown(page).locator('.page.care .review-member__points').first().waitFor();
  await app.shot('review-results-care');
  await careMode(false);

  // His 积分: the party-points entry, with the round as its reason.
  await app.open('/pages/points/index');
  await shown(page)
    .getByText(/半年民主评议：优秀（100 分）/)
    .first()
    .waitFor();
  await app.shot('review-points-entry');
});
