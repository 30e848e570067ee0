import { AsyncLocalStorage } from 'node:async_hooks';
import type { Database } from './runtime';

// How many database requests an invocation made, for its log line (handler.ts). Counted where every request
// starts: a call on a collection, query, document or aggregate of the SDK that answers a promise is one request;
// a transaction is two more per attempt (its start and its commit). Counting sends nothing to the database.
const current = new AsyncLocalStorage<{ n: number }>();

/** Runs `work` and answers its result with the database requests made meanwhile (in its async calls only). */
export async function counting<T>(work: () => Promise<T>): Promise<{ value: T; requests: number }> {
  const tally = { n: 0 };
  const value = await current.run(tally, work);
  return { value, requests: tally.n };
}

function count(by: number): void {
  const tally = current.getStore();
  if (tally) tally.n += by;
}

/** A view of an SDK object whose promise-answering methods count, and whose chained objects are such views too. */
function counted<T extends object>(target: T): T {
  return new Proxy(target, {
    get(obj, key) {
      const value: unknown = Reflect.get(obj, key, obj);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        const result: unknown = Reflect.apply(value, obj, args);
        if (typeof (result as { then?: unknown } | null)?.then === 'function') {
          count(1);
          return result;
        }
        return typeof result === 'object' && result !== null ? counted(result) : result;
      };
    },
  });
}

/** The database as the functions use it, its requests counted; commands (`db.command`) are the SDK's own. */
export function countedDb(raw: Database): Database {
  return {
    collection: (name) => counted(raw.collection(name)),
    runTransaction: (work, retries) =>
      raw.runTransaction((tx) => {
        count(2);
        return work(counted(tx));
      }, retries),
    serverDate: () => raw.serverDate(),
    RegExp: (options) => raw.RegExp(options),
    command: raw.command,
    Geo: raw.Geo,
  };
}
