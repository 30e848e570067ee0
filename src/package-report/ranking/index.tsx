import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { MonthPicker } from '../../components/month-picker';
import { PageShell } from '../../components/page-shell';
import { Empty, ErrorView, Loading } from '../../components/state-view';
import { usePullRefresh } from '../../hooks/use-pull-refresh';
import { useRemote } from '../../hooks/use-remote';
import { call } from '../../services/api';
import { serverNow } from '../../services/server-clock';
import type { Output } from '../../shared/contract';
import { monthOf } from '../../shared/domain/time';
import { monthLabel, recentMonths } from '../../utils/month';
import '../parts/index.scss';
import './index.scss';

type Grid = Output<'report.gridRanking'>['grids'][number];

const percent = (rate: number | null) => (rate === null ? '—' : `${Math.round(rate * 1000) / 10}%`);
const hours = (h: number) => `${Math.round(h * 10) / 10}`;

/** The first and last day of a month (`2026-11` → 2026-11-01, 2026-11-30). */
function daysOf(month: string): { from: string; to: string } {
  const [y, m] = month.split('-').map(Number);
  return { from: `${month}-01`, to: `${month}-${String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, '0')}` };
}

function GridRow({ grid, onOpen }: { grid: Grid; onOpen: (() => void) | null }) {
  return (
    <View className={`card ranking-row${grid.rank <= 3 ? ` is-top is-top-${grid.rank}` : ''}`} data-id={grid.id} onClick={onOpen ?? undefined}>
      <View className="ranking-row__head">
        <Text className="ranking-row__rank">{grid.rank}</Text>
        <Text className="ranking-row__name">{grid.name}</Text>
        <Text className="ranking-row__rate">{percent(grid.onTimeRate)}</Text>
      </View>
      <View className="ranking-row__bar">
        <View className="ranking-row__fill" style={{ width: `${Math.round((grid.onTimeRate ?? 0) * 100)}%` }} />
      </View>
      <Text className="ranking-row__line">
        按期办结率 {percent(grid.onTimeRate)} · 满意率 {percent(grid.satisfactionRate)}
      </Text>
      <Text className="ranking-row__line">
        收到 {grid.received} 件 · 办结 {grid.resolved} 件 · 志愿服务 {hours(grid.volunteerHours)} 小时
      </Text>
      {onOpen && <Text className="ranking-row__more">查看本月收到的 {grid.received} 件诉求 ›</Text>}
    </View>
  );
}

/** 网格排名 (staff and grid workers): a month's grids, best first by 按期办结率, then 满意率, then volunteer hours. */
function GridRankingPage() {
  const params = useRouter().params;
  const current = monthOf(new Date(serverNow()));
  const [month, setMonth] = useState(params.month && /^\d{4}-\d{2}$/.test(params.month) ? params.month : current);
  const scope = params.scope ? decodeURIComponent(params.scope) : undefined;
  const ranking = useRemote(() => call('report.gridRanking', { ...daysOf(month), ...(scope ? { scope } : {}) }), `${month}:${scope ?? ''}`);
  usePullRefresh(ranking.reload);
  const data = ranking.data;

  const open = (grid: Grid) => () => {
    const { from, to } = daysOf(month);
    const q = `scope=${data!.scope.id}&grid=${grid.id}&from=${from}&to=${to}&metric=received`;
    void Taro.navigateTo({ url: `/package-report/cases/index?${q}` });
  };

  return (
    <PageShell className="report-ranking">
      <MonthPicker months={recentMonths(current, 12)} value={month} onChange={setMonth} />
      {ranking.state === 'loading' ? (
        <Loading />
      ) : ranking.state === 'error' || !data ? (
        <ErrorView error={ranking.error} onRetry={() => void ranking.reload()} />
      ) : (
        <>
          <View className="ranking-head">
            <Text className="ranking-head__title">
              {data.scope.name} · {monthLabel(month)}
            </Text>
            <Text className="ranking-head__hint">排名先看按期办结率，相同时看满意率，再看志愿服务时长。本月没有诉求和志愿服务的网格不参加排名。</Text>
          </View>
          {data.grids.length === 0 ? (
            <Empty
              title={`${monthLabel(month)}还没有可排名的网格`}
              hint="网格受理诉求或有志愿服务后，一两分钟内就会出现在这里；也可以换个月份看看。"
            />
          ) : (
            data.grids.map((g) => <GridRow key={g.id} grid={g} onOpen={data.mayOpenCases ? open(g) : null} />)
          )}
        </>
      )}
    </PageShell>
  );
}

export default GridRankingPage;
