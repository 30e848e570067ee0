// 三张清单 (issue 16) in a real browser: 孙丽 enters a need and turns it into a project matched with 张建国's skills;
// 王秀英, the contact of 区实验小学 (a 共建单位), claims it and reports it through to 100 %; 李明, a neighbour, rates
// it; the unit's year shows the rating. Screens at 375x812, normal and 关怀模式. Needs dist/h5 and chromium.
import type { Page } from 'playwright-core';
import { browserSession } from './app';
import { shown, withScreenshot } from './browser';
import { staffForm } from './points-kit';

jest.setTimeout(240_000);

const session = browserSession();
const wang = 'demo-resident-wang';
const sun = 'demo-staff-sun';
const zhang = 'demo-member-zhang';
let serial = 0;

async function act(openid: string, action: string, payload: object): Promise<any> {
  const fn = action.startsWith('unit.') ? 'report' : 'project';
  const reply: any = await session.emu.invoke(fn, { action, payload, requestId: `e2e-projects-${++serial}` }, openid);
  if (!reply.ok) throw new Error(`${action} failed: ${reply.message}`);
  return reply.data;
}

const tab = (page: Page, label: string) => shown(page).locator('.tabs__tab', { hasText: label }).click();
const button = (page: Page, text: string) => shown(page).locator('.btn', { hasText: text });

test('a need becomes a project, a unit claims it and reports it done, a neighbour rates it', async () => {
  const { page, app } = session;
  await page.setViewportSize({ width: 375, height: 812 });
  // 区实验小学 reported by 王秀英 (its contact) and approved; 张建国 offers his skills.
  const unitForm = { name: '区实验小学', partyOrg: '区实验小学党支部', contactName: '王秀英', contactPhone: '13800001001', resources: ['venue'] };
  const { unit } = await act(wang, 'unit.report', unitForm);
  await act(sun, 'unit.review', { unitId: unit.id, approve: true });
  await act(zhang, 'project.addResource', { provider: 'member', kind: 'skills', title: '水电维修', availability: '周末上午' });

  await withScreenshot(page, 'projects-1-need', async () => {
    await app.open('/package-projects/lists/index');
    await app.actAs('孙丽');
    // Opened again once she is chosen: the long persona list left the page scrolled.
    await app.open('/package-projects/lists/index');
    await shown(page).locator('.project-card').or(shown(page).getByText('还没有项目')).first().waitFor();
    await app.shot('projects-0-empty');
    await tab(page, '需求清单');
    await shown(page).getByText('社区录入的需求').waitFor();
    await button(page, '录入需求').click();
    const form = staffForm(page);
    await form.field('需求').locator('input').fill('楼道灯不亮');
    await form.field('说明').locator('textarea').fill('2号楼楼道灯坏了，老人夜里上下楼看不清');
    await form.field('范围').getByText('第一网格').click();
    await app.shot('projects-1-need-form');
    await button(page, '录入需求').click();
    await tab(page, '需求清单');
    await shown(page).locator('.project-card', { hasText: '楼道灯不亮' }).waitFor();
    await app.shot('projects-2-needs');
  });

  await withScreenshot(page, 'projects-3-create', async () => {
    await tab(page, '项目清单');
    await button(page, '立项并匹配资源').click();
    const form = staffForm(page);
    await form.field('项目名称').locator('input').fill('2号楼楼道照明改造');
    await form.field('项目内容').locator('textarea').fill('更换 2号楼全部楼道灯为声控灯，两周内完成');
    await form.field('对应的需求').getByText('楼道灯不亮').click();
    await form.field('匹配资源').getByText('水电维修').click();
    await app.shot('projects-3-project-form');
    await button(page, '立项，等待共建单位认领').click();
    await shown(page).locator('.project-card', { hasText: '2号楼楼道照明改造' }).waitFor();
    await app.shot('projects-4-list');
    await tab(page, '资源清单');
    await shown(page).locator('.project-card', { hasText: '水电维修' }).waitFor();
    await app.shot('projects-5-resources');
  });

  const { items } = await act(sun, 'list.projects', {});
  const projectId: string = items[0].id;
  const project = `/package-projects/project/index?projectId=${projectId}`;

  await withScreenshot(page, 'projects-6-claim', async () => {
    await app.open(project);
    await app.actAs('王秀英');
    await button(page, '以「区实验小学」认领').click();
    const modal = page.locator('.taro-modal__content', { hasText: '2号楼楼道照明改造' });
    await modal.waitFor();
    await modal.locator('.taro-model__confirm').click();
    await shown(page).getByText('报告进展').first().waitFor();
    await app.shot('projects-6-claimed');
    const form = staffForm(page);
    await form.field('进度').getByText('50%').click();
    await form.field('做了什么').locator('textarea').fill('已采购声控灯 20 个，本周六安装');
    await button(page, '提交进展').click();
    await shown(page).getByText('已采购声控灯 20 个').first().waitFor();
    await form.field('进度').getByText('完成 100%').click();
    await form.field('做了什么').locator('textarea').fill('全部换好，试过能用');
    await button(page, '提交进展').click();
    await shown(page).getByText('还没有评价').first().waitFor();
    await app.shot('projects-7-done');
  });

  await withScreenshot(page, 'projects-8-rate', async () => {
    await app.open(project);
    await app.actAs('李明');
    await shown(page).locator('.project-rate').waitFor();
    await shown(page).locator('.project-rate .stars__star[data-stars="5"]').click();
    await shown(page).locator('.project-rate textarea').fill('晚上回家亮堂了');
    await app.shot('projects-8-rate');
    await button(page, '提交评价').click();
    await shown(page).getByText('居民 5 分（1 人）').first().waitFor();
    await shown(page).getByText('谢谢你的评价！').waitFor();
    await app.shot('projects-9-rated');
  });
  // The unit's year, beside its annual evaluation.
  const ofUnit = await act(sun, 'list.projects', { unitId: unit.id });
  expect(ofUnit.unitYear).toMatchObject({ projectsDone: 1, rating: { residents: { average: 5, count: 1 } } });

  // 孙丽 scores the unit's year with its projects' ratings beside the form (报到审核 → 共建单位 → 已通过 → 年度考评).
  await withScreenshot(page, 'projects-10-evaluate', async () => {
    await app.open('/package-report/review/index');
    await app.actAs('孙丽');
    await app.open('/package-report/review/index');
    await tab(page, '共建单位');
    await tab(page, '已通过');
    await shown(page).locator('.report-item', { hasText: '区实验小学' }).locator('.btn', { hasText: '年度考评' }).click();
    await page.locator('.unit-projects:visible', { hasText: '今年完成共建项目 1 个；评价：居民 5 分（1 人）' }).waitFor();
    await app.shot('projects-10-evaluate');
  });

  await withScreenshot(page, 'projects-10-care', async () => {
    await app.open('/pages/me/index');
    await shown(page).locator('.care-switch').click();
    await shown(page).locator('.page.care').waitFor();
    await app.open('/package-projects/lists/index');
    await shown(page).locator('.page.care .project-card').first().waitFor();
    await app.shot('projects-10-list-care');
    await app.open(project);
    await shown(page).locator('.page.care .projects-section').first().waitFor();
    await app.shot('projects-11-project-care');
  });
});
