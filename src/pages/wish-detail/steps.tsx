import { useState } from 'react';
import { ActionButton } from '../../components/action-button';
import { DispatchSheet } from '../../components/dispatch-sheet';
import { ReasonSheet } from '../../components/reason-sheet';
import type { Outcome } from '../../hooks/use-outcome';
import { useSubmit } from '../../hooks/use-submit';
import type { WishView } from '../../shared/contract/wish';
import type { WishEvent } from '../../shared/domain/wish';
import { CompleteSheet, RateSheet } from './sheets';

/** A wish step's reply carries the wish; the event names the line it adds to the history. */
export type WishOutcome = Outcome<{ wish: WishView }, WishEvent>;

export interface StepProps {
  wish: WishView;
  outcome: WishOutcome;
}

/** 党员接单: one tap. Losing the race is explained by the outcome notice and the page shows who won. */
export function ClaimStep({ wish, outcome }: StepProps) {
  const claim = useSubmit('wish.claim');
  return (
    <ActionButton busy={claim.submitting} onClick={async () => outcome.settle(await claim.submit({ wishId: wish.id }), '认领成功', 'claim')}>
      认领
    </ActionButton>
  );
}

export function CheckInStep({ wish, outcome }: StepProps) {
  const checkIn = useSubmit('wish.checkIn');
  return (
    <ActionButton busy={checkIn.submitting} onClick={async () => outcome.settle(await checkIn.submit({ wishId: wish.id }), '已签到', 'checkIn')}>
      到场签到
    </ActionButton>
  );
}

/** 放弃认领: the wish goes back to the wall, and the resident reads why. */
export function ReleaseStep({ wish, outcome }: StepProps) {
  const release = useSubmit('wish.release');
  const [open, setOpen] = useState(false);
  return (
    <>
      <ActionButton kind="default" onClick={() => setOpen(true)}>
        放弃认领
      </ActionButton>
      {open && (
        <ReasonSheet
          title="放弃认领"
          hint="心愿会回到心愿墙，由其他党员志愿者认领。请告诉居民原因。"
          placeholder="例如：临时出差，这周去不了"
          required
          submitText="确认放弃"
          kind="warn"
          busy={release.submitting}
          error={release.fieldErrors.reason ?? release.failure?.message ?? null}
          onSubmit={async (reason) =>
            outcome.closesSheet(await release.submit({ wishId: wish.id, reason }), '已放弃认领', 'release', reason) && setOpen(false)
          }
          onClose={() => setOpen(false)}
        />
      )}
    </>
  );
}

/** 撤回: only before anyone has claimed it. */
export function CancelStep({ wish, outcome }: StepProps) {
  const cancel = useSubmit('wish.cancel');
  const [open, setOpen] = useState(false);
  return (
    <>
      <ActionButton kind="warn" onClick={() => setOpen(true)}>
        撤回心愿
      </ActionButton>
      {open && (
        <ReasonSheet
          title="撤回心愿"
          hint="撤回后心愿将从心愿墙移除，不能再被认领。"
          placeholder="原因（可不填），例如：已经自己解决了"
          required={false}
          submitText="确认撤回"
          kind="warn"
          busy={cancel.submitting}
          error={cancel.fieldErrors.reason ?? cancel.failure?.message ?? null}
          onSubmit={async (reason) =>
            outcome.closesSheet(await cancel.submit({ wishId: wish.id, ...(reason ? { reason } : {}) }), '已撤回', 'cancel', reason || null) &&
            setOpen(false)
          }
          onClose={() => setOpen(false)}
        />
      )}
    </>
  );
}

export function CompleteStep({ wish, outcome }: StepProps) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <ActionButton onClick={() => setOpen(true)}>完成服务</ActionButton>
      {open && <CompleteSheet wish={wish} outcome={outcome} onClose={() => setOpen(false)} />}
    </>
  );
}

export function ConfirmStep({ wish, outcome }: StepProps) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <ActionButton onClick={() => setOpen(true)}>确认并评价</ActionButton>
      {open && <RateSheet wish={wish} outcome={outcome} onClose={() => setOpen(false)} />}
    </>
  );
}

/** 派单 from the detail page; the same sheet serves the queue. */
export function DispatchStep({ wish, outcome }: StepProps) {
  const [open, setOpen] = useState(false);
  const close = () => setOpen(false);
  return (
    <>
      <ActionButton onClick={() => setOpen(true)}>派单</ActionButton>
      {open && (
        <DispatchSheet
          wish={wish}
          onDone={(text, done) => {
            close();
            outcome.succeed(text, { data: { wish: done }, event: 'dispatch' });
          }}
          onStale={(failure) => {
            close();
            outcome.report(failure);
          }}
          onClose={close}
        />
      )}
    </>
  );
}
