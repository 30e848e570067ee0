import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { ReactNode } from 'react';
import { PageShell } from '../../components/page-shell';
import { Empty, ErrorView, Loading } from '../../components/state-view';
import { useRemote, type Remote } from '../../hooks/use-remote';
import { call } from '../../services/api';
import type { Output } from '../../shared/contract';
import './index.scss';

export type Mine = Output<'merchant.mine'>;
export type MyShop = NonNullable<Mine['shop']>;

/** 我的申请和店铺 (`merchant.mine`), read by every merchant page. */
export function useMyShop(): Remote<Mine> {
  return useRemote(() => call('merchant.mine', {}));
}

/** Why a suspended shop can do nothing, and whom to ask. */
export function SuspendedNotice({ shop }: { shop: MyShop }) {
  return (
    <View className="merchant-suspended">
      <Text className="merchant-suspended__title">店铺已被社区暂停</Text>
      <Text className="merchant-suspended__text">原因：{shop.suspendReason ?? '未说明'}</Text>
      <Text className="merchant-suspended__text">暂停期间不能扫码核销、核验等级或退款。整改后请联系社区工作人员恢复。</Text>
    </View>
  );
}

interface GateProps {
  mine: Remote<Mine>;
  className: string;
  /** The shop page still shows a suspended shop (with the reason); the tools do not open. */
  allowSuspended?: boolean;
  children: (shop: MyShop) => ReactNode;
}

/**
 * The frame of a merchant tool: loading, failure, no shop yet (with the way to apply), a suspended shop
 * (with the reason); only an active shop gets to the tool itself.
 */
export function ShopGate({ mine, className, allowSuspended = false, children }: GateProps) {
  const shop = mine.data?.shop;
  let body: ReactNode;
  if (!mine.data) body = mine.state === 'error' ? <ErrorView error={mine.error} onRetry={mine.reload} /> : <Loading />;
  else if (!shop)
    body = (
      <Empty
        title="你还没有审核通过的店铺"
        hint="开店的居民可以申请成为爱心商家，社区审核通过后即可扫码核销。"
        action={{ text: '商家入驻', onClick: () => void Taro.navigateTo({ url: '/package-merchant/apply/index' }) }}
      />
    );
  else if (shop.status === 'suspended' && !allowSuspended) body = <SuspendedNotice shop={shop} />;
  else body = children(shop);
  return <PageShell className={className}>{body}</PageShell>;
}
