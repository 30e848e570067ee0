import { Text } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { PageShell } from '../../components/page-shell';
import { Empty, ErrorView, Loading } from '../../components/state-view';
import { usePullRefresh } from '../../hooks/use-pull-refresh';
import { useReloadOnShow } from '../../hooks/use-reload-on-show';
import { useRemote } from '../../hooks/use-remote';
import { call } from '../../services/api';
import { rateShopUrl } from '../../utils/merchant';
import { ShopCodeEntry } from './code-entry';
import { ShopCard } from './shop-card';
import './index.scss';

const rate = (shopId: string) => void Taro.navigateTo({ url: rateShopUrl(shopId) });

/** 美德商铺: the community's shops ranked by shop points (inspections and ratings), with their star level. */
function ShopsPage() {
  const shops = useRemote(() => call('shop.listVirtue', {}));
  usePullRefresh(shops.reload);
  useReloadOnShow(shops.reload);

  return (
    <PageShell className="shops">
      <Text className="shops__intro">
        社区检查和居民评价计入店铺积分，积分越高星级越高。在店里消费后，可以扫店内的评价码（或输入码下方的文字）给店铺打分。
      </Text>
      <ShopCodeEntry />
      {shops.state === 'loading' && <Loading />}
      {shops.state === 'error' && <ErrorView error={shops.error} onRetry={shops.reload} />}
      {shops.data &&
        (shops.data.items.length === 0 ? (
          <Empty title="还没有美德商铺" hint="店铺经社区检查或居民评价获得积分后会出现在这里。" />
        ) : (
          shops.data.items.map((s, i) => (
            <ShopCard key={s.id} shop={s} rank={i + 1} onClick={() => rate(s.id)}>
              <Text className="shop-card__action">去评价</Text>
            </ShopCard>
          ))
        ))}
    </PageShell>
  );
}

export default ShopsPage;
