import { Text, Textarea, View } from '@tarojs/components';
import { useState } from 'react';
import { ActionButton } from '../../components/action-button';
import { FormErrorBanner, FormField, InputField } from '../../components/form-field';
import { useRemote } from '../../hooks/use-remote';
import { useSubmit } from '../../hooks/use-submit';
import { call } from '../../services/api';
import { resourceKindLabels } from '../../shared/domain/project';

const MAX = 5;

/** Several of a list picked (at most five), as chips. */
function Picks({ items, picked, onChange }: { items: { id: string; label: string }[]; picked: string[]; onChange: (ids: string[]) => void }) {
  const toggle = (id: string) => onChange(picked.includes(id) ? picked.filter((x) => x !== id) : picked.length < MAX ? [...picked, id] : picked);
  return (
    <View className="projects-picks">
      {items.map((i) => (
        <Text key={i.id} className={`projects-picks__pick${picked.includes(i.id) ? ' is-on' : ''}`} onClick={() => toggle(i.id)}>
          {i.label}
        </Text>
      ))}
    </View>
  );
}

/** 立项 (staff): a project from open needs, with resources matched to it. */
export function ProjectForm({ onDone }: { onDone: () => void }) {
  const needs = useRemote(() => call('list.needs', { months: 1, limit: 50 }));
  const resources = useRemote(() => call('list.resources', { limit: 50 }));
  const create = useSubmit('project.create');
  const [title, setTitle] = useState('');
  const [detail, setDetail] = useState('');
  const [needIds, setNeedIds] = useState<string[]>([]);
  const [resourceIds, setResourceIds] = useState<string[]>([]);
  const errors = create.fieldErrors;
  const openNeeds = (needs.data?.entered.items ?? []).filter((n) => !n.projectId).map((n) => ({ id: n.id, label: `${n.title}（${n.placeName}）` }));
  const offered = (resources.data?.items ?? []).map((r) => ({ id: r.id, label: `${resourceKindLabels[r.kind]}·${r.title}（${r.provider.name}）` }));
  async function onSubmit() {
    const reply = await create.submit({ title: title.trim(), detail: detail.trim(), needIds, resourceIds });
    if (reply?.ok) onDone();
  }
  return (
    <>
      <InputField label="项目名称" error={errors.title} value={title} onChange={setTitle} placeholder="例如：2号楼楼道照明改造" maxlength={30} />
      <FormField label="项目内容" error={errors.detail}>
        <Textarea
          className="staff-textarea"
          value={detail}
          maxlength={300}
          placeholder="做什么、做到什么程度、什么时候完成"
          onInput={(e) => setDetail(e.detail.value)}
        />
      </FormField>
      <FormField
        label={`对应的需求（最多 ${MAX} 条）`}
        error={errors.needIds}
        hint={openNeeds.length === 0 ? '没有待立项的录入需求，可直接立项' : undefined}
      >
        <Picks items={openNeeds} picked={needIds} onChange={setNeedIds} />
      </FormField>
      <FormField
        label={`匹配资源（最多 ${MAX} 项）`}
        error={errors.resourceIds}
        hint={offered.length === 0 ? '资源清单还是空的，可先立项，由认领单位安排' : undefined}
      >
        <Picks items={offered} picked={resourceIds} onChange={setResourceIds} />
      </FormField>
      <FormErrorBanner errors={Object.values(errors)} />
      {create.failure && Object.keys(errors).length === 0 && <Text className="banner-error">{create.failure.message}</Text>}
      <View className="staff-actions">
        <ActionButton busy={create.submitting} disabled={title.trim().length < 2 || detail.trim().length < 2} onClick={() => void onSubmit()}>
          立项，等待共建单位认领
        </ActionButton>
      </View>
    </>
  );
}
