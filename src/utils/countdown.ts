/** Whole seconds left until `deadlineMs`, rounded up so the display reaches 0 only when it has expired. */
export function secondsLeft(deadlineMs: number, nowMs: number): number {
  return Math.max(0, Math.ceil((deadlineMs - nowMs) / 1000));
}

/** 4:05 / 0:09: a countdown of minutes and seconds. */
export function clockText(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

/**
 * When the phone should ask for the next points code: `leadMs` before the shown one expires, so a
 * merchant who scans the last code on screen still has that long to charge it. The deadline is counted
 * on the phone's clock from when the code was requested (its clock and the server's may disagree).
 */
export function codeTimes(requestedAtMs: number, ttlSeconds: number, leadMs: number): { deadline: number; refreshAt: number } {
  const deadline = requestedAtMs + ttlSeconds * 1000;
  return { deadline, refreshAt: Math.max(requestedAtMs, deadline - leadMs) };
}
