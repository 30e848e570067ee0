import { randomBytes } from 'node:crypto';
import ExcelJS from 'exceljs';
import * as cloud from 'wx-server-sdk';
import type { TestEmulator } from '../helpers/emulator';
import { ok } from './call';

export const residentHeader = ['姓名', '手机号', '楼栋', '单元', '房号', '标签'];

/** `n` residents spread over the seed's nine buildings; every tenth lives alone on 低保. */
export function residents(n: number, phonePrefix = '139'): string[][] {
  return Array.from({ length: n }, (_, i) => [
    `居民${i + 1}`,
    `${phonePrefix}${String(i + 1).padStart(8, '0')}`,
    `${(i % 9) + 1}号楼`,
    String((i % 4) + 1),
    String(101 + Math.floor(i / 9)),
    i % 10 === 0 ? '独居老人、低保' : '',
  ]);
}

/** An XLSX whose first sheet holds `rows` (a cell may be a formula object). */
export async function xlsx(rows: ExcelJS.CellValue[][]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('台账');
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await book.xlsx.writeBuffer());
}

export function csv(rows: string[][], bom = true): Buffer {
  const text = rows.map((r) => r.map((c) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',')).join('\r\n');
  return Buffer.concat([bom ? Buffer.from([0xef, 0xbb, 0xbf]) : Buffer.alloc(0), Buffer.from(text, 'utf8')]);
}

/** Uploads a file as `openid` into their own folder, as the import page does; answers its fileID. */
export async function uploadFile(emu: TestEmulator, openid: string, data: Buffer, ext = 'xlsx'): Promise<string> {
  const cloudPath = `uploads/${openid}/roster-${randomBytes(4).toString('hex')}.${ext}`;
  const res = await emu.fetch(`/__emulator/upload?cloudPath=${encodeURIComponent(cloudPath)}`, {
    method: 'POST',
    headers: { 'content-type': 'application/octet-stream', 'x-linli-openid': openid },
    body: new Uint8Array(data),
  });
  const body = (await res.json()) as { fileID: string };
  if (!res.ok) throw new Error(`upload failed: ${JSON.stringify(body)}`);
  return body.fileID;
}

type Call = (openid: string | undefined, action: string, payload?: unknown, requestId?: string) => Promise<any>;

/** roster.import called again while it answers `running`, as the import page does; the last state and the calls made. */
export async function importAll(call: Call, openid: string, payload: Record<string, unknown>): Promise<{ state: any; calls: number }> {
  for (let calls = 1; ; calls++) {
    const state = ok(await call(openid, 'roster.import', payload));
    if (state.status !== 'running' || calls > 200) return { state, calls };
  }
}

/** The emulator's database through the real SDK, for what a test sets up or checks beside the functions. */
export function database(emu: TestEmulator) {
  Object.assign(process.env, {
    TCB_CONTEXT_CNFG: JSON.stringify({ URL: `${emu.url}/__tcb` }),
    TENCENTCLOUD_SECRETID: 'local-id',
    TENCENTCLOUD_SECRETKEY: 'local-key',
    TENCENTCLOUD: 'true',
    SILENCE: 'true',
  });
  cloud.init({ env: 'linli-local' });
  return cloud.database();
}

export async function countOf(emu: TestEmulator, collection: string, where: object = {}): Promise<number> {
  return ((await database(emu).collection(collection).where(where).count()) as { total: number }).total;
}

/** Every page of roster.list as `openid`. */
export async function listAll(call: Call, openid: string, filter: Record<string, unknown> = {}): Promise<any[]> {
  const items: any[] = [];
  let after: string | undefined;
  do {
    const page = ok(await call(openid, 'roster.list', { ...filter, limit: 50, ...(after ? { after } : {}) }));
    items.push(...page.items);
    after = page.nextAfter ?? undefined;
  } while (after);
  return items;
}
