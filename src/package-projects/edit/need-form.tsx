import { Text, Textarea, View } from '@tarojs/components';
import { useState } from 'react';
import { ActionButton } from '../../components/action-button';
import { ChoiceChips } from '../../components/choice-chips';
import { FormErrorBanner, FormField, InputField } from '../../components/form-field';
import { useMe } from '../../hooks/use-me';
import { useRemote } from '../../hooks/use-remote';
import { useSubmit } from '../../hooks/use-submit';
import { call } from '../../services/api';

const WHOLE = 'whole-community';

/** 录入需求 (staff): what, where (a grid or the whole community), and a note. */
export function NeedForm({ onDone }: { onDone: () => void }) {
  const me = useMe();
  const communityId = me.data?.communityId ?? null;
  const grids = useRemote(() => call('org.tree', { parentId: communityId ?? '' }), communityId);
  const add = useSubmit('project.addNeed');
  const [title, setTitle] = useState('');
  const [detail, setDetail] = useState('');
  const [gridId, setGridId] = useState(WHOLE);
  const errors = add.fieldErrors;
  async function onSubmit() {
    const reply = await add.submit({ title: title.trim(), detail: detail.trim(), ...(gridId !== WHOLE ? { gridId } : {}) });
    if (reply?.ok) onDone();
  }
  return (
    <>
      <InputField label="需求" error={errors.title} value={title} onChange={setTitle} placeholder="例如：老年助餐点" maxlength={30} />
      <FormField label="说明" error={errors.detail}>
        <Textarea
          className="staff-textarea"
          value={detail}
          maxlength={200}
          placeholder="谁需要、多少人、从哪里了解到的（可不填）"
          onInput={(e) => setDetail(e.detail.value)}
        />
      </FormField>
      <FormField label="范围" error={errors.gridId} hint={grids.state === 'error' ? '网格列表没有加载出来，可先按全社区录入' : undefined}>
        <ChoiceChips
          choices={[
            { value: WHOLE, label: '全社区' },
            ...(grids.data?.items ?? []).filter((g) => !g.retired).map((g) => ({ value: g.id, label: g.name })),
          ]}
          value={gridId}
          onChange={setGridId}
          name="grid"
        />
      </FormField>
      <FormErrorBanner errors={Object.values(errors)} />
      {add.failure && Object.keys(errors).length === 0 && <Text className="banner-error">{add.failure.message}</Text>}
      <View className="staff-actions">
        <ActionButton busy={add.submitting} disabled={title.trim().length < 2} onClick={() => void onSubmit()}>
          录入需求
        </ActionButton>
      </View>
    </>
  );
}
