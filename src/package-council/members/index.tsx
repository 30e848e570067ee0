import { Input, Text, View } from '@tarojs/components';
import { useState } from 'react';
import { ActionButton } from '../../components/action-button';
import { ChoiceChips } from '../../components/choice-chips';
import { FormField, InputField } from '../../components/form-field';
import { NoticeBanner } from '../../components/notice-banner';
import { PageShell } from '../../components/page-shell';
import { ErrorView, Loading } from '../../components/state-view';
import { useMe } from '../../hooks/use-me';
import { useRemote } from '../../hooks/use-remote';
import { useSubmit } from '../../hooks/use-submit';
import { call } from '../../services/api';
import { councilPartyLabels } from '../../shared/domain/council';
import { toastResult } from '../../utils/toast';
import '../../package-staff/parts/index.scss';
import '../index.scss';

type Seat = 'owners_committee' | 'property_rep';
const seatLabels: Record<Seat, string> = { owners_committee: '业委会委员', property_rep: '物业代表' };
const seatOf = { owners_committee: 'owners_committee', property: 'property_rep' } as const;

/** 议事成员 (community staff): who sits in 三方议事 for the community; appoint or remove 业委会委员 and 物业代表. */
function MembersPage() {
  const me = useMe();
  const members = useRemote(() => call('council.members', {}));
  const grant = useSubmit('role.grant');
  const revoke = useSubmit('role.revoke');
  const [query, setQuery] = useState('');
  const q = query.trim();
  const people = useRemote(() => call('user.listPeople', { query: q, offset: 0, limit: 8 }), q.length > 0 ? q : null);
  const [picked, setPicked] = useState<{ id: string; name: string } | null>(null);
  const [seat, setSeat] = useState<Seat | ''>('');
  const [estate, setEstate] = useState('');
  const [reason, setReason] = useState('');
  const errors = { ...revoke.fieldErrors, ...grant.fieldErrors };
  const hasReason = reason.trim().length >= 2;

  if (!members.data || !me.data)
    return (
      <PageShell className="council-form">
        {members.state === 'error' ? <ErrorView error={members.error} onRetry={members.reload} /> : <Loading />}
      </PageShell>
    );
  const communityId = me.data.communityId;

  async function onGrant() {
    if (!picked || !seat) return;
    const reply = await grant.submit({
      openid: picked.id,
      role: seat,
      unitId: communityId,
      reason: reason.trim(),
      ...(estate.trim() ? { estate: estate.trim() } : {}),
    });
    if (!reply?.ok) return;
    toastResult({ ok: true, text: `已任命${picked.name}为${seatLabels[seat]}` });
    setPicked(null);
    setSeat('');
    setEstate('');
    setReason('');
    void members.reload();
  }
  async function onRevoke(id: string, name: string, role: Seat) {
    const reply = await revoke.submit({ openid: id, role, reason: reason.trim() });
    if (!reply?.ok) return;
    toastResult({ ok: true, text: `已免去${name}的${seatLabels[role]}` });
    setReason('');
    void members.reload();
  }

  return (
    <PageShell className="council-form">
      <Text className="council-intro">社区工作人员可以任免本社区的业委会委员、物业代表。每次任免都须写明原因，并留有记录。</Text>
      <NoticeBanner failure={revoke.failure ?? grant.failure} />
      <View className="card council-section">
        <Text className="council-section__label">现任议事成员</Text>
        {members.data.members.map((m) => (
          <View key={m.id} className="council-task" data-member={m.name}>
            <Text className="council-task__title">{m.name}</Text>
            <Text className="council-task__line">
              {m.parties.map((p) => councilPartyLabels[p]).join('、')}
              {m.estate ? ` · ${m.estate}` : ''}
            </Text>
            <View className="council-section__actions">
              {m.parties
                .filter((p): p is keyof typeof seatOf => p in seatOf)
                .map((p) => (
                  <ActionButton
                    key={p}
                    size="inline"
                    kind="warn"
                    disabled={!hasReason}
                    busy={revoke.submitting}
                    onClick={() => void onRevoke(m.id, m.name, seatOf[p])}
                  >
                    免去{seatLabels[seatOf[p]]}
                  </ActionButton>
                ))}
            </View>
          </View>
        ))}
      </View>
      <FormField label="任命：找人（本社区登记的居民）" error={errors.openid}>
        <Input
          className="staff-input"
          value={query}
          maxlength={20}
          placeholder="输入姓名中的一个字"
          placeholderClass="input-placeholder"
          onInput={(e) => setQuery(e.detail.value)}
        />
      </FormField>
      {q && people.state === 'ready' && (
        <FormField label="选择人员">
          {people.data!.items.length === 0 ? (
            <Text className="council-task__line">没有找到，请换一个字试试。</Text>
          ) : (
            <ChoiceChips
              name="person"
              choices={people.data!.items.map((p) => ({ value: p.id, label: p.name, note: [p.buildingName, p.phone].filter(Boolean).join(' · ') }))}
              value={picked?.id ?? ''}
              onChange={(id) => setPicked({ id, name: people.data!.items.find((p) => p.id === id)?.name ?? '' })}
            />
          )}
        </FormField>
      )}
      <FormField label="任命为" error={errors.role}>
        <ChoiceChips
          name="seat"
          choices={(Object.keys(seatLabels) as Seat[]).map((s) => ({ value: s, label: seatLabels[s] }))}
          value={seat}
          onChange={setSeat}
        />
      </FormField>
      <InputField
        label="小区（可不填）"
        hint="只代表社区内一个小区时填写"
        error={errors.estate}
        value={estate}
        onChange={setEstate}
        placeholder="例如：梧桐苑"
        maxlength={20}
      />
      <InputField
        label="任免原因"
        hint="2–100 字，记入任免记录；免去时也须先写明"
        error={errors.reason}
        value={reason}
        onChange={setReason}
        placeholder="例如：业委会换届选举产生"
        maxlength={100}
      />
      <View className="council-actions">
        <ActionButton disabled={!picked || !seat || !hasReason} busy={grant.submitting} onClick={() => void onGrant()}>
          {picked && seat ? `确认任命${picked.name}为${seatLabels[seat]}` : '确认任命'}
        </ActionButton>
      </View>
    </PageShell>
  );
}

export default MembersPage;
