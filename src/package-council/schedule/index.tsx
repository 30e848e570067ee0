import { Picker, Text, Textarea, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { ActionButton } from '../../components/action-button';
import { FormField, InputField } from '../../components/form-field';
import { NoticeBanner } from '../../components/notice-banner';
import { PageShell } from '../../components/page-shell';
import { useSubmit } from '../../hooks/use-submit';
import { toastResult } from '../../utils/toast';
import { dayFromNow, instantOf } from '../when';
import '../../package-staff/parts/index.scss';
import '../index.scss';

/** 安排会议 (community staff): when, where, and the agenda, one item a line. */
function SchedulePage() {
  const topicId = useRouter().params.id ?? '';
  const schedule = useSubmit('council.schedule');
  const [day, setDay] = useState(dayFromNow(2));
  const [time, setTime] = useState('15:00');
  const [place, setPlace] = useState('社区议事厅');
  const [agenda, setAgenda] = useState('');
  const errors = schedule.fieldErrors;

  async function onSubmit() {
    const items = agenda
      .split('\n')
      .map((s) => s.trim())
      .filter(Boolean);
    const reply = await schedule.submit({ topicId, at: instantOf(day, time), place, agenda: items });
    if (!reply?.ok) return;
    toastResult({ ok: true, text: '会议已安排' });
    void Taro.navigateBack();
  }

  return (
    <PageShell className="council-form">
      <Text className="council-intro">安排社区、业委会、物业三方的议事会议。会后在议题页发布纪要和决定。</Text>
      <NoticeBanner failure={errors.at ? null : schedule.failure} />
      <FormField label="会议时间" error={errors.at}>
        <View className="council-form__row">
          <Picker mode="date" value={day} start={dayFromNow(0)} onChange={(e) => setDay(String(e.detail.value))}>
            <Text className="council-form__picker">{day}</Text>
          </Picker>
          <Picker mode="time" value={time} onChange={(e) => setTime(String(e.detail.value))}>
            <Text className="council-form__picker">{time}</Text>
          </Picker>
        </View>
      </FormField>
      <InputField label="会议地点" error={errors.place} value={place} onChange={setPlace} placeholder="例如：社区议事厅" maxlength={40} />
      <FormField label="议程（每行一项）" error={errors.agenda}>
        <Textarea
          className="staff-textarea"
          value={agenda}
          maxlength={480}
          placeholder={'例如：\n停车位划线方案\n收费标准'}
          placeholderClass="input-placeholder"
          onInput={(e) => setAgenda(e.detail.value)}
        />
      </FormField>
      <View className="council-actions">
        <ActionButton disabled={!topicId} busy={schedule.submitting} onClick={() => void onSubmit()}>
          确认安排
        </ActionButton>
      </View>
    </PageShell>
  );
}

export default SchedulePage;
