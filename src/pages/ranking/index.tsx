import { PageShell } from '../../components/page-shell';
import { MonthPicker } from '../../components/month-picker';
import { RankingList } from '../../components/ranking-list';
import { ErrorView, Loading } from '../../components/state-view';
import { useMonthRanking } from '../../hooks/use-month-ranking';
import { usePullRefresh } from '../../hooks/use-pull-refresh';

/** 明星党员 ranking of the community: this month live, past months as closed (with their stars). */
function RankingPage() {
  const { ranking, month, months, pick } = useMonthRanking(0);
  usePullRefresh(ranking.reload);
  return (
    <PageShell className="ranking-page">
      <MonthPicker months={months} value={month} onChange={pick} />
      {ranking.state === 'loading' && <Loading />}
      {ranking.state === 'error' && <ErrorView error={ranking.error} onRetry={ranking.reload} />}
      {ranking.state === 'ready' && ranking.data && <RankingList ranking={ranking.data} />}
    </PageShell>
  );
}

export default RankingPage;
