import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { useRef, useState } from 'react';
import { ActionButton } from '../../components/action-button';
import { PageShell } from '../../components/page-shell';
import { ErrorView, Loading } from '../../components/state-view';
import { Tabs } from '../../components/tabs';
import { useMe } from '../../hooks/use-me';
import { call } from '../../services/api';
import { uploadDocument, type PickedDocument } from '../../services/upload';
import type { RosterKind } from '../../shared/domain/roster';
import { Formats } from './formats';
import { pickDocument } from './pick-file';
import { ImportResult, type ImportState } from './result';
import '../../package-staff/parts/index.scss';
import './index.scss';

const sizeText = (bytes: number) => (bytes < 1024 * 1024 ? `${Math.ceil(bytes / 1024)} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`);

/**
 * 导入台账: pick a sheet, upload it once, then call roster.import while it answers `running` (each call stages a
 * page on the server), showing the progress. Pressing again after a failure goes on with the same uploaded file.
 */
function RosterImportPage() {
  const me = useMe();
  // The community the roster page was showing; by default the caller's own.
  const params = useRouter().params;
  const [kind, setKind] = useState<RosterKind>('residents');
  const [picked, setPicked] = useState<PickedDocument | null>(null);
  const [busy, setBusy] = useState(false);
  const [state, setState] = useState<ImportState | null>(null);
  const [error, setError] = useState<string | null>(null);
  const uploaded = useRef<{ doc: PickedDocument; fileID: string } | null>(null);

  const choose = async () => {
    const doc = await pickDocument();
    if (!doc) return;
    setPicked(doc);
    setState(null);
    setError(null);
  };

  const start = async () => {
    if (!picked || !me.data || busy) return;
    setBusy(true);
    setError(null);
    setState(null);
    try {
      if (uploaded.current?.doc !== picked) {
        const up = await uploadDocument(picked);
        if (!up.ok) return setError(up.message);
        uploaded.current = { doc: picked, fileID: up.fileID };
      }
      const payload = { fileID: uploaded.current.fileID, communityId: params.communityId || me.data.communityId, kind };
      for (;;) {
        const reply = await call('roster.import', payload);
        if (!reply.ok) return setError(`${reply.message}${reply.code === 'INTERNAL' ? '。再点一次“开始导入”会接着导入' : ''}`);
        setState(reply.data);
        if (reply.data.status !== 'running') return;
      }
    } finally {
      setBusy(false);
    }
  };

  if (me.state !== 'ready' || !me.data)
    return <PageShell>{me.state === 'error' ? <ErrorView error={me.error} onRetry={me.reload} /> : <Loading />}</PageShell>;
  return (
    <PageShell className="roster-import">
      <Text className="staff-intro">
        把社区现有的 Excel 台账导入{params.name ? decodeURIComponent(params.name) : me.data.communityName}。先导入楼栋表（新楼栋），再导入人口台账。
      </Text>
      <Tabs
        tabs={[
          { value: 'residents', label: '人口台账' },
          { value: 'buildings', label: '楼栋表' },
        ]}
        value={kind}
        onChange={(k) => {
          if (busy) return;
          setKind(k);
          setState(null);
          setError(null);
        }}
      />
      <Formats kind={kind} />
      <View className="card roster-file" onClick={busy ? undefined : () => void choose()}>
        <Text className={picked ? 'roster-file__name' : 'roster-file__name is-placeholder'}>
          {picked ? picked.name : '点此选择 .xlsx 或 .csv 文件'}
        </Text>
        {picked && <Text className="roster-file__size">{sizeText(picked.size)} · 点此更换</Text>}
      </View>
      {error && <View className="banner-error">{error}</View>}
      {state && <ImportResult state={state} communityId={params.communityId || undefined} />}
      <View className="staff-actions">
        <ActionButton disabled={!picked} busy={busy} onClick={() => void start()}>
          {busy ? '正在导入…' : '开始导入'}
        </ActionButton>
      </View>
    </PageShell>
  );
}

export default RosterImportPage;
