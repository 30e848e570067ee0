import { createHash, randomBytes } from 'node:crypto';

/** A document id fixed by its cause: the same parts always name the same document, never a second one. */
export function idOf(parts: readonly string[], length: number): string {
  return createHash('sha256').update(parts.join('\n')).digest('hex').slice(0, length);
}

/**
 * The id of what a request creates: a retry with the same requestId lands on the same id, so it can never
 * create twice. A call without a requestId cannot be told from a new one and gets a fresh id.
 */
export function idForRequest(parts: readonly string[], requestId: string | undefined, length: number): string {
  return requestId
    ? idOf([...parts, requestId], length)
    : randomBytes(Math.ceil(length / 2))
        .toString('hex')
        .slice(0, length);
}
