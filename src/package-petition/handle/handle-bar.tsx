import { useState } from 'react';
import { ActionButton } from '../../components/action-button';
import { BarItem, PetitionBar } from '../../components/petition-bar';
import { VerifySheet } from '../../components/petition-verify';
import type { HandlerAction } from '../../utils/petition-actions';
import { actionLabel } from '../../utils/petition-text';
import { DecideSheet, ReopenSheet, SummonSheet } from './ladder-sheets';
import { ResolveSheet } from './resolve-sheet';
import { ReasonStep, TakeStep, type StepProps } from './steps';

type SheetAction = 'resolve' | 'summon' | 'decide' | 'reopen' | 'verify';
const sheetActions: readonly HandlerAction[] = ['resolve', 'summon', 'decide', 'reopen'];
const primary: readonly HandlerAction[] = ['resolve', 'decide'];

interface Props extends StepProps {
  actions: HandlerAction[];
  departments: { id: string; name: string }[];
}

/** The holder's steps, exactly those the ladder allows now; the ones that need a form open it as a sheet. */
export function HandleBar({ actions, departments, ...step }: Props) {
  const [sheet, setSheet] = useState<SheetAction | null>(null);
  const close = () => setSheet(null);
  const { petition } = step;

  function button(action: HandlerAction) {
    if (action === 'accept' || action === 'report') return <TakeStep {...step} as={action} />;
    if (sheetActions.includes(action)) {
      return (
        <ActionButton kind={primary.includes(action) ? 'primary' : 'default'} onClick={() => setSheet(action as SheetAction)}>
          {actionLabel(action, petition.level)}
        </ActionButton>
      );
    }
    return <ReasonStep {...step} as={action as 'escalate' | 'dismiss' | 'convene' | 'conclude'} />;
  }

  return (
    <>
      <PetitionBar notice={step.outcome.notice}>
        {actions.map((a) => (
          <BarItem key={a} name={a}>
            {button(a)}
          </BarItem>
        ))}
        {petition.verifies === 'site' && (
          <BarItem name="verify">
            <ActionButton onClick={() => setSheet('verify')}>现场验证</ActionButton>
          </BarItem>
        )}
      </PetitionBar>
      {sheet === 'resolve' && <ResolveSheet {...step} onClose={close} />}
      {sheet === 'summon' && <SummonSheet {...step} departments={departments} onClose={close} />}
      {sheet === 'decide' && <DecideSheet {...step} onClose={close} />}
      {sheet === 'reopen' && <ReopenSheet {...step} onClose={close} />}
      {sheet === 'verify' && <VerifySheet {...step} onClose={close} />}
    </>
  );
}
