import { useCallback, useEffect, useRef, useState } from 'react';
import type { Reply } from '../shared/contract/envelope';
import type { LoadError, LoadState } from './use-paged-list';
import { usePersona } from './use-persona';

export interface Remote<T> {
  state: LoadState;
  data: T | null;
  error: LoadError | null;
  /** Asks again (a retry, a pull-to-refresh); resolves when the answer has arrived (or failed). */
  reload(): Promise<void>;
  /** Shows what a mutation's reply says the data is now, instead of reading it again. */
  update(change: (data: T) => T): void;
}

/**
 * One read from the server, refetched when the acting persona changes and when `key` (what is asked for)
 * changes; a null `key` waits (what to ask for is not known yet). `load` is told whether the user asked
 * again, so an answer kept for the session is then fetched anew.
 */
export function useRemote<T>(load: (again: boolean) => Promise<Reply<T>>, key: string | null = ''): Remote<T> {
  const persona = usePersona();
  const [state, setState] = useState<LoadState>('loading');
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<Remote<T>['error']>(null);
  const loadRef = useRef(load);
  loadRef.current = load;
  const generation = useRef(0);
  const shown = useRef(false);

  const run = useCallback((again: boolean) => {
    const mine = ++generation.current;
    return loadRef.current(again).then((reply) => {
      if (mine !== generation.current) return;
      if (reply.ok) {
        shown.current = true;
        setData(reply.data);
        setError(null);
        setState('ready');
      } else {
        setError({ code: reply.code, message: reply.message });
        setState('error');
      }
    });
  }, []);
  const reload = useCallback(() => run(true), [run]);

  const update = useCallback((change: (data: T) => T) => {
    if (!shown.current) return;
    // A read still on its way started before the change: its answer would put the old state back.
    generation.current++;
    setData((prev) => (prev === null ? prev : change(prev)));
    setError(null);
    setState('ready');
  }, []);

  useEffect(() => {
    if (key === null) return;
    setState('loading');
    void run(false);
  }, [run, persona?.openid, key]);

  return { state, data, error, reload, update };
}
