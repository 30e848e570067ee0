/**
 * The server's clock as the app last heard it: every reply carries `serverTime`, and the difference to the
 * phone's clock is kept, so "今天", "3天前" and deadlines all count from the same clock whatever the phone says.
 */
let offsetMs = 0;
let heard = false;

/** Called with each reply's `serverTime` and when the request left and its answer came back (phone clock). */
export function noteServerTime(serverTime: string | undefined, sentAt: number, receivedAt: number): void {
  const at = serverTime ? Date.parse(serverTime) : NaN;
  if (Number.isNaN(at)) return;
  offsetMs = at - Math.round((sentAt + receivedAt) / 2);
  heard = true;
}

/** Whether any reply has told the server's clock yet (before that, `serverNow` is only the phone's). */
export function serverClockHeard(): boolean {
  return heard;
}

/** Now, on the server's clock (the phone's until the first reply). */
export function serverNow(): number {
  return Date.now() + offsetMs;
}
