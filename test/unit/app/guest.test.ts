const reLaunch = jest.fn();
const getCurrentPages = jest.fn();
const storage = new Map<string, unknown>();
jest.mock('@tarojs/taro', () => ({
  __esModule: true,
  default: {
    reLaunch: (...args: unknown[]) => reLaunch(...args),
    getCurrentPages: () => getCurrentPages(),
    getStorageSync: (k: string) => storage.get(k) ?? '',
    setStorageSync: (k: string, v: unknown) => void storage.set(k, v),
    removeStorageSync: (k: string) => void storage.delete(k),
    cloud: { callFunction: jest.fn() },
  },
}));

import { call } from '../../../src/services/api';
import { browseAsGuest, forgetGuest, guestRedirect, onNotRegistered, resetGuestForTests, WELCOME } from '../../../src/services/guest';
import { asTarget, fakeTransports, installWindow } from './fakes';

const fetchMock = fakeTransports(jest.fn(), () => {
  reLaunch.mockReset().mockResolvedValue(undefined);
  storage.clear();
  resetGuestForTests();
});
const on = (route: string) => getCurrentPages.mockReturnValue([{ route }]);
const notRegistered = { ok: false, code: 'NOT_REGISTERED', message: '你还没有在社区登记，请联系网格员' };

describe('where a newcomer (NOT_REGISTERED) is sent', () => {
  it('every page but the welcome and join pages sends them to the welcome page', () => {
    expect(guestRedirect('pages/me/index', false)).toBe(WELCOME);
    expect(guestRedirect('/pages/wall/index', false)).toBe(WELCOME);
    expect(guestRedirect('pages/wish-new/index', true)).toBe(WELCOME);
    expect(guestRedirect('pages/welcome/index', false)).toBeNull();
    expect(guestRedirect('pages/join/index?scene=building-2', false)).toBeNull();
  });

  it('after 先看看 the public wall and 美德商铺 let them stay', () => {
    expect(guestRedirect('pages/wall/index', true)).toBeNull();
    expect(guestRedirect('/pages/shops/index', true)).toBeNull();
  });

  it('a NOT_REGISTERED reply relaunches the welcome page once, and the reply still reaches the page', async () => {
    asTarget('h5');
    installWindow();
    on('pages/wall/index');
    fetchMock.mockResolvedValue({ ok: true, status: 200, json: async () => notRegistered, text: async () => '' });
    const replies = await Promise.all([call('user.me', {}), call('wish.listWall', {})]);
    expect(replies[1]).toMatchObject({ ok: false, code: 'NOT_REGISTERED' });
    expect(reLaunch).toHaveBeenCalledTimes(1);
    expect(reLaunch).toHaveBeenCalledWith({ url: WELCOME });
  });

  it('a background question (the unread badge as the app opens) moves nobody, even before a page is open', async () => {
    asTarget('h5');
    installWindow();
    getCurrentPages.mockReturnValue([]);
    fetchMock.mockResolvedValue({ ok: true, status: 200, json: async () => notRegistered, text: async () => '' });
    expect(await call('notify.unread', {}, { background: true })).toMatchObject({ ok: false, code: 'NOT_REGISTERED' });
    expect(reLaunch).not.toHaveBeenCalled();
    // The same answer to a page's own question still welcomes them.
    await call('notify.unread', {});
    expect(reLaunch).toHaveBeenCalledWith({ url: WELCOME });
  });

  it('browsing keeps them on the wall; joining forgets it', () => {
    on('pages/wall/index');
    browseAsGuest();
    onNotRegistered();
    expect(reLaunch).not.toHaveBeenCalled();
    forgetGuest();
    onNotRegistered();
    expect(reLaunch).toHaveBeenCalledWith({ url: WELCOME });
  });

  it('other failures send nobody anywhere', async () => {
    asTarget('h5');
    installWindow();
    on('pages/me/index');
    fetchMock.mockResolvedValue({
      ok: true,
      status: 200,
      json: async () => ({ ok: false, code: 'FORBIDDEN_ROLE', message: '没有权限' }),
      text: async () => '',
    });
    await call('wish.listQueue', {});
    expect(reLaunch).not.toHaveBeenCalled();
  });
});
