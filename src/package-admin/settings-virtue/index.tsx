import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { ActionButton } from '../../components/action-button';
import { ChoiceChips } from '../../components/choice-chips';
import { FormField, InputField } from '../../components/form-field';
import { NoticeBanner } from '../../components/notice-banner';
import { PageShell } from '../../components/page-shell';
import { Empty, ErrorView, Loading } from '../../components/state-view';
import { useRemote } from '../../hooks/use-remote';
import { call } from '../../services/api';
import type { Output } from '../../shared/contract';
import { useAdminSubmit } from '../parts/admin-submit';
import { DoneCard } from '../parts/done-card';
import '../parts/index.scss';
import './index.scss';

type Item = Output<'points.virtueCatalogue'>['items'][number];
interface Draft {
  id: string | null;
  name: string;
  points: string;
  active: 'on' | 'off';
  order: string;
}
const blank: Draft = { id: null, name: '', points: '', active: 'on', order: '100' };
const draftOf = (i: Item): Draft => ({ id: i.id, name: i.name, points: String(i.points), active: i.active ? 'on' : 'off', order: String(i.order) });

/** 美德信用目录 (points.setVirtueItem): the civic deeds staff may credit, and how many points each is worth. */
function VirtueCataloguePage() {
  const catalogue = useRemote(() => call('points.virtueCatalogue', {}));
  const save = useAdminSubmit('points.setVirtueItem');
  const [draft, setDraft] = useState<Draft>(blank);
  const ready = draft.name.trim().length >= 2 && Number(draft.points) >= 1;

  // The form is below the list: tapping an item brings it into view.
  function edit(next: Draft) {
    setDraft(next);
    void Taro.pageScrollTo({ selector: '.admin-form-title', duration: 200 });
  }

  async function onSave() {
    const payload = {
      ...(draft.id ? { itemId: draft.id } : {}),
      name: draft.name.trim(),
      points: Number(draft.points),
      active: draft.active === 'on',
      order: Number(draft.order) || 0,
    };
    const reply = await save.run(payload, ({ item }) => ({
      title: `${draft.id ? '已修改' : '已新增'}“${item.name}” ${item.points} 分${item.active ? '' : '（已停用）'}`,
    }));
    if (!reply?.ok) return;
    const { item } = reply.data;
    catalogue.update((c) => ({
      items: (c.items.some((i) => i.id === item.id) ? c.items.map((i) => (i.id === item.id ? item : i)) : [...c.items, item]).sort(
        (a, b) => a.order - b.order,
      ),
    }));
    setDraft(blank);
  }

  if (!catalogue.data) {
    return <PageShell>{catalogue.state === 'error' ? <ErrorView error={catalogue.error} onRetry={catalogue.reload} /> : <Loading />}</PageShell>;
  }
  return (
    <PageShell className="admin-virtue">
      <Text className="admin-intro">社区工作人员按这个目录为居民记美德信用积分。点一项可修改；停用的项目不再出现在记分页面。</Text>
      <View className="cells">
        {catalogue.data.items.length === 0 && <Empty title="目录还是空的" hint="在下方新增第一项美德行为。" />}
        {catalogue.data.items.map((i) => (
          <View key={i.id} className={`cell cell--link virtue-row${i.active ? '' : ' is-off'}`} data-item={i.name} onClick={() => edit(draftOf(i))}>
            <Text className="cell__body cell__title">{i.name}</Text>
            <Text className="cell__value">{i.active ? `+${i.points} 分` : `+${i.points} 分 · 已停用`}</Text>
          </View>
        ))}
      </View>
      <Text className="section-title admin-form-title">{draft.id ? `修改“${draft.name}”` : '新增一项'}</Text>
      <InputField
        label="名称"
        error={save.fieldErrors.name}
        value={draft.name}
        maxlength={20}
        placeholder="例如：清扫楼道"
        onChange={(name) => setDraft({ ...draft, name })}
      />
      <InputField
        label="分值"
        error={save.fieldErrors.points}
        type="number"
        value={draft.points}
        placeholder="1–100 的整数"
        onChange={(points) => setDraft({ ...draft, points })}
      />
      <InputField
        label="排序"
        error={save.fieldErrors.order}
        hint="数字小的排在前面"
        type="number"
        value={draft.order}
        placeholder="例如 100"
        onChange={(order) => setDraft({ ...draft, order })}
      />
      <FormField label="状态">
        <ChoiceChips
          choices={[
            { value: 'on', label: '启用' },
            { value: 'off', label: '停用' },
          ]}
          value={draft.active}
          onChange={(active) => setDraft({ ...draft, active })}
        />
      </FormField>
      <NoticeBanner failure={save.failure} />
      <DoneCard done={save.done} />
      <View className="admin-actions">
        <ActionButton disabled={!ready} busy={save.submitting} onClick={() => void onSave()}>
          {draft.id ? '保存修改' : '新增项目'}
        </ActionButton>
        {draft.id && (
          <ActionButton kind="default" onClick={() => setDraft(blank)}>
            取消修改，新增一项
          </ActionButton>
        )}
      </View>
    </PageShell>
  );
}

export default VirtueCataloguePage;
