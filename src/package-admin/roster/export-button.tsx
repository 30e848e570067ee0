import Taro from '@tarojs/taro';
import { useState } from 'react';
import { ActionButton } from '../../components/action-button';
import { call } from '../../services/api';

/** 导出 Excel: one call makes the file; WeChat opens it (to save or forward), H5 downloads it. */
export function ExportButton({ communityId, onError }: { communityId?: string; onError: (message: string | null) => void }) {
  const [busy, setBusy] = useState(false);
  const run = async () => {
    setBusy(true);
    onError(null);
    try {
      const reply = await call('roster.export', communityId ? { communityId } : {});
      if (!reply.ok) return onError(reply.message);
      if (process.env.TARO_ENV === 'weapp') {
        const { tempFilePath } = await Taro.downloadFile({ url: reply.data.url });
        await Taro.openDocument({ filePath: tempFilePath, fileType: 'xlsx', showMenu: true });
      } else {
        const link = document.createElement('a');
        link.href = reply.data.url;
        link.download = reply.data.fileName;
        link.click();
      }
      void Taro.showToast({ title: `已导出 ${reply.data.rows} 人`, icon: 'success' });
    } catch {
      onError('文件下载失败，请检查网络后重试');
    } finally {
      setBusy(false);
    }
  };
  return (
    <ActionButton kind="default" size="small" busy={busy} onClick={() => void run()}>
      导出 Excel
    </ActionButton>
  );
}
