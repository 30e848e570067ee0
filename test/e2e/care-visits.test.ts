// 红黄蓝 走访 (issue 16): 刘芳's 今日走访 lists 郑大爷 (连心户, overdue) and 王秀英 (a 助老 wish asks for a visit). At
// 王秀英's (registered, not on the roster) she files a case for her from the visit (代办, her preselected, placed at her
// home) and logs the visit; finding 郑大爷 needs help, she files a wish for him (红色代办, him preselected) and reports
// his hospital stay on his card (大病回访). 王秀英 opens her own card from 我的; 孙丽 sees coverage and the dashboard's
// count. Screens at 375x812, normal and 关怀模式. Needs dist/h5 and chromium.
import { databaseOf } from '../functions/ledger-fixture';
import { browserSession } from './app';
import { shown } from './browser';
import { petitionDriver } from './petition-app';

jest.setTimeout(120_000);

const session = browserSession();
const key = 'community-wutong|building-2|3|501|郑大爷';
const liu = 'demo-grid-liu';
const wang = 'demo-resident-wang';
let serial = 0;

async function act(fn: string, openid: string, action: string, payload: object): Promise<any> {
  const reply: any = await session.emu.invoke(fn, { action, payload, requestId: `e2e-care-${++serial}` }, openid);
  if (!reply.ok) throw new Error(`${action} failed: ${reply.message}`);
  return reply.data;
}

async function zhengOnRoster() {
  const db = databaseOf(session.emu);
  await db
    .collection('roster_heads')
    .doc('community-wutong')
    .set({ data: { communityId: 'community-wutong', streetId: 'street-qingshi', activeImport: 'import-e2e', rows: 1, gridRows: { 'grid-1': 1 } } });
  const place = { communityId: 'community-wutong', gridId: 'grid-1', buildingId: 'building-2', buildingName: '2号楼', unit: '3', room: '501' };
  await db.collection('roster_entries').add({
    data: { _id: 'import-e2e-zheng', key, importId: 'import-e2e', page: 0, ...place, name: '郑大爷', phone: '13700005678', tags: ['独居老人'] },
  });
  await db
    .collection('roster_entries')
    .doc('import-e2e-zheng')
    .update({ data: { sortKey: '2号楼|3|501|郑大爷', userId: null } });
}

test('a visit round: log a visit, then turn a problem found into a wish filed for the resident', async () => {
  const { page, app, emu } = session;
  await page.setViewportSize({ width: 375, height: 812 });
  await zhengOnRoster();
  await act('roster', liu, 'care.setTier', { rosterKey: key, tier: 'red', reason: '独居，腿脚不便，子女在外地' });
  await emu.clock({ advanceMs: 8 * 24 * 3600_000 });
  await act('wish', wang, 'wish.create', { title: '陪我去医院复查', description: '下周二上午去区医院复查，想请人陪同', categoryId: 'elderly' });

  await app.open('/package-grid/visits/index');
  await app.actAs('刘芳');
  const items = shown(page).locator('.visit-item');
  await items.nth(1).waitFor();
  await shown(page).locator('.visit-item', { hasText: '逾期 1 天' }).waitFor();
  await app.shot('care-visits');

  // 发现问题 at 王秀英's → 代办诉求: she has an account but no roster entry; the form opens filing for her, at her home.
  const hers = shown(page).locator('.visit-item', { hasText: '王秀英' });
  await hers.locator('.btn', { hasText: '代办诉求' }).click();
  const petitionForm = shown(page).locator('.petition-new');
  await petitionForm.locator('.proxy-fields__picked', { hasText: '王秀英' }).waitFor();
  await petitionForm.locator('.petition-new__at-home', { hasText: '王秀英家' }).waitFor();
  await petitionForm.locator('.choice-chips--category [data-value="accessibility"]').click();
  await petitionForm.locator('.petition-new__textarea textarea').fill('走访发现：2号楼1单元楼道扶手松了，老人上下楼不安全');
  await app.shot('care-visits-proxy-petition');
  await petitionDriver(page, emu).submitButton().click();
  await app.answerConsent('接收诉求进度通知？', false);
  await petitionDriver(page, emu).currentRung().waitFor();
  const [filed] = (await databaseOf(emu).collection('petitions').where({ reporterId: wang, filedByName: '刘芳' }).get()).data;
  expect(filed).toMatchObject({ reporterName: '王秀英', buildingId: 'building-2', gridId: 'grid-1' });

  await app.open('/package-grid/visits/index');
  await hers.locator('.btn', { hasText: '记录走访' }).click();
  await shown(page).locator('.sheet textarea').fill('老人精神不错，复查已安排志愿者陪同');
  await app.shot('care-visits-log');
  await shown(page).locator('.sheet__footer .btn', { hasText: '保存走访记录' }).click();
  await shown(page).locator('.visits__done', { hasText: '已记录 王秀英家的走访' }).waitFor();
  await hers.waitFor({ state: 'detached' });
  const card = (await act('roster', wang, 'care.household', {})).household;
  expect(card).toMatchObject({ visits: 1, names: ['王秀英'] });

  // 关怀模式 for the same round.
  await app.open('/pages/me/index');
  await shown(page).locator('.care-switch').click();
  await shown(page).locator('.page.care').waitFor();
  await app.open('/package-grid/visits/index');
  await shown(page).locator('.page.care .visit-item').first().waitFor();
  await app.shot('care-visits-care-mode');
  await app.open('/pages/me/index');
  await shown(page).locator('.care-switch').click();
  await shown(page).locator('.page:not(.care) .care-switch').waitFor();

  // 发现问题 → 代办心愿: the wish form opens filing for 郑大爷.
  await app.open('/package-grid/visits/index');
  const his = shown(page).locator('.visit-item', { hasText: '郑大爷' });
  await his.locator('.btn', { hasText: '代办心愿' }).click();
  const form = shown(page).locator('.wish-new');
  await form.locator('.proxy-fields__picked', { hasText: '郑大爷' }).waitFor();
  await app.fillWishForm('代买降压药', '郑大爷的降压药快吃完了，腿脚不便，想请人帮忙到社区医院代买');
  await app.shot('care-visits-proxy-wish');
  await shown(page).getByText('提交心愿').click();
  await app.answerConsent('接收进度通知？', false);
  await shown(page).locator('.wish-card', { hasText: '代买降压药' }).waitFor();
  const [wish] = (await databaseOf(emu).collection('wishes').where({ rosterKey: key }).get()).data;
  expect(wish).toMatchObject({ residentName: '郑大爷', filedByName: '刘芳', residentId: `roster:${key}` });

  // The card of his home (from the roster or the round), and the community's coverage for 孙丽.
  await app.open(`/package-grid/household/index?rosterKey=${encodeURIComponent(key)}`);
  await shown(page).locator('.household__tier', { hasText: '连心户' }).waitFor();
  await app.shot('care-household');
  // 大病回访: he went into hospital; the visit falls due 3 days after the report and joins the round.
  await shown(page).locator('.btn', { hasText: '报告住院（大病回访）' }).click();
  await shown(page).locator('.household__hospital input.weui-input').fill('肺炎住院');
  await app.shot('care-household-hospital');
  await shown(page).locator('.btn', { hasText: '保存，加入今日走访' }).click();
  await shown(page).locator('.household__done', { hasText: '已记录住院' }).waitFor();
  await app.shot('care-household-hospital-done');
  const round = await act('roster', liu, 'care.dueVisits', {});
  const zheng = round.items.find((i: { names: string[] }) => i.names.includes('郑大爷'));
  expect(zheng.reasons.map((r: { kind: string }) => r.kind)).toEqual(expect.arrayContaining(['rhythm', 'hospital']));

  // 王秀英's own card, from 我的 → 我家的走访: her visit, in words for the household — in 关怀模式, hers by default
  // (she is 80).
  await app.open('/pages/wall/index');
  await app.actAs('王秀英');
  await app.open('/pages/me/index');
  await shown(page).getByText('我家的走访', { exact: true }).click();
  await shown(page).locator('.page.care .household__names', { hasText: '我家' }).waitFor();
  await shown(page).locator('.household__visit-note', { hasText: '复查已安排志愿者陪同' }).waitFor();
  await app.shot('care-own-card-care-mode');
  await app.open('/package-grid/coverage/index');
  await app.actAs('孙丽');
  await shown(page).locator('.coverage__grid', { hasText: '第一网格' }).waitFor();
  await app.shot('care-coverage');
  await app.open('/package-report/dashboard/index');
  await shown(page).locator('.dash-visits', { hasText: '本月已走访' }).waitFor();
  await shown(page).locator('.dash-visits').scrollIntoViewIfNeeded();
  await app.shot('care-dashboard-visits');
});
