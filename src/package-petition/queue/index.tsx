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
import { formatDateTime } from '../../utils/date-time';
import { decidingLevels } from '../../shared/domain/petition-extension';
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

type View = PetitionLevel | 'verify' | 'extend';

/**
 * 本级待办 (`?level=`, `?level=verify`, `?level=extend`): what waits at the caller's level — to take, to settle, in
 * council, in review — by deadline, so the overdue come first. Someone who works at two levels switches between
 * them; a grid worker (and community staff) also sees 待验证: the resolutions of their grid (community) to check on
 * site; community, street and district staff see 延期待批: the 延期申请 of the levels below them in their area, each
 * row opening the case where 同意 / 不同意 is.
 */
function QueuePage() {
  const { params } = useRouter();
  const me = useMe();
  const levels = me.data ? ladderLevelsOf(me.data) : [];
  const verifier = levels.find((l) => l === 'grid' || l === 'community') ?? null;
  const decider = levels.find((l) => (decidingLevels as readonly PetitionLevel[]).includes(l)) ?? null;
  const views: View[] = [...levels, ...(verifier ? ['verify' as const] : []), ...(decider ? ['extend' as const] : [])];
  const asked = params.level as View | undefined;
  const [picked, setPicked] = useState<View | null>(asked ?? null);
  const view = picked ?? levels[0] ?? null;
  const verifying = view === 'verify';
  const extending = view === 'extend';
  const level = verifying ? verifier : extending ? decider : view;
  const [unit, setUnit] = useState('');
  const [sort, setSort] = useState<QueueSort>('due');
  // The page of the queue also names the unit (第一网格, 区住建局): kept for the title. Which level to list
  // comes from who the caller is, so the queue waits for that rather than load a guess and then the level.
  const list = usePagedList(
    async (offset) => {
      const reply = await call('petition.listQueue', {
        ...(level ? { level } : {}),
        ...(verifying ? { verifying } : {}),
        ...(extending ? { extensions: true } : {}),
        ...(sort === 'card' && !verifying && !extending ? { sort } : {}),
        offset,
        limit: 10,
      });
      if (reply.ok) setUnit(reply.data.unitName);
      return reply;
    },
    me.data ? `${view ?? ''}:${sort}` : null,
  );
  usePullRefresh(list.reload);
  const overdue = list.items.filter((p) => p.overdue).length;

  if (me.state !== 'ready') return <PageShell>{me.state === 'error' ? <ErrorView error={me.error} onRetry={me.reload} /> : <Loading />}</PageShell>;
  const title = verifying ? '待验证' : extending ? '延期待批' : ((level && titles[level]) ?? `${level ? levelLabels[level] : ''}待办`);
  const label = (v: View) => (v === 'verify' ? '待验证' : v === 'extend' ? '延期待批' : levelLabels[v]);
  return (
    <PageShell className="p-queue">
      {views.length > 1 && <Tabs tabs={views.map((v) => ({ value: v, label: label(v) }))} value={view ?? views[0]} onChange={setPicked} />}
      <Text className="p-queue__title">
        {title}
        {unit ? ` · ${unit}` : ''}
      </Text>
      {verifying || extending ? null : <Tabs tabs={sorts} value={sort} onChange={setSort} />}
      {verifying ? (
        <Text className="section-title">已办结、等待现场验证的诉求，请到现场查看后提交验证结果</Text>
      ) : extending ? (
        <Text className="section-title">下级申请延长办理期限的诉求，快到期的在前；点开诉求后选择同意或不同意</Text>
      ) : overdue > 0 ? (
        <Text className="p-queue__overdue">{overdue} 条诉求已超时，请优先办理</Text>
      ) : (
        <Text className="section-title">{sort === 'card' ? '红牌、黄牌督办的在前，再按办理时限' : '按办理时限排序，快到期的在前'}</Text>
      )}
      <PagedListView
        list={list}
        keyOf={(p) => p.id}
        render={(p) => (
          <PetitionCard
            petition={p}
            href={handleUrl(p.id)}
            showReporter
            note={
              extending && p.extension
                ? `${p.extension.requestedBy} 申请延期至 ${formatDateTime(p.extension.until)}：${p.extension.reason}`
                : undefined
            }
          />
        )}
        empty={
          verifying ? (
            <Empty title="没有待验证的诉求" hint="本网格（社区）的诉求办结后会出现在这里，请到现场查看并验证。超过验证期限的会自动转给居民评价。" />
          ) : extending ? (
            <Empty
              title="没有待审批的延期申请"
              hint="下级办理人申请延期时会出现在这里，并通过订阅消息提醒你。诉求办结或转办后，未审批的申请自动失效。"
            />
          ) : (
            <Empty title="本级没有待办的诉求" hint="新的诉求和上报、召集到本级的诉求会出现在这里，并通过订阅消息提醒你。" />
          )
        }
      />
    </PageShell>
  );
}

export default QueuePage;
