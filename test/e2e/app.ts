import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { repoRoot, startEmulator, type TestEmulator } from '../helpers/emulator';
import { launchChromium, phonePage, shown } from './browser';

/** Screens worth keeping go here, on success as well as on failure (CI uploads the folder). */
export const artefacts = join(repoRoot, 'test-results');

export const personas = {
  wang: 'demo-resident-wang',
  zhang: 'demo-member-zhang',
  chen: 'demo-member-chen',
  liu: 'demo-grid-liu',
  sun: 'demo-staff-sun',
} as const;

type Reply<T> = { ok: true; data: T } | { ok: false; code: string; message: string };
export type WishReply = Reply<{
  wish: { id: string; status: string; claimant: { name: string } | null; history: { event: string; by: string; note: string | null }[] };
}>;

/** Driving the H5 app the way a person does: pages, demo personas, forms and dialogs. */
export function appDriver(page: Page, emu: TestEmulator) {
  /** Calls the wish function directly, as `openid`: the setup and the checks around a browser scenario. */
  function invokeWish(action: string, payload: object, openid: string): Promise<WishReply> {
    return emu.invoke<WishReply>('wish', { action, payload }, openid);
  }

  /** A wish 王秀英 posted (and, unless told otherwise, 刘芳 approved for 10 points), made through the functions. */
  async function postedWish(title: string, { approve = true } = {}): Promise<string> {
    const created = await invokeWish('wish.create', { title, description: '家里的事情需要有人帮一把', categoryId: 'elderly' }, personas.wang);
    if (!created.ok) throw new Error(`create failed: ${created.message}`);
    if (approve) {
      const approved = await invokeWish('wish.approve', { wishId: created.data.wish.id, points: 10 }, personas.liu);
      if (!approved.ok) throw new Error(`approve failed: ${approved.message}`);
    }
    return created.data.wish.id;
  }

  /** The detail page on screen, its status chip and its bottom bar of steps. */
  const detail = () => shown(page).locator('.wish-detail');
  const statusChip = () => detail().locator('.detail-status .wish-status');
  const bar = () => shown(page).locator('.step-bar');

  /** A fresh load of one route (a hash change alone would keep the old page state). */
  async function open(route: string) {
    await page.goto('about:blank');
    await page.goto(`${emu.url}/#${route}`);
  }

  /** Picks a demo persona: from the first-visit prompt, or through the floating "演示身份" chip. */
  async function actAs(name: string) {
    const prompt = shown(page).locator('.persona-prompt');
    const chip = shown(page).locator('.persona-chip');
    await prompt.or(chip).first().waitFor();
    if (!(await prompt.isVisible())) await chip.click();
    await shown(page)
      .locator('.persona-list__item')
      .filter({ has: page.locator('.persona-list__name', { hasText: name }) })
      .first()
      .click();
    await shown(page).locator('.persona-chip__name', { hasText: name }).waitFor();
  }

  async function fillWishForm(title: string, description: string) {
    const form = shown(page);
    if (title) await form.locator('.wish-new__input input').first().fill(title);
    await form.locator('.wish-new__textarea textarea').fill(description);
    // The picker opens on the first category (助老陪伴); confirming takes it.
    await form.locator('.wish-new__picker').click();
    await page.locator('.weui-picker__action:visible', { hasText: '确定' }).click();
    await form.locator('.wish-new__picker', { hasText: '助老陪伴' }).waitFor();
  }

  /** The H5 stand-in for WeChat's subscription dialog: waits for it with `title` and answers. */
  async function answerConsent(title: string, accept: boolean) {
    const dialog = page.locator('.consent-dialog');
    await dialog.locator('.consent-dialog__title', { hasText: title }).waitFor();
    await dialog.locator(accept ? '.consent-dialog__accept' : '.consent-dialog__decline').click();
    await dialog.waitFor({ state: 'detached' });
  }

  /** Saves what is on screen once the page has settled (Taro slides pages in; toasts fade). */
  async function shot(name: string) {
    mkdirSync(artefacts, { recursive: true });
    await page.waitForLoadState('networkidle');
    // The toast's wrapper has no box of its own (its children are fixed): wait on the visible box inside.
    await page
      .locator('.taro__toast > div')
      .nth(1)
      .waitFor({ state: 'hidden' })
      .catch(() => undefined);
    // Taro slides a page in by a CSS transition (300 ms), and dialogs fade: the screenshot finishes them at once
    // (Playwright fast-forwards finite animations and transitions) instead of waiting them out.
    await page.screenshot({ path: join(artefacts, `${name}.png`), fullPage: true, animations: 'disabled' });
  }

  return { open, actAs, fillWishForm, answerConsent, shot, invokeWish, postedWish, detail, statusChip, bar };
}

/** React's complaints that its tree and the page's DOM disagree (e.g. "insertBefore … not a child of this node"). */
const reactDomError = /insertBefore|removeChild|not a child of this node|unmounted component/;

export interface Session {
  emu: TestEmulator;
  browser: Browser;
  /** A fresh phone-sized page (own storage, so no persona chosen yet) for each test. */
  page: Page;
  app: ReturnType<typeof appDriver>;
}

/**
 * One emulator serving dist/h5 and one Chromium for a test file; each test starts from the seed with a
 * fresh browser context. Read the fields inside tests: they are filled in by the hooks.
 */
export function browserSession(opts: { env?: Record<string, string> } = {}): Session {
  const session = {} as Session;
  // The browser first: without one the file fails at once and no emulator is left running behind it.
  beforeAll(async () => {
    session.browser = await launchChromium();
    session.emu = await startEmulator({ h5Dir: join(repoRoot, 'dist/h5'), env: opts.env });
  });
  afterAll(async () => {
    await session.browser?.close();
    await session.emu?.stop();
  });
  let domErrors: string[] = [];
  beforeEach(async () => {
    await session.emu.reset();
    session.page = await phonePage(session.browser);
    session.app = appDriver(session.page, session.emu);
    domErrors = [];
    session.page.on('console', (m) => {
      if (m.type() === 'error' && reactDomError.test(m.text())) domErrors.push(m.text().slice(0, 300));
    });
  });
  // A page change that leaves React's tree and the DOM out of step shows as an error in the console.
  afterEach(async () => {
    await session.page?.context().close();
    expect(domErrors).toEqual([]);
  });
  return session;
}
