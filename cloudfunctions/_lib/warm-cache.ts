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
