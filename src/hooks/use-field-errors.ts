import { useState } from 'react';
import { errorUnder, type FieldErrors } from '../utils/form-errors';

export interface ShownErrors {
  /** The message to show under each field: the form's own check once the field was left or a submit tried, else the server's. */
  of(field: string): string | undefined;
  /** Every problem still in the form after a submit was tried, for the banner; empty once all are fixed. */
  all: string[];
  /** Marks a field as visited (on blur): from then on its errors follow what is typed. */
  touch(field: string): void;
  /** Call first in the tap handler: shows every problem and says whether the form may be sent. */
  check(): boolean;
}

/**
 * Per-field errors while the person types. `issues` are the form's current problems (see `formErrors`);
 * `server` are the last reply's field errors, which the page clears as the field is edited. Nobody is told
 * off for a field they have not reached yet: a field's errors show once it was left or a submit was tried.
 */
export function useFieldErrors(issues: FieldErrors, server: FieldErrors = {}): ShownErrors {
  const [touched, setTouched] = useState<Record<string, boolean>>({});
  const [tried, setTried] = useState(false);
  const visible = (key: string) => tried || Boolean(touched[key.split('.')[0]]);
  const shown: FieldErrors = { ...server };
  for (const [key, message] of Object.entries(issues)) if (visible(key)) shown[key] = message;

  return {
    of: (field) => errorUnder(shown, field),
    all: tried ? Object.values(issues) : [],
    touch: (field) => setTouched((prev) => (prev[field] ? prev : { ...prev, [field]: true })),
    check: () => {
      setTried(true);
      return Object.keys(issues).length === 0;
    },
  };
}
