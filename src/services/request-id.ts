/** A fresh idempotency key: time plus randomness, within the contract's 8–64 `[\w-]` characters. */
export function newRequestId(): string {
  const random = Array.from({ length: 3 }, () => Math.random().toString(36).slice(2, 8)).join('');
  return `r-${Date.now().toString(36)}-${random}`;
}

/**
 * Hands out the requestId for a submission. Retrying the same payload after a failure reuses the key, so
 * a submission that did reach the server but whose answer was lost takes effect once; a changed payload
 * is a new submission and gets a new key.
 */
export class SubmissionKeys {
  private last: { fingerprint: string; requestId: string } | null = null;

  keyFor(payload: unknown): string {
    const fingerprint = JSON.stringify(payload);
    if (this.last?.fingerprint !== fingerprint) this.last = { fingerprint, requestId: newRequestId() };
    return this.last.requestId;
  }

  /** After a success the next submission, even with the same content, is a new one. */
  settle(): void {
    this.last = null;
  }
}
