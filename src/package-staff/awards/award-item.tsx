import { Input, Text, View } from '@tarojs/components';
import { useState } from 'react';
import { ActionButton } from '../../components/action-button';
import { NoticeBanner } from '../../components/notice-banner';
import { openWish } from '../../components/wish-card';
import { useSubmit } from '../../hooks/use-submit';
import type { Output } from '../../shared/contract';
import { afterFailure } from '../../utils/action-hints';
import { formatDateTime } from '../../utils/date-time';
import { pointsOf } from '../../utils/points';

type PendingAward = Output<'points.pendingAwards'>['items'][number];

/** One held award: why it was held, and the decision — post it (possibly lowered) or turn it down, with a note. */
export function AwardItem({ award, onDone }: { award: PendingAward; onDone: (result: { ok: boolean; text: string }) => void }) {
  const decide = useSubmit('points.approveAward');
  const [amount, setAmount] = useState(String(award.amount));
  const [note, setNote] = useState('');
  const points = pointsOf(amount);

  async function onDecide(approve: boolean) {
    const reply = await decide.submit({
      wishId: award.wishId,
      approve,
      ...(approve ? { amount: points } : {}),
      ...(note.trim() ? { note: note.trim() } : {}),
    });
    if (reply?.ok) onDone({ ok: true, text: reply.data.status === 'posted' ? `已发放 ${reply.data.amount} 分` : '已驳回' });
    else if (reply && afterFailure(reply.code).refresh) onDone({ ok: false, text: reply.message });
  }

  return (
    <View className="card award-item" data-wish-id={award.wishId}>
      <View className="award-item__top" onClick={() => openWish(award.wishId)}>
        <Text className="award-item__title">{award.title}</Text>
        <Text className="points-badge">{award.amount} 分</Text>
      </View>
      <Text className="award-item__who">
        {award.memberName} 帮助 {award.residentName} · {formatDateTime(award.confirmedAt)} 确认
      </Text>
      {award.note && <Text className="award-item__why">待确认原因：{award.note}</Text>}
      <NoticeBanner failure={decide.failure} />
      <View className="award-item__form">
        <Text className="award-item__label">发放</Text>
        <Input className="award-item__amount" type="number" value={amount} onInput={(e) => setAmount(e.detail.value)} />
        <Input
          className="award-item__note"
          value={note}
          maxlength={100}
          placeholder="说明（可选，党员会看到）"
          placeholderClass="input-placeholder"
          onInput={(e) => setNote(e.detail.value)}
        />
      </View>
      <View className="award-item__buttons">
        <ActionButton kind="warn" size="small" disabled={decide.submitting} onClick={() => onDecide(false)}>
          驳回
        </ActionButton>
        <ActionButton size="small" disabled={points === 0 || points > award.amount} busy={decide.submitting} onClick={() => onDecide(true)}>
          {points > award.amount ? `最多 ${award.amount} 分` : `确认发放 ${points} 分`}
        </ActionButton>
      </View>
    </View>
  );
}
