import { Picker, Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { ActionButton } from '../../components/action-button';
import { ChoiceChips } from '../../components/choice-chips';
import { NoticeBanner } from '../../components/notice-banner';
import { PageShell } from '../../components/page-shell';
import { Loading } from '../../components/state-view';
import { useSubmit } from '../../hooks/use-submit';
import { serverNow } from '../../services/server-clock';
import { exportKindLabels, exportKinds, type ExportFormat, type ExportKind } from '../../shared/contract/export';
import { monthPeriod, periodPresets, type Period } from '../../utils/export-period';
import { ExportProgress } from './progress';
import { useExport, type ExportView } from './use-export';
import './index.scss';

type What = ExportKind | 'all';
const whatChoices = (format: ExportFormat) => [
  ...exportKinds.map((k) => ({ value: k as What, label: exportKindLabels[k] })),
  ...(format === 'xlsx' ? [{ value: 'all' as What, label: '全部（每类一张表）' }] : []),
];
const formatChoices = [
  { value: 'xlsx' as const, label: 'Excel 表格', note: '手机上可直接打开' },
  { value: 'csv' as const, label: 'CSV 文件', note: '给电脑上的系统导入用' },
];

/**
 * 数据导出 (staff, street, district staff and admins): choose what, the period and the format; the server writes
 * the file in the background while the page shows how far it got; then it opens in WeChat (Excel) or downloads.
 * `?kind=bulletin&month=YYYY-MM` (社区月报's 导出) opens on that kind and that month's days.
 */
function ExportPage() {
  const exp = useExport();
  const start = useSubmit('report.exportStart');
  const { params } = useRouter();
  const asked = (exportKinds as readonly string[]).includes(params.kind ?? '') ? (params.kind as ExportKind) : null;
  const month = params.month && /^\d{4}-(0[1-9]|1[0-2])$/.test(params.month) ? params.month : null;
  const [what, setWhat] = useState<What>(asked ?? 'cases');
  const [format, setFormat] = useState<ExportFormat>('xlsx');
  const presets = periodPresets(serverNow());
  const [periodKey, setPeriodKey] = useState<Period['key'] | 'custom'>(month ? 'custom' : 'thisMonth');
  const [custom, setCustom] = useState(month ? monthPeriod(month) : { from: presets[0].from, to: presets[0].to });
  const period = periodKey === 'custom' ? custom : presets.find((p) => p.key === periodKey)!;

  if (!exp.loaded)
    return (
      <PageShell className="export">
        <Loading />
      </PageShell>
    );

  const running = exp.view?.status === 'running';
  async function onStart() {
    const kinds = what === 'all' ? [...exportKinds] : [what];
    const reply = await start.submit({ from: period.from, to: period.to, kinds, format });
    if (reply?.ok) exp.follow(reply.data.export as ExportView);
  }
  function onFormat(next: ExportFormat) {
    setFormat(next);
    if (next === 'csv' && what === 'all') setWhat('cases');
  }

  return (
    <PageShell className="export">
      {exp.view && <ExportProgress view={exp.view} pollError={exp.pollError} onResume={exp.resume} fresh={exp.fresh} />}
      {!exp.view && exp.pollError && (
        <View className="card export__job export__job--failed">
          <Text className="export__error">没有查到上次导出的情况：{exp.pollError}</Text>
          <View className="export__job-actions">
            <ActionButton kind="default" onClick={exp.resume}>
              再查一次
            </ActionButton>
          </View>
        </View>
      )}

      <Text className="section-title">导出什么</Text>
      <View className="card">
        <ChoiceChips name="what" choices={whatChoices(format)} value={what} onChange={setWhat} />
      </View>

      <Text className="section-title">时段</Text>
      <View className="card">
        <ChoiceChips
          name="period"
          choices={[...presets.map((p) => ({ value: p.key as Period['key'] | 'custom', label: p.label })), { value: 'custom', label: '自定义' }]}
          value={periodKey}
          onChange={setPeriodKey}
        />
        {periodKey === 'custom' && (
          <View className="cells export__dates">
            <Picker mode="date" value={custom.from} end={custom.to} onChange={(e) => setCustom({ ...custom, from: String(e.detail.value) })}>
              <View className="cell cell--link">
                <Text className="cell__body cell__title">开始日期</Text>
                <Text className="cell__value">{custom.from}</Text>
              </View>
            </Picker>
            <Picker mode="date" value={custom.to} start={custom.from} onChange={(e) => setCustom({ ...custom, to: String(e.detail.value) })}>
              <View className="cell cell--link">
                <Text className="cell__body cell__title">结束日期</Text>
                <Text className="cell__value">{custom.to}</Text>
              </View>
            </Picker>
          </View>
        )}
        <Text className="export__hint">
          {period.from} 至 {period.to}，最长一年
        </Text>
      </View>

      <Text className="section-title">文件格式</Text>
      <View className="card">
        <ChoiceChips name="format" choices={formatChoices} value={format} onChange={onFormat} />
      </View>

      <Text className="export__hint export__hint--page">
        导出你负责范围内的数据。居民姓名和手机号按隐私规定显示（手机号中间四位隐藏）。数据多时需要一两分钟，可以留在本页等候。
      </Text>
      <NoticeBanner failure={start.failure} />
      <View className="export__actions">
        <ActionButton busy={start.submitting} disabled={running} onClick={() => void onStart()}>
          {running ? '正在导出…' : '开始导出'}
        </ActionButton>
      </View>
    </PageShell>
  );
}

export default ExportPage;
