import type { Page } from 'playwright-core';
import type { TestEmulator } from '../helpers/emulator';
import { personas } from './app';
import { shown } from './browser';

type Reply<T> = { ok: true; data: T } | { ok: false; code: string; message: string };
export type PetitionReply = Reply<{
  petition: {
    id: string;
    status: string;
    level: string;
    cosignCount: number;
    rating: { value: string } | null;
    timeline?: { event: string; level: string; automatic: boolean; note: string | null }[];
  };
}>;

/** The issue's scenario: 王秀英's building has a broken accessibility ramp. */
export const ramp = {
  categoryId: 'accessibility',
  description: '无障碍坡道坏了：2号楼门口的坡道塌了一块，轮椅推不上去',
  location: { kind: 'building', buildingId: 'building-2', detail: '1单元门口' },
};

/** The petition pages in the browser, and the functions behind them for setup and checks. */
export function petitionDriver(page: Page, emu: TestEmulator) {
  function invoke(action: string, payload: object, openid: string): Promise<PetitionReply> {
    return emu.invoke<PetitionReply>('petition', { action, payload }, openid);
  }

  /** A case 王秀英 filed through the function (the ramp unless told otherwise); returns its id. */
  async function filed(payload: object = {}): Promise<string> {
    const reply = await invoke('petition.create', { ...ramp, ...payload }, personas.wang);
    if (!reply.ok) throw new Error(`create failed: ${reply.message}`);
    return reply.data.petition.id;
  }

  const ladder = () => shown(page).locator('.ladder');
  const currentRung = () => ladder().locator('.ladder__rung.is-current');
  const status = () => shown(page).locator('.p-body .petition-status');
  const bar = () => shown(page).locator('.petition-bar');
  const events = () =>
    shown(page)
      .locator('.timeline__item')
      .evaluateAll((items) => items.map((i) => i.getAttribute('data-event')));

  /**
   * The form's 提交 button itself: its label sits under the button's hairline border (WeUI's ::after), so a
   * click aimed at the label is refused by Playwright's hit check though a finger's tap works.
   */
  const submitButton = () =>
    shown(page)
      .locator('.petition-new__actions .btn')
      .filter({ hasText: /^提交$/ });

  /** Opens a case from the list on screen by its text. */
  async function openCard(text: string) {
    await shown(page).locator('.petition-card', { hasText: text }).first().click();
    await ladder().waitFor();
  }

  /** Opens a bar button, and for a sheet, fills its text and confirms. */
  async function step(button: string, text?: { fill: string; confirm: string }) {
    await bar().locator('.btn', { hasText: button }).first().click();
    if (!text) return;
    await shown(page).locator('.sheet textarea').first().fill(text.fill);
    await shown(page).locator('.sheet .btn', { hasText: text.confirm }).click();
    await shown(page).locator('.sheet').waitFor({ state: 'detached' });
  }

  return { invoke, filed, ladder, currentRung, status, bar, events, step, openCard, submitButton };
}
