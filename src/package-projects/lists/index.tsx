import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { ActionButton } from '../../components/action-button';
import { ChipFilter } from '../../components/chip-filter';
import { PagedListView } from '../../components/paged-list';
import { PageShell } from '../../components/page-shell';
import { Empty, ErrorView, Loading } from '../../components/state-view';
import { Tabs } from '../../components/tabs';
import { useMe } from '../../hooks/use-me';
import { usePagedList } from '../../hooks/use-paged-list';
import { usePullRefresh } from '../../hooks/use-pull-refresh';
import { useReloadOnShow } from '../../hooks/use-reload-on-show';
import { useRemote } from '../../hooks/use-remote';
import { call } from '../../services/api';
import { projectStatusLabels, resourceKindLabels, resourceKinds, type ProjectStatus } from '../../shared/domain/project';
import type { Role } from '../../shared/domain/roles';
import { NeedCard, ProjectCard, ResourceCard, type ProjectView } from '../parts';
import '../../package-staff/parts/index.scss';
import '../index.scss';

type Tab = 'projects' | 'needs' | 'resources';
const needReaders: Role[] = ['staff', 'grid_worker', 'member'];
const open = (url: string) => void Taro.navigateTo({ url });

/** 三张清单: the community's projects, needs and resources, with what each role may add. */
function ListsPage() {
  const me = useMe();
  const roles = me.data?.roles ?? [];
  const staff = roles.includes('staff');
  const tabs = [
    { value: 'projects' as const, label: '项目清单' },
    ...(roles.some((r) => needReaders.includes(r)) ? [{ value: 'needs' as const, label: '需求清单' }] : []),
    { value: 'resources' as const, label: '资源清单' },
  ];
  const [tab, setTab] = useState<Tab>('projects');
  // Each return to the page (from a form) asks the tab's list again: the lists below key their reads by it.
  const [visit, setVisit] = useState(0);
  useReloadOnShow(async () => setVisit((v) => v + 1));

  return (
    <PageShell className="projects">
      <Text className="projects-intro">社区把居民的需求立为项目，匹配共建单位、商家和党员的资源，由共建单位认领完成，居民来评价。</Text>
      {me.state === 'loading' && <Loading />}
      {me.state === 'error' && <ErrorView error={me.error} onRetry={me.reload} />}
      {me.data && (
        <>
          <Tabs tabs={tabs} value={tab} onChange={setTab} />
          {tab === 'projects' && <Projects visit={visit} />}
          {tab === 'needs' && <Needs visit={visit} />}
          {tab === 'resources' && <Resources visit={visit} />}
          <View className="staff-actions">
            {staff && tab === 'needs' && <ActionButton onClick={() => open('/package-projects/edit/index?form=need')}>录入需求</ActionButton>}
            {staff && tab === 'projects' && (
              <ActionButton onClick={() => open('/package-projects/edit/index?form=project')}>立项并匹配资源</ActionButton>
            )}
            {tab === 'resources' && !roles.includes('grid_worker') && (
              <ActionButton kind={staff ? 'primary' : 'default'} onClick={() => open('/package-projects/edit/index?form=resource')}>
                登记可提供的资源
              </ActionButton>
            )}
          </View>
        </>
      )}
    </PageShell>
  );
}

const statusFilter = [
  { value: '', label: '全部' },
  ...(['open', 'claimed', 'done'] as ProjectStatus[]).map((s) => ({ value: s, label: projectStatusLabels[s] })),
];

function Projects({ visit }: { visit: number }) {
  const [status, setStatus] = useState('');
  const list = usePagedList<ProjectView>(
    (offset) => call('list.projects', { ...(status ? { status: status as ProjectStatus } : {}), offset, limit: 10 }),
    `projects:${status}:${visit}`,
  );
  usePullRefresh(list.reload);
  return (
    <>
      <ChipFilter options={statusFilter} value={status} onChange={setStatus} />
      <PagedListView
        list={list}
        keyOf={(p) => p.id}
        render={(p) => <ProjectCard project={p} onOpen={() => open(`/package-projects/project/index?projectId=${p.id}`)} />}
        empty={<Empty title="还没有项目" hint="社区把需求立为项目后会出现在这里，共建单位可以认领。" />}
      />
    </>
  );
}

function Needs({ visit }: { visit: number }) {
  const needs = useRemote(() => call('list.needs', { months: 3, limit: 20 }), `needs:${visit}`);
  usePullRefresh(needs.reload);
  if (needs.state === 'loading') return <Loading />;
  if (needs.state === 'error' || !needs.data) return <ErrorView error={needs.error} onRetry={needs.reload} />;
  const { gathered, entered, placeName, months } = needs.data;
  return (
    <>
      <View className="projects-section">
        <Text className="projects-section__title">{`${placeName}近 ${months.length} 个月居民反映的需求`}</Text>
        {gathered.length === 0 && <Text className="projects-section__line">这段时间还没有心愿和诉求。</Text>}
        {gathered.map((g) => (
          <Text key={`${g.source}:${g.categoryId}`} className="projects-section__line">
            {`${g.source === 'wish' ? '微心愿' : '微诉求'} · ${g.categoryName}：`}
            <Text className="projects-section__count">{`${g.count} 件`}</Text>
          </Text>
        ))}
      </View>
      <Text className="section-title">社区录入的需求</Text>
      {entered.items.length === 0 && <Empty title="还没有录入的需求" hint="社区工作人员可以点下方「录入需求」，把走访、议事中收集的需求记下来。" />}
      {entered.items.map((n) => (
        <NeedCard key={n.id} need={n} />
      ))}
    </>
  );
}

function Resources({ visit }: { visit: number }) {
  const [kind, setKind] = useState('');
  const list = usePagedList(
    (offset) => call('list.resources', { ...(kind ? { kind: kind as (typeof resourceKinds)[number] } : {}), offset, limit: 10 }),
    `resources:${kind}:${visit}`,
  );
  usePullRefresh(list.reload);
  const options = [{ value: '', label: '全部' }, ...resourceKinds.map((k) => ({ value: k, label: resourceKindLabels[k] }))];
  return (
    <>
      <ChipFilter options={options} value={kind} onChange={setKind} />
      <PagedListView
        list={list}
        keyOf={(r) => r.id}
        render={(r) => <ResourceCard resource={r} />}
        empty={<Empty title="还没有登记的资源" hint="共建单位、爱心商家和党员可以登记能提供的场地、技能、资金、志愿者和设备。" />}
      />
    </>
  );
}

export default ListsPage;
