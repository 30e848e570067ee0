import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { ActionButton } from '../../components/action-button';
import { InputField } from '../../components/form-field';
import { NoticeBanner } from '../../components/notice-banner';
import { PageShell } from '../../components/page-shell';
import { pointsOf } from '../../utils/points';
import { DoneCard } from '../parts/done-card';
import { PersonField, type Person } from '../parts/person-field';
import { replayedNote, useStaffSubmit } from '../parts/use-staff-submit';

/** 物业费抵扣: redeem a person's volunteer points against a property fee; each receipt number counts once. */
function FeeReliefPage() {
  const relief = useStaffSubmit('points.feeRelief');
  const [person, setPerson] = useState<Person | null>(null);
  const [amount, setAmount] = useState('');
  const [receiptNo, setReceiptNo] = useState('');
  const points = pointsOf(amount);
  const ready = person !== null && points > 0 && receiptNo.trim().length >= 4;

  async function onSubmit() {
    if (!person) return;
    const receipt = receiptNo.trim();
    const reply = await relief.run({ openid: person.id, amount: points, receiptNo: receipt }, (data) => ({
      title: `已为${person.name}抵扣物业费 ${points} 积分${data.replayed ? replayedNote : ''}`,
      detail: `收据号 ${receipt}；志愿服务积分余额 ${data.balance} 分`,
    }));
    if (reply?.ok) {
      setAmount('');
      setReceiptNo('');
    }
  }

  return (
    <PageShell className="fee">
      <Text className="staff-intro">用志愿服务积分抵扣物业费：先在物业开好收据，再按收据号登记。同一收据号只能抵扣一次。</Text>
      <NoticeBanner failure={relief.failure} />
      <DoneCard done={relief.done} />
      <PersonField label="对象" value={person} onChange={setPerson} error={relief.fieldErrors.openid} />
      <InputField
        label="抵扣积分"
        error={relief.fieldErrors.amount}
        type="number"
        value={amount}
        placeholder="整数，不超过对方余额"
        onChange={setAmount}
      />
      <InputField
        label="收据号"
        error={relief.fieldErrors.receiptNo}
        hint="字母、数字和 -，4–40 位"
        value={receiptNo}
        maxlength={40}
        placeholder="例如 WY-2026-0815"
        onChange={setReceiptNo}
      />
      <View className="staff-actions">
        <ActionButton disabled={!ready} busy={relief.submitting} onClick={onSubmit}>
          {ready ? `确认抵扣 ${points} 积分` : '确认抵扣'}
        </ActionButton>
      </View>
    </PageShell>
  );
}

export default FeeReliefPage;
