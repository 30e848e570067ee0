import { Picker, Text, Textarea, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { ActionButton } from '../../components/action-button';
import { ChoiceChips } from '../../components/choice-chips';
import { FormField, InputField } from '../../components/form-field';
import { NoticeBanner } from '../../components/notice-banner';
import { PageShell } from '../../components/page-shell';
import { ErrorView, Loading } from '../../components/state-view';
import { useRemote } from '../../hooks/use-remote';
import { useSubmit } from '../../hooks/use-submit';
import { call } from '../../services/api';
import { councilLimits, councilPartyLabels } from '../../shared/domain/council';
import { toastResult } from '../../utils/toast';
import { dayFromNow, instantOf } from '../when';
import '../../package-staff/parts/index.scss';
import '../index.scss';

interface TaskDraft {
  title: string;
  ownerId: string;
  day: string;
}

const blankTask = (): TaskDraft => ({ title: '', ownerId: '', day: dayFromNow(14) });

/** 会议纪要 (community staff): who came, what was said and decided, a household vote if needed, and who does what by when. */
function MinutesPage() {
  const topicId = useRouter().params.id ?? '';
  const members = useRemote(() => call('council.members', {}));
  const publish = useSubmit('council.minutes');
  const [attendees, setAttendees] = useState<string[]>([]);
  const [minutes, setMinutes] = useState('');
  const [decision, setDecision] = useState('');
  const [needsVote, setNeedsVote] = useState<'yes' | 'no'>('no');
  const [question, setQuestion] = useState('');
  const [voteDay, setVoteDay] = useState(dayFromNow(7));
  const [tasks, setTasks] = useState<TaskDraft[]>([]);
  const errors = publish.fieldErrors;

  if (!members.data)
    return (
      <PageShell className="council-form">
        {members.state === 'error' ? <ErrorView error={members.error} onRetry={members.reload} /> : <Loading />}
      </PageShell>
    );
  const people = members.data.members;
  const toggle = (id: string) => setAttendees((ids) => (ids.includes(id) ? ids.filter((x) => x !== id) : [...ids, id]));
  const setTask = (i: number, change: Partial<TaskDraft>) => setTasks((ts) => ts.map((t, j) => (j === i ? { ...t, ...change } : t)));

  async function onSubmit() {
    const reply = await publish.submit({
      topicId,
      attendeeIds: attendees,
      minutes,
      decision,
      vote: needsVote === 'yes' ? { question, deadline: instantOf(voteDay, '20:00') } : null,
      tasks: tasks.map((t) => ({ title: t.title, ownerId: t.ownerId, deadline: instantOf(t.day, '18:00') })),
    });
    if (!reply?.ok) return;
    toastResult({ ok: true, text: needsVote === 'yes' ? '纪要已发布，居民表决开始' : '纪要和决定已发布' });
    void Taro.navigateBack();
  }

  const who = people.map((p) => ({
    value: p.id,
    label: `${p.name}（${p.parties.map((x) => councilPartyLabels[x]).join('、')}${p.estate ? ` · ${p.estate}` : ''}）`,
  }));
  return (
    <PageShell className="council-form">
      <NoticeBanner failure={publish.failure} />
      <FormField label="参会人（点选）" error={errors.attendeeIds}>
        <View className="choice-chips">
          {who.map((c) => (
            <View
              key={c.value}
              className={`choice-chips__chip${attendees.includes(c.value) ? ' is-on' : ''}`}
              data-value={c.value}
              onClick={() => toggle(c.value)}
            >
              <Text className="choice-chips__label">{c.label}</Text>
            </View>
          ))}
        </View>
      </FormField>
      <FormField label="会议纪要" error={errors.minutes}>
        <Textarea
          className="staff-textarea"
          value={minutes}
          maxlength={1000}
          placeholder="各方的意见、讨论的经过（至少 10 个字）"
          placeholderClass="input-placeholder"
          onInput={(e) => setMinutes(e.detail.value)}
        />
      </FormField>
      <InputField
        label="议事决定"
        error={errors.decision}
        value={decision}
        onChange={setDecision}
        placeholder="例如：采用方案一，重新划线 60 个车位"
        maxlength={300}
      />
      <FormField label="需要居民表决吗" hint="需要居民同意的决定（如动用维修基金），每户投一票">
        <ChoiceChips
          name="vote"
          choices={[
            { value: 'no', label: '不需要' },
            { value: 'yes', label: '需要，每户一票' },
          ]}
          value={needsVote}
          onChange={setNeedsVote}
        />
      </FormField>
      {needsVote === 'yes' && (
        <>
          <InputField
            label="表决事项"
            error={errors.vote}
            value={question}
            onChange={setQuestion}
            placeholder="例如：是否同意方案一"
            maxlength={60}
          />
          <FormField label="表决截止日（当天 20:00）">
            <Picker
              mode="date"
              value={voteDay}
              start={dayFromNow(1)}
              end={dayFromNow(councilLimits.voteDays - 1)}
              onChange={(e) => setVoteDay(String(e.detail.value))}
            >
              <Text className="council-form__picker">{voteDay}</Text>
            </Picker>
          </FormField>
        </>
      )}
      <FormField label={`后续任务（最多 ${councilLimits.tasks} 项）`} error={errors.tasks}>
        {tasks.map((t, i) => (
          <View key={i} className="card council-section" data-task-draft={i}>
            <InputField
              label={`任务 ${i + 1}`}
              value={t.title}
              onChange={(title) => setTask(i, { title })}
              placeholder="例如：重新划线并设置标识"
              maxlength={40}
            />
            <FormField label="负责人">
              <ChoiceChips name={`owner-${i}`} choices={who} value={t.ownerId} onChange={(ownerId) => setTask(i, { ownerId })} />
            </FormField>
            <FormField label="期限">
              <Picker mode="date" value={t.day} start={dayFromNow(1)} onChange={(e) => setTask(i, { day: String(e.detail.value) })}>
                <Text className="council-form__picker">{t.day}</Text>
              </Picker>
            </FormField>
            <ActionButton kind="default" size="inline" onClick={() => setTasks((ts) => ts.filter((_, j) => j !== i))}>
              删除这项任务
            </ActionButton>
          </View>
        ))}
        {tasks.length < councilLimits.tasks && (
          <ActionButton kind="default" onClick={() => setTasks((ts) => [...ts, blankTask()])}>
            添加一项任务
          </ActionButton>
        )}
      </FormField>
      <View className="council-actions">
        <ActionButton disabled={!topicId || attendees.length < 2} busy={publish.submitting} onClick={() => void onSubmit()}>
          发布纪要和决定
        </ActionButton>
      </View>
    </PageShell>
  );
}

export default MinutesPage;
