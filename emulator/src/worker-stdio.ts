// A function's console output, from its worker straight to the emulator's stdout / stderr. A worker thread's
// process.stdout is a stream that posts each write to the main thread, which writes it out and posts back for
// more: for a function that logs a line per call (Linli's do) that is two more messages, two thread wake-ups and
// the main thread's own write per call. The file descriptors are the process's, so the worker writes to them
// itself, at once, as a process's main thread writes to a pipe. When the descriptor would block (a reader
// falling behind a non-blocking pipe), the rest goes the stream's way, and so does everything after it until that
// has been written, so that the output keeps its order.
import { writeSync } from 'node:fs';
import type { Writable } from 'node:stream';

type Callback = (err?: Error | null) => void;

function direct(stream: Writable, fd: number): void {
  const viaMainThread = stream.write.bind(stream) as (chunk: unknown, encoding?: BufferEncoding, cb?: Callback) => boolean;
  stream.write = function write(chunk: unknown, encoding?: BufferEncoding | Callback, cb?: Callback): boolean {
    const done = typeof encoding === 'function' ? encoding : cb;
    const enc = typeof encoding === 'string' ? encoding : undefined;
    // Anything still queued on the stream goes first.
    if (stream.writableLength > 0 || (typeof chunk !== 'string' && !(chunk instanceof Uint8Array))) return viaMainThread(chunk, enc, done);
    let bytes = typeof chunk === 'string' ? Buffer.from(chunk, enc ?? 'utf8') : chunk;
    try {
      while (bytes.length > 0) bytes = bytes.subarray(writeSync(fd, bytes));
    } catch {
      return viaMainThread(bytes, undefined, done);
    }
    if (done) process.nextTick(done);
    return true;
  } as Writable['write'];
}

/** Makes the worker's process.stdout and process.stderr write to the process's descriptors 1 and 2 directly. */
export function writeStdioDirectly(): void {
  direct(process.stdout, 1);
  direct(process.stderr, 2);
}
