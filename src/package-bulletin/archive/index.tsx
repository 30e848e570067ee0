import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { PagedListView } from '../../components/paged-list';
import { PageShell } from '../../components/page-shell';
import { Empty } from '../../components/state-view';
import { usePagedList } from '../../hooks/use-paged-list';
import { usePullRefresh } from '../../hooks/use-pull-refresh';
import { call } from '../../services/api';
import type { Output } from '../../shared/contract';
import { monthLabel } from '../../utils/month';
import { percent } from '../parts/format';
import '../parts/index.scss';

type Item = Output<'report.bulletins'>['items'][number];

function ArchiveItem({ item }: { item: Item }) {
  const open = () => void Taro.navigateTo({ url: `/package-bulletin/read/index?month=${item.month}` });
  return (
    <View className="card bulletin-archive-item" onClick={open}>
      <View className="bulletin-head__top">
        <Text className="bulletin-archive-item__month">{monthLabel(item.month)}月报</Text>
        {item.status === 'draft' && <Text className="tag bulletin-head__status is-draft">草稿 待发布</Text>}
      </View>
      <Text className="bulletin-archive-item__line">
        收到诉求 {item.received} 件 · 办结率 {percent(item.resolutionRate)} · 满意率 {percent(item.satisfactionRate)}
      </Text>
      <Text className="bulletin-archive-item__open">查看全文 ›</Text>
    </View>
  );
}

/** 往期月报: the community's monthly bulletins, newest first (residents see the published ones). */
function BulletinArchivePage() {
  const list = usePagedList((offset) => call('report.bulletins', { offset, limit: 12 }), 'bulletins');
  usePullRefresh(list.reload);
  return (
    <PageShell className="bulletin-page">
      <Text className="bulletin__intro">每月1日生成上月的社区月报：诉求办理、网格排名、明星党员、美德商铺和志愿者，社区发布后可在这里查看。</Text>
      <PagedListView
        list={list}
        keyOf={(b) => b.month}
        render={(b) => <ArchiveItem item={b} />}
        empty={<Empty title="还没有发布的社区月报" hint="本月通报将于下月1日生成，社区工作人员核对后发布。" />}
      />
    </PageShell>
  );
}

export default BulletinArchivePage;
