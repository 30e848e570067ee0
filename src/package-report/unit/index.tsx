import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { ActionButton } from '../../components/action-button';
import { FormField, InputField } from '../../components/form-field';
import { NoticeBanner } from '../../components/notice-banner';
import { PageShell } from '../../components/page-shell';
import { useSubmit } from '../../hooks/use-submit';
import { unitResourceLabels, unitResources, type Output } from '../../shared/contract';
import '../../components/choice-chips/index.scss';
import '../parts/index.scss';

type Resource = (typeof unitResources)[number];
type Unit = Output<'unit.report'>['unit'];

/** 共建单位报到: a resident reports the unit they work for and what it can offer; community staff review it. */
function UnitReportPage() {
  const send = useSubmit('unit.report');
  const [name, setName] = useState('');
  const [partyOrg, setPartyOrg] = useState('');
  const [contactName, setContactName] = useState('');
  const [contactPhone, setContactPhone] = useState('');
  const [resources, setResources] = useState<Resource[]>([]);
  const [offer, setOffer] = useState('');
  const [sent, setSent] = useState<Unit | null>(null);
  const errors = send.fieldErrors;
  const ready = name.trim() && partyOrg.trim() && contactName.trim() && /^1\d{10}$/.test(contactPhone.trim()) && resources.length > 0;
  const toggle = (r: Resource) => setResources((was) => (was.includes(r) ? was.filter((x) => x !== r) : [...was, r]));

  async function onSubmit() {
    const payload = {
      name: name.trim(),
      partyOrg: partyOrg.trim(),
      contactName: contactName.trim(),
      contactPhone: contactPhone.trim(),
      resources,
      offer: offer.trim(),
    };
    const reply = await send.submit(payload);
    if (reply?.ok) {
      setSent(reply.data.unit);
      // The form was scrolled to its button: show the confirmation from its top.
      void Taro.pageScrollTo({ scrollTop: 0, duration: 0 }).catch(() => undefined);
    }
  }

  if (sent) {
    return (
      <PageShell className="report">
        <View className="card report-card report-card--sent is-pending">
          <View className="report-card__head">
            <Text className="report-card__name">{sent.name}</Text>
            <Text className="tag report-card__status">审核中</Text>
          </View>
          <Text className="report-card__line">已提交共建单位报到，社区工作人员审核后会与联系人 {sent.contactName} 联系。</Text>
        </View>
      </PageShell>
    );
  }
  return (
    <PageShell className="report">
      <Text className="report-intro">
        机关、企事业单位到社区报到，成为共建单位：提供场地、技能、资金或志愿者，社区每年对共建单位的服务做一次考评。
      </Text>
      <NoticeBanner failure={send.failure} />
      <InputField label="单位名称" error={errors.name} value={name} onChange={setName} placeholder="例如：区实验小学" maxlength={40} />
      <InputField
        label="单位党组织"
        error={errors.partyOrg}
        value={partyOrg}
        onChange={setPartyOrg}
        placeholder="例如：区实验小学党支部"
        maxlength={50}
      />
      <InputField label="联系人" error={errors.contactName} value={contactName} onChange={setContactName} placeholder="姓名" maxlength={20} />
      <InputField
        label="联系电话"
        error={errors.contactPhone}
        value={contactPhone}
        onChange={setContactPhone}
        placeholder="11 位手机号"
        maxlength={11}
      />
      <FormField label="可提供的资源（可多选）" error={errors.resources}>
        <View className="choice-chips">
          {unitResources.map((r) => (
            <View key={r} className={`choice-chips__chip${resources.includes(r) ? ' is-on' : ''}`} data-value={r} onClick={() => toggle(r)}>
              <Text className="choice-chips__label">{unitResourceLabels[r]}</Text>
            </View>
          ))}
        </View>
      </FormField>
      <InputField
        label="说明（可不填）"
        error={errors.offer}
        value={offer}
        onChange={setOffer}
        placeholder="例如：周末开放操场，每月派 5 名志愿者"
        maxlength={200}
      />
      <View className="report-actions">
        <ActionButton disabled={!ready} busy={send.submitting} onClick={onSubmit}>
          提交报到
        </ActionButton>
      </View>
    </PageShell>
  );
}

export default UnitReportPage;
