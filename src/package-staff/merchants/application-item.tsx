import { Image, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { ActionButton } from '../../components/action-button';
import { ReasonSheet } from '../../components/reason-sheet';
import { useSubmit } from '../../hooks/use-submit';
import type { Output } from '../../shared/contract';
import { shopCategoryLabels } from '../../shared/domain/merchant';
import { formatDateTime } from '../../utils/date-time';
import { toastResult } from '../../utils/toast';

export type ApplicationView = Output<'merchant.applications'>['items'][number];
type ShopView = Output<'merchant.suspend'>['shop'];
type Asking = 'reject' | 'suspend' | 'resume' | null;

const sheets = {
  reject: { title: '驳回申请', placeholder: '例如：营业执照照片不清楚，请重新拍摄', submit: '确认驳回' },
  suspend: { title: '暂停店铺', placeholder: '例如：检查发现占道经营，整改后恢复', submit: '确认暂停' },
  resume: { title: '恢复店铺', placeholder: '例如：已整改到位', submit: '确认恢复' },
} as const;

/** One application: pending ones are approved or rejected with a reason; an approved shop can be suspended or resumed. */
export function ApplicationItem({
  app,
  shopStatus,
  onReviewed,
  onShop,
}: {
  app: ApplicationView;
  shopStatus?: 'active' | 'suspended';
  /** The review's reply: the application as decided and, when approved, the shop it opened. */
  onReviewed: (decided: ApplicationView, shop: ShopView | null) => void;
  /** A suspension's or resumption's reply: the shop as it now stands. */
  onShop: (shop: ShopView) => void;
}) {
  const review = useSubmit('merchant.review');
  const suspend = useSubmit('merchant.suspend');
  const [asking, setAsking] = useState<Asking>(null);

  async function approve() {
    const reply = await review.submit({ applicationId: app.id, approve: true });
    if (reply?.ok) {
      toastResult({ ok: true, text: '已通过' });
      onReviewed(reply.data.application, reply.data.shop);
    }
  }

  async function onReason(reason: string) {
    if (asking === 'reject') {
      const reply = await review.submit({ applicationId: app.id, approve: false, reason });
      if (!reply?.ok) return;
      toastResult({ ok: true, text: '已驳回' });
      onReviewed(reply.data.application, reply.data.shop);
    } else if (app.shopId) {
      const reply = await suspend.submit({ shopId: app.shopId, suspend: asking === 'suspend', reason });
      if (!reply?.ok) return;
      toastResult({ ok: true, text: reply.data.shop.status === 'suspended' ? '店铺已暂停' : '店铺已恢复' });
      onShop(reply.data.shop);
    }
    setAsking(null);
  }

  const sheet = asking && sheets[asking];
  const failure = asking === 'reject' ? review.failure : suspend.failure;
  return (
    <View className="card application-item" data-application={app.id}>
      <View className="application-item__head">
        <Text className="application-item__name">{app.shopName}</Text>
        <Text className="tag">{shopCategoryLabels[app.category]}</Text>
        {app.flagged && <Text className="tag tag--overdue">内容待人工核查</Text>}
      </View>
      <Text className="application-item__line">
        申请人 {app.applicantName} · {app.contact}
      </Text>
      <Text className="application-item__line">{app.address}</Text>
      <Text className="application-item__line">提交于 {formatDateTime(app.createdAt)}</Text>
      {app.licenceUrl && (
        <Image
          className="application-item__licence"
          src={app.licenceUrl}
          mode="aspectFill"
          onClick={() => void Taro.previewImage({ urls: [app.licenceUrl as string] })}
        />
      )}
      {app.reason && <Text className="application-item__reason">原因：{app.reason}</Text>}
      {review.failure && !asking && <Text className="application-item__reason">{review.failure.message}</Text>}
      <View className="application-item__actions">
        {app.status === 'pending' && (
          <>
            <ActionButton kind="warn" size="small" disabled={review.submitting} onClick={() => setAsking('reject')}>
              驳回
            </ActionButton>
            <ActionButton size="small" busy={review.submitting} onClick={() => void approve()}>
              通过
            </ActionButton>
          </>
        )}
        {app.status === 'approved' && app.shopId && (
          <>
            {shopStatus !== 'active' && (
              <ActionButton kind="default" size="small" onClick={() => setAsking('resume')}>
                {shopStatus === 'suspended' ? '已暂停 · 恢复营业' : '恢复'}
              </ActionButton>
            )}
            {shopStatus !== 'suspended' && (
              <ActionButton kind="warn" size="small" onClick={() => setAsking('suspend')}>
                暂停店铺
              </ActionButton>
            )}
          </>
        )}
      </View>
      {sheet && (
        <ReasonSheet
          title={`${sheet.title}「${app.shopName}」`}
          placeholder={sheet.placeholder}
          required
          submitText={sheet.submit}
          kind={asking === 'resume' ? 'primary' : 'warn'}
          busy={review.submitting || suspend.submitting}
          error={failure?.message ?? null}
          onSubmit={(reason) => void onReason(reason)}
          onClose={() => setAsking(null)}
        />
      )}
    </View>
  );
}
