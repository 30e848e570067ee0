// The ladder above the community in a real browser: the street summons a district department (街道统筹),
// whose staff find the case in their inbox and report (部门报到). Needs `npm run build` and chromium.
import type { Page } from 'playwright-core';
import { browserSession, personas, type Session } from './app';
import { shown, withScreenshot } from './browser';
import { petitionDriver } from './petition-app';

jest.setTimeout(120_000);

const { liu, sun } = personas;

const session = browserSession();
let page: Page;
let app: Session['app'];
let petitions: ReturnType<typeof petitionDriver>;
beforeEach(() => {
  ({ page, app } = session);
  petitions = petitionDriver(page, session.emu);
});

test('the street summons a department (街道统筹), which reports from its inbox (部门报到)', async () => {
  const id = await petitions.filed();
  const up = async (openid: string) =>
    expect(await petitions.invoke('petition.escalate', { petitionId: id, reason: '本级办不了，需要上级协调' }, openid)).toMatchObject({ ok: true });
  await up(liu);
  await up(sun);
  await app.open('/pages/me/index');
  await withScreenshot(page, 'petition-summon', async () => {
    await app.actAs('钱伟');
    await shown(page).getByText('诉求待办', { exact: true }).click();
    await petitions.openCard('无障碍坡道坏了');
    await petitions.bar().locator('.btn', { hasText: '召集部门' }).click();
    await shown(page).locator('.choice-chips--department [data-value="dept-housing"]').click();
    await shown(page).locator('.sheet textarea').fill('坡道属市政设施，需住建部门重新施工');
    await app.shot('petition-handle-summon-sheet');
    await shown(page).locator('.sheet .btn', { hasText: '召集区住建局' }).click();
    await petitions.currentRung().and(page.locator('[data-level="department"]')).waitFor();
    expect(await petitions.status().textContent()).toBe('待报到');
  });
  await withScreenshot(page, 'petition-department-reports', async () => {
    await app.actAs('何建华');
    await app.open('/pages/me/index');
    await shown(page).getByText('部门收件箱', { exact: true }).click();
    await shown(page).locator('.p-queue__title', { hasText: '部门收件箱 · 区住建局' }).waitFor();
    await shown(page).locator('.petition-card', { hasText: '无障碍坡道坏了' }).waitFor();
    await app.shot('petition-queue-department');
    await petitions.openCard('无障碍坡道坏了');
    await petitions.step('报到受理');
    await petitions.status().filter({ hasText: '办理中' }).waitFor();
    expect(await petitions.events()).toEqual(['report', 'summon', 'escalate', 'escalate', 'create']);
  });
});

/**
 * The ladder's five labels (网格预警 社区吹哨 街道统筹 部门报到 区级办结) side by side at 375 px: none runs into its
 * neighbour or out of its rung, in normal mode (孙丽) and in care mode (王秀英, elderly: on by default), with the
 * times and 自动升级 under the rungs the case passed. Screens: test-results/petition-ladder-{normal,care}.png.
 */
test('the ladder labels fit their rungs at 375 px, in normal and in care mode', async () => {
  // Nobody takes it for a day: the deadline moves it up (自动升级), and the first rung's time is a day ago.
  const id = await petitions.filed();
  await session.emu.clock({ advanceMs: 24 * 3600_000 + 60_000 });
  await session.emu.fireTrigger('petition');
  const overlaps = () =>
    petitions.ladder().evaluate((ladder) => {
      const rungs = Array.from(ladder.querySelectorAll('.ladder__rung'));
      const found: string[] = [];
      let last: DOMRect | null = null;
      for (const rung of rungs) {
        const box = rung.getBoundingClientRect();
        for (const el of Array.from(rung.querySelectorAll('.ladder__name, .ladder__when, .ladder__auto'))) {
          const r = el.getBoundingClientRect();
          if (r.left < box.left - 0.5 || r.right > box.right + 0.5) found.push(`${el.textContent} leaves its rung`);
        }
        const name = rung.querySelector('.ladder__name')!.getBoundingClientRect();
        if (last && name.left < last.right) found.push(`${rung.textContent} runs into the rung before`);
        last = name;
      }
      return found;
    });
  // Both screens are kept before either is judged, so a failure still shows the two of them.
  const found: Record<string, string[]> = {};
  await app.open(`/pages/petition-detail/index?id=${id}`);
  await withScreenshot(page, 'petition-ladder-care', async () => {
    await app.actAs('王秀英');
    await shown(page).locator('.page.care .ladder__rung.is-current .ladder__auto').waitFor();
    await app.shot('petition-ladder-care');
    found.care = await overlaps();
  });
  await withScreenshot(page, 'petition-ladder-normal', async () => {
    await app.actAs('孙丽');
    await app.open(`/pages/petition-detail/index?id=${id}`);
    await shown(page).locator('.page:not(.care) .ladder').waitFor();
    await app.shot('petition-ladder-normal');
    found.normal = await overlaps();
  });
  expect(found).toEqual({ care: [], normal: [] });
});
