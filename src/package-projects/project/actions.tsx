import { Text, Textarea, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { ActionButton } from '../../components/action-button';
import { ChoiceChips } from '../../components/choice-chips';
import { FormField } from '../../components/form-field';
import { StarRating } from '../../components/star-rating';
import { useRemote } from '../../hooks/use-remote';
import { useSubmit } from '../../hooks/use-submit';
import { call } from '../../services/api';
import { toastResult } from '../../utils/toast';
import type { ProjectView } from '../parts';

type Props = { project: ProjectView; onChanged: (p: ProjectView) => void };

/** 认领: the viewer's approved units (as their contact); none → how to become one. */
export function ClaimBox({ project, onChanged }: Props) {
  const units = useRemote(() => call('list.myUnits', {}));
  const claim = useSubmit('project.claim');
  const [unitId, setUnitId] = useState('');
  const mine = units.data?.units ?? [];
  const chosen = unitId || (mine.length === 1 ? mine[0].id : '');
  if (units.state !== 'ready' || mine.length === 0) {
    return units.state === 'ready' ? (
      <View className="projects-section">
        <Text className="projects-section__title">想认领这个项目？</Text>
        <Text className="projects-section__line">共建单位的联系人才能认领。请先在「我的」→「共建单位报到」为单位报到，社区审核通过后再来认领。</Text>
      </View>
    ) : null;
  }
  async function onClaim() {
    const sure = await Taro.showModal({ title: '认领项目', content: `以单位名义认领「${project.title}」，并按期报告进展？`, confirmText: '认领' });
    if (!sure.confirm) return;
    const reply = await claim.submit({ projectId: project.id, unitId: chosen });
    if (reply?.ok) {
      toastResult({ ok: true, text: '认领成功' });
      onChanged(reply.data.project);
    }
  }
  return (
    <View className="projects-section project-claim">
      <Text className="projects-section__title">认领项目（契约化共建）</Text>
      {mine.length > 1 && (
        <FormField label="以哪个单位认领">
          <ChoiceChips choices={mine.map((u) => ({ value: u.id, label: u.name }))} value={chosen} onChange={setUnitId} name="unit" />
        </FormField>
      )}
      {claim.failure && <Text className="banner-error">{claim.failure.message}</Text>}
      <ActionButton disabled={!chosen} busy={claim.submitting} onClick={() => void onClaim()}>
        {mine.length === 1 ? `以「${mine[0].name}」认领` : '认领'}
      </ActionButton>
    </View>
  );
}

const steps = [25, 50, 75, 100];

/** 报告进展: what was done and how far (only forward; 100 % finishes it). */
export function ReportBox({ project, onChanged }: Props) {
  const report = useSubmit('project.report');
  const [text, setText] = useState('');
  const [progress, setProgress] = useState('');
  const choices = steps.filter((s) => s >= project.progress).map((s) => ({ value: String(s), label: s === 100 ? '完成 100%' : `${s}%` }));
  async function onReport() {
    const reply = await report.submit({ projectId: project.id, text: text.trim(), progress: Number(progress) });
    if (reply?.ok) {
      toastResult({ ok: true, text: Number(progress) === 100 ? '项目已完成，居民可以评价了' : '进展已报告' });
      setText('');
      setProgress('');
      onChanged(reply.data.project);
    }
  }
  return (
    <View className="projects-section project-report">
      <Text className="projects-section__title">报告进展</Text>
      <FormField label="进度" error={report.fieldErrors.progress}>
        <ChoiceChips choices={choices} value={progress} onChange={setProgress} name="progress" />
      </FormField>
      <FormField label="做了什么" error={report.fieldErrors.text}>
        <Textarea
          className="staff-textarea"
          value={text}
          maxlength={200}
          placeholder="例如：已采购声控灯 20 个，周六安装"
          onInput={(e) => setText(e.detail.value)}
        />
      </FormField>
      {report.failure && Object.keys(report.fieldErrors).length === 0 && <Text className="banner-error">{report.failure.message}</Text>}
      <ActionButton disabled={!progress || text.trim().length < 2} busy={report.submitting} onClick={() => void onReport()}>
        提交进展
      </ActionButton>
    </View>
  );
}

/** 评价: 1–5 stars, once. */
export function RateBox({ project, onChanged }: { project: ProjectView; onChanged: (p: ProjectView, stars: number) => void }) {
  const rate = useSubmit('project.rate');
  const [stars, setStars] = useState(0);
  const [comment, setComment] = useState('');
  async function onRate() {
    const reply = await rate.submit({ projectId: project.id, stars, comment: comment.trim() });
    if (reply?.ok) {
      toastResult({ ok: true, text: '谢谢你的评价' });
      onChanged(reply.data.project, stars);
    }
  }
  return (
    <View className="projects-section project-rate">
      <Text className="projects-section__title">评价这个项目</Text>
      <Text className="projects-section__line">点星星打分，5 星最满意；每人评一次，计入认领单位的年度考评。</Text>
      <StarRating value={stars} onChange={setStars} />
      <Textarea
        className="staff-textarea"
        value={comment}
        maxlength={100}
        placeholder="说说项目办得怎么样（可不填）"
        onInput={(e) => setComment(e.detail.value)}
      />
      {rate.failure && <Text className="banner-error">{rate.failure.message}</Text>}
      <ActionButton disabled={stars === 0} busy={rate.submitting} onClick={() => void onRate()}>
        提交评价
      </ActionButton>
    </View>
  );
}
