// Stand-ins for what the app finds around it at run time: a browser's localStorage (H5) and the env the
// Taro build would have replaced.

/** A Map-backed localStorage, installed as `window.localStorage` for code that runs "in the browser". */
export function installWindow(): Map<string, string> {
  const store = new Map<string, string>();
  const localStorage = {
    getItem: (k: string) => store.get(k) ?? null,
    setItem: (k: string, v: string) => void store.set(k, String(v)),
    removeItem: (k: string) => void store.delete(k),
  };
  (globalThis as { window?: unknown }).window = { localStorage };
  return store;
}

export function removeWindow(): void {
  delete (globalThis as { window?: unknown }).window;
}

/** Runs the rest of a test as one build target (`process.env.TARO_ENV` is read at call time). */
export function asTarget(target: 'weapp' | 'h5'): void {
  process.env.TARO_ENV = target;
}

/**
 * Both transports of services/api under test: `callFunction` (weapp, mocked by the test file) is reset before each
 * test, and `fetch` (H5) is replaced by the returned mock and restored after; the api's warnings stay quiet.
 */
export function fakeTransports(callFunction: jest.Mock, before: () => void = () => undefined): jest.Mock {
  const fetchMock = jest.fn();
  const realFetch = globalThis.fetch;
  beforeEach(() => {
    before();
    callFunction.mockReset();
    fetchMock.mockReset();
    globalThis.fetch = fetchMock as unknown as typeof fetch;
    jest.spyOn(console, 'warn').mockImplementation(() => undefined);
  });
  afterEach(() => {
    globalThis.fetch = realFetch;
    removeWindow();
    jest.restoreAllMocks();
  });
  return fetchMock;
}
