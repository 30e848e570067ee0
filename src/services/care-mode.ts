import Taro from '@tarojs/taro';
import type { z } from 'zod';
import type { careModeSchema } from '../shared/contract/user';
import { careModeShown } from '../shared/domain/care-mode';
import { currentPersona } from './persona';

/** 关怀模式 as the server reports it (`user.me`, `user.setPrefs`). */
export type CareModeView = z.infer<typeof careModeSchema>;

type Listener = (on: boolean) => void;
const listeners = new Set<Listener>();
const STORAGE_KEY = 'linli.careMode';

/** Kept per caller (a persona switch on H5 changes who is looking), so a page opens in the right mode before any call. */
function storageKey(): string {
  const openid = currentPersona()?.openid;
  return openid ? `${STORAGE_KEY}.${openid}` : STORAGE_KEY;
}

function stored(): CareModeView | null {
  try {
    const kept = Taro.getStorageSync(storageKey()) as CareModeView | '' | undefined;
    return kept && typeof kept === 'object' ? kept : null;
  } catch {
    return null;
  }
}

/** WeChat's own font size setting in px (17 by default; its 关怀模式 and 大字体 raise it); H5 has none. */
function systemFontSize(): number | null {
  if (process.env.TARO_ENV !== 'weapp') return null;
  try {
    const info = Taro.getAppBaseInfo() as { fontSizeSetting?: number };
    return typeof info.fontSizeSetting === 'number' ? info.fontSizeSetting : null;
  } catch {
    return null;
  }
}

/** Whether pages show in 关怀模式 now: from what this phone kept and the system's font size, without waiting for the network. */
export function careModeOn(): boolean {
  const kept = stored();
  return careModeShown(kept?.choice ?? null, kept?.byDefault ?? false, systemFontSize());
}

let lastShown: boolean | null = null;

/** Back from the background: the person may have changed WeChat's font size meanwhile; open pages follow it. */
export function recheckCareMode(): void {
  const now = careModeOn();
  if (lastShown !== null && now !== lastShown) listeners.forEach((listener) => listener(now));
  lastShown = now;
}

/** The server's word (a `user.me` or `user.setPrefs` reply): kept on the phone and shown on every open page. */
export function noteCareMode(view: CareModeView): void {
  const before = careModeOn();
  try {
    Taro.setStorageSync(storageKey(), view);
  } catch {
    // Storage full or refused: the mode still applies for this session through the listeners.
  }
  const now = careModeShown(view.choice, view.byDefault, systemFontSize());
  lastShown = now;
  if (now !== before) listeners.forEach((listener) => listener(now));
}

export function onCareModeChange(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Any reply that carries 关怀模式 (`user.me`, `user.setPrefs`) updates it: no page needs to pass it on. */
export function noteCareModeIn(data: unknown): void {
  const view = (data as { careMode?: unknown } | null)?.careMode;
  if (view && typeof view === 'object' && 'byDefault' in view) noteCareMode(view as CareModeView);
}
