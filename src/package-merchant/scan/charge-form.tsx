import { Input, Text, View } from '@tarojs/components';
import { useState } from 'react';
import { ActionButton } from '../../components/action-button';
import { FormField } from '../../components/form-field';
import { chargeHint, levelText, type ScanView } from '../../utils/merchant';
import { pointsOf } from '../../utils/points';

interface Props {
  scan: ScanView;
  fieldErrors: Record<string, string>;
  charging: boolean;
  verifying: boolean;
  onCharge: (points: number, note: string) => void;
  onVerify: () => void;
  onCancel: () => void;
}

/** The resident behind a scanned code (surname, level, spendable points), and the charge to take. */
export function ChargeForm({ scan, fieldErrors, charging, verifying, onCharge, onVerify, onCancel }: Props) {
  const [pointsText, setPointsText] = useState('');
  const [note, setNote] = useState('');
  const points = pointsOf(pointsText);
  const hint = chargeHint(points, scan);
  const busy = charging || verifying;

  return (
    <>
      <View className="card resident-card">
        <View className="resident-card__head">
          <Text className="resident-card__name">{scan.resident.name}</Text>
          <Text className="resident-card__level">{levelText(scan.resident.level)}</Text>
        </View>
        <View className="resident-card__row">
          <Text className="resident-card__label">可用美德信用积分</Text>
          <Text className="resident-card__balance">{scan.balance}</Text>
        </View>
        <Text className="resident-card__meta">
          单笔 {scan.perCharge} 分以内直接扣分 · 今日还可核销 {scan.dailyLeft} 分
        </Text>
      </View>
      <FormField label="扣除积分" error={fieldErrors.points} hint={hint?.text}>
        <Input
          className="merchant-input scan__points"
          type="number"
          value={pointsText}
          maxlength={5}
          placeholder="输入要扣的积分"
          placeholderClass="input-placeholder"
          onInput={(e) => setPointsText(e.detail.value)}
        />
      </FormField>
      <FormField label="商品说明（可选）" error={fieldErrors.note}>
        <Input
          className="merchant-input scan__note"
          value={note}
          maxlength={30}
          placeholder="例如：酱油一瓶"
          placeholderClass="input-placeholder"
          onInput={(e) => setNote(e.detail.value)}
        />
      </FormField>
      <View className="merchant-actions">
        <ActionButton disabled={points === 0 || Boolean(hint?.blocks) || verifying} busy={charging} onClick={() => onCharge(points, note.trim())}>
          {points > 0 ? `核销 ${points} 分` : '请输入积分'}
        </ActionButton>
        <ActionButton kind="default" disabled={charging} busy={verifying} onClick={onVerify}>
          仅核验等级（不扣分）
        </ActionButton>
        <ActionButton kind="warn" disabled={busy} onClick={onCancel}>
          换一个积分码
        </ActionButton>
      </View>
    </>
  );
}
