import type { Page } from 'playwright-core';
import { shown } from './browser';

/** Driving 组织架构 (src/package-admin/tree) and its unit form the way an admin does. */
export function orgTreeDriver(page: Page) {
  /** The unit called `name` on screen (its own row, not a descendant's). */
  const unit = (name: string) => shown(page).locator(`.org-node[data-name="${name}"]`);
  const action = (name: string, text: string) => unit(name).locator('> .org-node__actions .btn', { hasText: text });

  /** Taps 添加… on `parent`, names the new unit (and a building's 单元 count) and saves; back on the tree it shows. */
  async function add(parent: string, what: string, name: string, entrances?: number) {
    await action(parent, `添加${what}`).click();
    const form = shown(page).locator('.unit-form');
    await form.waitFor();
    await form.locator('input').nth(0).fill(name);
    if (entrances) await form.locator('input').nth(1).fill(String(entrances));
    await form.locator('.unit-form__actions .btn').click();
    await unit(name).waitFor();
  }

  async function expand(name: string) {
    await unit(name).locator('> .org-node__main').click();
    await unit(name).locator('> .org-level').waitFor();
  }

  return { unit, action, add, expand };
}
