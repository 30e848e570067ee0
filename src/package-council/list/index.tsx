import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { ActionButton } from '../../components/action-button';
import { PagedListView } from '../../components/paged-list';
import { PageShell } from '../../components/page-shell';
import { Empty } from '../../components/state-view';
import { Tabs } from '../../components/tabs';
import { useMe } from '../../hooks/use-me';
import { usePagedList } from '../../hooks/use-paged-list';
import { usePullRefresh } from '../../hooks/use-pull-refresh';
import { call } from '../../services/api';
import { TopicCard, type TopicSummary } from '../topic-card';
import '../index.scss';

type View = 'all' | 'tasks';

const empties: Record<View, { title: string; hint: string }> = {
  all: { title: '社区还没有议事议题', hint: '物业、停车、公共维修等事，可以点下方「提出议题」，居民议题满 5 人联名后列入三方议事。' },
  tasks: { title: '你没有议事任务', hint: '议事决定指派给你的后续任务会出现在这里，完成后在议题页标记完成。' },
};

/** 三方议事: the community's topics, newest first, and the follow-up tasks the viewer owns (我的议事任务). */
function CouncilListPage() {
  const me = useMe();
  const [view, setView] = useState<View>('all');
  const staff = me.data?.roles.includes('staff') ?? false;
  const list = usePagedList<TopicSummary>((offset) => call('council.list', { view, offset, limit: 10 }), me.data ? view : null);
  usePullRefresh(list.reload);
  const open = (t: TopicSummary) => void Taro.navigateTo({ url: `/package-council/topic/index?id=${t.id}` });

  return (
    <PageShell className="council-list">
      <Text className="council-intro">社区、业委会、物业三方共同商议小区的事；需要居民同意的，每户投一票。</Text>
      <Tabs
        tabs={[
          { value: 'all', label: '全部议题' },
          { value: 'tasks', label: '我的议事任务' },
        ]}
        value={view}
        onChange={setView}
      />
      <PagedListView
        list={list}
        keyOf={(t) => t.id}
        render={(t) => <TopicCard topic={t} onOpen={() => open(t)} showTasks={view === 'tasks'} />}
        empty={<Empty {...empties[view]} />}
      />
      <View className="council-actions">
        <ActionButton onClick={() => void Taro.navigateTo({ url: '/package-council/raise/index' })}>提出议题</ActionButton>
        {staff && (
          <ActionButton kind="default" onClick={() => void Taro.navigateTo({ url: '/package-council/members/index' })}>
            议事成员（任免业委会委员、物业代表）
          </ActionButton>
        )}
      </View>
    </PageShell>
  );
}

export default CouncilListPage;
