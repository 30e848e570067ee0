import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { PagedListView } from '../../components/paged-list';
import { PageShell } from '../../components/page-shell';
import { Empty } from '../../components/state-view';
import { Tabs } from '../../components/tabs';
import { usePagedList } from '../../hooks/use-paged-list';
import { useRemote } from '../../hooks/use-remote';
import { call } from '../../services/api';
import { ApplicationItem, type ApplicationView } from './application-item';
import '../parts/index.scss';
import './index.scss';

type Status = ApplicationView['status'];
type ShopStatus = 'active' | 'suspended';

/** 商家审核: the community's merchant applications by status; approving opens the shop and makes the applicant a merchant. */
function MerchantsPage() {
  const [status, setStatus] = useState<Status>('pending');
  const list = usePagedList<ApplicationView>((offset) => call('merchant.applications', { status, offset, limit: 20 }), status);
  // Whether each approved shop is trading now, so its row offers 暂停 or 恢复, not both.
  const shops = useRemote(() => call('shop.list', { limit: 50 }));
  // What a review or a suspension answered since the shops were read: the reply is the shop as it now stands.
  const [decided, setDecided] = useState<ReadonlyMap<string, ShopStatus>>(new Map());
  const shopStatus = new Map([...(shops.data?.items.map((s) => [s.id, s.status] as const) ?? []), ...decided]);
  const onShop = (shop: { id: string; status: ShopStatus }) => setDecided((m) => new Map(m).set(shop.id, shop.status));
  // A decided application leaves this tab's list (it now belongs to 已通过 or 已驳回, read when that tab opens).
  const onReviewed = (app: ApplicationView, shop: { id: string; status: ShopStatus } | null) => {
    list.edit((a) => (a.id !== app.id ? a : app.status === status ? app : null));
    if (shop) onShop(shop);
  };
  return (
    <PageShell className="staff-merchants">
      <Text className="staff-intro">核对店名、地址和营业执照后审核。通过后申请人成为爱心商家，可扫描居民积分码；违规店铺可暂停。</Text>
      <Tabs
        tabs={[
          { value: 'pending', label: '待审核' },
          { value: 'approved', label: '已通过' },
          { value: 'rejected', label: '已驳回' },
        ]}
        value={status}
        onChange={setStatus}
      />
      <View className="staff-merchants__list">
        <PagedListView
          list={list}
          keyOf={(a) => a.id}
          render={(a) => (
            <ApplicationItem app={a} shopStatus={a.shopId ? shopStatus.get(a.shopId) : undefined} onReviewed={onReviewed} onShop={onShop} />
          )}
          empty={<Empty title={status === 'pending' ? '没有待审核的申请' : '暂无记录'} />}
        />
      </View>
    </PageShell>
  );
}

export default MerchantsPage;
