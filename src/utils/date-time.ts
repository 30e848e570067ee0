import { serverNow } from '../services/server-clock';

const pad = (n: number) => String(n).padStart(2, '0');

function dayStart(at: Date): number {
  return new Date(at.getFullYear(), at.getMonth(), at.getDate()).getTime();
}

/** 今天 14:05 / 昨天 09:12 / 11月3日 14:05 / 2025年11月3日 14:05, in the phone's own time zone. */
export function formatDateTime(iso: string, now: number = serverNow()): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return '';
  const clock = `${pad(at.getHours())}:${pad(at.getMinutes())}`;
  const days = Math.round((dayStart(new Date(now)) - dayStart(at)) / 86_400_000);
  if (days === 0) return `今天 ${clock}`;
  if (days === 1) return `昨天 ${clock}`;
  const sameYear = at.getFullYear() === new Date(now).getFullYear();
  return `${sameYear ? '' : `${at.getFullYear()}年`}${at.getMonth() + 1}月${at.getDate()}日 ${clock}`;
}
