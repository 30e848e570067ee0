import type { Page } from 'playwright-core';
import type { Session } from './app';
import { shown } from './browser';

/** The merchant pages driven as 周海 and 王秀英 would: read the points code, scan it, charge it. */
export function merchantDriver(page: Page, app: Session['app']) {
  /** 王秀英 (or whoever `name` is) opens 积分码; returns the token printed under the QR. */
  async function showCode(name: string, avoid = ''): Promise<string> {
    await app.open('/pages/points-code/index');
    await app.actAs(name);
    const token = shown(page).locator('.points-code__token');
    await token.waitFor();
    // Switching persona on the page issues a fresh code for the new person: wait for one not seen before.
    await page.waitForFunction((old) => {
      const el = Array.from(document.querySelectorAll('.points-code__token')).find((e) => (e as HTMLElement).offsetParent !== null);
      return el && el.textContent && el.textContent.startsWith('LL2.') && el.textContent !== old;
    }, avoid);
    return ((await token.textContent()) ?? '').trim();
  }

  /** 周海 opens 扫码核销 and pastes `token` (H5 has no camera scanner). */
  async function scan(token: string) {
    await app.open('/package-merchant/scan/index');
    await app.actAs('周海');
    await shown(page).locator('.scan__paste textarea').fill(token);
    await shown(page).getByText('读取积分码').click();
    await shown(page).locator('.resident-card').waitFor();
  }

  /** Charges the scanned code and waits for the result card; returns its title. */
  async function charge(points: number, note: string): Promise<string> {
    await shown(page).locator('.scan__points input').fill(String(points));
    await shown(page).locator('.scan__note input').fill(note);
    await shown(page).getByText(`核销 ${points} 分`).click();
    const title = shown(page).locator('.merchant-result__title');
    await title.waitFor();
    return ((await title.textContent()) ?? '').trim();
  }

  return { showCode, scan, charge };
}
