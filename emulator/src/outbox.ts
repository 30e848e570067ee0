import { appendFileSync, existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

/** A subscription message as the function sent it through `cloud.openapi.subscribeMessage.send`. */
export interface OutboxMessage {
  touser: string;
  templateId: string;
  page: string | null;
  data: unknown;
  miniprogramState: string | null;
  lang: string | null;
  /** ISO time on the emulator clock. */
  at: string;
  /** The invocation that sent it, when it came from a function. */
  invocationId: string | null;
}

/** Append-only JSON lines in the data dir, so the outbox survives a restart like everything else. */
export class Outbox {
  private readonly file: string;

  constructor(dataDir: string) {
    this.file = join(dataDir, 'outbox.jsonl');
  }

  add(message: OutboxMessage): void {
    appendFileSync(this.file, JSON.stringify(message) + '\n');
  }

  /** Oldest first. A torn last line (the process died mid-append) is skipped. */
  list(): OutboxMessage[] {
    if (!existsSync(this.file)) return [];
    return readFileSync(this.file, 'utf8')
      .split('\n')
      .filter((line) => line.trim() !== '')
      .flatMap((line) => {
        try {
          return [JSON.parse(line) as OutboxMessage];
        } catch {
          return [];
        }
      });
  }

  clear(): void {
    rmSync(this.file, { force: true });
  }
}
