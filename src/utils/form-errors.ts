import type { ZodType } from 'zod';

/** What is wrong with a form, by the field's path ("title", "onBehalfOf.phone"); one message a field. */
export type FieldErrors = Record<string, string>;

/**
 * Checks a form's payload against the action's input schema, as the server will: the same rules and the
 * same Chinese messages, so the person learns every problem before tapping, not the first one after.
 * Issues come in the schema's field order, which is the form's order too; a field keeps its first issue.
 */
export function formErrors(schema: ZodType, values: unknown): FieldErrors {
  const parsed = schema.safeParse(values);
  if (parsed.success) return {};
  const out: FieldErrors = {};
  for (const issue of parsed.error.issues) {
    const path = issue.path.map(String).join('.') || '_';
    out[path] ??= issue.message;
  }
  return out;
}

/** The first message for `field` or anything inside it ("location" covers "location.point.latitude"). */
export function errorUnder(errors: FieldErrors, field: string): string | undefined {
  const key = Object.keys(errors).find((k) => k === field || k.startsWith(`${field}.`));
  return key === undefined ? undefined : errors[key];
}

/** A length counter like "12/30", counted as the schema counts (trimmed); `over` once it is too long. */
export function lengthCount(value: string, max: number): { text: string; over: boolean } {
  const length = value.trim().length;
  return { text: `${length}/${max}`, over: length > max };
}
