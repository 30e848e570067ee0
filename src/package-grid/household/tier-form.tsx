import { Input, View } from '@tarojs/components';
import { useState } from 'react';
import { ActionButton } from '../../components/action-button';
import { ChoiceChips } from '../../components/choice-chips';
import { FormField } from '../../components/form-field';
import { careTierNames, careTiers, type CareTier } from '../../shared/domain/care';

const notes: Record<CareTier, string> = { green: '情况稳定', yellow: '需要关心', red: '重点照顾' };

/** 标记等级: the tier (the roster's suggestion picked first) and why, in a few words. */
export function TierForm(props: {
  tier: CareTier | null;
  suggested: CareTier | null;
  reason: string | null;
  busy: boolean;
  error: string | undefined;
  onSave: (tier: CareTier, reason: string) => void;
}) {
  const [tier, setTier] = useState<CareTier | ''>(props.tier ?? props.suggested ?? '');
  const [reason, setReason] = useState(props.reason ?? '');
  const choices = [...careTiers].reverse().map((t) => ({ value: t, label: careTierNames[t], note: notes[t] }));
  return (
    <View className="card household__form">
      <FormField label="走访等级" hint={props.suggested ? `台账标签建议：${careTierNames[props.suggested]}` : undefined}>
        <ChoiceChips name="tier" choices={choices} value={tier} onChange={setTier} />
      </FormField>
      <FormField label="原因" error={props.error}>
        <Input
          className="household__input"
          value={reason}
          maxlength={100}
          placeholder="例如：独居，腿脚不便"
          placeholderClass="input-placeholder"
          onInput={(e) => setReason(e.detail.value)}
        />
      </FormField>
      <ActionButton disabled={!tier || reason.trim().length < 2} busy={props.busy} onClick={() => tier && props.onSave(tier, reason.trim())}>
        保存等级
      </ActionButton>
    </View>
  );
}
