import type { Page } from 'playwright-core';
import type { TestEmulator } from '../helpers/emulator';
import { personas, type Session } from './app';
import { shown } from './browser';

type Reply<T> = { ok: true; data: T } | { ok: false; code: string; message: string };
const HOUR = 60 * 60 * 1000;
let serial = 0;

/** The setup around a points scenario, made through the functions as the people themselves would. */
export function pointsKit(emu: TestEmulator) {
  /** Calls `fn` as `openid`; mutating actions get a fresh requestId. Throws on a failed reply. */
  async function act<T = any>(openid: string, action: string, payload: object = {}): Promise<T> {
    const requestId = `e2e-${++serial}-${Date.now().toString(36)}`;
    const reply = await emu.invoke<Reply<T>>(action.slice(0, action.indexOf('.')), { action, payload, requestId }, openid);
    if (!reply.ok) throw new Error(`${action} failed: ${reply.code} ${reply.message}`);
    return reply.data;
  }

  /**
   * A wish of 王秀英 served by 张建国 up to the resident's confirmation with `rating` stars. 助老陪伴 pays by
   * the hour, so `hours` of service (the emulator clock moves) decide the award.
   */
  async function confirmedWish(title: string, { rating = 5, categoryId = 'repair', hours = 1, points = 10 } = {}) {
    const { wang, liu, zhang } = personas;
    const id: string = (await act(wang, 'wish.create', { title, description: '家里的事情需要有人帮一把', categoryId })).wish.id;
    await act(liu, 'wish.approve', { wishId: id, points });
    await act(zhang, 'wish.claim', { wishId: id });
    await act(zhang, 'wish.checkIn', { wishId: id });
    await emu.clock({ advanceMs: hours * HOUR });
    await act(zhang, 'wish.complete', { wishId: id, proof: '已上门完成，居民满意' });
    const { wish } = await act(wang, 'wish.confirm', { wishId: id, rating });
    return { id, award: wish.award as { status: string; amount: number | null } };
  }

  /** One kind of points of `openid`, as `points.balance` reports it. */
  async function balanceOf(openid: string, asset: string): Promise<number> {
    return (await act(openid, 'points.balance')).balances.find((b: { asset: string }) => b.asset === asset).balance;
  }

  return { act, confirmedWish, balanceOf };
}

/** A staff form on screen: a row by its label, and the note of what the last submission did. */
export function staffForm(page: Page) {
  return {
    field: (label: string) => shown(page).locator('.form-field', { has: page.locator('.form-field__label', { hasText: label }) }),
    done: () => shown(page).locator('.staff-done'),
  };
}

/** Staff screens: 孙丽 opens 我的 → 积分管理 (saving both screens as `shots`, if named) → the tool named `text`. */
export async function openStaffTool(page: Page, app: Session['app'], text: string, shots?: string) {
  await app.open('/pages/me/index');
  // 我的 lists the demo personas on the page itself (as the first-visit prompt does): pick 孙丽 there.
  await shown(page)
    .locator('.persona-list__item', { has: page.locator('.persona-list__name', { hasText: '孙丽' }) })
    .first()
    .click();
  await shown(page).locator('.persona-chip__name', { hasText: '孙丽' }).waitFor();
  if (shots) {
    await shown(page).locator('.me__profile').scrollIntoViewIfNeeded();
    await app.shot(`${shots}-me`);
  }
  await shown(page).getByText('积分管理').click();
  await shown(page).locator('.staff-hub').waitFor();
  if (shots) await app.shot(`${shots}-hub`);
  await shown(page).locator('.cell', { hasText: text }).click();
}

/** Picks a person in a staff form: opens the sheet, searches a piece of the name, taps the match. */
export async function pickPerson(page: Page, search: string, name: string) {
  await shown(page).locator('.person-field').click();
  await shown(page).locator('.person-search input').fill(search);
  await shown(page).locator(`.person-option[data-person="${name}"]`).click();
  await shown(page).locator('.person-field', { hasText: name }).waitFor();
}
