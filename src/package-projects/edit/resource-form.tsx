import { Text, Textarea, View } from '@tarojs/components';
import { useState } from 'react';
import { ActionButton } from '../../components/action-button';
import { ChoiceChips } from '../../components/choice-chips';
import { FormErrorBanner, FormField, InputField } from '../../components/form-field';
import { Empty, Loading } from '../../components/state-view';
import { useMe } from '../../hooks/use-me';
import { useRemote } from '../../hooks/use-remote';
import { useSubmit } from '../../hooks/use-submit';
import { call } from '../../services/api';
import { resourceKindLabels, resourceKinds, type ProviderKind, type ResourceKind } from '../../shared/domain/project';

interface Offerer {
  key: string;
  provider: ProviderKind;
  providerId?: string;
  label: string;
}

/**
 * Who the viewer may offer for (domain/project.ts assertMayOffer): themself as a member, their shop as a merchant,
 * the units they are the contact of; staff also any approved unit of the community.
 */
function useOfferers(): { ready: boolean; offerers: Offerer[] } {
  const me = useMe();
  const roles = me.data?.roles ?? [];
  const merchant = roles.includes('merchant');
  const staff = roles.includes('staff');
  const units = useRemote(() => call('list.myUnits', {}), me.data ? 'mine' : null);
  const shop = useRemote(() => call('merchant.mine', {}), merchant ? 'shop' : null);
  const community = useRemote(() => call('unit.list', { status: 'approved', limit: 50 }), staff ? 'units' : null);
  const offerers: Offerer[] = [];
  if (roles.includes('member')) offerers.push({ key: 'me', provider: 'member', label: '我自己（党员志愿者）' });
  if (shop.data?.shop)
    offerers.push({ key: `shop:${shop.data.shop.id}`, provider: 'shop', providerId: shop.data.shop.id, label: shop.data.shop.name });
  const unitRows = [...(units.data?.units ?? []), ...(community.data?.items ?? []).map((u) => ({ id: u.id, name: u.name }))];
  for (const u of unitRows)
    if (!offerers.some((o) => o.providerId === u.id)) offerers.push({ key: `unit:${u.id}`, provider: 'unit', providerId: u.id, label: u.name });
  const waiting = units.state === 'loading' || (merchant && shop.state === 'loading') || (staff && community.state === 'loading');
  return { ready: Boolean(me.data) && !waiting, offerers };
}

/** 登记资源: for whom, what kind, what, and when it is available. */
export function ResourceForm({ onDone }: { onDone: () => void }) {
  const { ready, offerers } = useOfferers();
  const add = useSubmit('project.addResource');
  const [who, setWho] = useState('');
  const [kind, setKind] = useState<ResourceKind | ''>('');
  const [title, setTitle] = useState('');
  const [detail, setDetail] = useState('');
  const [availability, setAvailability] = useState('');
  const errors = add.fieldErrors;
  const chosen = offerers.find((o) => o.key === who) ?? (offerers.length === 1 ? offerers[0] : undefined);
  if (!ready) return <Loading />;
  if (offerers.length === 0)
    return <Empty title="你还不能登记资源" hint="党员、爱心商家和审核通过的共建单位联系人可以登记。单位请先在「我的」→「共建单位报到」报到。" />;
  async function onSubmit() {
    if (!chosen || !kind) return;
    const reply = await add.submit({
      provider: chosen.provider,
      ...(chosen.providerId ? { providerId: chosen.providerId } : {}),
      kind,
      title: title.trim(),
      detail: detail.trim(),
      availability: availability.trim(),
    });
    if (reply?.ok) onDone();
  }
  return (
    <>
      <FormField label="谁来提供" error={errors.providerId}>
        <ChoiceChips choices={offerers.map((o) => ({ value: o.key, label: o.label }))} value={chosen?.key ?? ''} onChange={setWho} name="provider" />
      </FormField>
      <FormField label="类别" error={errors.kind}>
        <ChoiceChips choices={resourceKinds.map((k) => ({ value: k, label: resourceKindLabels[k] }))} value={kind} onChange={setKind} name="kind" />
      </FormField>
      <InputField label="资源名称" error={errors.title} value={title} onChange={setTitle} placeholder="例如：学校操场、水电维修" maxlength={30} />
      <InputField
        label="可用时间"
        error={errors.availability}
        value={availability}
        onChange={setAvailability}
        placeholder="例如：周六、周日全天"
        maxlength={50}
      />
      <FormField label="说明" error={errors.detail}>
        <Textarea
          className="staff-textarea"
          value={detail}
          maxlength={200}
          placeholder="数量、条件、怎么联系（可不填）"
          onInput={(e) => setDetail(e.detail.value)}
        />
      </FormField>
      <FormErrorBanner errors={Object.values(errors)} />
      {add.failure && Object.keys(errors).length === 0 && <Text className="banner-error">{add.failure.message}</Text>}
      <View className="staff-actions">
        <ActionButton
          busy={add.submitting}
          disabled={!chosen || !kind || title.trim().length < 2 || !availability.trim()}
          onClick={() => void onSubmit()}
        >
          登记资源
        </ActionButton>
      </View>
    </>
  );
}
