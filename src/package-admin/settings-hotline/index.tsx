import { Picker, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { ActionButton } from '../../components/action-button';
import { FormField, InputField } from '../../components/form-field';
import { NoticeBanner } from '../../components/notice-banner';
import { PageShell } from '../../components/page-shell';
import { Empty, ErrorView, Loading } from '../../components/state-view';
import { useMe } from '../../hooks/use-me';
import { useRemote } from '../../hooks/use-remote';
import { useSubmit } from '../../hooks/use-submit';
import { call } from '../../services/api';
import { useAdminSubmit } from '../parts/admin-submit';
import { DoneCard } from '../parts/done-card';
import { KeyCard } from './key-card';
import { PartnerCard, type Partner } from './partner-card';
import '../parts/index.scss';
import './index.scss';

interface Draft {
  id: string | null;
  name: string;
  communityId: string;
  active: boolean;
}
const blank: Draft = { id: null, name: '', communityId: '', active: true };

/**
 * 热线对接 (hotline.*): the systems that file cases through Open311 — the 12345 hotline, another case system. The
 * district admin adds one, issues or replaces its API key (shown once), and switches it off or on.
 */
function Open311PartnersPage() {
  const me = useMe();
  const district = me.data?.adminScope === 'district';
  const list = useRemote(() => call('hotline.partners', {}), district ? 'partners' : null);
  const save = useAdminSubmit('hotline.savePartner');
  const toggle = useAdminSubmit('hotline.savePartner');
  const rotate = useSubmit('hotline.rotateKey');
  const [draft, setDraft] = useState<Draft>(blank);
  const [fresh, setFresh] = useState<{ partnerName: string; key: string } | null>(null);
  const [lostKey, setLostKey] = useState(false);
  const [busyId, setBusyId] = useState<string | null>(null);

  const put = (partner: Partner) =>
    list.update((d) => ({
      ...d,
      partners: d.partners.some((p) => p.id === partner.id) ? d.partners.map((p) => (p.id === partner.id ? partner : p)) : [...d.partners, partner],
    }));

  async function onSave() {
    const payload = { ...(draft.id ? { partnerId: draft.id } : {}), name: draft.name.trim(), communityId: draft.communityId, active: draft.active };
    const reply = await save.run(payload, ({ partner }) => ({
      title: `${draft.id ? '已修改' : '已新增'}“${partner.name}”`,
      detail: partner.key ? undefined : '下一步：点它的“发放密钥”，把密钥交给对接方。',
    }));
    if (!reply?.ok) return;
    put(reply.data.partner);
    setDraft(blank);
  }

  async function onKey(p: Partner) {
    if (p.key) {
      const sure = await Taro.showModal({
        title: `更换“${p.name}”的密钥？`,
        content: '旧密钥将在 1 分钟内失效，对接方须换用新密钥后才能继续转办和查询。',
      });
      if (!sure.confirm) return;
    }
    setBusyId(p.id);
    const reply = await rotate.submit({ partnerId: p.id });
    setBusyId(null);
    if (!reply?.ok) return;
    put(reply.data.partner);
    setLostKey(reply.data.key === null);
    setFresh(reply.data.key ? { partnerName: p.name, key: reply.data.key } : null);
    void Taro.pageScrollTo({ scrollTop: 0, duration: 200 });
  }

  async function onToggle(p: Partner) {
    if (p.active) {
      const sure = await Taro.showModal({ title: `停用“${p.name}”？`, content: '停用后 1 分钟内，它的转办和查询都会被拒绝；已转来的诉求照常办理。' });
      if (!sure.confirm) return;
    }
    setBusyId(p.id);
    const reply = await toggle.run({ partnerId: p.id, name: p.name, communityId: p.communityId, active: !p.active }, ({ partner }) => ({
      title: `已${partner.active ? '启用' : '停用'}“${partner.name}”`,
    }));
    setBusyId(null);
    if (reply?.ok) put(reply.data.partner);
  }

  function onEdit(p: Partner) {
    setDraft({ id: p.id, name: p.name, communityId: p.communityId, active: p.active });
    void Taro.pageScrollTo({ selector: '.admin-form-title', duration: 200 });
  }

  if (me.data && !district) {
    return (
      <PageShell>
        <Empty title="只有区级管理员可以管理热线对接" hint="12345热线等对接方全区共用。需要新增对接方或更换密钥，请联系区级管理员。" />
      </PageShell>
    );
  }
  if (!list.data) {
    const error = me.state === 'error' ? me : list.state === 'error' ? list : null;
    return <PageShell>{error ? <ErrorView error={error.error} onRetry={error.reload} /> : <Loading />}</PageShell>;
  }
  const { partners, communities } = list.data;
  const labels = communities.map((c) => `${c.streetName} ${c.name}`);
  const picked = communities.findIndex((c) => c.id === draft.communityId);
  const ready = draft.name.trim().length >= 2 && picked >= 0;
  return (
    <PageShell className="admin-open311">
      <Text className="admin-intro">
        12345热线等系统通过 Open311 接口向本区转办诉求，每个对接方一个接口密钥。能定位到楼栋的诉求进入该网格，定位不到的进入所选社区受理。
      </Text>
      {fresh && <KeyCard partnerName={fresh.partnerName} apiKey={fresh.key} onDone={() => setFresh(null)} />}
      {lostKey && (
        <View className="banner-error">
          <Text>密钥已发放，但这次没能显示出来。为安全起见密钥只显示一次，请再点“更换密钥”重新发放。</Text>
        </View>
      )}
      <NoticeBanner failure={rotate.failure ?? toggle.failure} />
      <DoneCard done={toggle.done} />
      {partners.length === 0 && <Empty title="还没有对接方" hint="在下方新增 12345热线等对接方，再为它发放密钥。" />}
      {partners.map((p) => (
        <PartnerCard
          key={p.id}
          partner={p}
          busy={busyId === p.id}
          onKey={() => void onKey(p)}
          onToggle={() => void onToggle(p)}
          onEdit={() => onEdit(p)}
        />
      ))}
      <Text className="section-title admin-form-title">{draft.id ? `修改“${draft.name}”` : '新增对接方'}</Text>
      <InputField
        label="名称"
        error={save.fieldErrors.name}
        value={draft.name}
        maxlength={30}
        placeholder="例如：12345热线"
        onChange={(name) => setDraft({ ...draft, name })}
      />
      <FormField label="兜底受理社区" hint="定位不到楼栋的诉求转到这个社区受理" error={save.fieldErrors.communityId}>
        <Picker
          mode="selector"
          range={labels}
          value={Math.max(0, picked)}
          onChange={(e) => setDraft({ ...draft, communityId: communities[Number(e.detail.value)]?.id ?? '' })}
        >
          <Text className={`admin-picker${picked < 0 ? ' is-placeholder' : ''}`}>{picked >= 0 ? labels[picked] : '点此选择社区'}</Text>
        </Picker>
      </FormField>
      <NoticeBanner failure={save.failure} />
      <DoneCard done={save.done} />
      <View className="admin-actions">
        <ActionButton disabled={!ready} busy={save.submitting} onClick={() => void onSave()}>
          {draft.id ? '保存修改' : '新增对接方'}
        </ActionButton>
        {draft.id && (
          <ActionButton kind="default" onClick={() => setDraft(blank)}>
            取消修改
          </ActionButton>
        )}
      </View>
    </PageShell>
  );
}

export default Open311PartnersPage;
