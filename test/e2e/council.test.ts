// 三方议事 (issue 16): 孙丽 raises a topic, schedules the meeting and publishes the minutes with a household vote and a
// follow-up task for the 物业代表; 王秀英 votes for her home and sees the live result; 白志刚 finds the task in 我的议事任务
// and marks it done. Screens at 375x812, normal and 关怀模式. Needs dist/h5 and chromium.
import type { Page } from 'playwright-core';
import { insertDocs } from '../functions/post-helpers';
import { browserSession } from './app';
import { shown } from './browser';

jest.setTimeout(180_000);

const session = browserSession();
const sun = 'demo-staff-sun';
const ye = 'e2e-council-ye'; // 叶文华, 业委会委员 of 梧桐苑
const bai = 'e2e-council-bai'; // 白志刚, 物业代表
let serial = 0;

async function act(openid: string, action: string, payload: object): Promise<any> {
  const reply: any = await session.emu.invoke('council', { action, payload, requestId: `e2e-council-${++serial}` }, openid);
  if (!reply.ok) throw new Error(`${action} failed: ${reply.message}`);
  return reply.data;
}

const person = (id: string, name: string, roles: string[], home: Record<string, unknown> = {}) => ({
  _id: id,
  name,
  phone: '13900008888',
  roles,
  streetId: 'street-qingshi',
  communityId: 'community-wutong',
  gridId: null,
  buildingId: null,
  room: null,
  birthYear: 1972,
  ...home,
});

/** The council's seats and two neighbouring homes that vote too (not demo personas: chosen straight into storage). */
async function seatCouncil() {
  await insertDocs(session.emu, 'users', [
    person(ye, '叶文华', ['resident', 'owners_committee'], { councilEstate: '梧桐苑', gridId: 'grid-1', buildingId: 'building-1', room: '2单元201' }),
    person(bai, '白志刚', ['property_rep']),
    person('e2e-home-a', '赵阿姨', ['resident'], { gridId: 'grid-1', buildingId: 'building-3', room: '1单元101' }),
    person('e2e-home-b', '钱大爷', ['resident'], { gridId: 'grid-1', buildingId: 'building-3', room: '1单元102' }),
  ]);
}

/** Acts as someone who is not a seeded persona: the H5 demo keeps the chosen persona in storage. */
async function actAsStored(page: Page, openid: string, name: string, roles: string[]) {
  await page.evaluate(
    ([o, n, r]) => window.localStorage.setItem('linli.demoPersona', JSON.stringify({ openid: o, name: n, roles: r, orgUnits: [], note: '' })),
    [openid, name, roles] as const,
  );
}

/** 关怀模式 as 王秀英 chose it (at 80 it is on unless she turns it off): set through her prefs, as her 我的 switch does. */
async function setCareMode(openid: string, on: boolean) {
  const reply: any = await session.emu.invoke(
    'user',
    { action: 'user.setPrefs', payload: { careMode: on }, requestId: `e2e-care-${++serial}` },
    openid,
  );
  if (!reply.ok) throw new Error(`user.setPrefs failed: ${reply.message}`);
}

test('a topic → meeting → minutes → household vote → follow-up task done', async () => {
  const { page, app } = session;
  await page.setViewportSize({ width: 375, height: 812 });
  await seatCouncil();
  await setCareMode('demo-resident-wang', false);

  // 孙丽 raises the topic for the community.
  await app.open('/package-council/raise/index');
  await app.actAs('孙丽');
  const form = shown(page).locator('.council-form');
  await form.locator('.staff-input input').first().fill('小区停车位重新划线');
  await form.locator('textarea').fill('地面停车位划线不清，夜里乱停堵住消防通道，请三方商量重新规划');
  await app.shot('council-raise');
  await form.locator('.btn', { hasText: '提出议题' }).click();
  const topicPage = shown(page).locator('.council-topic');
  await topicPage.locator('.council-section__title', { hasText: '小区停车位重新划线' }).waitFor();
  await topicPage.locator('.tag', { hasText: '待安排会议' }).waitFor();

  // She schedules the meeting…
  await topicPage.locator('.btn', { hasText: '安排会议' }).click();
  const schedule = shown(page).locator('.council-form');
  await schedule.locator('textarea').fill('停车位划线方案\n收费标准');
  await app.shot('council-schedule');
  await schedule.locator('.btn', { hasText: '确认安排' }).click();
  await shown(page).locator('.council-topic .tag', { hasText: '已安排会议' }).waitFor();

  // …and after it, publishes the minutes: attendees, the decision, a household vote and a task for the 物业.
  await shown(page).locator('.council-topic .btn', { hasText: '发布纪要和决定' }).click();
  const minutes = shown(page).locator('.council-form');
  for (const name of ['孙丽', '叶文华', '白志刚']) await minutes.locator('.choice-chips__chip', { hasText: name }).first().click();
  await minutes.locator('textarea').first().fill('三方听取了居民意见，物业提出了两套划线方案，业委会同意提交居民表决。');
  await minutes.locator('.staff-input input').first().fill('采用方案一，重新划线 60 个车位');
  await minutes.locator('.choice-chips--vote [data-value="yes"]').click();
  await minutes.locator('.staff-input input').nth(1).fill('是否同意方案一');
  await minutes.locator('.btn', { hasText: '添加一项任务' }).click();
  const task = minutes.locator('[data-task-draft="0"]');
  await task.locator('.staff-input input').fill('重新划线并设置标识');
  await task.locator('.choice-chips__chip', { hasText: '白志刚' }).click();
  await app.shot('council-minutes');
  await minutes.locator('.btn', { hasText: '发布纪要和决定' }).last().click();
  await shown(page).locator('.council-topic .tag', { hasText: '居民表决中' }).waitFor();
  const topicId = (await act(sun, 'council.list', {})).items[0].id;

  // Two neighbouring homes vote; 王秀英 votes for hers in the app and sees the live result.
  await act('e2e-home-a', 'council.vote', { topicId, choice: 'agree' });
  await act('e2e-home-b', 'council.vote', { topicId, choice: 'disagree' });
  await app.open(`/package-council/topic/index?id=${topicId}`);
  await app.actAs('王秀英');
  const vote = shown(page).locator('[data-vote="open"]');
  await vote.locator('.council-vote__bar', { hasText: '1 户' }).first().waitFor();
  await vote.locator('.btn', { hasText: '同意' }).click();
  await page.locator('.taro-modal__content', { hasText: '每户只有一票' }).waitFor();
  await page.locator('.taro-model__confirm').click();
  await vote.locator('.council-section__line', { hasText: '你家已投「同意」（你投的）' }).waitFor();
  await vote.locator('.council-vote__bar', { hasText: '2 户' }).waitFor();
  await app.shot('council-vote');
  const tally = (await act(sun, 'council.get', { topicId })).topic.vote;
  expect(tally).toMatchObject({ agree: 2, disagree: 1, abstain: 0, open: true });

  // 关怀模式: the same topic and the list, larger.
  await setCareMode('demo-resident-wang', true);
  // 我的 reads her profile, and with it the mode every page then opens in.
  await app.open('/pages/me/index');
  await shown(page).locator('.page.care').first().waitFor();
  await app.open(`/package-council/topic/index?id=${topicId}`);
  await shown(page).locator('.page.care [data-vote="open"]').waitFor();
  await app.shot('council-vote-care');
  await app.open('/package-council/list/index');
  await shown(page).locator('.page.care .council-card').first().waitFor();
  await app.shot('council-list-care');

  // 白志刚 finds his task in 我的议事任务 and marks it done.
  await actAsStored(page, bai, '白志刚', ['property_rep']);
  await app.open('/package-council/list/index');
  await shown(page).locator('.tabs__tab', { hasText: '我的议事任务' }).click();
  const mine = shown(page).locator('.council-card', { hasText: '小区停车位重新划线' });
  await mine.locator('.council-task', { hasText: '重新划线并设置标识' }).waitFor();
  await app.shot('council-tasks');
  await mine.click();
  await shown(page).locator('.council-task .btn', { hasText: '标记完成' }).click();
  await shown(page).locator('.sheet textarea').fill('60 个车位已重新划线，并设置了标识牌');
  await shown(page).locator('.sheet__footer .btn', { hasText: '确认完成' }).click();
  await shown(page).locator('.council-task .tag', { hasText: '已完成' }).waitFor();
  await app.shot('council-task-done');
  const done = (await act(bai, 'council.get', { topicId })).topic.tasks[0];
  expect(done).toMatchObject({ status: 'done', note: '60 个车位已重新划线，并设置了标识牌', ownerName: '白志刚' });
});

test('community staff appoint a 业委会委员 from 议事成员', async () => {
  const { page, app } = session;
  await page.setViewportSize({ width: 375, height: 812 });
  await app.open('/package-council/list/index');
  await app.actAs('孙丽');
  await shown(page).locator('.btn', { hasText: '议事成员' }).click();
  const form = shown(page).locator('.council-form');
  await form.locator('[data-member="孙丽"]').waitFor();
  await form.locator('.staff-input input').first().fill('李');
  await form.locator('.choice-chips--person .choice-chips__chip', { hasText: '李明' }).click();
  await form.locator('.choice-chips--seat [data-value="owners_committee"]').click();
  await form.locator('.form-field', { hasText: '小区（可不填）' }).locator('input').fill('梧桐苑');
  await form.locator('.form-field', { hasText: '任免原因' }).locator('input').fill('业委会换届选举产生');
  await app.shot('council-members');
  await form.locator('.btn', { hasText: '确认任命李明为业委会委员' }).click();
  await form.locator('[data-member="李明"]', { hasText: '业委会 · 梧桐苑' }).waitFor();
  await app.shot('council-members-appointed');
  const seated: any = await session.emu.invoke('council', { action: 'council.members', payload: {} }, sun);
  expect(seated.data.members).toEqual(
    expect.arrayContaining([{ id: 'demo-resident-li', name: '李明', parties: ['owners_committee'], estate: '梧桐苑' }]),
  );
});
