import { Picker, Text, Textarea, View } from '@tarojs/components';
import { useState } from 'react';
import { ActionButton } from '../../components/action-button';
import { BottomSheet } from '../../components/bottom-sheet';
import { FormField } from '../../components/form-field';
import { SheetError, SheetForm } from '../../components/sheet-form';
import { useSubmit } from '../../hooks/use-submit';
import { levelLabels } from '../../shared/domain/petition-ladder';
import { formatDateTime } from '../../utils/date-time';
import { dayLabel, dayOf, untilOf } from '../../utils/extension-day';
import type { StepProps } from './steps';

const statusText = { pending: '待审批', approved: '已同意', refused: '未同意' } as const;

/**
 * 延期申请 on the handler's page: the step's request as it stands (for the holders and the level above), the holder's
 * 申请延期, and the deciders' 同意 / 不同意. Each opens a sheet; its reply is the case as changed.
 */
export function ExtensionCard({ petition: p, outcome, now }: StepProps & { now: number }) {
  const [sheet, setSheet] = useState<'ask' | 'approve' | 'refuse' | null>(null);
  const e = p.extension;
  if (!e && !p.mayExtend) return null;
  const close = () => setSheet(null);
  return (
    <View className="card extension" data-testid="extension-card">
      <View className="extension__head">
        <Text className="extension__title">延期申请</Text>
        {e && <Text className={`extension__status is-${e.status}`}>{statusText[e.status]}</Text>}
      </View>
      {e ? (
        <View className="extension__body">
          <Text className="extension__line">
            {levelLabels[e.level]} {e.requestedBy} 申请延至 {formatDateTime(e.until, now)}
          </Text>
          <Text className="extension__reason">原因：{e.reason}</Text>
          {e.decidedBy && (
            <Text className="extension__line">
              {e.decidedBy}
              {e.status === 'approved' ? '同意' : '不同意'}
              {e.note ? `：${e.note}` : ''}
            </Text>
          )}
          {e.status === 'pending' && !p.decidesExtension && <Text className="extension__hint">已提交上一级审批，审批结果会通知申请人。</Text>}
        </View>
      ) : (
        <Text className="extension__hint">这一步来不及办完，可以说明原因申请延长办理期限，由上一级审批。</Text>
      )}
      {p.decidesExtension && (
        <View className="extension__actions">
          <ActionButton kind="primary" onClick={() => setSheet('approve')}>
            同意延期
          </ActionButton>
          <ActionButton kind="warn" onClick={() => setSheet('refuse')}>
            不同意
          </ActionButton>
        </View>
      )}
      {p.mayExtend && (
        <View className="extension__actions">
          <ActionButton kind="default" onClick={() => setSheet('ask')}>
            申请延期
          </ActionButton>
        </View>
      )}
      {sheet === 'ask' && <AskSheet petition={p} outcome={outcome} now={now} onClose={close} />}
      {(sheet === 'approve' || sheet === 'refuse') && <DecideSheet petition={p} outcome={outcome} approve={sheet === 'approve'} onClose={close} />}
    </View>
  );
}

/** 申请延期: a day within the bound (shown), and why. */
function AskSheet({ petition: p, outcome, now, onClose }: StepProps & { now: number; onClose: () => void }) {
  const ask = useSubmit('petition.requestExtension');
  const [day, setDay] = useState('');
  const [reason, setReason] = useState('');
  const window = p.mayExtend!;
  const first = dayOf(window.after);
  const last = dayOf(window.latest);

  async function onSubmit() {
    const until = untilOf(day, window.latest);
    const reply = await ask.submit({ petitionId: p.id, reason, until });
    if (outcome.closesSheet(reply, '已提交延期申请', 'extendRequest', `申请延期至 ${formatDateTime(until, now)}：${reason}`)) onClose();
  }

  return (
    <BottomSheet
      title="申请延期"
      hint={`现期限 ${formatDateTime(p.dueAt ?? window.after, now)}；最晚可延至 ${formatDateTime(window.latest, now)}（原期限后 30 天内），由上一级审批。`}
      onClose={onClose}
      footer={
        <>
          <SheetError text={ask.fieldErrors.reason ? null : (ask.fieldErrors.until ?? ask.failure?.message)} />
          <ActionButton disabled={!day || reason.trim().length < 5} busy={ask.submitting} onClick={onSubmit}>
            {day ? `申请延至 ${dayLabel(day)}` : '请选择日期'}
          </ActionButton>
        </>
      }
    >
      <SheetForm>
        <FormField label="延至哪一天">
          <Picker mode="date" value={day || first} start={first} end={last} onChange={(ev) => setDay(String(ev.detail.value))}>
            <View className="cell cell--link extension__picker" data-testid="extension-day">
              <Text className="cell__body cell__title">{day ? dayLabel(day) : '请选择日期'}</Text>
              <Text className="cell__value">
                {dayLabel(first)} – {dayLabel(last)}
              </Text>
            </View>
          </Picker>
        </FormField>
        <FormField label="延期原因" error={ask.fieldErrors.reason}>
          <Textarea
            className="sheet-form__textarea"
            value={reason}
            maxlength={200}
            placeholder="至少 5 个字，例如：需要等待施工队排期，材料周末才到"
            placeholderClass="input-placeholder"
            onInput={(ev) => setReason(ev.detail.value)}
          />
        </FormField>
      </SheetForm>
    </BottomSheet>
  );
}

/** 同意 / 不同意: a note (required to refuse: the handler reads why). */
function DecideSheet({ petition: p, outcome, approve, onClose }: StepProps & { approve: boolean; onClose: () => void }) {
  const decide = useSubmit('petition.decideExtension');
  const [note, setNote] = useState('');
  const e = p.extension!;
  const missing = !approve && note.trim().length < 2;

  async function onSubmit() {
    const reply = await decide.submit({ petitionId: p.id, approve, ...(note.trim() ? { note: note.trim() } : {}) });
    const line = approve ? `同意延期，办理期限延至 ${formatDateTime(e.until)}` : '不同意延期';
    if (
      outcome.closesSheet(
        reply,
        approve ? '已同意延期' : '已不同意延期',
        approve ? 'extend' : 'extendRefused',
        note.trim() ? `${line}：${note.trim()}` : line,
      )
    )
      onClose();
  }

  return (
    <BottomSheet
      title={approve ? '同意延期' : '不同意延期'}
      hint={approve ? `办理期限将延至 ${formatDateTime(e.until)}，申请人和居民会收到通知。` : '期限不变，申请人会收到你的意见；这一步仍可再申请。'}
      onClose={onClose}
      footer={
        <>
          <SheetError text={decide.fieldErrors.note ? null : decide.failure?.message} />
          <ActionButton kind={approve ? 'primary' : 'warn'} disabled={missing} busy={decide.submitting} onClick={onSubmit}>
            {approve ? '确认同意' : '确认不同意'}
          </ActionButton>
        </>
      }
    >
      <SheetForm>
        <FormField label={approve ? '审批意见（可选）' : '不同意的原因'} error={decide.fieldErrors.note}>
          <Textarea
            className="sheet-form__textarea"
            value={note}
            maxlength={200}
            placeholder={approve ? '例如：同意，请按期完成' : '例如：材料可先用库存，请按原期限办结'}
            placeholderClass="input-placeholder"
            onInput={(ev) => setNote(ev.detail.value)}
          />
        </FormField>
      </SheetForm>
    </BottomSheet>
  );
}
