import { Input, Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { ActionButton } from '../../components/action-button';
import { ChipFilter } from '../../components/chip-filter';
import { PageShell } from '../../components/page-shell';
import { Empty, ErrorView, Loading } from '../../components/state-view';
import { useMe } from '../../hooks/use-me';
import { formatDateTime } from '../../utils/date-time';
import { EntryRow } from './entry-row';
import { ExportButton } from './export-button';
import { useRoster } from './use-roster';
import '../../package-staff/parts/index.scss';
import './index.scss';

const tagChoices = ['独居老人', '残疾', '低保', '党员'];
/**
 * 人口台账: the community's imported roster, by building and tag or a name; staff import and export it. An admin
 * reaches another community of their street with `?communityId=` (from the org tree); by default it is their own.
 */
function RosterPage() {
  const me = useMe();
  const communityId = useRouter().params.communityId || undefined;
  const [tag, setTag] = useState('');
  const [buildingId, setBuildingId] = useState('');
  const [typed, setTyped] = useState('');
  const [name, setName] = useState('');
  const [exportError, setExportError] = useState<string | null>(null);
  const roster = useRoster({ communityId, ...(tag ? { tag } : {}), ...(buildingId ? { buildingId } : {}), ...(name ? { name } : {}) });
  const manages = me.data?.roles.some((r) => r === 'staff' || r === 'admin') ?? false;
  // 红黄蓝: the grid worker and the community's staff open a person's home card to tag it (admins see no tiers).
  const cares = me.data?.roles.some((r) => r === 'staff' || r === 'grid_worker') ?? false;
  const page = roster.page;
  const toImport = () => {
    const query = page ? `?communityId=${page.communityId}&name=${encodeURIComponent(page.communityName)}` : '';
    void Taro.navigateTo({ url: `/package-admin/roster-import/index${query}` });
  };
  // Nothing to search or export before the first import (the empty state offers the import).
  const hasRoster = (page?.total ?? 0) > 0;

  return (
    <PageShell className="roster">
      <View className="roster-head">
        <View className="roster-head__text">
          <Text className="roster-head__title">{page ? `${page.communityName}${page.gridName ?? ''} · 共 ${page.total} 人` : '人口台账'}</Text>
          {page?.importedAt && <Text className="roster-head__time">{formatDateTime(page.importedAt)} 导入</Text>}
        </View>
        {manages && hasRoster && (
          <View className="roster-head__actions">
            <ActionButton kind="default" size="small" onClick={toImport}>
              导入
            </ActionButton>
            <ExportButton communityId={communityId} onError={setExportError} />
          </View>
        )}
      </View>
      {exportError && <View className="banner-error">{exportError}</View>}
      {hasRoster && (
        <>
          <View className="person-search">
            <Input
              className="person-search__input"
              value={typed}
              placeholder="输入完整姓名查找"
              confirmType="search"
              onInput={(e) => setTyped(e.detail.value)}
              onConfirm={() => setName(typed.trim())}
              onBlur={() => setName(typed.trim())}
            />
          </View>
          <ChipFilter
            options={[{ value: '', label: '全部标签' }, ...tagChoices.map((t) => ({ value: t, label: t }))]}
            value={tag}
            onChange={setTag}
          />
          {page && page.buildings.length > 0 && (
            <ChipFilter
              options={[{ value: '', label: '全部楼栋' }, ...page.buildings.map((b) => ({ value: b.id, label: b.name }))]}
              value={buildingId}
              onChange={setBuildingId}
            />
          )}
        </>
      )}
      {roster.state === 'loading' && <Loading />}
      {roster.state === 'error' && <ErrorView error={roster.error} onRetry={() => void roster.reload()} />}
      {roster.state === 'ready' && page && page.total === 0 && (
        <Empty
          title="还没有导入人口台账"
          hint={manages ? '把社区现有的 Excel 台账导入后，这里按楼栋、标签列出每一位居民。' : '请社区工作人员导入台账后再来查看。'}
          action={manages ? { text: '导入台账', onClick: toImport } : undefined}
        />
      )}
      {roster.state === 'ready' && page && page.total > 0 && roster.items.length === 0 && (
        <Empty title="没有符合条件的居民" hint="换个标签、楼栋，或检查姓名是否写全。" />
      )}
      {roster.state === 'ready' && roster.items.length > 0 && (
        <View className="roster-list">
          {roster.items.map((e) => (
            <EntryRow
              key={e.id}
              entry={e}
              onCare={cares ? () => void Taro.navigateTo({ url: `/package-grid/household/index?rosterKey=${encodeURIComponent(e.id)}` }) : undefined}
            />
          ))}
          {page?.nextAfter ? (
            <View className="load-more is-link" onClick={() => void roster.loadMore()}>
              {roster.loadingMore ? '加载中…' : '加载更多'}
            </View>
          ) : (
            <View className="load-more">没有更多了</View>
          )}
        </View>
      )}
    </PageShell>
  );
}

export default RosterPage;
