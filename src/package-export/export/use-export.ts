import { useEffect, useRef, useState } from 'react';
import type { Output } from '../../shared/contract';
import { call } from '../../services/api';

export type ExportView = NonNullable<Output<'report.exportStatus'>['export']>;

/** How often a running export is asked after: each ask also carries it one page further on the server. */
const POLL_MS = 1500;
const MAX_FAILURES = 3;
const transient = new Set(['INTERNAL', 'BUSY', 'REQUEST_IN_PROGRESS']);

/**
 * The person's export as the server has it: read when the page opens, then asked after while it runs until it is
 * done or failed. An ask that fails (network, a busy moment) is repeated twice; then the page says so and
 * `resume` asks again.
 */
export function useExport() {
  const [view, setView] = useState<ExportView | null>(null);
  const [loaded, setLoaded] = useState(false);
  const [pollError, setPollError] = useState<string | null>(null);
  const alive = useRef(true);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const failures = useRef(0);

  async function ask() {
    const reply = await call('report.exportStatus', {});
    if (!alive.current) return;
    setLoaded(true);
    if (!reply.ok) {
      // A lost answer or a busy moment is asked again a few times before the page says so.
      if (transient.has(reply.code) && ++failures.current < MAX_FAILURES) {
        timer.current = setTimeout(() => void ask(), POLL_MS * 2);
        return;
      }
      return setPollError(reply.message);
    }
    failures.current = 0;
    setPollError(null);
    setView(reply.data.export);
    if (reply.data.export?.status === 'running') timer.current = setTimeout(() => void ask(), POLL_MS);
  }

  useEffect(() => {
    alive.current = true;
    void ask();
    return () => {
      alive.current = false;
      if (timer.current) clearTimeout(timer.current);
    };
    // Read once when the page opens; `follow` and `resume` ask again.
  }, []);

  return {
    view,
    loaded,
    pollError,
    /** A start's reply: shown at once, then followed until done. */
    follow(started: ExportView) {
      if (timer.current) clearTimeout(timer.current);
      setView(started);
      if (started.status === 'running') timer.current = setTimeout(() => void ask(), POLL_MS);
    },
    resume() {
      failures.current = 0;
      setPollError(null);
      void ask();
    },
    /** A fresh link (the last one may have lapsed): one ask, answered with the view it read. */
    async fresh(): Promise<ExportView | null> {
      const reply = await call('report.exportStatus', {});
      if (!reply.ok) throw new Error(reply.message);
      setView(reply.data.export);
      return reply.data.export;
    },
  };
}
