import Taro, { useDidShow } from '@tarojs/taro';
import { useEffect, useRef, useState } from 'react';
import { call } from '../services/api';
import { currentPersona } from '../services/persona';
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

/** The question on its way, and whose: the acting persona on H5 (on WeChat always the one signed in). */
let asking: { who: string | null; answer: Promise<void> } | null = null;
/** Counts the questions asked: an answer shows only if no question was asked after it. */
let asked = 0;

/**
 * Asks how many messages are unread (`notify.unread`, one count) and shows it. Asked again by the same caller while
 * a question is on its way (the app shows and 我的 opens at the same moment), the same answer serves both. Asked for
 * someone else (a persona switched on H5 while a guest's question was on its way), it asks again, and the earlier
 * answer — which may arrive later — is not shown.
 */
export function refreshUnread(): Promise<void> {
  const who = currentPersona()?.openid ?? null;
  if (asking && asking.who === who) return asking.answer;
  const question = ++asked;
  // In the background: a guest's refusal must not move them off the page they opened (the join page).
  const answer = call('notify.unread', {}, { background: true })
    .then((reply) => {
      if (reply.ok && question === asked) setUnread(reply.data.unread);
    })
    .finally(() => {
      if (asking?.answer === answer) asking = null;
    });
  asking = { who, answer };
  return answer;
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
