import qrcode from 'qrcode-generator';

/** A stretch of same-coloured modules in one row of a QR code. */
export interface QrRun {
  dark: boolean;
  length: number;
}

/** The module matrix of `text` (true = dark), at error level M, the smallest version that holds it. */
export function qrMatrix(text: string): boolean[][] {
  const qr = qrcode(0, 'M');
  qr.addData(text);
  qr.make();
  const size = qr.getModuleCount();
  return Array.from({ length: size }, (_, row) => Array.from({ length: size }, (_, col) => qr.isDark(row, col)));
}

/**
 * Each row as runs of light and dark modules: drawing a run as one box instead of one box per module
 * cuts a version-6 code from ~1,700 views to a few hundred, which the mini-program renders far faster.
 */
export function qrRuns(matrix: boolean[][]): QrRun[][] {
  return matrix.map((row) =>
    row.reduce<QrRun[]>((runs, dark) => {
      const last = runs[runs.length - 1];
      if (last && last.dark === dark) last.length += 1;
      else runs.push({ dark, length: 1 });
      return runs;
    }, []),
  );
}
