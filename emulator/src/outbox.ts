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

/**
 * A customer-service message as the function sent it through `cloud.openapi.customerServiceMessage.send`: the
 * reply to a user who wrote to the mini-program's customer service (`content` is the body named by `msgtype`).
 */
export interface CustomerServiceMessage {
  kind: 'customerService';
  touser: string;
  msgtype: 'text' | 'image' | 'link' | 'miniprogrampage';
  content: unknown;
  at: string;
  invocationId: string | null;
}

type Line = OutboxMessage | CustomerServiceMessage;
const isCustomerService = (line: Line): line is CustomerServiceMessage => 'kind' in line && line.kind === 'customerService';

/** Append-only JSON lines in the data dir, so the outbox survives a restart like everything else. */
export class Outbox {
  private readonly file: string;

  constructor(dataDir: string) {
    this.file = join(dataDir, 'outbox.jsonl');
  }

  add(message: OutboxMessage | CustomerServiceMessage): void {
    appendFileSync(this.file, JSON.stringify(message) + '\n');
  }

  /** Subscription messages, oldest first. */
  list(): OutboxMessage[] {
    return this.lines().filter((line): line is OutboxMessage => !isCustomerService(line));
  }

  /** Customer-service messages, oldest first. */
  customerService(): CustomerServiceMessage[] {
    return this.lines().filter(isCustomerService);
  }

  /** Oldest first. A torn last line (the process died mid-append) is skipped. */
  private lines(): Line[] {
    if (!existsSync(this.file)) return [];
    return readFileSync(this.file, 'utf8')
      .split('\n')
      .filter((line) => line.trim() !== '')
      .flatMap((line) => {
        try {
          return [JSON.parse(line) as Line];
        } catch {
          return [];
        }
      });
  }

  clear(): void {
    rmSync(this.file, { force: true });
  }
}
