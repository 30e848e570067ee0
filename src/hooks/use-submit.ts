import { useRef, useState } from 'react';
import type { ActionName, Input, Output } from '../shared/contract';
import type { FieldIssue, Reply } from '../shared/contract/envelope';
import { call } from '../services/api';
import { askConsent, carriesConsent } from '../services/consent';
import { SubmissionKeys } from '../services/request-id';

export interface Submit<A extends ActionName> {
  submitting: boolean;
  /** The last failure's message (for a banner) and per-field messages keyed by the field's path. */
  failure: { code: string; message: string } | null;
  fieldErrors: Record<string, string>;
  submit(payload: Input<A>): Promise<Reply<Output<A>> | null>;
  clearField(path: string): void;
}

function byField(issues: FieldIssue[] | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of issues ?? []) {
    const field = issue.path.split('.')[0] || '_';
    out[field] ??= issue.message;
  }
  return out;
}

/**
 * A form's submission of a mutating action: one at a time, the same requestId when the same content is
 * retried, and failures kept for display while the form keeps its input. Call `submit` straight from the
 * tap handler: it asks for notification consent before anything is awaited, as WeChat requires.
 */
export function useSubmit<A extends ActionName>(action: A): Submit<A> {
  const keys = useRef(new SubmissionKeys()).current;
  const inFlight = useRef(false);
  const [submitting, setSubmitting] = useState(false);
  const [failure, setFailure] = useState<Submit<A>['failure']>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});

  async function submit(payload: Input<A>): Promise<Reply<Output<A>> | null> {
    if (inFlight.current) return null;
    const consent = askConsent(action);
    inFlight.current = true;
    setSubmitting(true);
    setFailure(null);
    // An action that keeps the tap's consent with what it creates waits for the answer and carries it.
    const accepted = carriesConsent[action] ? await consent : undefined;
    const sent = (accepted ? { ...payload, accepted } : payload) as Input<A>;
    const reply = await call(action, sent, { requestId: keys.keyFor(payload) });
    inFlight.current = false;
    setSubmitting(false);
    if (reply.ok) {
      keys.settle();
      setFieldErrors({});
    } else {
      setFailure({ code: reply.code, message: reply.message });
      setFieldErrors(byField(reply.issues));
    }
    return reply;
  }

  function clearField(path: string) {
    setFieldErrors((prev) => {
      if (!(path in prev)) return prev;
      const { [path]: _gone, ...rest } = prev;
      return rest;
    });
  }

  return { submitting, failure, fieldErrors, submit, clearField };
}
