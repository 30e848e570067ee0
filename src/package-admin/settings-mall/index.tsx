import { Image, Text, View } from '@tarojs/components';
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
import { assetLabels } from '../../shared/domain/ledger';
import { mallAssets, type MallAsset } from '../../shared/domain/mall';
import { useAdminSubmit } from '../parts/admin-submit';
import { DoneCard } from '../parts/done-card';
import { PhotoField, type ItemPhoto } from './photo-field';
import '../parts/index.scss';
import './index.scss';

type Item = Output<'mall.listItems'>['items'][number];
interface Draft {
  id: string | null;
  name: string;
  description: string;
  price: string;
  asset: MallAsset;
  stock: string;
  active: 'on' | 'off';
  photo: ItemPhoto;
}
const blank: Draft = {
  id: null,
  name: '',
  description: '',
  price: '',
  asset: 'volunteer',
  stock: '',
  active: 'on',
  photo: { fileID: null, src: null },
};
const draftOf = (i: Item): Draft => ({
  id: i.id,
  name: i.name,
  description: i.description,
  price: String(i.price),
  asset: i.asset,
  stock: String(i.stock),
  active: i.active ? 'on' : 'off',
  photo: { fileID: i.photo, src: i.photoUrl },
});

/** 积分超市货架 (mall.setItem): what residents can exchange their points for, at what price, how many left. */
function MallShelfPage() {
  const shelf = useRemote(() => call('mall.listItems', {}));
  const save = useAdminSubmit('mall.setItem');
  const [draft, setDraft] = useState<Draft>(blank);
  const [uploading, setUploading] = useState(false);
  const set = (change: Partial<Draft>) => setDraft((d) => ({ ...d, ...change }));
  const ready = draft.name.trim().length >= 2 && Number(draft.price) >= 1 && draft.stock.trim() !== '' && !uploading;

  // The form is below the list: tapping an item brings it into view.
  function edit(next: Draft) {
    setDraft(next);
    void Taro.pageScrollTo({ selector: '.admin-form-title', duration: 200 });
  }

  async function onSave() {
    const payload = {
      ...(draft.id ? { itemId: draft.id } : {}),
      name: draft.name.trim(),
      description: draft.description.trim(),
      price: Number(draft.price),
      asset: draft.asset,
      stock: Number(draft.stock),
      active: draft.active === 'on',
      photo: draft.photo.fileID,
    };
    const reply = await save.run(payload, ({ item }) => ({
      title: `${draft.id ? '已修改' : '已上架'}“${item.name}”`,
      detail: `${item.price} 分${assetLabels[item.asset]} · 库存 ${item.stock}${item.active ? '' : ' · 已下架'}`,
    }));
    if (!reply?.ok) return;
    const { item } = reply.data;
    shelf.update((s) => ({ items: s.items.some((i) => i.id === item.id) ? s.items.map((i) => (i.id === item.id ? item : i)) : [...s.items, item] }));
    setDraft(blank);
  }

  if (!shelf.data) {
    return <PageShell>{shelf.state === 'error' ? <ErrorView error={shelf.error} onRetry={shelf.reload} /> : <Loading />}</PageShell>;
  }
  return (
    <PageShell className="admin-mall">
      <Text className="admin-intro">点一件商品可修改价格、库存或下架；库存直接填现有数量。</Text>
      <View className="cells">
        {shelf.data.items.length === 0 && <Empty title="货架还是空的" hint="在下方上架第一件商品。" />}
        {shelf.data.items.map((i) => (
          <View key={i.id} className={`cell cell--link mall-row${i.active ? '' : ' is-off'}`} data-item={i.name} onClick={() => edit(draftOf(i))}>
            {i.photoUrl ? <Image className="mall-row__img" src={i.photoUrl} mode="aspectFill" /> : <View className="mall-row__img" />}
            <Text className="cell__body cell__title">{i.name}</Text>
            <Text className="cell__value">{`${i.price} 分 · 库存 ${i.stock}${i.active ? '' : ' · 已下架'}`}</Text>
          </View>
        ))}
      </View>
      <Text className="section-title admin-form-title">{draft.id ? `修改“${draft.name}”` : '上架新商品'}</Text>
      <InputField
        label="名称"
        error={save.fieldErrors.name}
        value={draft.name}
        maxlength={30}
        placeholder="例如：鸡蛋一盒"
        onChange={(name) => set({ name })}
      />
      <InputField
        label="说明（可选）"
        error={save.fieldErrors.description}
        value={draft.description}
        maxlength={200}
        placeholder="例如：10 枚装，周六上午社区服务站领取"
        onChange={(description) => set({ description })}
      />
      <FormField label="用哪种积分兑换" error={save.fieldErrors.asset}>
        <ChoiceChips
          choices={mallAssets.map((a) => ({ value: a, label: assetLabels[a] }))}
          value={draft.asset}
          onChange={(asset) => set({ asset })}
        />
      </FormField>
      <InputField
        label="价格（分）"
        error={save.fieldErrors.price}
        type="number"
        value={draft.price}
        placeholder="整数，例如 30"
        onChange={(price) => set({ price })}
      />
      <InputField
        label="库存"
        error={save.fieldErrors.stock}
        type="number"
        value={draft.stock}
        placeholder="现有数量，例如 20"
        onChange={(stock) => set({ stock })}
      />
      <FormField label="状态" error={save.fieldErrors.active}>
        <ChoiceChips
          choices={[
            { value: 'on', label: '上架' },
            { value: 'off', label: '下架' },
          ]}
          value={draft.active}
          onChange={(active) => set({ active })}
        />
      </FormField>
      <PhotoField value={draft.photo} onChange={(photo) => set({ photo })} onBusy={setUploading} />
      <NoticeBanner failure={save.failure} />
      <DoneCard done={save.done} />
      <View className="admin-actions">
        <ActionButton disabled={!ready} busy={save.submitting} onClick={() => void onSave()}>
          {draft.id ? '保存修改' : '上架'}
        </ActionButton>
        {draft.id && (
          <ActionButton kind="default" onClick={() => setDraft(blank)}>
            取消修改，上架新商品
          </ActionButton>
        )}
      </View>
    </PageShell>
  );
}

export default MallShelfPage;
