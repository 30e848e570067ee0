import { useCallback, useEffect, useRef, useState } from 'react';
import type { Reply } from '../shared/contract/envelope';
import type { LoadError, LoadState } from './use-paged-list';
import { usePersona } from './use-persona';

export interface Remote<T> {
  state: LoadState;
  data: T | null;
  error: LoadError | null;
  /** Resolves when the answer has arrived (or failed). */
  reload(): Promise<void>;
}

/** One read from the server, refetched when the acting persona changes and when `key` (what is asked for) changes. */
export function useRemote<T>(load: () => Promise<Reply<T>>, key = ''): Remote<T> {
  const persona = usePersona();
  const [state, setState] = useState<LoadState>('loading');
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<Remote<T>['error']>(null);
  const loadRef = useRef(load);
  loadRef.current = load;
  const generation = useRef(0);

  const reload = useCallback(() => {
    const mine = ++generation.current;
    return loadRef.current().then((reply) => {
      if (mine !== generation.current) return;
      if (reply.ok) {
        setData(reply.data);
        setError(null);
        setState('ready');
      } else {
        setError({ code: reply.code, message: reply.message });
        setState('error');
      }
    });
  }, []);

  useEffect(() => {
    setState('loading');
    void reload();
  }, [reload, persona?.openid, key]);

  return { state, data, error, reload };
}
