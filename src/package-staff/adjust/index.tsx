import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { ActionButton } from '../../components/action-button';
import { ChoiceChips } from '../../components/choice-chips';
import { FormField, InputField } from '../../components/form-field';
import { NoticeBanner } from '../../components/notice-banner';
import { PageShell } from '../../components/page-shell';
import { Tabs } from '../../components/tabs';
import { adjustableAssets, assetLabels, type AdjustableAsset } from '../../shared/domain/ledger';
import { assetShort, pointsOf } from '../../utils/points';
import { DoneCard } from '../parts/done-card';
import { PersonField, type Person } from '../parts/person-field';
import { replayedNote, useStaffSubmit } from '../parts/use-staff-submit';

type Mode = 'award' | 'deduct';

/** 加分 / 扣分: staff credit or debit volunteer or virtue points to a person of the community, with a reason they will read. */
function AdjustPage() {
  const award = useStaffSubmit('points.award');
  const deduct = useStaffSubmit('points.deduct');
  const [mode, setMode] = useState<Mode>('award');
  const [person, setPerson] = useState<Person | null>(null);
  const [asset, setAsset] = useState<AdjustableAsset>('volunteer');
  const [amount, setAmount] = useState('');
  const [reason, setReason] = useState('');
  const form = mode === 'award' ? award : deduct;
  const points = pointsOf(amount);
  const ready = person !== null && points > 0 && reason.trim().length >= 2;
  const verb = mode === 'award' ? '加' : '扣';

  async function onSubmit() {
    if (!person) return;
    const payload = { openid: person.id, asset, amount: points, reason: reason.trim() };
    const describe = (data: { balance: number; replayed: boolean }) => ({
      title: `已为${person.name}${verb} ${points} 分${assetLabels[asset]}${data.replayed ? replayedNote : ''}`,
      detail: `${person.name}的${assetLabels[asset]}余额 ${data.balance} 分`,
    });
    const reply = mode === 'award' ? await award.run(payload, describe) : await deduct.run(payload, describe);
    if (!reply?.ok) return;
    setAmount('');
    setReason('');
  }

  return (
    <PageShell className="adjust">
      <Tabs
        tabs={[
          { value: 'award', label: '加分' },
          { value: 'deduct', label: '扣分' },
        ]}
        value={mode}
        onChange={setMode}
      />
      <Text className="staff-intro">
        {mode === 'award' ? '为居民或党员发放积分，对方会在“我的积分”里看到原因。' : '扣减积分不能超过对方的余额；记错了请用加分冲回并写明原因。'}
      </Text>
      <NoticeBanner failure={form.failure} />
      <DoneCard done={form.done} />
      <PersonField label="对象" value={person} onChange={setPerson} error={form.fieldErrors.openid} />
      <FormField label="积分种类" error={form.fieldErrors.asset}>
        <ChoiceChips choices={adjustableAssets.map((a) => ({ value: a, label: assetShort[a] }))} value={asset} onChange={setAsset} />
      </FormField>
      <InputField
        label={`${verb}多少分`}
        error={form.fieldErrors.amount}
        type="number"
        value={amount}
        placeholder="整数，例如 10"
        onChange={setAmount}
      />
      <InputField
        label="原因"
        error={form.fieldErrors.reason}
        hint="2–100 字，对方会看到"
        value={reason}
        maxlength={100}
        placeholder="例如：协助社区活动布置"
        onChange={setReason}
      />
      <View className="staff-actions">
        <ActionButton kind={mode === 'award' ? 'primary' : 'warn'} disabled={!ready} busy={form.submitting} onClick={onSubmit}>
          {ready ? `确认${verb} ${points} 分` : `确认${verb}分`}
        </ActionButton>
      </View>
    </PageShell>
  );
}

export default AdjustPage;
