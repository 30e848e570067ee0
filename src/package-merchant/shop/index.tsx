import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { PagedListView } from '../../components/paged-list';
import { QrCode } from '../../components/qr-code';
import { Empty } from '../../components/state-view';
import { usePagedList } from '../../hooks/use-paged-list';
import { usePullRefresh } from '../../hooks/use-pull-refresh';
import { useReloadOnShow } from '../../hooks/use-reload-on-show';
import { call } from '../../services/api';
import type { Output } from '../../shared/contract';
import { shopCategoryLabels } from '../../shared/domain/merchant';
import { formatDateTime } from '../../utils/date-time';
import { levelText } from '../../utils/merchant';
import { signedPoints } from '../../utils/points';
import { ShopGate, SuspendedNotice, useMyShop, type MyShop } from '../parts/shop-gate';
import './index.scss';

type ShopPosting = Output<'shop.history'>['items'][number];
const go = (url: string) => () => void Taro.navigateTo({ url });

function ShopHeader({ shop }: { shop: MyShop }) {
  return (
    <View className="card my-shop">
      <View className="my-shop__head">
        <Text className="my-shop__name">{shop.name}</Text>
        <Text className="tag">{shopCategoryLabels[shop.category]}</Text>
      </View>
      <Text className="my-shop__address">{shop.address}</Text>
      <View className="my-shop__figures">
        <View className="my-shop__figure">
          <Text className="my-shop__value">{shop.points}</Text>
          <Text className="my-shop__label">店铺积分</Text>
        </View>
        <View className="my-shop__figure">
          <Text className="my-shop__value">{shop.ratingAvg === null ? '—' : shop.ratingAvg.toFixed(1)}</Text>
          <Text className="my-shop__label">评分（{shop.ratingCount} 人）</Text>
        </View>
        <View className="my-shop__figure">
          <Text className="my-shop__value">{shop.virtue}</Text>
          <Text className="my-shop__label">收到美德积分</Text>
        </View>
      </View>
      <Text className="my-shop__level">{levelText(shop.level)}</Text>
    </View>
  );
}

/** 我的店铺: the shop's points and star level, its 评价码 for customers, the way to the tools, and the shop points history. */
function MyShopPage() {
  const mine = useMyShop();
  // The history is the caller's own shop's: asked alongside `merchant.mine`, not after it (and not again once it answers).
  const history = usePagedList<ShopPosting>((offset) => call('shop.history', { offset, limit: 20 }), 'mine');
  usePullRefresh(() => Promise.all([mine.reload(), history.reload()]));
  useReloadOnShow(mine.reload);

  return (
    <ShopGate mine={mine} className="merchant-shop" allowSuspended>
      {(shop) => (
        <>
          {shop.status === 'suspended' && <SuspendedNotice shop={shop} />}
          <ShopHeader shop={shop} />
          <View className="cells">
            <View className="cell cell--link" onClick={go('/package-merchant/scan/index')}>
              <Text className="cell__body cell__title">扫码核销</Text>
              <Text className="cell__value">扫居民积分码抵扣积分</Text>
            </View>
            <View className="cell cell--link" onClick={go('/package-merchant/history/index')}>
              <Text className="cell__body cell__title">核销记录</Text>
              <Text className="cell__value">今日核销、退款</Text>
            </View>
          </View>
          <View className="card shop-qr">
            <Text className="shop-qr__title">店铺评价码</Text>
            <Text className="shop-qr__hint">打印张贴在店内，顾客在邻里「美德商铺」扫码或输入下方文字评价，好评增加店铺积分。</Text>
            <QrCode text={shop.qr} className="shop-qr__code" />
            <Text className="shop-qr__text">{shop.qr}</Text>
          </View>
          <Text className="section-title">店铺积分明细</Text>
          <View className="cells">
            <PagedListView
              list={history}
              keyOf={(p) => p.id}
              render={(p) => (
                <View className="cell shop-posting">
                  <View className="cell__body">
                    <Text className="shop-posting__reason">{p.reason}</Text>
                    <Text className="shop-posting__when">
                      {formatDateTime(p.at)} · {p.byName}
                    </Text>
                  </View>
                  <Text className={`shop-posting__amount${p.amount > 0 ? ' is-in' : ''}`}>{signedPoints(p.amount)}</Text>
                </View>
              )}
              empty={<Empty title="还没有店铺积分" hint="社区检查和顾客评价会计入店铺积分。" />}
            />
          </View>
        </>
      )}
    </ShopGate>
  );
}

export default MyShopPage;
