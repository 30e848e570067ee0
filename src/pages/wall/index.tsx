import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { ChipFilter } from '../../components/chip-filter';
import { PageShell } from '../../components/page-shell';
import { PagedListView } from '../../components/paged-list';
import { Empty } from '../../components/state-view';
import { Tabs } from '../../components/tabs';
import { WishCard } from '../../components/wish-card';
import { useCategories } from '../../hooks/use-categories';
import { useMe } from '../../hooks/use-me';
import { usePagedList } from '../../hooks/use-paged-list';
import { usePullRefresh } from '../../hooks/use-pull-refresh';
import { call } from '../../services/api';
import './index.scss';

type Scope = 'community' | 'grid';

function WallPage() {
  const me = useMe();
  const categories = useCategories();
  const [scope, setScope] = useState<Scope>('community');
  const [categoryId, setCategoryId] = useState('');
  const list = usePagedList(
    (offset) => call('wish.listWall', { scope, offset, limit: 10, ...(categoryId ? { categoryId } : {}) }),
    `${scope}|${categoryId}`,
  );
  usePullRefresh(list.reload);
  const isResident = me.data?.roles.includes('resident') ?? false;
  const hasGrid = Boolean(me.data?.gridId);
  const goPost = () => void Taro.navigateTo({ url: '/pages/wish-new/index' });

  return (
    <PageShell className="wall">
      <View className="wall__hero">
        <Text className="wall__hero-title">{me.data ? `${me.data.communityName} · 微心愿` : '微心愿'}</Text>
        <Text className="wall__hero-text">群众点单 · 组织建单 · 党员接单。邻里之间的小事，大家帮一把。</Text>
        {isResident && (
          <Button className="btn btn--primary btn--inline wall__post" onClick={goPost}>
            发心愿
          </Button>
        )}
      </View>
      {me.error?.code === 'NOT_REGISTERED' && (
        <View className="card wall__guest">
          <Text className="wall__guest-text">你还没有加入社区：可以先看看，加入后就能发心愿、认领帮忙。</Text>
          <Button className="btn btn--primary btn--inline" onClick={() => void Taro.navigateTo({ url: '/pages/join/index' })}>
            加入社区
          </Button>
        </View>
      )}
      {hasGrid && (
        <Tabs
          tabs={[
            { value: 'community', label: '本社区' },
            { value: 'grid', label: `本网格${me.data?.gridName ? `（${me.data.gridName}）` : ''}` },
          ]}
          value={scope}
          onChange={setScope}
        />
      )}
      <ChipFilter
        options={[{ value: '', label: '全部' }, ...(categories.data?.items ?? []).map((c) => ({ value: c.id, label: c.name }))]}
        value={categoryId}
        onChange={setCategoryId}
      />
      <PagedListView
        list={list}
        keyOf={(w) => w.id}
        render={(w) => <WishCard wish={w} onOpen />}
        empty={
          <Empty
            title="暂时没有待认领的心愿"
            hint={categoryId ? '换个类别看看，或稍后再来。' : '居民发布的心愿经网格员审核后会出现在这里。'}
            action={isResident ? { text: '发一个心愿', onClick: goPost } : undefined}
          />
        }
      />
    </PageShell>
  );
}

export default WallPage;
