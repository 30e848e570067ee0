import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { ActionButton } from '../../components/action-button';
import { PageShell } from '../../components/page-shell';
import { ErrorView, Loading } from '../../components/state-view';
import { shopCategoryLabels } from '../../shared/domain/merchant';
import { formatDateTime } from '../../utils/date-time';
import { useMyShop, type Mine } from '../parts/shop-gate';
import { ApplyForm } from './apply-form';
import '../parts/index.scss';
import './index.scss';

type Application = NonNullable<Mine['application']>;

const statusText: Record<Application['status'], string> = { pending: '审核中', approved: '已通过', rejected: '未通过' };

function ApplicationCard({ app }: { app: Application }) {
  return (
    <View className={`card application is-${app.status}`}>
      <View className="application__head">
        <Text className="application__name">{app.shopName}</Text>
        <Text className="tag application__status">{statusText[app.status]}</Text>
      </View>
      <Text className="application__line">
        {shopCategoryLabels[app.category]} · {app.address}
      </Text>
      <Text className="application__line">提交于 {formatDateTime(app.createdAt)}</Text>
      {app.status === 'pending' && <Text className="application__line">社区工作人员审核后会通知你，请耐心等待。</Text>}
      {app.reason && <Text className="application__reason">原因：{app.reason}</Text>}
    </View>
  );
}

/** 商家入驻: a resident who runs a shop applies; afterwards the page shows where the application stands. */
function ApplyPage() {
  const mine = useMyShop();
  if (!mine.data) {
    return <PageShell className="apply">{mine.state === 'error' ? <ErrorView error={mine.error} onRetry={mine.reload} /> : <Loading />}</PageShell>;
  }
  const { application, shop } = mine.data;
  return (
    <PageShell className="apply">
      <Text className="merchant-intro">
        爱心商家可以扫描居民的积分码，让居民用美德信用积分抵扣消费；店铺还能获得社区检查和顾客评价的店铺积分，评为美德商铺。
      </Text>
      {application && <ApplicationCard app={application} />}
      {shop ? (
        <View className="merchant-actions">
          <ActionButton onClick={() => void Taro.navigateTo({ url: '/package-merchant/shop/index' })}>进入我的店铺</ActionButton>
        </View>
      ) : (
        (!application || application.status === 'rejected') && (
          <>
            {application && <Text className="section-title">修改后重新申请</Text>}
            <ApplyForm onApplied={(app) => mine.update((d) => ({ ...d, application: app }))} />
          </>
        )
      )}
    </PageShell>
  );
}

export default ApplyPage;
