import { serverNow } from '../services/server-clock';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** 刚刚 / 5分钟前 / 3小时前 / 2天前 / 11月3日 / 2025年11月3日, as WeChat shows times in lists. */
export function timeAgo(iso: string, now: number = serverNow()): string {
  const at = new Date(iso);
  const ms = now - at.getTime();
  if (Number.isNaN(ms)) return '';
  if (ms < MINUTE) return '刚刚';
  if (ms < HOUR) return `${Math.floor(ms / MINUTE)}分钟前`;
  if (ms < DAY) return `${Math.floor(ms / HOUR)}小时前`;
  if (ms < 7 * DAY) return `${Math.floor(ms / DAY)}天前`;
  const sameYear = at.getFullYear() === new Date(now).getFullYear();
  return `${sameYear ? '' : `${at.getFullYear()}年`}${at.getMonth() + 1}月${at.getDate()}日`;
}
