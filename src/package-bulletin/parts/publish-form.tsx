import { Text, Textarea, View } from '@tarojs/components';
import { useState } from 'react';
import { ActionButton } from '../../components/action-button';
import { FormField } from '../../components/form-field';
import { NoticeBanner } from '../../components/notice-banner';
import { useSubmit } from '../../hooks/use-submit';
import { lengthCount } from '../../utils/form-errors';
import { toastResult } from '../../utils/toast';
import type { Bulletin } from './format';

const NOTE_MAX = 500;

/** 发布: the community's staff add a note to the draft they have just read and publish it to the residents. */
export function PublishForm({ bulletin, onPublished }: { bulletin: Bulletin; onPublished: (b: Bulletin) => void }) {
  const publish = useSubmit('report.publishBulletin');
  const [note, setNote] = useState('');
  const [confirming, setConfirming] = useState(false);
  const count = lengthCount(note, NOTE_MAX);

  async function onPublish() {
    const reply = await publish.submit({ month: bulletin.month, note: note.trim() });
    if (!reply?.ok) return;
    setConfirming(false);
    toastResult({ ok: true, text: reply.data.replayed ? '此前已经发布' : '已发布' });
    onPublished(reply.data.bulletin);
  }

  return (
    <View className="bulletin-publish">
      <Text className="section-title">发布月报</Text>
      <Text className="bulletin__hint">
        以上是系统在月初生成的草稿，数字不会再变。可以写一段说明（如下月工作重点），发布后本社区居民都能看到，发布后不能修改。
      </Text>
      <NoticeBanner failure={publish.failure} />
      <FormField label="社区寄语（可不填）" error={publish.fieldErrors.note} count={count}>
        <Textarea
          className="bulletin-publish__input"
          value={note}
          maxlength={NOTE_MAX}
          placeholder="例如：感谢居民支持，下月重点解决5号楼坡道问题"
          placeholderClass="input-placeholder"
          onInput={(e) => setNote(e.detail.value)}
        />
      </FormField>
      <View className="bulletin-actions">
        {confirming ? (
          <>
            <Text className="bulletin__hint">确认发布？发布后居民可以看到，不能再修改。</Text>
            <ActionButton disabled={count.over} busy={publish.submitting} onClick={onPublish}>
              确认发布
            </ActionButton>
            <ActionButton kind="default" onClick={() => setConfirming(false)}>
              再看看
            </ActionButton>
          </>
        ) : (
          <ActionButton disabled={count.over} onClick={() => setConfirming(true)}>
            发布
          </ActionButton>
        )}
      </View>
    </View>
  );
}
