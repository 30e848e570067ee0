import { useState } from 'react';
import { ActionButton } from '../../components/action-button';
import { ReasonSheet } from '../../components/reason-sheet';
import type { PetitionOutcome } from '../../hooks/use-petition-outcome';
import { useSubmit } from '../../hooks/use-submit';
import type { PetitionDetail } from '../../utils/petition-actions';
import { actionLabel } from '../../utils/petition-text';

export interface StepProps {
  petition: PetitionDetail;
  outcome: PetitionOutcome;
}

/** 受理, or a summoned department's 报到: one tap takes the case, and the deadline to settle it starts. */
export function TakeStep({ petition, outcome, as }: StepProps & { as: 'accept' | 'report' }) {
  const take = useSubmit(as === 'accept' ? 'petition.accept' : 'petition.report');
  const label = actionLabel(as, petition.level);
  return (
    <ActionButton busy={take.submitting} onClick={async () => outcome.settle(await take.submit({ petitionId: petition.id }), `已${label}`, as)}>
      {label}
    </ActionButton>
  );
}

type ReasonAction = 'escalate' | 'dismiss' | 'convene' | 'conclude';

/** What each sheet asks; every reason is read by the next level and the resident. */
const asks: Record<ReasonAction, { hint: string; placeholder: string; required: boolean; kind: 'primary' | 'default' | 'warn'; done: string }> = {
  escalate: {
    hint: '说明本级为什么办不了，上一级会收到通知，居民也会看到。',
    placeholder: '例如：坡道需整体重建，超出网格能力',
    required: true,
    kind: 'default',
    done: '已上报',
  },
  dismiss: {
    hint: '重复或无效的诉求可不予受理，原因会告知居民。',
    placeholder: '例如：与已办结的诉求重复',
    required: true,
    kind: 'warn',
    done: '已不予受理',
  },
  convene: {
    hint: '提交社区、业委会、物业三方议事：同时在“三方议事”里提出议题，议定后议事决定作为办理结果。',
    placeholder: '议事安排（可选），例如：本周五下午社区会议室',
    required: false,
    kind: 'default',
    done: '已提交议事',
  },
  conclude: {
    hint: '复核后维持原办理结果并办结，复核意见会告知居民。',
    placeholder: '复核意见（至少 5 个字）',
    required: true,
    kind: 'primary',
    done: '已办结',
  },
};

/** A step that needs only a reason: 吹哨, 不予受理, 三方议事, 维持办结. */
export function ReasonStep({ petition, outcome, as }: StepProps & { as: ReasonAction }) {
  const escalate = useSubmit('petition.escalate');
  const dismiss = useSubmit('petition.dismiss');
  const convene = useSubmit('petition.convene');
  const conclude = useSubmit('petition.conclude');
  const [open, setOpen] = useState(false);
  const label = actionLabel(as, petition.level);
  const ask = asks[as];
  const petitionId = petition.id;
  const submitter = { escalate, dismiss, convene, conclude }[as];
  const send = (text: string) => {
    if (as === 'escalate') return escalate.submit({ petitionId, reason: text });
    if (as === 'dismiss') return dismiss.submit({ petitionId, reason: text });
    if (as === 'convene') return convene.submit({ petitionId, ...(text ? { note: text } : {}) });
    return conclude.submit({ petitionId, conclusion: text });
  };
  return (
    <>
      <ActionButton kind={ask.kind} onClick={() => setOpen(true)}>
        {label}
      </ActionButton>
      {open && (
        <ReasonSheet
          title={label}
          hint={ask.hint}
          placeholder={ask.placeholder}
          required={ask.required}
          submitText={`确认${label}`}
          kind={ask.kind === 'warn' ? 'warn' : 'primary'}
          busy={submitter.submitting}
          error={Object.values(submitter.fieldErrors)[0] ?? submitter.failure?.message ?? null}
          onSubmit={async (text) => outcome.closesSheet(await send(text), ask.done, as, as === 'convene' ? null : text) && setOpen(false)}
          onClose={() => setOpen(false)}
        />
      )}
    </>
  );
}
