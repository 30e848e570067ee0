import { Input, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { ActionButton } from '../../components/action-button';
import { FormErrorBanner, FormField } from '../../components/form-field';
import { PageShell } from '../../components/page-shell';
import { ErrorView, Loading } from '../../components/state-view';
import { useFieldErrors } from '../../hooks/use-field-errors';
import { useRemote } from '../../hooks/use-remote';
import { useSubmit } from '../../hooks/use-submit';
import { call } from '../../services/api';
import { helperRequest, type HelperBindingView, type Output } from '../../shared/contract';
import { formErrors } from '../../utils/form-errors';
import { BindingCard } from './binding-card';
import { InviteSection } from './invite-section';
import './index.scss';

type Lists = Output<'helper.list'>;

/** Puts a binding as a step's reply says it is now into the lists (an ended one leaves them). */
function placed(lists: Lists, b: HelperBindingView): Lists {
  const keep = (items: HelperBindingView[], mine: boolean) => {
    const rest = items.filter((x) => x.id !== b.id);
    return mine && b.status !== 'ended' ? [b, ...rest] : rest;
  };
  return {
    asParent: keep(lists.asParent, b.viewer === 'parent'),
    asHelper: keep(lists.asHelper, b.viewer === 'helper'),
    toConsent: keep(lists.toConsent, b.viewer === 'organiser' && b.status === 'requested'),
  };
}

/**
 * 我的家庭 → 代办人: a child living elsewhere asks to be the helper of an elderly parent; the parent (or their grid
 * worker, recorded as such) agrees; the helper then files wishes and petitions for them. Either side ends it.
 */
function FamilyPage() {
  const lists = useRemote(() => call('helper.list', {}));
  const consent = useSubmit('helper.consent');
  const end = useSubmit('helper.end');
  const [busy, setBusy] = useState<{ id: string; step: 'consent' | 'end' } | null>(null);
  const [asked, setAsked] = useState(0);

  async function step(id: string, which: 'consent' | 'end') {
    setBusy({ id, step: which });
    const reply = await (which === 'consent' ? consent : end).submit({ bindingId: id });
    setBusy(null);
    if (!reply) return;
    if (!reply.ok) return void Taro.showToast({ title: reply.message, icon: 'none' });
    lists.update((l) => placed(l, reply.data.binding));
    void Taro.showToast({ title: which === 'consent' ? '已确认' : '已解除', icon: 'success' });
  }

  const card = (b: HelperBindingView) => (
    <BindingCard
      key={b.id}
      binding={b}
      busy={busy?.id === b.id ? busy.step : null}
      onConsent={() => void step(b.id, 'consent')}
      onEnd={() => void step(b.id, 'end')}
    />
  );

  if (!lists.data) return <PageShell>{lists.state === 'error' ? <ErrorView error={lists.error!} onRetry={lists.reload} /> : <Loading />}</PageShell>;
  const { asParent, asHelper, toConsent } = lists.data;
  return (
    <PageShell className="family">
      <InviteSection />
      <Text className="section-title">代办人</Text>
      <Text className="family__intro">
        子女不在身边？可以申请做老人的“代办人”，经老人同意（或网格员核实后代为确认）后，替老人发心愿、反映问题，记在老人名下，由你转告进展。
      </Text>
      {toConsent.length > 0 && (
        <>
          <Text className="section-title">待确认的代办人申请（辖区）</Text>
          {toConsent.map(card)}
        </>
      )}
      <Text className="section-title">我的代办人</Text>
      {asParent.length === 0 ? <Text className="family__empty">还没有人申请做你的代办人。</Text> : asParent.map(card)}
      <Text className="section-title">我代办的老人</Text>
      {asHelper.length === 0 ? <Text className="family__empty">你还没有代办的老人，可在下面申请。</Text> : asHelper.map(card)}
      {asHelper.some((b) => b.status === 'active') && (
        <View className="family__links">
          <Text className="family__link" onClick={() => void Taro.navigateTo({ url: '/pages/wish-mine/index?kind=filed' })}>
            我代办的心愿 ›
          </Text>
          <Text className="family__link" onClick={() => void Taro.navigateTo({ url: '/pages/petition-mine/index?kind=filed' })}>
            我代办的诉求 ›
          </Text>
        </View>
      )}
      {/* A fresh form after each request: nothing typed, nothing marked to fix. */}
      <RequestForm
        key={asked}
        onDone={(b) => {
          lists.update((l) => placed(l, b));
          setAsked((n) => n + 1);
        }}
      />
    </PageShell>
  );
}

/** 申请做代办人: the parent's name and the phone they registered with, and who the caller is to them. */
function RequestForm({ onDone }: { onDone: (b: HelperBindingView) => void }) {
  const send = useSubmit('helper.request');
  const [parentName, setName] = useState('');
  const [parentPhone, setPhone] = useState('');
  const [relation, setRelation] = useState('');
  const payload = { parentName, parentPhone, relation };
  const errors = useFieldErrors(formErrors(helperRequest.input, payload), send.fieldErrors);

  async function onSubmit() {
    if (!errors.check()) return;
    const reply = await send.submit(payload);
    if (!reply?.ok) return;
    onDone(reply.data.binding);
    void Taro.showToast({ title: '已申请，等待确认', icon: 'success' });
  }

  const input = (value: string, set: (v: string) => void, field: string, placeholder: string, type: 'text' | 'number' = 'text') => (
    <Input
      className="family__input"
      type={type}
      value={value}
      maxlength={type === 'number' ? 11 : 20}
      onBlur={() => errors.touch(field)}
      placeholder={placeholder}
      placeholderClass="input-placeholder"
      onInput={(e) => set(e.detail.value)}
    />
  );
  return (
    <View className="family__form">
      <Text className="section-title">申请做老人的代办人</Text>
      <FormErrorBanner errors={errors.all} />
      {send.failure && errors.all.length === 0 && <View className="banner-error">{send.failure.message}</View>}
      <FormField label="老人姓名" error={errors.of('parentName')}>
        {input(parentName, setName, 'parentName', '例如：王秀英')}
      </FormField>
      <FormField label="老人登记的手机号" hint="老人入驻社区时登记的号码" error={errors.of('parentPhone')}>
        {input(parentPhone, setPhone, 'parentPhone', '11 位手机号', 'number')}
      </FormField>
      <FormField label="你是老人的" error={errors.of('relation')}>
        {input(relation, setRelation, 'relation', '例如：儿子、女儿、侄女')}
      </FormField>
      <View className="family__actions">
        <ActionButton busy={send.submitting} onClick={() => void onSubmit()}>
          {send.submitting ? '正在提交…' : '提交申请'}
        </ActionButton>
      </View>
    </View>
  );
}

export default FamilyPage;
