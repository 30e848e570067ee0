import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useMemo } from 'react';
import { PageShell } from '../../components/page-shell';
import { PagedListView } from '../../components/paged-list';
import { Empty } from '../../components/state-view';
import { usePullRefresh } from '../../hooks/use-pull-refresh';
import { levelLabels, petitionLevels, type PetitionLevel } from '../../shared/domain/petition-ladder';
import { caseMetrics, isLiveMetric, type CaseMetric } from '../../shared/domain/stats-cases';
import { formatDateTime } from '../../utils/date-time';
import { useCasesList, type CaseRow } from './use-cases-list';
import '../parts/index.scss';
import './index.scss';

const day = /^\d{4}-\d{2}-\d{2}$/;

/** The query the dashboard sent in the page's address, or null when it is not one. */
function queryOf(params: Record<string, string | undefined>) {
  const p = (name: string) => (params[name] ? decodeURIComponent(params[name]!) : undefined);
  const [from, to, metric] = [p('from'), p('to'), p('metric')];
  if (!from || !to || !day.test(from) || !day.test(to) || !metric || !(caseMetrics as readonly string[]).includes(metric)) return null;
  const level = p('level');
  return {
    from,
    to,
    metric: metric as CaseMetric,
    ...(p('scope') ? { scope: p('scope') } : {}),
    ...(p('category') ? { category: p('category') } : {}),
    ...(p('grid') ? { grid: p('grid') } : {}),
    ...(level && (petitionLevels as readonly string[]).includes(level) ? { level: level as PetitionLevel } : {}),
    ...(p('department') ? { department: p('department') } : {}),
  };
}

/** What the list counts, in a sentence under its title. */
function explain(metric: CaseMetric): string {
  if (metric === 'wishes') return '本时段内发布的微心愿。';
  if (isLiveMetric(metric)) return metric === 'openNow' ? '现在仍在办理中的诉求，按办理期限先后排列。' : '现在已超过办理期限的诉求，最急的在前。';
  return '按提交时间统计：本时段内提交的诉求中符合条件的，与数据看板的数字一致。';
}

function open(row: CaseRow) {
  const url = row.kind === 'wish' ? `/pages/wish-detail/index?id=${row.id}` : `/pages/petition-detail/index?id=${row.id}`;
  void Taro.navigateTo({ url });
}

function Row({ row }: { row: CaseRow }) {
  return (
    <View className={`card cases-row${row.overdue ? ' is-overdue' : ''}`} data-id={row.id} onClick={() => open(row)}>
      <View className="cases-row__head">
        <Text className="cases-row__title">{row.title}</Text>
        <Text className={`tag cases-row__status is-${row.status}`}>{row.statusLabel}</Text>
      </View>
      <Text className="cases-row__line">
        {[row.categoryName, row.gridName, row.level ? `${levelLabels[row.level]}办理` : null].filter(Boolean).join(' · ')}
      </Text>
      <Text className="cases-row__time">提交 {formatDateTime(row.createdAt)}</Text>
      {row.resolvedAt && (
        <Text className="cases-row__time">
          {row.kind === 'wish' ? '完成' : '办结'} {formatDateTime(row.resolvedAt)}
        </Text>
      )}
      <View className="cases-row__foot">
        {row.overdue && <Text className="cases-row__overdue">已超期</Text>}
        {row.rating && <Text className="cases-row__rating">评价：{row.rating}</Text>}
        <Text className="cases-row__more">查看详情 ›</Text>
      </View>
    </View>
  );
}

/** 案件清单 (staff): the cases behind a number of the 数据看板, opened by tapping the number. */
function CasesPage() {
  const params = useRouter().params;
  const query = useMemo(() => queryOf(params), [params]);
  const list = useCasesList(query);
  usePullRefresh(list.reload);

  if (!query)
    return (
      <PageShell className="report-cases">
        <Empty title="不知道要看哪一组案件" hint="请回到数据看板，点一个数字查看它背后的案件。" />
      </PageShell>
    );
  return (
    <PageShell className="report-cases">
      {list.state === 'ready' && list.title !== null && (
        <View className="cases-head">
          <Text className="cases-head__title">{list.title}</Text>
          <Text className="cases-head__count">
            共 <Text className="cases-head__number">{list.count ?? list.items.length}</Text> 件
          </Text>
          <Text className="cases-head__hint">{explain(query.metric)}</Text>
        </View>
      )}
      <PagedListView
        list={list}
        keyOf={(r) => r.id}
        render={(r) => <Row row={r} />}
        empty={<Empty title="这里没有案件" hint="换一个时段或筛选条件看看；新办理的案件一两分钟后计入统计。" />}
      />
    </PageShell>
  );
}

export default CasesPage;
