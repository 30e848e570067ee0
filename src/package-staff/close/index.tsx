import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { ActionButton } from '../../components/action-button';
import { MonthPicker } from '../../components/month-picker';
import { NoticeBanner } from '../../components/notice-banner';
import { PageShell } from '../../components/page-shell';
import { RankingList } from '../../components/ranking-list';
import { ErrorView, Loading } from '../../components/state-view';
import { useMonthRanking } from '../../hooks/use-month-ranking';
import { useSubmit } from '../../hooks/use-submit';
import { monthLabel } from '../../utils/month';
import { toastResult } from '../../utils/toast';
import '../parts/index.scss';

/** 月度结算: freeze a past month's 党员积分 ranking and name its 明星党员; asked twice, because it cannot be undone. */
function CloseMonthPage() {
  const { ranking, month, months, pick } = useMonthRanking(-1);
  const close = useSubmit('points.closeMonth');
  const [confirming, setConfirming] = useState(false);
  const data = ranking.state === 'ready' ? ranking.data : null;

  function choose(m: string) {
    setConfirming(false);
    pick(m);
  }

  async function onClose() {
    if (!month) return;
    const reply = await close.submit({ month });
    if (!reply?.ok) return;
    setConfirming(false);
    toastResult({ ok: true, text: reply.data.replayed ? '该月此前已结算' : '结算完成' });
    // The reply is the frozen ranking itself.
    ranking.update(() => reply.data);
  }

  return (
    <PageShell className="close-month">
      <Text className="staff-intro">月度结算冻结该月的党员积分排名，并评出前三名明星党员。只能结算已经结束的月份，结算后不能更改。</Text>
      <MonthPicker months={months} value={month} onChange={choose} />
      <NoticeBanner failure={close.failure} />
      {ranking.state === 'error' && <ErrorView error={ranking.error} onRetry={ranking.reload} />}
      {ranking.state === 'loading' && <Loading />}
      {data && <RankingList ranking={data} />}
      {data && !data.closed && month && (
        <View className="staff-actions">
          {confirming ? (
            <>
              <Text className="staff-intro">确认结算{monthLabel(month)}？排名将按上表冻结。</Text>
              <ActionButton busy={close.submitting} onClick={onClose}>
                确认结算
              </ActionButton>
            </>
          ) : (
            <ActionButton onClick={() => setConfirming(true)}>结算{monthLabel(month)}</ActionButton>
          )}
        </View>
      )}
    </PageShell>
  );
}

export default CloseMonthPage;
