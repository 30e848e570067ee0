import type { TestEmulator as Emulator } from '../helpers/emulator';

/** A user's call as the app makes it: the area's function, the event, the caller's openid. */
export function caller(emu: () => Emulator) {
  return async function call(openid: string | undefined, action: string, payload: unknown = {}, requestId?: string): Promise<any> {
    return emu().invoke(action.split('.')[0], { action, payload, ...(requestId ? { requestId } : {}) }, openid);
  };
}

export const newWish = { title: '帮忙换灯泡', description: '厨房灯泡坏了，够不着，想请人帮忙换一下', categoryId: 'repair' };
