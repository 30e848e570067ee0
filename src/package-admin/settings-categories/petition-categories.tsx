import { Input, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { ActionButton } from '../../components/action-button';
import { ChoiceChips } from '../../components/choice-chips';
import { FormField, InputField } from '../../components/form-field';
import { NoticeBanner } from '../../components/notice-banner';
import { ErrorView, Loading } from '../../components/state-view';
import { useRemote } from '../../hooks/use-remote';
import { call } from '../../services/api';
import { forget } from '../../services/session-cache';
import type { Output } from '../../shared/contract';
import { cardClocks, cardColors, type CardClock, type CardColor } from '../../shared/domain/petition-cards';
import { levelLabels, petitionLevels } from '../../shared/domain/petition-ladder';
import { useAdminSubmit } from '../parts/admin-submit';
import { DoneCard } from '../parts/done-card';
import './index.scss';

type Tree = Output<'petition.categories'>;
type Category = Tree['categories'][number];
type YesNo = 'yes' | 'no';
interface Draft {
  id: string | null;
  name: string;
  parentId: string;
  departmentId: string;
  council: YesNo;
  private: YesNo;
  order: string;
  /** 督办 limits as typed, `<level>.<clock>.<colour>` → hours ('' keeps the default). */
  limits: Record<string, string>;
}
const blank: Draft = { id: null, name: '', parentId: '', departmentId: '', council: 'no', private: 'no', order: '100', limits: {} };
type Limits = NonNullable<Category['cardLimits']>;
const cellKey = (level: string, clock: CardClock, color: CardColor) => `${level}.${clock}.${color}`;
function limitsText(limits: Category['cardLimits']): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [level, cell] of Object.entries(limits ?? {}))
    for (const clock of cardClocks)
      for (const color of cardColors) if (cell?.[clock]?.[color] !== undefined) out[cellKey(level, clock, color)] = String(cell[clock][color]);
  return out;
}
/** The typed hours as the action takes them; null when none is typed (the defaults). */
function limitsOf(text: Record<string, string>): Limits | null {
  const out: Limits = {};
  for (const level of petitionLevels)
    for (const clock of cardClocks)
      for (const color of cardColors) {
        const typed = (text[cellKey(level, clock, color)] ?? '').trim();
        if (!typed) continue;
        const cell = (out[level] ??= {});
        cell[clock] = { ...cell[clock], [color]: Number(typed) };
      }
  return Object.keys(out).length > 0 ? out : null;
}
const clockLabels: Record<CardClock, string> = { accept: '受理', resolve: '办理' };
const colorLabels: Record<CardColor, string> = { yellow: '黄', red: '红' };
const yn = (b: boolean): YesNo => (b ? 'yes' : 'no');
const draftOf = (c: Category): Draft => ({
  id: c.id,
  name: c.name,
  parentId: c.parentId ?? '',
  departmentId: c.departmentId ?? '',
  council: yn(c.council),
  private: yn(c.private),
  order: String(c.order),
  limits: limitsText(c.cardLimits),
});
const yesNo = [
  { value: 'no' as const, label: '否' },
  { value: 'yes' as const, label: '是' },
];

/** The tree in reading order: each top-level kind, then its sub-kinds. */
function inOrder(categories: Category[]): Category[] {
  const top = categories.filter((c) => c.parentId === null).sort((a, b) => a.order - b.order);
  return top.flatMap((t) => [t, ...categories.filter((c) => c.parentId === t.id).sort((a, b) => a.order - b.order)]);
}

/** 诉求类别 (petition.setCategory): two levels of problems, each with the department a street summons for it. */
export function PetitionCategories({ editable }: { editable: boolean }) {
  const tree = useRemote(() => call('petition.categories', {}));
  const save = useAdminSubmit('petition.setCategory');
  const [draft, setDraft] = useState<Draft>(blank);
  const set = (change: Partial<Draft>) => setDraft((d) => ({ ...d, ...change }));

  function edit(c: Category) {
    if (!editable) return;
    setDraft(draftOf(c));
    void Taro.pageScrollTo({ selector: '.admin-form-title', duration: 200 });
  }

  async function onSave() {
    const payload = {
      ...(draft.id ? { categoryId: draft.id } : {}),
      name: draft.name.trim(),
      parentId: draft.parentId || null,
      departmentId: draft.departmentId || null,
      council: draft.council === 'yes',
      private: draft.private === 'yes',
      order: Number(draft.order) || 0,
      cardLimits: limitsOf(draft.limits),
    };
    const reply = await save.run(payload, ({ category }) => ({ title: `${draft.id ? '已修改' : '已新增'}诉求类别“${category.name}”` }));
    if (!reply?.ok) return;
    const { category } = reply.data;
    forget('petition.categories');
    tree.update((t) => ({
      ...t,
      categories: t.categories.some((c) => c.id === category.id)
        ? t.categories.map((c) => (c.id === category.id ? category : c))
        : [...t.categories, category],
    }));
    setDraft(blank);
  }

  if (!tree.data) return tree.state === 'error' ? <ErrorView error={tree.error} onRetry={tree.reload} /> : <Loading />;
  const departments = new Map(tree.data.departments.map((d) => [d.id, d.name]));
  const tops = tree.data.categories.filter((c) => c.parentId === null && c.id !== draft.id);
  return (
    <View>
      <View className="cells">
        {inOrder(tree.data.categories).map((c) => (
          <View
            key={c.id}
            className={`cell${editable ? ' cell--link' : ''} category-row${c.parentId ? ' is-sub' : ''}`}
            data-item={c.name}
            onClick={() => edit(c)}
          >
            <Text className="cell__body cell__title">{c.name}</Text>
            <Text className="cell__value">{c.departmentId ? (departments.get(c.departmentId) ?? '') : '不召集部门'}</Text>
          </View>
        ))}
      </View>
      {editable && (
        <View>
          <Text className="section-title admin-form-title">{draft.id ? `修改“${draft.name}”` : '新增诉求类别'}</Text>
          <InputField
            label="名称"
            error={save.fieldErrors.name}
            value={draft.name}
            maxlength={12}
            placeholder="例如：绿化损坏"
            onChange={(name) => set({ name })}
          />
          <FormField label="上级类别" error={save.fieldErrors.parentId}>
            <ChoiceChips
              choices={[{ value: '', label: '无（一级类别）' }, ...tops.map((t) => ({ value: t.id, label: t.name }))]}
              value={draft.parentId}
              onChange={(parentId) => set({ parentId })}
            />
          </FormField>
          <FormField label="逾期时街道召集的职能部门" error={save.fieldErrors.departmentId}>
            <ChoiceChips
              choices={[{ value: '', label: '不召集' }, ...tree.data.departments.map((d) => ({ value: d.id, label: d.name }))]}
              value={draft.departmentId}
              onChange={(departmentId) => set({ departmentId })}
            />
          </FormField>
          <FormField label="可提交三方议事（物业、业主相关）">
            <ChoiceChips choices={yesNo} value={draft.council} onChange={(council) => set({ council })} />
          </FormField>
          <FormField label="不公开（邻里纠纷等）">
            <ChoiceChips choices={yesNo} value={draft.private} onChange={(value) => set({ private: value })} />
          </FormField>
          <InputField
            label="排序"
            error={save.fieldErrors.order}
            hint="数字小的排在前面"
            type="number"
            value={draft.order}
            placeholder="例如 100"
            onChange={(order) => set({ order })}
          />
          <FormField
            label="督办时限（小时）"
            error={Object.entries(save.fieldErrors).find(([k]) => k.startsWith('cardLimits'))?.[1]}
            hint="从案件到达本级（受理）或被受理（办理）起算。留空按默认：黄牌为本级时限的一半，红牌为四分之三"
          >
            <View className="card-limits">
              <View className="card-limits__row card-limits__row--head">
                <Text className="card-limits__level">层级</Text>
                {cardClocks.flatMap((clock) =>
                  cardColors.map((color) => (
                    <Text key={`${clock}-${color}`} className={`card-limits__head is-${color}`}>
                      {clockLabels[clock]}
                      {colorLabels[color]}
                    </Text>
                  )),
                )}
              </View>
              {petitionLevels.map((level) => (
                <View key={level} className="card-limits__row">
                  <Text className="card-limits__level">{levelLabels[level]}</Text>
                  {cardClocks.flatMap((clock) =>
                    cardColors.map((color) => {
                      const key = cellKey(level, clock, color);
                      return (
                        <Input
                          key={key}
                          className="card-limits__input"
                          type="digit"
                          value={draft.limits[key] ?? ''}
                          placeholder="默认"
                          placeholderClass="input-placeholder"
                          data-cell={key}
                          onInput={(e) => set({ limits: { ...draft.limits, [key]: e.detail.value } })}
                        />
                      );
                    }),
                  )}
                </View>
              ))}
            </View>
          </FormField>
          <NoticeBanner failure={save.failure} />
          <DoneCard done={save.done} />
          <View className="admin-actions">
            <ActionButton disabled={draft.name.trim().length < 2} busy={save.submitting} onClick={() => void onSave()}>
              {draft.id ? '保存修改' : '新增类别'}
            </ActionButton>
          </View>
        </View>
      )}
    </View>
  );
}
