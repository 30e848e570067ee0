import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { ActionButton } from '../../components/action-button';
import { PageShell } from '../../components/page-shell';
import { ErrorView, Loading } from '../../components/state-view';
import { useRemote } from '../../hooks/use-remote';
import { call } from '../../services/api';
import type { Output } from '../../shared/contract';
import { formatDateTime } from '../../utils/date-time';
import { assetShort } from '../../utils/points';
import '../parts/index.scss';
import './index.scss';

type Report = Output<'points.reconcile'>;

function Differences({ rows }: { rows: Report['differences'] }) {
  return (
    <View className="card reconcile__table">
      <View className="reconcile__row is-head">
        <Text className="reconcile__account">账户</Text>
        <Text className="reconcile__cell">种类</Text>
        <Text className="reconcile__cell">记录合计</Text>
        <Text className="reconcile__cell">缓存余额</Text>
      </View>
      {rows.map((d) => (
        <View key={`${d.account}-${d.asset}`} className="reconcile__row">
          <Text className="reconcile__account">{d.account}</Text>
          <Text className="reconcile__cell">{assetShort[d.asset]}</Text>
          <Text className="reconcile__cell">{d.postings}</Text>
          <Text className="reconcile__cell is-off">{d.balance}</Text>
        </View>
      ))}
    </View>
  );
}

/** 对账: every account of the community, the sum of its postings against its cached balance. */
function ReconcilePage() {
  const report = useRemote(() => call('points.reconcile', {}));
  const [checking, setChecking] = useState(false);
  const recheck = () => {
    setChecking(true);
    void report.reload().finally(() => setChecking(false));
  };
  const data = report.data;
  const clean = data !== null && data.differences.length === 0;
  return (
    <PageShell className="reconcile">
      <Text className="staff-intro">逐个账户核对：积分记录之和应等于账户余额。系统每天自动对账一次，也可以随时手动核对。</Text>
      {report.state === 'error' && <ErrorView error={report.error} onRetry={report.reload} />}
      {report.state === 'loading' && !data && <Loading text="正在对账…" />}
      {data && (
        <>
          <View className={`card reconcile__verdict${clean ? ' is-clean' : ' is-off'}`}>
            <Text className="reconcile__result">{clean ? '无差异' : `发现 ${data.differences.length} 处差异`}</Text>
            <Text className="reconcile__hint">{clean ? '所有账户的余额与积分记录一致' : '请把下表发给系统管理员核查，不要手工修改余额'}</Text>
          </View>
          <View className="card reconcile__numbers">
            <View className="reconcile__number">
              <Text className="reconcile__figure">{data.accounts}</Text>
              <Text className="reconcile__label">账户数</Text>
            </View>
            <View className="reconcile__number">
              <Text className="reconcile__figure">{data.postings}</Text>
              <Text className="reconcile__label">记录数</Text>
            </View>
          </View>
          {!clean && <Differences rows={data.differences} />}
          <Text className="section-title">核对时间：{formatDateTime(data.checkedAt)}</Text>
        </>
      )}
      <View className="staff-actions">
        <ActionButton kind="default" busy={checking} onClick={recheck}>
          重新对账
        </ActionButton>
      </View>
    </PageShell>
  );
}

export default ReconcilePage;
