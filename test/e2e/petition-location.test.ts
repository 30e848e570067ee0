// Where a problem is, without anyone typing coordinates: the browser's position (WGS-84, converted to the
// GCJ-02 that WeChat's maps use), or a building of the community picked grid by grid. Needs dist/h5 and chromium.
import type { Page } from 'playwright-core';
import { wgs84ToGcj02 } from '../../src/utils/gcj02';
import type { TestEmulator } from '../helpers/emulator';
import { appDriver, browserSession } from './app';
import { phonePage, shown, withScreenshot } from './browser';
import { petitionDriver } from './petition-app';

jest.setTimeout(120_000);

const session = browserSession();

/** Somewhere in 西安, as a phone's GPS reports it. */
const here = { latitude: 34.265812, longitude: 108.954139, accuracy: 25 };

type Point = { latitude: number; longitude: number; address: string };
type Filed = {
  ok: true;
  data: { petition: { gridName: string; location: { buildingName: string | null; detail: string | null; point: Point | null } } };
};

/** Fills in the kind and the text; the place is each test's business. */
async function describeProblem(page: Page, text: string) {
  const form = shown(page).locator('.petition-new');
  await form.locator('.choice-chips--category [data-value="environment"]').click();
  await form.locator('.petition-new__textarea textarea').fill(text);
  return form;
}

/** Submits, says yes to the notices, and reads back the case that was filed, as its reporter. */
async function submitAndRead(page: Page, emu: TestEmulator, openid: string): Promise<Filed['data']['petition']> {
  const petitions = petitionDriver(page, emu);
  await petitions.submitButton().click();
  await appDriver(page, emu).answerConsent('接收诉求进度通知？', true);
  await petitions.currentRung().waitFor();
  const id = new URL(page.url().replace('#', '')).searchParams.get('id')!;
  const got = await emu.invoke<Filed>('petition', { action: 'petition.get', payload: { petitionId: id } }, openid);
  return got.data.petition;
}

test('with the browser’s geolocation granted, 用当前位置 finds the position and the case is filed at that point', async () => {
  const page = await phonePage(session.browser, { geolocation: here });
  const app = appDriver(page, session.emu);
  try {
    await app.open('/pages/petition-new/index');
    await withScreenshot(page, 'petition-location-current', async () => {
      await app.actAs('王秀英');
      const form = await describeProblem(page, '小区东门停车场的垃圾桶满了好几天没人清');
      // No field anywhere asks for coordinates.
      expect(await form.locator('.petition-new__coord, input[placeholder*="纬度"], input[placeholder*="经度"]').count()).toBe(0);
      await form.locator('.choice-chips--place [data-value="point"]').click();
      await form.locator('.petition-new__fix[data-state="found"]', { hasText: '已取得当前位置（误差约 25 米）' }).waitFor();
      await form.locator('.petition-new__address input').fill('东门停车场');
      await app.shot('petition-new-location-current');
      const filed = await submitAndRead(page, session.emu, 'demo-resident-wang');
      // Stored in GCJ-02, converted from what the browser gave: about 500 m off the raw reading, as in China.
      const gcj = wgs84ToGcj02(here);
      expect(filed.location).toMatchObject({ buildingName: null, point: { address: '东门停车场' } });
      expect(filed.location.point!.latitude).toBeCloseTo(gcj.latitude, 6);
      expect(filed.location.point!.longitude).toBeCloseTo(gcj.longitude, 6);
      expect(Math.abs(filed.location.point!.longitude - here.longitude)).toBeGreaterThan(0.001);
      expect(filed.gridName).toBe('第一网格');
      await app.shot('petition-detail-at-point');
    });
  } finally {
    await page.context().close();
  }
});

test('a neighbour at about the same spot is shown the case filed there before (我也遇到 by map point)', async () => {
  // 王秀英 filed at the car park's bin; 张建国 stands about 110 m north of it when he reports the same.
  const gcj = wgs84ToGcj02(here);
  const point = { latitude: Number(gcj.latitude.toFixed(6)), longitude: Number(gcj.longitude.toFixed(6)), address: '东门停车场' };
  const bins = { categoryId: 'environment', description: '东门停车场的垃圾桶满了好几天没人清', location: { kind: 'point', point } };
  await petitionDriver(session.page, session.emu).filed(bins);
  const page = await phonePage(session.browser, { geolocation: { ...here, latitude: here.latitude + 0.001 } });
  const app = appDriver(page, session.emu);
  try {
    await app.open('/pages/petition-new/index');
    await withScreenshot(page, 'petition-location-similar', async () => {
      await app.actAs('张建国');
      const form = await describeProblem(page, '停车场垃圾桶一直没人清，味道很大');
      await form.locator('.choice-chips--place [data-value="point"]').click();
      await form.locator('.petition-new__fix[data-state="found"]').waitFor();
      await form.locator('.petition-new__address input').fill('停车场');
      await petitionDriver(page, session.emu).submitButton().click();
      const similar = shown(page).locator('.similar');
      await similar.locator('.similar__title', { hasText: '附近已有 1 条同类问题' }).waitFor();
      expect(await similar.locator('.petition-card').textContent()).toContain('垃圾桶满了好几天');
      await app.shot('petition-new-similar-at-point');
    });
  } finally {
    await page.context().close();
  }
});

test('without permission the field says so and offers the buildings; nothing is sent without a place', async () => {
  const { page, app } = session;
  await app.open('/pages/petition-new/index');
  await withScreenshot(page, 'petition-location-denied', async () => {
    await app.actAs('王秀英');
    const form = await describeProblem(page, '小区东门停车场的垃圾桶满了好几天没人清');
    await form.locator('.choice-chips--place [data-value="point"]').click();
    await form.locator('.petition-new__fix[data-state="failed"]', { hasText: '改选楼栋' }).waitFor();
    await petitionDriver(page, session.emu).submitButton().click();
    await form.locator('.form-field.has-error .form-field__error', { hasText: '请取得当前位置，或改选楼栋' }).waitFor();
    expect(await page.locator('.consent-dialog').count()).toBe(0);
    await app.shot('petition-new-location-denied');
    // Back to the buildings: the caller's own is picked again.
    await form.locator('.choice-chips--place [data-value="building"]').click();
    await form.locator('.choice-chips--building .choice-chips__chip.is-on', { hasText: '2号楼' }).waitFor();
    await form.locator('.form-field.has-error').first().waitFor({ state: 'detached' });
  });
});

test('选择楼栋: the caller’s building comes picked; another grid’s building files the case in that grid', async () => {
  const { page, app, emu } = session;
  await app.open('/pages/petition-new/index');
  await withScreenshot(page, 'petition-location-building', async () => {
    await app.actAs('李明');
    const form = await describeProblem(page, '8号楼北侧的路灯坏了，晚上很黑');
    const own = form.locator('.choice-chips--building .choice-chips__chip.is-on');
    expect(await own.locator('.choice-chips__label').textContent()).toBe('5号楼（我住）');
    expect(await form.locator('.choice-chips--grid .choice-chips__label').allTextContents()).toEqual(['第一网格', '第二网格', '第三网格']);
    await form.locator('.choice-chips--grid [data-value="grid-3"]').click();
    expect(await form.locator('.choice-chips--building .choice-chips__label').allTextContents()).toEqual(['7号楼', '8号楼', '9号楼']);
    expect(await form.locator('.choice-chips--building .is-on').count()).toBe(0);
    await form.locator('.choice-chips--building [data-value="building-8"]').click();
    await form.locator('.petition-new__detail input').fill('北侧路灯');
    await app.shot('petition-new-location-building');
    const filed = await submitAndRead(page, emu, 'demo-resident-li');
    expect(filed).toMatchObject({ gridName: '第三网格', location: { buildingName: '8号楼', detail: '北侧路灯', point: null } });
  });
});

test('a grid worker filing for a resident (红色代办) is offered the buildings of their own grid only', async () => {
  const { page, app } = session;
  // 我的 → 红色代办 opens the form already filing for someone else.
  await app.open('/pages/petition-new/index?proxy=1');
  await withScreenshot(page, 'petition-location-proxy', async () => {
    await app.actAs('刘芳');
    const form = shown(page).locator('.petition-new');
    await form.locator('.proxy-fields__name').waitFor();
    await form.locator('.choice-chips--building').waitFor();
    expect(await form.locator('.choice-chips--grid').count()).toBe(0);
    expect(await form.locator('.petition-new__buildings .petition-new__sub-label').textContent()).toBe('楼栋（第一网格）');
    expect(await form.locator('.choice-chips--building .choice-chips__label').allTextContents()).toEqual(['1号楼', '2号楼', '3号楼']);
    await app.shot('petition-new-location-proxy');
  });
});
