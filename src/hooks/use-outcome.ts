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

export interface Outcome {
  /** The last failed step, explained; cleared by the next success. */
  notice: Notice | null;
  /** A step succeeded: say so and show the wish's new state. */
  succeed(text: string): void;
  /** A step failed: explain it and, when the wish moved on meanwhile, show its current state. */
  report(failure: Failure): void;
  /** Takes a button's reply; true on success. */
  settle<T>(reply: Reply<T> | null, successText: string): boolean;
  /**
   * Takes a sheet's reply; true when the sheet should close: on success, or when the wish moved on so the
   * sheet's form no longer applies. Other failures stay in the sheet, next to the input they concern.
   */
  closesSheet<T>(reply: Reply<T> | null, successText: string): boolean;
}

/** How a page answers the steps taken on it, so every step reads the same way. */
export function useOutcome(reload: () => Promise<void>): Outcome {
  const [notice, setNotice] = useState<Notice | null>(null);

  function succeed(text: string) {
    setNotice(null);
    void Taro.showToast({ title: text, icon: 'success' });
    void reload();
  }

  function report(failure: Failure) {
    const { hint, refresh } = afterFailure(failure.code);
    setNotice({ ...failure, hint });
    if (refresh) void reload();
  }

  function settle<T>(reply: Reply<T> | null, successText: string): boolean {
    if (!reply) return false;
    if (reply.ok) succeed(successText);
    else report({ code: reply.code, message: reply.issues?.[0]?.message ?? reply.message });
    return reply.ok;
  }

  function closesSheet<T>(reply: Reply<T> | null, successText: string): boolean {
    if (!reply) return false;
    if (reply.ok || afterFailure(reply.code).refresh) return settle(reply, successText) || true;
    return false;
  }

  return { notice, succeed, report, settle, closesSheet };
}
