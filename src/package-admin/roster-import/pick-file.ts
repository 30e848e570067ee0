import Taro from '@tarojs/taro';
import type { PickedDocument } from '../../services/upload';

/**
 * Lets the user pick one .xlsx or .csv: on WeChat from a chat (chooseMessageFile — a phone keeps its Excel
 * files in chats), on H5 with the browser's file dialog. Resolves to null when they cancel.
 */
export function pickDocument(): Promise<PickedDocument | null> {
  if (process.env.TARO_ENV === 'weapp') {
    return Taro.chooseMessageFile({ count: 1, type: 'file', extension: ['xlsx', 'csv'] }).then(
      ({ tempFiles: [file] }) => (file ? { name: file.name, size: file.size, source: file.path } : null),
      () => null,
    );
  }
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = '.xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv';
    input.style.display = 'none';
    input.onchange = () => {
      const file = input.files?.[0];
      input.remove();
      resolve(file ? { name: file.name, size: file.size, source: file } : null);
    };
    input.addEventListener('cancel', () => {
      input.remove();
      resolve(null);
    });
    document.body.appendChild(input);
    input.click();
  });
}
