import { Text } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { PageShell } from '../../components/page-shell';
import { PagedListView } from '../../components/paged-list';
import { handleUrl, PetitionCard } from '../../components/petition-card';
import { Empty, ErrorView, Loading } from '../../components/state-view';
import { Tabs } from '../../components/tabs';
import { useMe } from '../../hooks/use-me';
import { usePagedList } from '../../hooks/use-paged-list';
import { usePullRefresh } from '../../hooks/use-pull-refresh';
import { call } from '../../services/api';
import { levelLabels, type PetitionLevel } from '../../shared/domain/petition-ladder';
import { ladderLevelsOf } from '../../shared/domain/scope';
import './index.scss';

type QueueSort = 'due' | 'card';
const sorts: { value: QueueSort; label: string }[] = [
  { value: 'due', label: '按时限' },
  { value: 'card', label: '督办优先' },
];

/** The department's queue is its inbox: cases the street summoned it to, to report (报到) and settle. */
const titles: Partial<Record<PetitionLevel, string>> = { department: '部门收件箱' };

/**
 * 本级待办 (`?level=`): what waits at the caller's level — to take, to settle, in council, in review — by
 * deadline, so the overdue come first. Someone who works at two levels switches between them.
 */
function QueuePage() {
  const { params } = useRouter();
  const me = useMe();
  const levels = me.data ? ladderLevelsOf(me.data) : [];
  const asked = params.level as PetitionLevel | undefined;
  const [picked, setPicked] = useState<PetitionLevel | null>(asked ?? null);
  const level = picked ?? levels[0] ?? null;
  const [unit, setUnit] = useState('');
  const [sort, setSort] = useState<QueueSort>('due');
  // The page of the queue also names the unit (第一网格, 区住建局): kept for the title. Which level to list
  // comes from who the caller is, so the queue waits for that rather than load a guess and then the level.
  const list = usePagedList(
    async (offset) => {
      const reply = await call('petition.listQueue', { ...(level ? { level } : {}), ...(sort === 'card' ? { sort } : {}), offset, limit: 10 });
      if (reply.ok) setUnit(reply.data.unitName);
      return reply;
    },
    me.data ? `${level ?? ''}:${sort}` : null,
  );
  usePullRefresh(list.reload);
  const overdue = list.items.filter((p) => p.overdue).length;

  if (me.state !== 'ready') return <PageShell>{me.state === 'error' ? <ErrorView error={me.error} onRetry={me.reload} /> : <Loading />}</PageShell>;
  const title = (level && titles[level]) ?? `${level ? levelLabels[level] : ''}待办`;
  return (
    <PageShell className="p-queue">
      {levels.length > 1 && <Tabs tabs={levels.map((l) => ({ value: l, label: levelLabels[l] }))} value={level ?? levels[0]} onChange={setPicked} />}
      <Text className="p-queue__title">
        {title}
        {unit ? ` · ${unit}` : ''}
      </Text>
      <Tabs tabs={sorts} value={sort} onChange={setSort} />
      {overdue > 0 ? (
        <Text className="p-queue__overdue">{overdue} 条诉求已超时，请优先办理</Text>
      ) : (
        <Text className="section-title">{sort === 'card' ? '红牌、黄牌督办的在前，再按办理时限' : '按办理时限排序，快到期的在前'}</Text>
      )}
      <PagedListView
        list={list}
        keyOf={(p) => p.id}
        render={(p) => <PetitionCard petition={p} href={handleUrl(p.id)} showReporter />}
        empty={<Empty title="本级没有待办的诉求" hint="新的诉求和上报、召集到本级的诉求会出现在这里，并通过订阅消息提醒你。" />}
      />
    </PageShell>
  );
}

export default QueuePage;
