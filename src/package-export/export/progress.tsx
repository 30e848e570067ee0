import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { ActionButton } from '../../components/action-button';
import { exportKindLabels } from '../../shared/contract/export';
import type { ExportView } from './use-export';

const isWeapp = process.env.TARO_ENV === 'weapp';

/**
 * The file in WeChat's viewer (Excel), or its link copied (WeChat's viewer cannot open CSV); on H5 a download.
 * The link is asked for afresh (it lapses after ten minutes): one call per tap.
 */
async function open(fresh: () => Promise<ExportView | null>): Promise<string | null> {
  const view = await fresh();
  if (!view?.url) return '文件已过期，请重新导出';
  if (!isWeapp) {
    const link = document.createElement('a');
    link.href = view.url;
    link.download = view.fileName;
    document.body.appendChild(link);
    link.click();
    link.remove();
    return null;
  }
  if (view.format === 'csv') {
    await Taro.setClipboardData({ data: view.url });
    await Taro.showModal({
      title: '已复制下载链接',
      content: '微信里不能直接打开 CSV 文件。请把链接发到电脑上，用浏览器打开下载（链接 10 分钟内有效）。',
      showCancel: false,
    });
    return null;
  }
  const { tempFilePath } = await Taro.downloadFile({ url: view.url });
  await Taro.openDocument({ filePath: tempFilePath, fileType: 'xlsx', showMenu: true });
  return null;
}

/** The last export: how far it got while it runs; when done, the file to open; when failed, what to do. */
export function ExportProgress({
  view,
  pollError,
  onResume,
  fresh,
}: {
  view: ExportView;
  pollError: string | null;
  onResume: () => void;
  fresh: () => Promise<ExportView | null>;
}) {
  const [opening, setOpening] = useState(false);
  const [openError, setOpenError] = useState<string | null>(null);
  const what = view.kinds.map((k) => exportKindLabels[k]).join('、');

  async function onOpen() {
    setOpening(true);
    setOpenError(null);
    try {
      setOpenError(await open(fresh));
    } catch {
      setOpenError('文件没有打开，请检查网络后重试');
    } finally {
      setOpening(false);
    }
  }

  return (
    <View className={`card export__job export__job--${view.status}`}>
      <Text className="export__job-title">{view.status === 'running' ? '正在导出' : view.status === 'done' ? '导出完成' : '导出没有完成'}</Text>
      <Text className="export__line">
        {view.scopeName} · {what}
      </Text>
      <Text className="export__line">
        {view.from} 至 {view.to} · {view.format === 'xlsx' ? 'Excel' : 'CSV'}
      </Text>
      {view.status === 'running' && (
        <>
          <View className="export__bar">
            <View className="export__bar-fill" style={{ width: `${Math.max(15, Math.round((view.kindsDone / view.kinds.length) * 100))}%` }} />
          </View>
          <Text className="export__line">
            已写入 {view.rows} 行，完成 {view.kindsDone}/{view.kinds.length} 类
          </Text>
        </>
      )}
      {view.status === 'done' && (
        <>
          <Text className="export__line export__file">{view.fileName}</Text>
          <Text className="export__line">共 {view.rows} 行。文件保留一天（期间有居民注销账号则提前删除）。</Text>
          <View className="export__job-actions">
            <ActionButton busy={opening} onClick={() => void onOpen()}>
              {view.format === 'csv' && isWeapp ? '复制下载链接' : isWeapp ? '打开文件' : '下载文件'}
            </ActionButton>
          </View>
        </>
      )}
      {view.status === 'failed' && <Text className="export__error">{view.error ?? '导出没有完成'}，请在下面重新导出。</Text>}
      {(pollError || openError) && <Text className="export__error">{openError ?? pollError}</Text>}
      {pollError && view.status === 'running' && (
        <View className="export__job-actions">
          <ActionButton kind="default" onClick={onResume}>
            继续查看进度
          </ActionButton>
        </View>
      )}
    </View>
  );
}
