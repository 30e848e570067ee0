import { Text, Textarea, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { ActionButton } from '../../components/action-button';
import { ChoiceChips } from '../../components/choice-chips';
import { FormField, InputField } from '../../components/form-field';
import { NoticeBanner } from '../../components/notice-banner';
import { PageShell } from '../../components/page-shell';
import { ErrorView, Loading } from '../../components/state-view';
import { useMe } from '../../hooks/use-me';
import { useSubmit } from '../../hooks/use-submit';
import type { Output } from '../../shared/contract';
import { councilPartyLabels, type CouncilParty } from '../../shared/domain/council';
import { toastResult } from '../../utils/toast';
import '../../package-staff/parts/index.scss';
import '../index.scss';

/** The parties the caller may raise a topic for, as their roles and home say (the server checks again). */
function partiesOf(me: Output<'user.me'>): CouncilParty[] {
  const parties: CouncilParty[] = [];
  if (me.roles.includes('staff')) parties.push('community');
  if (me.roles.includes('owners_committee')) parties.push('owners_committee');
  if (me.roles.includes('property_rep')) parties.push('property');
  if (me.buildingId) parties.push('resident');
  return parties;
}

const notes: Record<CouncilParty, string> = {
  community: '直接列入议事，由社区安排会议',
  owners_committee: '直接列入议事',
  property: '直接列入议事',
  resident: '满 5 位居民联名后列入议事',
};

/** 提出议题: what the matter is, for which party, and (optionally) which 小区. */
function RaisePage() {
  const me = useMe();
  const raise = useSubmit('council.raise');
  const [picked, setPicked] = useState<CouncilParty | ''>('');
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const [estate, setEstate] = useState('');
  const errors = raise.fieldErrors;

  if (!me.data)
    return <PageShell className="council-form">{me.state === 'error' ? <ErrorView error={me.error} onRetry={me.reload} /> : <Loading />}</PageShell>;
  const parties = partiesOf(me.data);
  const party = picked || parties[0] || '';

  async function onSubmit() {
    if (!party) return;
    const reply = await raise.submit({ party, title, body, ...(estate.trim() ? { estate: estate.trim() } : {}) });
    if (!reply?.ok) return;
    toastResult({ ok: true, text: party === 'resident' ? '已提出，请邀请邻居联名' : '议题已提出' });
    void Taro.redirectTo({ url: `/package-council/topic/index?id=${reply.data.topic.id}` });
  }

  return (
    <PageShell className="council-form">
      <Text className="council-intro">物业服务、停车、公共维修、小区环境等需要社区、业委会、物业共同商量的事，都可以提出议题。</Text>
      <NoticeBanner failure={raise.failure} />
      {parties.length === 0 ? (
        <Text className="council-intro">你的登记里还没有楼栋和门牌，暂时不能提出议题，请先在“我的”里补全登记信息。</Text>
      ) : (
        <>
          {parties.length > 1 && (
            <FormField label="以谁的名义提出" error={errors.party}>
              <ChoiceChips
                name="party"
                choices={parties.map((p) => ({ value: p, label: councilPartyLabels[p], note: notes[p] }))}
                value={party}
                onChange={setPicked}
              />
            </FormField>
          )}
          {parties.length === 1 && (
            <Text className="council-intro">
              以{councilPartyLabels[party as CouncilParty]}名义提出：{notes[party as CouncilParty]}。
            </Text>
          )}
          <InputField label="议题" error={errors.title} value={title} onChange={setTitle} placeholder="例如：小区停车位重新划线" maxlength={30} />
          <FormField label="说明" error={errors.body}>
            <Textarea
              className="staff-textarea"
              value={body}
              maxlength={500}
              placeholder="现在是什么情况、希望怎么解决（至少 10 个字）"
              placeholderClass="input-placeholder"
              onInput={(e) => setBody(e.detail.value)}
            />
          </FormField>
          <InputField
            label="小区（可不填）"
            hint="只涉及社区内一个小区时填写"
            error={errors.estate}
            value={estate}
            onChange={setEstate}
            placeholder="例如：梧桐苑"
            maxlength={20}
          />
          <View className="council-actions">
            <ActionButton busy={raise.submitting} onClick={() => void onSubmit()}>
              提出议题
            </ActionButton>
          </View>
        </>
      )}
    </PageShell>
  );
}

export default RaisePage;
