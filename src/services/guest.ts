import Taro from '@tarojs/taro';

/**
 * A WeChat user without a record (NOT_REGISTERED) is not left on an error: the app opens the welcome page, from
 * which they join, or look around what is public first (心愿墙 read-only, 美德商铺) — then those pages stay.
 */
export const WELCOME = '/pages/welcome/index';

/** Pages a newcomer may always be on: the welcome and the join flow. */
const entry = ['pages/welcome/index', 'pages/join/index'];
/** What is public to browse, once the newcomer chose to look around. */
const browsable = ['pages/wall/index', 'pages/shops/index', 'pages/wish-detail/index'];

const BROWSING_KEY = 'linli.guestBrowsing';

/** Where a NOT_REGISTERED reply on `route` sends the newcomer: the welcome page, or nowhere (they may stay). */
export function guestRedirect(route: string, browsing: boolean): string | null {
  const page = route.replace(/^\//, '').split('?')[0];
  if (entry.includes(page)) return null;
  if (browsing && browsable.includes(page)) return null;
  return WELCOME;
}

function storage(): { get(): boolean; set(v: boolean): void } {
  return {
    get: () => {
      try {
        return Taro.getStorageSync(BROWSING_KEY) === true;
      } catch {
        return false;
      }
    },
    set: (v) => {
      try {
        if (v) Taro.setStorageSync(BROWSING_KEY, true);
        else Taro.removeStorageSync(BROWSING_KEY);
      } catch {
        // A lost flag only means the welcome page shows again.
      }
    },
  };
}

/** The newcomer chose 先看看: the public pages no longer send them back to the welcome page. */
export function browseAsGuest(): void {
  storage().set(true);
}

/** They joined (or switched persona): nothing of the guest remains. */
export function forgetGuest(): void {
  storage().set(false);
}

let redirecting = false;
const SETTLE_MS = 1000;

/** For tests: no redirect in progress. */
export function resetGuestForTests(): void {
  redirecting = false;
}

/** Called by services/api for every NOT_REGISTERED reply; one redirect at a time, so pages opening together move once. */
export function onNotRegistered(): void {
  if (redirecting) return;
  try {
    redirect();
  } catch (err) {
    console.warn('[guest] could not tell where the newcomer is', err);
  }
}

function redirect(): void {
  const pages = Taro.getCurrentPages();
  const route = pages.length ? (pages[pages.length - 1].route ?? '') : '';
  const target = guestRedirect(route, storage().get());
  if (!target) return;
  redirecting = true;
  void Promise.resolve(Taro.reLaunch({ url: target }))
    .catch((err: unknown) => console.warn('[guest] could not open the welcome page', err))
    .finally(() => {
      // Replies to the pages that were open come in a moment later; they must not relaunch it again.
      setTimeout(() => {
        redirecting = false;
      }, SETTLE_MS);
    });
}
