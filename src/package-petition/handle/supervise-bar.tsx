import { Text, Textarea } from '@tarojs/components';
import { useState } from 'react';
import { ActionButton } from '../../components/action-button';
import { BarItem, PetitionBar } from '../../components/petition-bar';
import { BottomSheet } from '../../components/bottom-sheet';
import { ChoiceChips } from '../../components/choice-chips';
import { FormField } from '../../components/form-field';
import { ReasonSheet } from '../../components/reason-sheet';
import { SheetError, SheetForm } from '../../components/sheet-form';
import { ErrorView, Loading } from '../../components/state-view';
import { useRemote } from '../../hooks/use-remote';
import { useSubmit } from '../../hooks/use-submit';
import { call } from '../../services/api';
import { cardColorLabels, type CardColor } from '../../shared/domain/petition-cards';
import type { StepProps } from './steps';
import './supervise-bar.scss';

type Order = CardColor | 'escalate' | 'reassign';

/** What each 督办 asks; the comment reaches the handlers and stays on the timeline. */
const asks: Record<Exclude<Order, 'reassign'>, { title: string; hint: string; placeholder: string; done: string }> = {
  yellow: {
    title: '黄牌督办',
    hint: '提醒办理人加快办理。督办意见会通知当前办理人，并记入办理进度。',
    placeholder: '例如：受理已超过两天，请今天内联系居民',
    done: '已亮黄牌',
  },
  red: {
    title: '红牌督办',
    hint: '严重超时或多次催办未果时使用。红牌不会被改回黄牌。',
    placeholder: '例如：多次催办仍未处理，请立即办理并反馈',
    done: '已亮红牌',
  },
  escalate: {
    title: '责令上报',
    hint: '诉求将上报上一级（街道一级上报区级），如同吹哨，重新计算时限并通知上一级。',
    placeholder: '例如：本级已无力解决，请上一级统筹',
    done: '已责令上报',
  },
};

/** The 督办员's buttons on a case of their area: 黄牌, 红牌, 责令上报, 改派. */
export function SuperviseBar({ petition, outcome }: StepProps) {
  const card = useSubmit('petition.issueCard');
  const escalate = useSubmit('petition.orderEscalate');
  const [open, setOpen] = useState<Order | null>(null);
  const close = () => setOpen(null);
  const petitionId = petition.id;

  async function onComment(order: Exclude<Order, 'reassign'>, comment: string) {
    const ask = asks[order];
    if (order === 'escalate') {
      if (outcome.closesSheet(await escalate.submit({ petitionId, comment }), ask.done, 'escalate', `督办员责令上报：${comment}`)) close();
      return;
    }
    const note = `${cardColorLabels[order]}：${comment}`;
    if (outcome.closesSheet(await card.submit({ petitionId, color: order, comment }), ask.done, 'card', note)) close();
  }

  const sheet = open && open !== 'reassign' ? asks[open] : null;
  const submitter = open === 'escalate' ? escalate : card;
  return (
    <>
      <PetitionBar notice={outcome.notice}>
        <BarItem name="card-yellow">
          <ActionButton kind="default" onClick={() => setOpen('yellow')}>
            黄牌
          </ActionButton>
        </BarItem>
        <BarItem name="card-red">
          <ActionButton kind="warn" onClick={() => setOpen('red')}>
            红牌
          </ActionButton>
        </BarItem>
        <BarItem name="order-escalate">
          <ActionButton kind="default" onClick={() => setOpen('escalate')}>
            责令上报
          </ActionButton>
        </BarItem>
        <BarItem name="order-reassign">
          <ActionButton kind="default" onClick={() => setOpen('reassign')}>
            改派
          </ActionButton>
        </BarItem>
      </PetitionBar>
      {sheet && open && open !== 'reassign' && (
        <ReasonSheet
          title={sheet.title}
          hint={sheet.hint}
          placeholder={sheet.placeholder}
          required
          submitText={`确认${sheet.title}`}
          kind={open === 'red' ? 'warn' : 'primary'}
          busy={submitter.submitting}
          error={Object.values(submitter.fieldErrors)[0] ?? submitter.failure?.message ?? null}
          onSubmit={(text) => void onComment(open, text)}
          onClose={close}
        />
      )}
      {open === 'reassign' && <ReassignSheet petition={petition} outcome={outcome} onClose={close} />}
    </>
  );
}

/**
 * 改派: to another grid of the case's community (a grid's or community's case) or another department (a
 * department's); the picker asks the server which, and a street's or the district's case has none.
 */
function ReassignSheet({ petition, outcome, onClose }: StepProps & { onClose: () => void }) {
  const choices = useRemote(() => call('petition.reassignChoices', { petitionId: petition.id }), petition.id);
  const reassign = useSubmit('petition.orderReassign');
  const [to, setTo] = useState('');
  const [comment, setComment] = useState('');
  const kind = choices.data?.kind;
  const name = choices.data?.choices.find((c) => c.id === to)?.name;
  const ready = to !== '' && comment.trim().length >= 2;

  async function onSubmit() {
    const target = kind === 'department' ? { departmentId: to } : { gridId: to };
    const reply = await reassign.submit({ petitionId: petition.id, to: target, comment: comment.trim() });
    if (outcome.closesSheet(reply, `已改派到${name ?? ''}`, 'reassign', `督办员改派到${name ?? ''}：${comment.trim()}`)) onClose();
  }

  return (
    <BottomSheet
      title="改派"
      hint="诉求派错了办理单位时使用：改派后由新的单位重新受理，重新计算时限，并通知对方。"
      onClose={onClose}
      footer={
        kind && kind !== 'none' ? (
          <>
            <SheetError text={reassign.fieldErrors.comment ? null : reassign.failure?.message} />
            <ActionButton disabled={!ready} busy={reassign.submitting} onClick={() => void onSubmit()}>
              {name ? `改派到${name}` : '请选择改派到哪里'}
            </ActionButton>
          </>
        ) : undefined
      }
    >
      {choices.state === 'loading' && <Loading />}
      {choices.state === 'error' && <ErrorView error={choices.error} onRetry={choices.reload} />}
      {kind === 'none' && <Text className="supervise-sheet__none">街道、区级的诉求没有同级的其他办理单位，可改用「责令上报」或亮牌督办。</Text>}
      {kind && kind !== 'none' && (
        <SheetForm>
          <FormField label={kind === 'department' ? '改派到职能部门' : '改派到本社区网格'}>
            <ChoiceChips
              name="reassign-to"
              choices={choices.data!.choices.map((c) => ({ value: c.id, label: c.name }))}
              value={to}
              onChange={setTo}
            />
          </FormField>
          <FormField label="督办意见" error={reassign.fieldErrors.comment}>
            <Textarea
              className="sheet-form__textarea"
              value={comment}
              maxlength={200}
              placeholder="例如：问题位置属第二网格，请第二网格受理"
              placeholderClass="input-placeholder"
              onInput={(e) => setComment(e.detail.value)}
            />
          </FormField>
        </SheetForm>
      )}
    </BottomSheet>
  );
}
