import { errorMessages, type ErrorCode } from '../contract/errors';

/** A rule of the mission said no. Carries a stable code; the message defaults to the code's Chinese text. */
export class DomainError extends Error {
  readonly code: ErrorCode;

  constructor(code: ErrorCode, message?: string) {
    super(message ?? errorMessages[code]);
    this.name = 'DomainError';
    this.code = code;
  }
}
