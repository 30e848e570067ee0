import { useDidHide, useDidShow } from '@tarojs/taro';
import { useCallback, useEffect, useRef, useState } from 'react';
import { call } from '../services/api';
import { codeTimes, secondsLeft } from '../utils/countdown';
import type { LoadError } from './use-paged-list';
import { currentPersona, needsPersona } from '../services/persona';
import { usePersona } from './use-persona';

/** A merchant who scans the code just before it is replaced still has this long to charge it. */
const REFRESH_LEAD_MS = 10_000;

export interface PointsCodeState {
  token: string | null;
  /** Seconds until the next code replaces this one (it stays valid for REFRESH_LEAD_MS more). */
  secondsToRefresh: number;
  error: LoadError | null;
  refreshing: boolean;
  refresh(): void;
}

/**
 * 积分码: asks for a fresh code, shows it, and asks for the next one before it expires, with a
 * one-second countdown. While the page is hidden nothing is issued; coming back fetches a fresh one.
 */
export function usePointsCode(): PointsCodeState {
  const persona = usePersona();
  const [token, setToken] = useState<string | null>(null);
  const [times, setTimes] = useState<{ deadline: number; refreshAt: number } | null>(null);
  const [now, setNow] = useState(() => Date.now());
  const [error, setError] = useState<LoadError | null>(null);
  const [refreshing, setRefreshing] = useState(false);
  const [visible, setVisible] = useState(true);
  // Only the newest request may show its code: an answer for the persona switched away from is dropped.
  const generation = useRef(0);
  const waiting = useRef(false);

  const refresh = useCallback(() => {
    if (needsPersona && !currentPersona()) return;
    const mine = ++generation.current;
    waiting.current = true;
    setRefreshing(true);
    const requestedAt = Date.now();
    void call('points.issueCode', {}).then((reply) => {
      if (mine !== generation.current) return;
      waiting.current = false;
      setRefreshing(false);
      if (reply.ok) {
        setToken(reply.data.token);
        setTimes(codeTimes(requestedAt, reply.data.ttlSeconds, REFRESH_LEAD_MS));
        setError(null);
      } else {
        // A failure stops the automatic refresh: the page offers a retry instead of asking every second.
        setError({ code: reply.code, message: reply.message });
        setTimes(null);
      }
    });
  }, []);

  useEffect(() => {
    if (visible) refresh();
  }, [refresh, visible, persona?.openid]);
  useDidShow(() => setVisible(true));
  useDidHide(() => setVisible(false));

  useEffect(() => {
    if (!visible) return undefined;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [visible]);

  useEffect(() => {
    if (visible && times && now >= times.refreshAt && !waiting.current) refresh();
  }, [now, times, visible, refresh]);

  return { token, secondsToRefresh: times ? secondsLeft(times.refreshAt, now) : 0, error, refreshing, refresh };
}
