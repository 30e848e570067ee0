import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { ActionButton } from '../../components/action-button';
import { ReasonSheet } from '../../components/reason-sheet';
import { useSubmit } from '../../hooks/use-submit';
import { chargeStatusLabels } from '../../shared/domain/merchant-charge';
import { formatDateTime } from '../../utils/date-time';
import type { ChargeView } from '../../utils/merchant';
import { toastResult } from '../../utils/toast';

const tone: Partial<Record<ChargeView['status'], string>> = {
  posted: 'is-done',
  confirmed: 'is-done',
  awaiting: 'is-waiting',
  refunded: 'is-off',
  rejected: 'is-off',
  expired: 'is-off',
  refused: 'is-off',
};

/** One charge in the shop's history; one from today that reached the shop can be refunded (退款). */
/** `onRefunded` gets the charge as the refund's reply tells it (退还), so the page shows it without reading the list again. */
export function ChargeRow({ charge, onRefunded }: { charge: ChargeView; onRefunded: (refunded: ChargeView) => void }) {
  const refund = useSubmit('merchant.refund');
  const [asking, setAsking] = useState(false);

  async function onRefund(reason: string) {
    const reply = await refund.submit({ chargeId: charge.id, reason });
    if (!reply?.ok) return;
    setAsking(false);
    toastResult({ ok: true, text: '已退款' });
    onRefunded(reply.data.charge);
  }

  return (
    <View className={`cell charge ${tone[charge.status] ?? ''}`} data-charge={charge.id}>
      <View className="cell__body">
        <View className="charge__head">
          <Text className="charge__who">{charge.residentName}</Text>
          <Text className="tag charge__status">{chargeStatusLabels[charge.status]}</Text>
        </View>
        <Text className="charge__meta">
          {formatDateTime(charge.createdAt)}
          {charge.note ? ` · ${charge.note}` : ''}
        </Text>
      </View>
      <View className="charge__side">
        <Text className="charge__points">{charge.points} 分</Text>
        {charge.refundable && (
          <ActionButton kind="warn" size="small" onClick={() => setAsking(true)}>
            退款
          </ActionButton>
        )}
      </View>
      {asking && (
        <ReasonSheet
          title={`退还 ${charge.residentName} 的 ${charge.points} 分`}
          hint="当天的核销可以退款：积分原路退回居民，记录保留并标注已退还。"
          placeholder="例如：商品退货"
          required
          submitText="确认退款"
          kind="warn"
          busy={refund.submitting}
          error={refund.failure?.message ?? null}
          onSubmit={(reason) => void onRefund(reason)}
          onClose={() => setAsking(false)}
        />
      )}
    </View>
  );
}
