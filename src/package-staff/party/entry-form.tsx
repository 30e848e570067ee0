import { Input, Text, Textarea, View } from '@tarojs/components';
import { useState } from 'react';
import { ActionButton } from '../../components/action-button';
import { ChoiceChips } from '../../components/choice-chips';
import { FormField, InputField } from '../../components/form-field';
import { NoticeBanner } from '../../components/notice-banner';
import { PhotoPicker, uploaded, type Photo } from '../../components/photo-picker';
import type { Output } from '../../shared/contract';
import { pointItemKindLabels } from '../../shared/domain/point-items';
import { afterFailure } from '../../utils/action-hints';
import { monthLabel } from '../../utils/month';
import { itemRange, pointsOf, signedPoints } from '../../utils/points';
import { DoneCard } from '../parts/done-card';
import { PersonField, type Person } from '../parts/person-field';
import { RatingHint } from './rating-hint';
import { replayedNote, useStaffSubmit } from '../parts/use-staff-submit';

type PartyItem = Output<'points.partyItems'>['items'][number];

/** 录入 one "1+1−1" entry for a member: the item, its points (within the item's maximum), why, and the evidence. */
export function EntryForm({ items, onStaleItems }: { items: PartyItem[]; onStaleItems: () => void }) {
  const entry = useStaffSubmit('points.partyEntry');
  const [member, setMember] = useState<Person | null>(null);
  const [itemId, setItemId] = useState('');
  const [points, setPoints] = useState('');
  const [reason, setReason] = useState('');
  const [evidence, setEvidence] = useState('');
  const [photos, setPhotos] = useState<Photo[]>([]);
  const item = items.find((i) => i.id === itemId);
  const { fileIDs, uploading } = uploaded(photos);
  const entered = pointsOf(points);
  const ready = member !== null && item !== undefined && reason.trim().length >= 2 && evidence.trim().length >= 2 && !uploading;

  function pickItem(id: string) {
    setItemId(id);
    setPoints('');
  }

  async function onSubmit() {
    if (!member || !item) return;
    const payload = {
      openid: member.id,
      itemId: item.id,
      ...(entered ? { points: entered } : {}),
      reason: reason.trim(),
      evidence: { text: evidence.trim(), photos: fileIDs },
    };
    const reply = await entry.run(payload, (data) => ({
      title: `已为${member.name}录入 ${signedPoints(data.points)} 分（${item.name}）${data.replayed ? replayedNote : ''}`,
      detail: `计入${monthLabel(data.month)}${data.belowZero ? '；扣减后余额低于零，已如实记为负分' : ''}`,
    }));
    if (reply?.ok) {
      setReason('');
      setEvidence('');
      setPhotos([]);
    } else if (reply && afterFailure(reply.code).refresh) onStaleItems();
  }

  return (
    <View className="party-form">
      <NoticeBanner failure={entry.failure} />
      <DoneCard done={entry.done} />
      <PersonField label="党员" role="member" value={member} onChange={setMember} error={entry.fieldErrors.openid} />
      <RatingHint openid={member?.id ?? null} />
      <FormField label="项目" error={entry.fieldErrors.itemId}>
        <ChoiceChips
          choices={items.map((i) => ({ value: i.id, label: `${pointItemKindLabels[i.kind]}·${i.name}`, note: itemRange(i) }))}
          value={itemId}
          onChange={pickItem}
        />
      </FormField>
      {item && (
        <FormField
          label="分值"
          error={entry.fieldErrors.points}
          hint={item.maxPoints > item.points ? `默认 ${item.points} 分，最多 ${item.maxPoints} 分` : `固定 ${item.points} 分`}
        >
          <Input
            className="staff-input"
            type="number"
            value={points}
            disabled={item.maxPoints <= item.points}
            placeholder={String(item.points)}
            placeholderClass="input-placeholder"
            onInput={(e) => setPoints(e.detail.value)}
          />
        </FormField>
      )}
      <InputField
        label="原因"
        error={entry.fieldErrors.reason}
        value={reason}
        maxlength={100}
        placeholder="例如：11月参加社区义诊志愿服务"
        onChange={setReason}
      />
      <FormField label="佐证情况" error={entry.fieldErrors.evidence}>
        <Textarea
          className="staff-textarea"
          value={evidence}
          maxlength={500}
          placeholder="时间、地点、见证人或记录编号"
          placeholderClass="input-placeholder"
          onInput={(e) => setEvidence(e.detail.value)}
        />
      </FormField>
      <FormField label="佐证图片（可选，最多 6 张）">
        <PhotoPicker photos={photos} onChange={setPhotos} max={6} />
      </FormField>
      <View className="staff-actions">
        <ActionButton kind={item?.kind === 'deduction' ? 'warn' : 'primary'} disabled={!ready} busy={entry.submitting} onClick={onSubmit}>
          {uploading ? '图片上传中…' : '确认录入'}
        </ActionButton>
      </View>
      <Text className="staff-intro">减分如实记录，余额不足时记为负分。每条记录连同佐证保存，党员本人可在“我的积分”中查看。</Text>
    </View>
  );
}
