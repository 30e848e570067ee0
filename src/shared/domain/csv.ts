/**
 * CSV as Excel opens it (RFC 4180): fields joined by commas, lines by CRLF; a field holding a comma, a quote, a
 * line break or leading/trailing spaces is quoted, its quotes doubled. The file starts with a UTF-8 BOM, without
 * which Excel on Windows reads Chinese as mojibake. A field starting with = + - @ (or a tab / carriage return) is
 * prefixed with an apostrophe, so a cell a resident typed cannot run as a formula when the file is opened
 * (CSV injection); numbers are written as numbers.
 */
export type CsvCell = string | number | boolean | null | undefined;

export const BOM = '\uFEFF';

const formulaStart = /^[=+\-@\t\r]/;
const needsQuotes = /[",\r\n]|^\s|\s$/;

export function csvField(value: CsvCell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? '是' : '否';
  const text = formulaStart.test(value) ? `'${value}` : value;
  return needsQuotes.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(cells: readonly CsvCell[]): string {
  return cells.map(csvField).join(',');
}

/** The whole file: BOM, the header, the rows, each line ended by CRLF. */
export function csvFile(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  return BOM + [header, ...rows].map((r) => csvLine(r) + '\r\n').join('');
}
