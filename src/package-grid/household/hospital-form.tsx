import { Input, Picker, Text, View } from '@tarojs/components';
import { useState } from 'react';
import { ActionButton } from '../../components/action-button';
import { FormField } from '../../components/form-field';
import { dayCst } from '../../shared/domain/time';

/**
 * 大病回访: a hospital stay at this home, in a few words, and the discharge day if known; the visit falls due 3 days
 * after it (or after today). The text stays after a failure, for another try.
 */
export function HospitalForm(props: {
  busy: boolean;
  error: string | undefined;
  done: string | null;
  /** Resolves true once saved: the form closes; on a failure it stays as typed. */
  onSave: (note: string, dischargedOn: string | null) => Promise<boolean>;
}) {
  const [open, setOpen] = useState(false);
  const [note, setNote] = useState('');
  const [discharged, setDischarged] = useState<string | null>(null);
  if (!open)
    return (
      <View className="card household__form household__hospital">
        {props.done && <Text className="household__done">{props.done}</Text>}
        <ActionButton kind="default" onClick={() => setOpen(true)}>
          报告住院（大病回访）
        </ActionButton>
      </View>
    );
  return (
    <View className="card household__form household__hospital">
      <FormField label="住院情况" hint="几个字即可，例如：肺炎住院" error={props.error}>
        <Input
          className="household__input"
          value={note}
          maxlength={20}
          placeholder="例如：县医院 肺炎住院"
          placeholderClass="input-placeholder"
          onInput={(e) => setNote(e.detail.value)}
        />
      </FormField>
      <FormField label="出院日期（可选）" hint="出院后 3 天内回访；还没出院就不填，3 天内先去看看">
        <Picker mode="date" value={discharged ?? dayCst(new Date())} onChange={(e) => setDischarged(String(e.detail.value))}>
          <View className="cell cell--link">
            <Text className="cell__body cell__title">出院日期</Text>
            <Text className="cell__value">{discharged ?? '未出院 / 不确定'}</Text>
          </View>
        </Picker>
      </FormField>
      <ActionButton
        disabled={note.trim().length < 2}
        busy={props.busy}
        onClick={() =>
          void props.onSave(note.trim(), discharged).then((saved) => {
            if (!saved) return;
            setOpen(false);
            setNote('');
            setDischarged(null);
          })
        }
      >
        保存，加入今日走访
      </ActionButton>
    </View>
  );
}
