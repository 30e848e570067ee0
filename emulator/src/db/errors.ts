// Error codes are the ones @cloudbase/database and wx-server-sdk know (const/code.ts, TCB_ERR_CODE), so the
// SDK maps them exactly as it does for the cloud: a body with a truthy `code` becomes a thrown TcbError.
export type DbErrorCode =
  'INVALID_PARAM' | 'DATABASE_REQUEST_FAILED' | 'DATABASE_TRANSACTION_CONFLICT' | 'DATABASE_INVALID_OPERRATOR' | 'DATABASE_COLLECTION_NOT_EXIST';

export class DbError extends Error {
  constructor(
    readonly code: DbErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'DbError';
  }
}

export const invalidParam = (message: string) => new DbError('INVALID_PARAM', message);
export const requestFailed = (message: string) => new DbError('DATABASE_REQUEST_FAILED', message);

// What the cloud answers for a collection that was never created; wx-server-sdk surfaces it as
// "errCode: -502005 database collection not exists | errMsg: [ResourceNotFound] Db or Table not exist. …".
export const collectionNotExist = () =>
  new DbError(
    'DATABASE_COLLECTION_NOT_EXIST',
    '[ResourceNotFound] Db or Table not exist. Please check your request, but if the problem cannot be solved, contact us.',
  );

// runTransaction retries only on this code, and only when it comes back from commit (see transactions.ts).
export const transactionConflict = (detail: string) => new DbError('DATABASE_TRANSACTION_CONFLICT', `database transaction conflict: ${detail}`);

/** mingo throws plain Errors for bad operators or operands; the cloud answers those as a failed request. */
export function toDbError(err: unknown): DbError {
  if (err instanceof DbError) return err;
  const message = err instanceof Error ? err.message : String(err);
  if (/operator/i.test(message)) return new DbError('DATABASE_INVALID_OPERRATOR', message);
  return requestFailed(message);
}
