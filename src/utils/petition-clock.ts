const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * The server's clock now, estimated from the time a read reported and how long the phone has counted
 * since: a phone set to the wrong day still shows the right countdown.
 */
export function serverNow(serverTime: string, readAt: number, phoneNow: number): number {
  return Date.parse(serverTime) + Math.max(0, phoneNow - readAt);
}

/** 2天3小时 / 5小时20分 / 15分钟 / 不到1分钟: a span as the countdowns show it. */
export function spanText(ms: number): string {
  const span = Math.abs(ms);
  if (span < MINUTE) return '不到1分钟';
  if (span < HOUR) return `${Math.floor(span / MINUTE)}分钟`;
  if (span < DAY) {
    const minutes = Math.floor((span % HOUR) / MINUTE);
    return `${Math.floor(span / HOUR)}小时${minutes ? `${minutes}分` : ''}`;
  }
  const hours = Math.floor((span % DAY) / HOUR);
  return `${Math.floor(span / DAY)}天${hours ? `${hours}小时` : ''}`;
}

export interface Countdown {
  overdue: boolean;
  /** 还剩 2天3小时 / 已超时 5小时 */
  text: string;
}

export function countdown(dueAt: string, now: number): Countdown {
  const left = Date.parse(dueAt) - now;
  return left > 0 ? { overdue: false, text: `还剩 ${spanText(left)}` } : { overdue: true, text: `已超时 ${spanText(left)}` };
}
