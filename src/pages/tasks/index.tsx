import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { PageShell } from '../../components/page-shell';
import { PagedListView } from '../../components/paged-list';
import { Empty } from '../../components/state-view';
import { Tabs } from '../../components/tabs';
import { WishCard } from '../../components/wish-card';
import { usePagedList } from '../../hooks/use-paged-list';
import { usePullRefresh } from '../../hooks/use-pull-refresh';
import { call } from '../../services/api';

type State = 'active' | 'finished';

const empties: Record<State, { title: string; hint: string }> = {
  active: { title: '没有进行中的任务', hint: '去心愿墙认领一个心愿，帮邻居解决身边的小事。' },
  finished: { title: '还没有完成的任务', hint: '居民确认服务完成后，任务会出现在这里，积分计入你的志愿服务积分。' },
};

/** 我的任务 (member): wishes I claimed or was dispatched, under way (incl. awaiting the resident) or confirmed. */
function TasksPage() {
  const [state, setState] = useState<State>('active');
  const list = usePagedList((offset) => call('wish.listTasks', { state, offset, limit: 10 }), state);
  usePullRefresh(list.reload);
  const goWall = () => void Taro.switchTab({ url: '/pages/wall/index' });

  return (
    <PageShell className="tasks">
      <View className="cells">
        <View className="cell cell--link" onClick={() => void Taro.navigateTo({ url: '/package-posts/list/index' })}>
          <Text className="cell__body cell__title">岗位认领</Text>
          <Text className="cell__value">认领服务岗位、值班签到签退</Text>
        </View>
      </View>
      <Tabs
        tabs={[
          { value: 'active', label: '进行中' },
          { value: 'finished', label: '已完成' },
        ]}
        value={state}
        onChange={setState}
      />
      <PagedListView
        list={list}
        keyOf={(w) => w.id}
        render={(w) => <WishCard wish={w} showStatus onOpen />}
        empty={<Empty {...empties[state]} action={state === 'active' ? { text: '去心愿墙', onClick: goWall } : undefined} />}
      />
    </PageShell>
  );
}

export default TasksPage;
