import Taro, { usePullDownRefresh } from '@tarojs/taro';

/**
 * Pull-to-refresh for a page whose config sets `enablePullDownRefresh`: reloads, then folds the spinner
 * away once the answer is in (WeChat leaves it spinning until told).
 */
export function usePullRefresh(reload: () => Promise<unknown>): void {
  usePullDownRefresh(() => {
    void reload().finally(() => Taro.stopPullDownRefresh());
  });
}
