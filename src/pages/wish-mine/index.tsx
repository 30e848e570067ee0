import { Button, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { PageShell } from '../../components/page-shell';
import { PagedListView } from '../../components/paged-list';
import { Empty } from '../../components/state-view';
import { WishCard } from '../../components/wish-card';
import { usePagedList } from '../../hooks/use-paged-list';
import { usePullRefresh } from '../../hooks/use-pull-refresh';
import { call } from '../../services/api';
import './index.scss';

function WishMinePage() {
  const list = usePagedList((offset) => call('wish.listMine', { offset, limit: 10 }), 'mine');
  usePullRefresh(list.reload);
  const goPost = () => void Taro.navigateTo({ url: '/pages/wish-new/index' });

  return (
    <PageShell className="wish-mine">
      {list.items.length > 0 && (
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
          <Empty
            title="你还没有发过心愿"
            hint="遇到需要帮忙的小事，发个心愿，网格员审核后党员志愿者会来帮你。"
            action={{ text: '发心愿', onClick: goPost }}
          />
        }
      />
    </PageShell>
  );
}

export default WishMinePage;
