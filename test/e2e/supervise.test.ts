// 督办 (issue 15): 宋嘉, the street's 督办员, opens her 督办台 — the red card first, then the yellow, then the rest —
// opens an uncarded case, cards it red with a comment, and reassigns it to 第二网格. Needs dist/h5 and chromium.
import { browserSession } from './app';
import { shown } from './browser';

jest.setTimeout(120_000);

const session = browserSession();
const wang = 'demo-resident-wang';
const song = 'demo-supervisor-song';
let serial = 0;

async function act(openid: string, action: string, payload: object): Promise<any> {
  const reply: any = await session.emu.invoke('petition', { action, payload, requestId: `e2e-supervise-${++serial}` }, openid);
  if (!reply.ok) throw new Error(`${action} failed: ${reply.message}`);
  return reply.data;
}
const file = async (description: string): Promise<string> =>
  (await act(wang, 'petition.create', { categoryId: 'accessibility', description, location: { kind: 'building', buildingId: 'building-2' } }))
    .petition.id;

test('the 督办台 puts red before yellow before the rest; a case is carded red and reassigned from its page', async () => {
  const { page, app } = session;
  const ramp = await file('2号楼门口的无障碍坡道塌了一块，轮椅推不上去');
  const light = await file('2号楼楼道的灯坏了，晚上看不清台阶');
  const bins = await file('2号楼门口的垃圾桶满了没人清');
  await act(song, 'petition.issueCard', { petitionId: light, color: 'yellow', comment: '请今天内联系居民' });
  await act(song, 'petition.issueCard', { petitionId: ramp, color: 'red', comment: '坡道塌了仍未受理，请立即处理' });

  await app.open('/package-petition/supervise/index');
  await app.actAs('宋嘉');
  const cards = shown(page).locator('.petition-card');
  await cards.nth(2).waitFor();
  expect(await cards.evaluateAll((els) => els.map((e) => e.getAttribute('data-petition-id')))).toEqual([ramp, light, bins]);
  await shown(page).locator('.card-line--red', { hasText: '督办员宋嘉：坡道塌了仍未受理' }).waitFor();
  await app.shot('supervise-queue');
  // 红牌 only: the one red case.
  await shown(page).locator('.chip-filter__chip', { hasText: '红牌' }).click();
  // The filtered page has come when the other two are gone and the red one is shown.
  for (const gone of [light, bins]) await shown(page).locator(`.petition-card[data-petition-id="${gone}"]`).waitFor({ state: 'detached' });
  await shown(page).locator(`.petition-card[data-petition-id="${ramp}"]`).waitFor();
  expect(await shown(page).locator('.petition-card').count()).toBe(1);
  await shown(page).locator('.chip-filter__chip', { hasText: '全部' }).first().click();

  await shown(page).locator(`.petition-card[data-petition-id="${bins}"]`).click();
  await shown(page).locator('.petition-bar__item--card-red').click();
  await shown(page).locator('.sheet textarea').fill('三天无人处理，请立即清运');
  await shown(page).locator('.sheet__footer .btn', { hasText: '确认红牌督办' }).click();
  await shown(page).locator('text=红牌督办：三天无人处理，请立即清运').first().waitFor();

  await shown(page).locator('.petition-bar__item--order-reassign').click();
  await shown(page).locator('.choice-chips--reassign-to [data-value="grid-2"]').click();
  await shown(page).locator('.sheet textarea').fill('问题在第二网格的巡查范围，请第二网格受理');
  await shown(page).locator('.sheet__footer .btn', { hasText: '改派到第二网格' }).click();
  await shown(page).locator('text=督办员改派到第二网格：问题在第二网格的巡查范围，请第二网格受理').first().waitFor();
  await app.shot('supervise-reassigned');
  const moved = (await act(song, 'petition.get', { petitionId: bins })).petition;
  expect(moved).toMatchObject({ level: 'grid', status: 'pending', gridName: '第二网格' });
  expect(moved.timeline.map((s: { event: string }) => s.event)).toEqual(['create', 'card', 'reassign']);
});
