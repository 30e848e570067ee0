import { Button, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useEffect } from 'react';
import { PageShell } from '../../components/page-shell';
import { PagedListView } from '../../components/paged-list';
import { Empty } from '../../components/state-view';
import { WishCard } from '../../components/wish-card';
import { usePagedList } from '../../hooks/use-paged-list';
import { usePullRefresh } from '../../hooks/use-pull-refresh';
import { call } from '../../services/api';
import './index.scss';

/** 我的心愿, or (`?kind=filed`) 我代办的心愿: those filed for someone else, whose progress the filer passes on. */
function WishMinePage() {
  const filed = useRouter().params.kind === 'filed';
  const kind = filed ? 'filed' : 'mine';
  const list = usePagedList((offset) => call('wish.listMine', { kind, offset, limit: 10 }), kind);
  usePullRefresh(list.reload);
  const goPost = () => void Taro.navigateTo({ url: '/pages/wish-new/index' });
  useEffect(() => {
    if (filed) void Taro.setNavigationBarTitle({ title: '我代办的心愿' });
  }, [filed]);

  return (
    <PageShell className="wish-mine">
      {list.items.length > 0 && !filed && (
        <View className="wish-mine__bar">
          <Button className="btn btn--default btn--small" onClick={goPost}>
            + 再发一个心愿
          </Button>
        </View>
      )}
      <PagedListView
        list={list}
        keyOf={(w) => w.id}
        render={(w) => <WishCard wish={w} showStatus onOpen />}
        empty={
          filed ? (
            <Empty title="还没有代办过心愿" hint="在 我的 → 我的家庭 为老人发心愿，或网格员在 发心愿 里打开“红色代办”。" />
          ) : (
            <Empty
              title="你还没有发过心愿"
              hint="遇到需要帮忙的小事，发个心愿，网格员审核后党员志愿者会来帮你。"
              action={{ text: '发心愿', onClick: goPost }}
            />
          )
        }
      />
    </PageShell>
  );
}

export default WishMinePage;
