/** Writes an invocation's one JSON log line (every function's through handler.ts, the migrate function's too). */
export function log(fields: Record<string, unknown>): void {
  console.log(JSON.stringify({ linli: 'invocation', ...fields }));
}
