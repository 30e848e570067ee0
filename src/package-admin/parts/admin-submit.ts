import { useState } from 'react';
import { useSubmit } from '../../hooks/use-submit';
import type { ActionName, Input, Output } from '../../shared/contract';
import type { Reply } from '../../shared/contract/envelope';

export interface Done {
  title: string;
  detail?: string;
}

/**
 * An admin form's submission: useSubmit's one-at-a-time, same-requestId-on-retry behaviour, plus what the last
 * success did, said in a sentence that stays on screen. `run` resolves to the reply (null: already busy).
 */
export function useAdminSubmit<A extends ActionName>(action: A) {
  const submit = useSubmit(action);
  const [done, setDone] = useState<Done | null>(null);

  async function run(payload: Input<A>, describe: (data: Output<A>) => Done): Promise<Reply<Output<A>> | null> {
    setDone(null);
    const reply = await submit.submit(payload);
    if (reply?.ok) setDone(describe(reply.data));
    return reply;
  }

  return { ...submit, done, run };
}
