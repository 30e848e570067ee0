import { View } from '@tarojs/components';
import { useState } from 'react';
import { ChoiceChips } from '../../components/choice-chips';
import { PageShell } from '../../components/page-shell';
import { PagedListView } from '../../components/paged-list';
import { Empty } from '../../components/state-view';
import { periodLabel, periodOf } from '../../shared/domain/review';
import { serverNow } from '../../services/server-clock';
import { useResults } from '../parts/use-results';
import { MemberRow, RoundCard, RuleNote } from '../parts/views';
import '../parts/index.scss';

/** This half-year and the one before: the rounds a member may want to look up. */
function recentPeriods(now: number): string[] {
  const current = periodOf(new Date(now));
  const [year, half] = [Number(current.slice(0, 4)), current.endsWith('1') ? 1 : 2];
  return [current, half === 2 ? `${year}h1` : `${year - 1}h2`];
}

/** 民主评议结果: the published list of a half-year, every member with their grade and the points it made. */
function ReviewResultsPage() {
  const periods = recentPeriods(serverNow());
  const [period, setPeriod] = useState(periods[0]);
  const { round, list } = useResults(period, period);
  const published = round?.status === 'published';
  return (
    <PageShell className="review-page">
      <View className="review-actions">
        <ChoiceChips choices={periods.map((p) => ({ value: p, label: periodLabel(p) }))} value={period} onChange={setPeriod} />
      </View>
      {round && <RoundCard round={round} />}
      {round && published && <RuleNote />}
      <PagedListView
        list={list}
        keyOf={(m) => m.memberId}
        render={(m) => <MemberRow m={m} published={published} />}
        empty={
          !round ? (
            <Empty title={`${periodLabel(period)}没有开展民主评议`} hint="评议由社区工作人员开启，每半年一次。" />
          ) : (
            <Empty title="评议结果尚未公布" hint={round.status === 'open' ? '评议还在进行中，结束后公布。' : '结果正在计入党员积分，稍后公布。'} />
          )
        }
      />
    </PageShell>
  );
}

export default ReviewResultsPage;
