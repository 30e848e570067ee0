import { useDidShow } from '@tarojs/taro';
import { useRef } from 'react';

/**
 * Reloads whenever the user comes back to the page (from a page it opened, or from WeChat): a step taken
 * elsewhere shows up. The first show is the mount, which loads anyway.
 */
export function useReloadOnShow(reload: () => Promise<unknown>): void {
  const shownBefore = useRef(false);
  useDidShow(() => {
    if (shownBefore.current) void reload();
    shownBefore.current = true;
  });
}
