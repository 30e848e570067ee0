import type { ZodError } from 'zod';
import { errorMessages, type ErrorCode, type FieldIssue, type Reply } from '../../../src/shared/contract';
import { DomainError } from '../../../src/shared/domain/errors';
// zod's own messages in Chinese. Named here because the function build skips the contract barrel
// that loads it for the app (scripts/build-cloud.mjs, contractDeclaresOnly).
import '../../../src/shared/contract/zod-locale';

export function ok<T>(data: T): Reply<T> {
  return { ok: true, data };
}

export function fail(code: ErrorCode, message: string = errorMessages[code], issues?: FieldIssue[]): Reply<never> {
  return issues ? { ok: false, code, message, issues } : { ok: false, code, message };
}

/** BAD_INPUT with one line per invalid field, the first one in the message so a toast says what to fix. */
export function badInput(error: ZodError): Reply<never> {
  const issues = error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
  const first = issues[0];
  return fail('BAD_INPUT', first ? `${errorMessages.BAD_INPUT}：${first.message}` : errorMessages.BAD_INPUT, issues);
}

/** Domain errors become their code; anything else is our fault, logged and reported as INTERNAL. */
export function fromError(error: unknown, where: string): Reply<never> {
  if (error instanceof DomainError) return fail(error.code, error.message);
  console.error(`[${where}]`, error);
  return fail('INTERNAL');
}
