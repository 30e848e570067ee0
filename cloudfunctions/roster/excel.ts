import type ExcelJS from 'exceljs';

/**
 * exceljs, loaded by the first call that reads or writes a workbook: it takes longer to load than the SDK itself,
 * and most of the roster's actions (list, search, edit) never touch a file, so its cold start should not pay for it.
 */
export async function excel(): Promise<typeof ExcelJS> {
  return (await import('exceljs')).default;
}
