import { useState } from 'react';
import { useSubmit } from '../../hooks/use-submit';
import { afterFailure } from '../../utils/action-hints';
import { ActionButton } from '../action-button';
import type { MallOrderView } from '../order-card';
import { ReasonSheet } from '../reason-sheet';

interface Props {
  order: MallOrderView;
  /** Who cancels: the buyer, or staff on the buyer's behalf (the sheet says so). */
  byStaff?: boolean;
  /**
   * After a cancellation, with the order as the reply tells it (points back, goods on the shelf); or when the
   * order moved on meanwhile (then `ok` is false and there is no order): say so and read it again.
   */
  onChanged: (result: { ok: boolean; text: string }, cancelled: MallOrderView | null) => void;
}

/** 取消兑换 before hand-over, with a reason; the points come back by reversal. */
export function CancelOrder({ order, byStaff = false, onChanged }: Props) {
  const cancel = useSubmit('mall.cancel');
  const [open, setOpen] = useState(false);
  const failure = cancel.fieldErrors.reason ?? (cancel.failure ? `${cancel.failure.message} ${afterFailure(cancel.failure.code).hint ?? ''}` : null);

  async function onSubmit(reason: string) {
    const reply = await cancel.submit({ orderId: order.id, reason });
    if (!reply) return;
    if (reply.ok || afterFailure(reply.code).refresh) {
      setOpen(false);
      if (reply.ok) onChanged({ ok: true, text: '已取消，积分已退回' }, reply.data.order);
      else onChanged({ ok: false, text: reply.message }, null);
    }
  }

  return (
    <>
      <ActionButton kind="warn" size="small" onClick={() => setOpen(true)}>
        取消兑换
      </ActionButton>
      {open && (
        <ReasonSheet
          title="取消兑换"
          hint={`取消「${order.itemName}」× ${order.qty}，${order.amount} 积分退回${byStaff ? `${order.buyerName}的账户` : '你的账户'}，商品放回货架。`}
          placeholder={byStaff ? '例如：居民来电说不需要了' : '例如：买错了，不需要了'}
          required
          submitText="确认取消"
          kind="warn"
          busy={cancel.submitting}
          error={failure}
          onSubmit={onSubmit}
          onClose={() => setOpen(false)}
        />
      )}
    </>
  );
}
