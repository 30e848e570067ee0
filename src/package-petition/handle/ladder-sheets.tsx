import { Textarea } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { ActionButton } from '../../components/action-button';
import { BottomSheet } from '../../components/bottom-sheet';
import { ChoiceChips } from '../../components/choice-chips';
import { FormField } from '../../components/form-field';
import { SheetError, SheetForm } from '../../components/sheet-form';
import { useSubmit } from '../../hooks/use-submit';
import { levelLabels, type PetitionLevel } from '../../shared/domain/petition-ladder';
import { levelsReached } from '../../utils/petition-actions';
import type { StepProps } from './steps';

type SheetProps = StepProps & { onClose: () => void };

function ReasonField({ value, error, placeholder, onChange }: { value: string; error?: string; placeholder: string; onChange: (v: string) => void }) {
  return (
    <FormField label="原因" error={error}>
      <Textarea
        className="sheet-form__textarea"
        value={value}
        maxlength={200}
        placeholder={placeholder}
        placeholderClass="input-placeholder"
        onInput={(e) => onChange(e.detail.value)}
      />
    </FormField>
  );
}

/** 街道统筹: the street summons a district department, which must report (报到) within its deadline. */
export function SummonSheet({ petition, outcome, onClose, departments }: SheetProps & { departments: { id: string; name: string }[] }) {
  const summon = useSubmit('petition.summon');
  const [departmentId, setDepartmentId] = useState('');
  const [reason, setReason] = useState('');
  const name = departments.find((d) => d.id === departmentId)?.name;

  async function onSubmit() {
    const reply = await summon.submit({ petitionId: petition.id, departmentId, reason });
    if (outcome.closesSheet(reply, '已召集', 'summon')) onClose();
  }

  return (
    <BottomSheet
      title="召集职能部门"
      hint="被召集的部门须在时限内报到受理；居民会收到进展通知。"
      onClose={onClose}
      footer={
        <>
          <SheetError text={summon.fieldErrors.reason ? null : summon.failure?.message} />
          <ActionButton disabled={!departmentId} busy={summon.submitting} onClick={onSubmit}>
            {name ? `召集${name}` : '请选择部门'}
          </ActionButton>
        </>
      }
    >
      <SheetForm>
        <FormField label="职能部门">
          <ChoiceChips
            name="department"
            choices={departments.map((d) => ({ value: d.id, label: d.name }))}
            value={departmentId}
            onChange={setDepartmentId}
          />
        </FormField>
        <ReasonField value={reason} error={summon.fieldErrors.reason} placeholder="例如：坡道属市政设施，需住建部门施工" onChange={setReason} />
      </SheetForm>
    </BottomSheet>
  );
}

/** 社区复核: after a second 不满意, send the case back to a level it has reached. */
export function ReopenSheet({ petition, outcome, onClose }: SheetProps) {
  const reopen = useSubmit('petition.reopen');
  const [level, setLevel] = useState<PetitionLevel | ''>('');
  const [reason, setReason] = useState('');
  const levels = levelsReached(petition.timeline);

  async function onSubmit() {
    if (!level) return;
    const reply = await reopen.submit({ petitionId: petition.id, level, reason });
    if (outcome.closesSheet(reply, '已重新交办', 'reopen', reason)) onClose();
  }

  return (
    <BottomSheet
      title="重新交办"
      hint="复核认为没有办好：交回到办理过的一级重新办理，该级会收到通知。"
      onClose={onClose}
      footer={
        <>
          <SheetError text={reopen.fieldErrors.reason ? null : reopen.failure?.message} />
          <ActionButton disabled={!level} busy={reopen.submitting} onClick={onSubmit}>
            {level ? `交办${levelLabels[level]}` : '请选择层级'}
          </ActionButton>
        </>
      }
    >
      <SheetForm>
        <FormField label="交办到">
          <ChoiceChips name="level" choices={levels.map((l) => ({ value: l, label: levelLabels[l] }))} value={level} onChange={setLevel} />
        </FormField>
        <ReasonField value={reason} error={reopen.fieldErrors.reason} placeholder="例如：居民反映坡道仍有裂缝，请重新施工" onChange={setReason} />
      </SheetForm>
    </BottomSheet>
  );
}

/**
 * 三方议事决定: the case went to council as a topic (petition.convene raised it); once the topic is decided — minutes
 * out, any household vote closed — its decision is the resolution. The topic page holds the meeting and the vote.
 */
export function DecideSheet({ petition, outcome, onClose }: SheetProps) {
  const decide = useSubmit('petition.decide');
  const topicId = petition.councilTopicId;

  async function onSubmit() {
    if (!topicId) return;
    const reply = await decide.submit({ petitionId: petition.id, topicId });
    if (outcome.closesSheet(reply, '已按议事决定办结', 'decide')) onClose();
  }

  return (
    <BottomSheet
      title="三方议事决定"
      hint="议题议定后（纪要已发布，需要居民表决的已截止），议事决定即作为办理结果告知居民，请居民评价。"
      onClose={onClose}
      footer={
        <>
          <SheetError text={decide.failure?.message ?? (topicId ? null : '这条诉求没有关联的议事议题，请在“三方议事”里提出议题。')} />
          <ActionButton disabled={!topicId} busy={decide.submitting} onClick={onSubmit}>
            按议事决定办结
          </ActionButton>
        </>
      }
    >
      <SheetForm>
        {topicId && (
          <ActionButton kind="default" onClick={() => void Taro.navigateTo({ url: `/package-council/topic/index?id=${topicId}` })}>
            查看议题：会议、纪要和表决
          </ActionButton>
        )}
      </SheetForm>
    </BottomSheet>
  );
}
