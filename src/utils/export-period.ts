/** The periods 数据导出 offers, as China-time days (`YYYY-MM-DD`, inclusive), counted from the server's clock. */
export interface Period {
  key: 'thisMonth' | 'lastMonth' | 'last30' | 'thisYear';
  label: string;
  from: string;
  to: string;
}

const CST_MS = 8 * 3600_000;
const dayOf = (ms: number) => new Date(ms + CST_MS).toISOString().slice(0, 10);

export function periodPresets(now: number): Period[] {
  const today = dayOf(now);
  const [y, m] = today.split('-').map(Number);
  const pad = (n: number) => String(n).padStart(2, '0');
  const [ly, lm] = m === 1 ? [y - 1, 12] : [y, m - 1];
  const lastDay = new Date(Date.UTC(ly, lm, 0)).getUTCDate();
  return [
    { key: 'thisMonth', label: '本月', from: `${y}-${pad(m)}-01`, to: today },
    { key: 'lastMonth', label: '上月', from: `${ly}-${pad(lm)}-01`, to: `${ly}-${pad(lm)}-${pad(lastDay)}` },
    { key: 'last30', label: '近30天', from: dayOf(now - 29 * 86_400_000), to: today },
    { key: 'thisYear', label: '今年', from: `${y}-01-01`, to: today },
  ];
}

/** The days of a month (`YYYY-MM`) as a period: its first to its last day (a bulletin's month is always over). */
export function monthPeriod(month: string): { from: string; to: string } {
  const [y, m] = month.split('-').map(Number);
  const lastDay = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return { from: `${month}-01`, to: `${month}-${String(lastDay).padStart(2, '0')}` };
}
