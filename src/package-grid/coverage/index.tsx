import { Text, View } from '@tarojs/components';
import { PageShell } from '../../components/page-shell';
import { Empty, ErrorView, Loading } from '../../components/state-view';
import { usePullRefresh } from '../../hooks/use-pull-refresh';
import { useRemote } from '../../hooks/use-remote';
import { call } from '../../services/api';
import './index.scss';

/**
 * 走访覆盖: per grid of the community, visits due today (by tier and by event), visits logged this month, and visits
 * overdue (staff).
 */
function CoveragePage() {
  const cover = useRemote(() => call('care.coverage', {}));
  usePullRefresh(cover.reload);
  if (cover.state === 'loading') return <PageShell className="coverage"><Loading /></PageShell>;
  if (cover.state === 'error' || !cover.data) return <PageShell className="coverage"><ErrorView error={cover.error} onRetry={() => void cover.reload()} /></PageShell>;
  const { month, grids } = cover.data;
  return (
    <PageShell className="coverage">
      <Text className="coverage__intro">{month} 各网格红黄蓝走访情况：逾期的请提醒网格员尽快上门。</Text>
      {grids.length === 0 && <Empty title="社区还没有网格" hint="请管理员在组织架构里建好网格和楼栋。" />}
      {grids.map((g) => (
        <View key={g.gridId} className={`card coverage__grid${g.overdue > 0 ? ' is-overdue' : ''}`}>
          <Text className="coverage__name">{g.gridName}</Text>
          {g.events > 0 && <Text className="coverage__events">其中事件回访（住院、助老、困难）{g.events} 次</Text>}
          <View className="coverage__numbers">
            <View className="coverage__cell">
              <Text className="coverage__n">{g.due}</Text>
              <Text className="coverage__label">今天到期</Text>
            </View>
            <View className="coverage__cell">
              <Text className="coverage__n">{g.done}</Text>
              <Text className="coverage__label">本月已走访</Text>
            </View>
            <View className="coverage__cell">
              <Text className={`coverage__n${g.overdue > 0 ? ' is-danger' : ''}`}>{g.overdue}</Text>
              <Text className="coverage__label">已逾期</Text>
            </View>
          </View>
        </View>
      ))}
    </PageShell>
  );
}

export default CoveragePage;
