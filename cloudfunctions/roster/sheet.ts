import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import type ExcelJS from 'exceljs';
import { DomainError } from '../../src/shared/domain/errors';
import { rosterLimits } from '../../src/shared/domain/roster';
import { excel } from './excel';

/** One data row of a sheet: its line (the header is line 1) and its cells as text by header. */
export interface SheetRow {
  line: number;
  cells: Record<string, string>;
  /** Cells that cannot be taken as written (a formula without a saved result), in Chinese. */
  problems: string[];
}

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);

const refuse = (message: string) => new DomainError('BAD_INPUT', message);

type Sheet = { headers: string[]; rows: SheetRow[] };

/** A call reads its file once, however many steps look at it. */
const parsed = new WeakMap<Buffer, Promise<Sheet>>();

/**
 * The first sheet of an XLSX, or a CSV (UTF-8, with or without a BOM), as rows of text under the header row.
 * A formula cell is taken at the result Excel saved with it; one with no saved result is a problem of its row.
 */
export function readSheet(bytes: Buffer): Promise<Sheet> {
  let sheet = parsed.get(bytes);
  if (!sheet) parsed.set(bytes, (sheet = parseSheet(bytes)));
  return sheet;
}

/**
 * What identifies a file for an import: its content, not its bytes. Excel and exceljs stamp a workbook with the
 * time it was saved, so the same roster saved twice differs in bytes; it must still be "the same file".
 */
export async function sheetHash(bytes: Buffer): Promise<string> {
  return createHash('sha256')
    .update(JSON.stringify(await readSheet(bytes)))
    .digest('hex');
}

async function parseSheet(bytes: Buffer): Promise<Sheet> {
  if (bytes.length > rosterLimits.maxBytes) throw refuse(`文件太大（超过 ${rosterLimits.maxBytes / 1024 / 1024} MB），请分成几个文件导入`);
  const book = new (await excel()).Workbook();
  let sheet: ExcelJS.Worksheet | undefined;
  if (bytes.subarray(0, 4).equals(ZIP_MAGIC)) {
    try {
      await book.xlsx.load(bytes as unknown as ArrayBuffer);
    } catch {
      throw refuse('无法读取这个 Excel 文件，请用 Excel 或 WPS 另存为 .xlsx 后重新上传');
    }
    sheet = book.worksheets[0];
  } else {
    const text = asCsvText(bytes);
    sheet = await book.csv.read(Readable.from([text]), { map: (datum: string) => datum } as unknown as ExcelJS.CsvReadOptions);
  }
  if (!sheet || sheet.rowCount < 1) throw refuse('文件里没有表格内容');
  return rowsOf(sheet);
}

/** A CSV's text; anything that is not UTF-8 text (an .xls, a GBK export, a picture) is refused by name. */
function asCsvText(bytes: Buffer): string {
  const body = bytes.subarray(0, 3).equals(UTF8_BOM) ? bytes.subarray(3) : bytes;
  if (body.includes(0)) throw refuse('只支持 .xlsx 或 .csv 文件（旧版 .xls 请另存为 .xlsx）');
  const text = new TextDecoder('utf-8', { fatal: false }).decode(body);
  if (text.includes('\uFFFD')) throw refuse('CSV 文件不是 UTF-8 编码：请在 Excel 中另存为“CSV UTF-8（逗号分隔）”后重新上传');
  return text;
}

function rowsOf(sheet: ExcelJS.Worksheet): { headers: string[]; rows: SheetRow[] } {
  const headerRow = sheet.getRow(1);
  const headers: string[] = [];
  headerRow.eachCell({ includeEmpty: true }, (c, col) => {
    headers[col - 1] = textOf(c.value).text.trim();
  });
  const rows: SheetRow[] = [];
  for (let line = 2; line <= sheet.rowCount; line++) {
    const row = sheet.getRow(line);
    const cells: Record<string, string> = {};
    const problems: string[] = [];
    headers.forEach((header, i) => {
      if (!header) return;
      const { text, problem } = textOf(row.getCell(i + 1).value);
      cells[header] = text;
      if (problem) problems.push(`“${header}”${problem}`);
    });
    if (Object.values(cells).every((v) => v.trim() === '') && problems.length === 0) continue; // blank line
    rows.push({ line, cells, problems });
    if (rows.length > rosterLimits.maxRows) throw refuse(`行数太多（超过 ${rosterLimits.maxRows} 行），请分成几个文件导入`);
  }
  return { headers: headers.filter(Boolean), rows };
}

/** A cell's value as the text a person sees in it. */
function textOf(value: ExcelJS.CellValue): { text: string; problem?: string } {
  if (value === null || value === undefined) return { text: '' };
  if (typeof value === 'string') return { text: value };
  if (typeof value === 'number' || typeof value === 'boolean') return { text: String(value) };
  if (value instanceof Date) return { text: value.toISOString().slice(0, 10) };
  if ('formula' in value || 'sharedFormula' in value) {
    const result = (value as ExcelJS.CellFormulaValue).result;
    if (result === undefined || result === null) return { text: '', problem: '是公式且没有保存计算结果，请在 Excel 中复制后“粘贴为数值”' };
    if (typeof result === 'object' && 'error' in result) return { text: '', problem: `公式算出错误 ${result.error}` };
    return textOf(result as ExcelJS.CellValue);
  }
  if ('richText' in value) return { text: value.richText.map((r) => r.text).join('') };
  if ('text' in value) return { text: String(value.text) };
  if ('error' in value) return { text: '', problem: `是错误值 ${value.error}` };
  return { text: '' };
}
