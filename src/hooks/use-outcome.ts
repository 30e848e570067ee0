import Taro from '@tarojs/taro';
import { useState } from 'react';
import type { Reply } from '../shared/contract/envelope';
import { afterFailure } from '../utils/action-hints';

export interface Failure {
  code: string;
  message: string;
}

export interface Notice extends Failure {
  hint: string | null;
}

/**
 * How a page answers the steps taken on it. `T` is what a step's reply carries (the record it changed) and
 * `E` names the step (its history line); a step with no line of its own passes null.
 */
export interface Outcome<T = unknown, E extends string = string> {
  /** The last failed step, explained; cleared by the next success. */
  notice: Notice | null;
  /** A step succeeded: say so and show the record as its reply tells it (read again only if it tells nothing). */
  succeed(text: string, change?: Change<T, E>): void;
  /** A step failed: explain it and, when the record moved on meanwhile, show its current state. */
  report(failure: Failure): void;
  /** Takes a button's reply; true on success. `note` is the reason the user wrote, which the line keeps. */
  settle(reply: Reply<T> | null, successText: string, event: E | null, note?: string | null): boolean;
  /**
   * Takes a sheet's reply; true when the sheet should close: on success, or when the record moved on so the
   * sheet's form no longer applies. Other failures stay in the sheet, next to the input they concern.
   */
  closesSheet(reply: Reply<T> | null, successText: string, event: E | null, note?: string | null): boolean;
}

/** What a step's reply says the record is now, and which step it was. */
export interface Change<T, E extends string> {
  data: T;
  event: E | null;
  note?: string | null;
}

/**
 * How a page answers the steps taken on it, so every step reads the same way. A success shows what its reply
 * carries through `apply`, without reading the record again (one call per tap); a failure that means the
 * record moved on reads it again, since the refusal does not carry it.
 */
export function useOutcome<T, E extends string>(reload: () => Promise<void>, apply?: (change: Change<T, E>) => void): Outcome<T, E> {
  const [notice, setNotice] = useState<Notice | null>(null);

  function succeed(text: string, change?: Change<T, E>) {
    setNotice(null);
    void Taro.showToast({ title: text, icon: 'success' });
    if (change && apply) apply(change);
    else void reload();
  }

  function report(failure: Failure) {
    const { hint, refresh } = afterFailure(failure.code);
    setNotice({ ...failure, hint });
    if (refresh) void reload();
  }

  function settle(reply: Reply<T> | null, successText: string, event: E | null, note: string | null = null): boolean {
    if (!reply) return false;
    if (reply.ok) succeed(successText, { data: reply.data, event, note });
    else report({ code: reply.code, message: reply.issues?.[0]?.message ?? reply.message });
    return reply.ok;
  }

  function closesSheet(reply: Reply<T> | null, successText: string, event: E | null, note: string | null = null): boolean {
    if (!reply) return false;
    if (reply.ok || afterFailure(reply.code).refresh) return settle(reply, successText, event, note) || true;
    return false;
  }

  return { notice, succeed, report, settle, closesSheet };
}
