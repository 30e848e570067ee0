import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { ActionButton } from '../../components/action-button';
import { ChoiceChips } from '../../components/choice-chips';
import { FormField, InputField } from '../../components/form-field';
import { NoticeBanner } from '../../components/notice-banner';
import { PageShell } from '../../components/page-shell';
import { ErrorView, Loading } from '../../components/state-view';
import { useRemote } from '../../hooks/use-remote';
import { call } from '../../services/api';
import { afterFailure } from '../../utils/action-hints';
import { starsOf } from '../../utils/points';
import { DoneCard } from '../parts/done-card';
import { PersonField, type Person } from '../parts/person-field';
import { replayedNote, useStaffSubmit } from '../parts/use-staff-submit';

/** 美德信用积分: credit a resident for civic behaviour from the community's catalogue. */
function VirtuePage() {
  const catalogue = useRemote(() => call('points.virtueCatalogue', {}));
  const grant = useStaffSubmit('points.grantVirtue');
  const [person, setPerson] = useState<Person | null>(null);
  const [itemId, setItemId] = useState('');
  const [note, setNote] = useState('');
  const items = (catalogue.data?.items ?? []).filter((i) => i.active);
  const item = items.find((i) => i.id === itemId);

  async function onSubmit() {
    if (!person || !item) return;
    const reply = await grant.run({ openid: person.id, itemId: item.id, ...(note.trim() ? { note: note.trim() } : {}) }, (data) => ({
      title: `已为${person.name}记美德信用积分 ${item.points} 分（${item.name}）${data.replayed ? replayedNote : ''}`,
      detail: `余额 ${data.balance} 分，信用等级 ${starsOf(data.level.stars)} ${data.level.name}`,
    }));
    if (reply?.ok) setNote('');
    else if (reply && afterFailure(reply.code).refresh) void catalogue.reload();
  }

  if (catalogue.state !== 'ready') {
    return <PageShell>{catalogue.state === 'error' ? <ErrorView error={catalogue.error} onRetry={catalogue.reload} /> : <Loading />}</PageShell>;
  }
  return (
    <PageShell className="virtue">
      <Text className="staff-intro">按社区美德信用目录为居民记分。累计分数决定信用等级（一星至五星），爱心商家会看到等级。</Text>
      <NoticeBanner failure={grant.failure} />
      <DoneCard done={grant.done} />
      <PersonField label="居民" role="resident" value={person} onChange={setPerson} error={grant.fieldErrors.openid} />
      <FormField label="美德行为" error={grant.fieldErrors.itemId}>
        <ChoiceChips choices={items.map((i) => ({ value: i.id, label: i.name, note: `+${i.points} 分` }))} value={itemId} onChange={setItemId} />
      </FormField>
      <InputField
        label="备注（可选）"
        error={grant.fieldErrors.note}
        value={note}
        maxlength={100}
        placeholder="例如：11月15日社区义诊帮忙"
        onChange={setNote}
      />
      <View className="staff-actions">
        <ActionButton disabled={!person || !item} busy={grant.submitting} onClick={onSubmit}>
          {item ? `确认记 ${item.points} 分` : '请选择美德行为'}
        </ActionButton>
      </View>
    </PageShell>
  );
}

export default VirtuePage;
