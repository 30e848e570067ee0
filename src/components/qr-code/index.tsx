import { View } from '@tarojs/components';
import { useMemo } from 'react';
import { qrMatrix, qrRuns } from '../../utils/qr-matrix';
import './index.scss';

/**
 * A QR code drawn with plain views (no canvas), so weapp and H5 show the same thing and a screenshot
 * can be scanned. Widths are percentages of the row, so the code scales with its box.
 */
export function QrCode({ text, className = '' }: { text: string; className?: string }) {
  const rows = useMemo(() => qrRuns(qrMatrix(text)), [text]);
  const size = rows.length;
  return (
    <View className={`qr-code ${className}`} data-size={size}>
      {rows.map((runs, r) => (
        <View key={r} className="qr-code__row" style={{ height: `${100 / size}%` }}>
          {runs.map((run, i) => (
            <View key={i} className={run.dark ? 'qr-code__dark' : 'qr-code__light'} style={{ width: `${(run.length * 100) / size}%` }} />
          ))}
        </View>
      ))}
    </View>
  );
}
