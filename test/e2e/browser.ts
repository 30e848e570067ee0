import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { repoRoot } from '../helpers/emulator';

/** Where the browser tests look for Chromium: `CHROMIUM_PATH`, else Debian's. */
export function chromiumPath(): string {
  return process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
}

/**
 * Debian's Chromium (`apt-get install chromium`), quiet and sandbox-free so it runs in CI containers. A
 * machine without it fails at once with what to install, before anything else is started.
 */
export async function launchChromium(): Promise<Browser> {
  const executablePath = chromiumPath();
  if (!existsSync(executablePath))
    throw new Error(
      `The browser tests need Chromium at ${executablePath}, and it is not there. ` +
        'Install it with `apt-get install -y chromium fonts-noto-cjk` (Debian), or point CHROMIUM_PATH at a Chromium binary.',
    );
  return chromium.launch({
    executablePath,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

export interface PhoneOptions {
  /** Where the phone is, with the site allowed to ask (the browser's geolocation granted). */
  geolocation?: { latitude: number; longitude: number; accuracy?: number };
}

/** A phone-sized page, as the mini-program is meant to be seen. */
export async function phonePage(browser: Browser, { geolocation }: PhoneOptions = {}): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: 375, height: 740 },
    deviceScaleFactor: 2,
    locale: 'zh-CN',
    ...(geolocation ? { geolocation, permissions: ['geolocation'] } : {}),
  });
  return context.newPage();
}

/** Taro H5 keeps earlier pages of the stack in the DOM, hidden: look only inside the page on screen. */
export function shown(page: Page): Locator {
  return page.locator('.taro_page:visible');
}

/** Runs a scenario step; if it fails, leaves a full-page screenshot in test-results/ before rethrowing. */
export async function withScreenshot<T>(page: Page, name: string, step: () => Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (error) {
    const dir = join(repoRoot, 'test-results');
    mkdirSync(dir, { recursive: true });
    await page.screenshot({ path: join(dir, `${name}.png`), fullPage: true }).catch(() => undefined);
    throw error;
  }
}
