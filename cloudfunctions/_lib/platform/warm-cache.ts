/**
 * What a warm function instance may keep between calls: settings that change rarely and only shape what a page
 * shows (never what is paid or allowed), so a list read does not pay a request for them each time. A change
 * reaches every instance within `ttlMs`.
 */
const kept = new Map<string, { until: number; value: Promise<unknown> }>();

export function warmCached<T>(key: string, ttlMs: number, load: () => Promise<T>): Promise<T> {
  const now = Date.now();
  const hit = kept.get(key);
  if (hit && hit.until > now) return hit.value as Promise<T>;
  const value = load();
  kept.set(key, { until: now + ttlMs, value });
  // A failed read is not kept: the next call asks again.
  value.catch(() => kept.delete(key));
  return value;
}

/**
 * Values by id, each kept on its own (so a page that names a street and a community reuses what a call that
 * named only the community read); the ids not kept yet are read together in one `load`.
 */
export async function warmCachedEach<T>(
  prefix: string,
  ids: readonly string[],
  ttlMs: number,
  load: (ids: string[]) => Promise<Map<string, T>>,
): Promise<Map<string, T>> {
  const now = Date.now();
  const unique = [...new Set(ids)];
  const missing = unique.filter((id) => !((kept.get(`${prefix}:${id}`)?.until ?? 0) > now));
  const loaded = missing.length > 0 ? load(missing) : Promise.resolve(new Map<string, T>());
  const found = new Map<string, T>();
  for (const id of unique) {
    const value = await warmCached<T | undefined>(`${prefix}:${id}`, ttlMs, async () => (await loaded).get(id));
    if (value !== undefined) found.set(id, value);
  }
  return found;
}

/** Drops what this instance keeps under `key`, after a change to it: this instance answers anew at once, others within their ttl. */
export function forgetWarm(key: string): void {
  kept.delete(key);
}
