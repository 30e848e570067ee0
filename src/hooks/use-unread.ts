import Taro, { useDidShow } from '@tarojs/taro';
import { useEffect, useRef, useState } from 'react';
import { call } from '../services/api';
import { usePersona } from './use-persona';

/** 我的 is the second tab (app.config.ts tabBar). */
const ME_TAB = 1;

let known: number | null = null;
const listeners = new Set<(n: number) => void>();

/** Shows the unread count on the 我的 tab (a red number; none at zero) and tells every page that shows it. */
export function setUnread(n: number): void {
  known = n;
  listeners.forEach((l) => l(n));
  const done = () => undefined;
  if (n > 0) void Taro.setTabBarBadge({ index: ME_TAB, text: n > 99 ? '99+' : String(n) }).then(done, done);
  else void Taro.removeTabBarBadge({ index: ME_TAB }).then(done, done);
}

let asking: Promise<void> | null = null;

/**
 * Asks how many messages are unread (`notify.unread`, one count) and shows it. Asked again while a question is on
 * its way (the app shows and 我的 opens at the same moment), the same answer serves both.
 */
export function refreshUnread(): Promise<void> {
  // In the background: a guest's refusal must not move them off the page they opened (the join page).
  asking ??= call('notify.unread', {}, { background: true })
    .then((reply) => {
      if (reply.ok) setUnread(reply.data.unread);
    })
    .finally(() => {
      asking = null;
    });
  return asking;
}

/**
 * The unread count for a badge. `refresh`: asked again whenever the page shows and when the acting persona
 * changes (我的); otherwise the count another page last learned (消息 keeps it from its own replies).
 */
export function useUnread(refresh = false): number {
  const [count, setCount] = useState(known ?? 0);
  const persona = usePersona();
  useEffect(() => {
    listeners.add(setCount);
    return () => void listeners.delete(setCount);
  }, []);
  useEffect(() => {
    if (refresh) void refreshUnread();
  }, [refresh, persona]);
  // The first show is the mount, which has asked already.
  const shownBefore = useRef(false);
  useDidShow(() => {
    if (refresh && shownBefore.current) void refreshUnread();
    shownBefore.current = true;
  });
  return count;
}
