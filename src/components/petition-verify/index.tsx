import { Text, Textarea, View } from '@tarojs/components';
import { useState } from 'react';
import type { PetitionView } from '../../shared/contract/petition-view';
import { ratingLabels, verifyResultLabels, verifyResults, type VerifyResult } from '../../shared/domain/petition';
import type { PetitionOutcome } from '../../hooks/use-petition-outcome';
import { useSubmit } from '../../hooks/use-submit';
import { ActionButton } from '../action-button';
import { BottomSheet } from '../bottom-sheet';
import { ChoiceChips } from '../choice-chips';
import { FormField } from '../form-field';
import { PhotoPicker, uploaded, type Photo } from '../photo-picker';
import { SheetError, SheetForm } from '../sheet-form';
import './index.scss';

interface Props {
  petition: PetitionView;
  outcome: PetitionOutcome;
}

/** Where a failed verification sends the case: once back to the level that resolved it, then to community review. */
const reopensTo = (reopens: number) => (reopens === 0 ? '诉求将退回原办理单位重新办理。' : '诉求将交社区复核。');

/**
 * 现场验证: the grid worker (or the community) checks a resolution on site — what they found, a note and at least
 * one photo. 已解决 passes it on to the resident's rating; 部分解决 / 未解决 send it back.
 */
export function VerifySheet({ petition, outcome, onClose }: Props & { onClose: () => void }) {
  const verify = useSubmit('petition.verify');
  const [result, setResult] = useState<VerifyResult | ''>('');
  const [note, setNote] = useState('');
  const [photos, setPhotos] = useState<Photo[]>([]);
  const { fileIDs, uploading } = uploaded(photos);
  const missing = !result ? '请选择验证结果' : note.trim().length < 2 ? '请写验证说明' : fileIDs.length === 0 ? '请拍现场照片' : null;

  async function onSubmit() {
    if (!result) return;
    const reply = await verify.submit({ petitionId: petition.id, result, note, photos: fileIDs });
    const said = result === 'resolved' ? '已验证，等待居民评价' : '已退回重新办理';
    if (outcome.closesSheet(reply, said, 'verify', `现场验证：${verifyResultLabels[result]}。${note.trim()}`)) onClose();
  }

  const errors = verify.fieldErrors;
  return (
    <BottomSheet
      title="现场验证"
      hint="请到现场查看办理结果，拍照并如实填写。"
      onClose={onClose}
      footer={
        <>
          <SheetError text={errors.note || errors.photos ? null : verify.failure?.message} />
          <ActionButton disabled={uploading || missing !== null} busy={verify.submitting} onClick={onSubmit}>
            {uploading ? '图片上传中…' : (missing ?? '提交验证结果')}
          </ActionButton>
        </>
      }
    >
      <SheetForm>
        <FormField label="现场情况" hint={result && result !== 'resolved' ? reopensTo(petition.reopens) : undefined}>
          <ChoiceChips
            name="result"
            choices={verifyResults.map((r) => ({ value: r, label: verifyResultLabels[r] }))}
            value={result}
            onChange={setResult}
          />
        </FormField>
        <FormField label="验证说明" error={errors.note}>
          <Textarea
            className="sheet-form__textarea verify__note"
            value={note}
            maxlength={200}
            placeholder="例如：坡道已重新浇筑，轮椅试过可以通行"
            placeholderClass="input-placeholder"
            onInput={(e) => {
              setNote(e.detail.value);
              verify.clearField('note');
            }}
          />
        </FormField>
        <FormField label="现场照片（至少 1 张，最多 6 张）" error={errors.photos}>
          <PhotoPicker photos={photos} onChange={setPhotos} max={6} />
        </FormField>
      </SheetForm>
    </BottomSheet>
  );
}

type Step = { kind: 'ask' } | { kind: 'rate' } | { kind: 'why'; result: Exclude<VerifyResult, 'resolved'> };

/**
 * 确认办理结果, for the resident (or whoever filed it for them) while the case waits to be verified: three large
 * buttons. 已解决 then asks 满意 / 基本满意 — that tap closes the case (verified and rated at once) — or leaves the
 * rating for later; 部分解决 / 未解决 take an optional word on what is left, and send it back.
 */
export function ConfirmCard({ petition, outcome }: Props) {
  const confirm = useSubmit('petition.confirm');
  const [step, setStep] = useState<Step>({ kind: 'ask' });
  const [note, setNote] = useState('');
  const proxy = petition.verifies === 'proxy';

  async function send(result: VerifyResult, rating?: 'satisfied' | 'basic') {
    const reply = await confirm.submit({
      petitionId: petition.id,
      result,
      ...(rating ? { rating } : {}),
      ...(result !== 'resolved' && note.trim() ? { note } : {}),
    });
    const said = result !== 'resolved' ? '已退回重新办理' : rating ? '感谢确认和评价' : '已确认，稍后请评价';
    const line = rating ? 'rate' : 'verify';
    const answered = `${proxy ? '代为确认' : '居民确认'}：${verifyResultLabels[result]}`;
    const told = result !== 'resolved' && note.trim() ? `${answered}。${note.trim()}` : answered;
    outcome.settle(reply, said, line, rating ? ratingLabels[rating] : told);
  }

  const busy = confirm.submitting;
  return (
    <View className="card confirm-card">
      <Text className="confirm-card__title">确认办理结果</Text>
      {step.kind === 'ask' && (
        <>
          <Text className="confirm-card__ask">{proxy ? '请代居民确认：问题解决了吗？' : '您反映的问题解决了吗？'}</Text>
          <View className="confirm-card__buttons">
            <ActionButton onClick={() => setStep({ kind: 'rate' })}>已解决</ActionButton>
            <ActionButton kind="default" onClick={() => setStep({ kind: 'why', result: 'partial' })}>
              部分解决
            </ActionButton>
            <ActionButton kind="warn" onClick={() => setStep({ kind: 'why', result: 'unresolved' })}>
              未解决
            </ActionButton>
          </View>
        </>
      )}
      {step.kind === 'rate' && (
        <>
          <Text className="confirm-card__ask">{proxy ? '居民对办理结果满意吗？' : '您对办理结果满意吗？'}</Text>
          <View className="confirm-card__buttons">
            <ActionButton busy={busy} onClick={() => void send('resolved', 'satisfied')}>
              满意
            </ActionButton>
            <ActionButton kind="default" busy={busy} onClick={() => void send('resolved', 'basic')}>
              基本满意
            </ActionButton>
            <ActionButton kind="default" size="small" disabled={busy} onClick={() => void send('resolved')}>
              先确认，稍后评价
            </ActionButton>
          </View>
        </>
      )}
      {step.kind === 'why' && (
        <>
          <Text className="confirm-card__ask">
            {verifyResultLabels[step.result]}：{reopensTo(petition.reopens)}
          </Text>
          <Textarea
            className="confirm-card__note"
            value={note}
            maxlength={200}
            placeholder="还有哪里没解决？可以不写"
            placeholderClass="input-placeholder"
            onInput={(e) => setNote(e.detail.value)}
          />
          <View className="confirm-card__buttons">
            <ActionButton kind="warn" busy={busy} onClick={() => void send(step.result)}>
              退回重新办理
            </ActionButton>
            <ActionButton kind="default" size="small" disabled={busy} onClick={() => setStep({ kind: 'ask' })}>
              返回
            </ActionButton>
          </View>
        </>
      )}
    </View>
  );
}
