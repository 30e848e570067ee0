import { Axis, Chart, Interval, Legend, Line, Point } from '@antv/f2';
import { f2, type F2Node } from '../parts/f2-chart';

/** The three charts of the 数据看板, as F2 trees (F2's own `jsx`, called directly through `f2`: no React JSX here). */

const GREEN = '#07c160';
const BLUE = '#1677ff';
const ORANGE = '#fa8c16';

/** Care mode draws larger labels (and so fewer of them along the months). */
export interface ChartLook {
  fontSize: number;
  care: boolean;
}

const axisLabel = (look: ChartLook) => ({ label: { fontSize: look.fontSize, fill: '#595959' } });
const legend = (look: ChartLook) => ({
  position: 'top',
  style: { justifyContent: 'center' },
  nameStyle: { fontSize: look.fontSize, fill: '#595959' },
});

/** A count axis from 0 in whole numbers: four steps up to the next multiple of four at or above the largest. */
function countScale(values: readonly number[]) {
  const max = Math.max(4, Math.ceil(Math.max(0, ...values) / 4) * 4);
  return { min: 0, max, tickCount: 5 };
}

/** 12 个月趋势: cases received and resolved each month (grouped bars) and the 按期办结率 line over them. */
export function trendChart(rows: ReadonlyArray<{ month: string; received: number; resolved: number }>, look: ChartLook): F2Node {
  const data = rows.flatMap((r) => [
    { month: `${Number(r.month.slice(5))}月`, kind: '受理', count: r.received },
    { month: `${Number(r.month.slice(5))}月`, kind: '办结', count: r.resolved },
  ]);
  return f2(
    Chart,
    { data, scale: { count: countScale(data.map((r) => r.count)), month: { tickCount: look.care ? 6 : 12 } } },
    f2(Axis, { field: 'month', style: axisLabel(look) }),
    f2(Axis, { field: 'count', style: axisLabel(look) }),
    f2(Interval, { x: 'month', y: 'count', color: { field: 'kind', range: [BLUE, GREEN] }, adjust: 'dodge' }),
    f2(Legend, legend(look)),
  );
}

/** 类别分布: cases received per category, most first (horizontal bars). */
export function categoryChart(rows: ReadonlyArray<{ name: string; received: number }>, look: ChartLook): F2Node {
  const data = [...rows].reverse().map((r) => ({ name: r.name, count: r.received }));
  return f2(
    Chart,
    { data, coord: { transposed: true }, scale: { count: countScale(data.map((r) => r.count)) } },
    f2(Axis, { field: 'name', style: axisLabel(look) }),
    f2(Axis, { field: 'count', style: axisLabel(look) }),
    f2(Interval, { x: 'name', y: 'count', color: BLUE }),
  );
}

/** 网格排名: each grid's 按期办结率 (%), best on top, with a point for its 满意率 where it has ratings. */
export function gridChart(
  rows: ReadonlyArray<{ name: string; onTimeRate: number | null; satisfactionRate: number | null }>,
  look: ChartLook,
): F2Node {
  const data = [...rows].reverse().map((r) => ({ name: r.name, rate: Math.round((r.onTimeRate ?? 0) * 100) }));
  return f2(
    Chart,
    // The bars stop short of the right edge so that the last label (100%) is not cut.
    { data, coord: { transposed: true }, scale: { rate: { min: 0, max: 100, tickCount: 5, range: [0, 0.93] } } },
    f2(Axis, { field: 'name', style: axisLabel(look) }),
    f2(Axis, { field: 'rate', style: axisLabel(look), formatter: (v: number) => `${v}%` }),
    f2(Interval, { x: 'name', y: 'rate', color: GREEN }),
  );
}

/** 满意率 by month as a line (used under the trend when there are ratings). */
export function satisfactionChart(
  rows: ReadonlyArray<{ month: string; satisfactionRate: number | null; onTimeRate: number | null }>,
  look: ChartLook,
): F2Node {
  const data = rows.flatMap((r) => {
    const month = `${Number(r.month.slice(5))}月`;
    return [
      ...(r.onTimeRate === null ? [] : [{ month, kind: '按期办结率', rate: Math.round(r.onTimeRate * 100) }]),
      ...(r.satisfactionRate === null ? [] : [{ month, kind: '满意率', rate: Math.round(r.satisfactionRate * 100) }]),
    ];
  });
  return f2(
    Chart,
    { data, scale: { rate: { min: 0, max: 100, tickCount: 5 } } },
    f2(Axis, { field: 'month', style: axisLabel(look) }),
    f2(Axis, { field: 'rate', style: axisLabel(look), formatter: (v: number) => `${v}%` }),
    f2(Line, { x: 'month', y: 'rate', color: { field: 'kind', range: [GREEN, ORANGE] } }),
    f2(Point, { x: 'month', y: 'rate', color: { field: 'kind', range: [GREEN, ORANGE] }, size: look.care ? 5 : 4 }),
    f2(Legend, legend(look)),
  );
}
