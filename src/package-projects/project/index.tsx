import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { PageShell } from '../../components/page-shell';
import { ErrorView, Loading } from '../../components/state-view';
import { StarRating } from '../../components/star-rating';
import { usePullRefresh } from '../../hooks/use-pull-refresh';
import { useRemote } from '../../hooks/use-remote';
import { call } from '../../services/api';
import { providerKindLabels, resourceKindLabels } from '../../shared/domain/project';
import { dayOf, ProjectCard, ratingText, type ProjectView } from '../parts';
import { ClaimBox, RateBox, ReportBox } from './actions';
import '../../package-staff/parts/index.scss';
import '../index.scss';

/** 共建项目: its needs, matched resources, claimant, progress and rating, and what the viewer may do with it. */
function ProjectPage() {
  const projectId = useRouter().params.projectId ?? '';
  const remote = useRemote(() => call('project.get', { projectId }), projectId || null);
  usePullRefresh(remote.reload);
  const [rated, setRated] = useState(0);
  const changed = (project: ProjectView) => remote.update(() => ({ project }));

  if (remote.state === 'loading') return <PageShell className="projects">{<Loading />}</PageShell>;
  if (remote.state === 'error' || !remote.data)
    return (
      <PageShell className="projects">
        <ErrorView error={remote.error} onRetry={remote.reload} />
      </PageShell>
    );
  const p = remote.data.project;
  return (
    <PageShell className="projects project-page">
      <ProjectCard project={p} />
      <View className="projects-section">
        <Text className="projects-section__title">项目内容</Text>
        <Text className="projects-section__line">{p.detail}</Text>
        <Text className="projects-section__line">{`${p.createdByName} ${dayOf(p.createdAt)} 立项`}</Text>
      </View>
      <View className="projects-section">
        <Text className="projects-section__title">对应的需求</Text>
        {p.needs.length === 0 && <Text className="projects-section__line">没有关联录入的需求</Text>}
        {p.needs.map((n) => (
          <Text key={n.id} className="projects-section__line">{`· ${n.title}`}</Text>
        ))}
      </View>
      <View className="projects-section">
        <Text className="projects-section__title">匹配的资源</Text>
        {p.resources.length === 0 && <Text className="projects-section__line">还没有匹配资源，由认领单位自行安排</Text>}
        {p.resources.map((r) => (
          <Text key={r.id} className="projects-section__line">{`· ${resourceKindLabels[r.kind]}：${r.title}（${r.providerName}）`}</Text>
        ))}
      </View>
      {p.claimant && (
        <View className="projects-section">
          <Text className="projects-section__title">进展</Text>
          <Text className="projects-section__line">{`${providerKindLabels.unit}「${p.claimant.unitName}」${dayOf(p.claimant.claimedAt)} 认领`}</Text>
          {p.reports.length === 0 && <Text className="projects-section__line">认领单位还没有报告进展</Text>}
          {[...p.reports].reverse().map((r) => (
            <Text key={r.at} className="projects-section__line">{`${dayOf(r.at)} · ${r.progress}% · ${r.text}`}</Text>
          ))}
        </View>
      )}
      {p.status === 'done' && (
        <View className="projects-section">
          <Text className="projects-section__title">评价</Text>
          <Text className="projects-section__line">{ratingText(p.rating)}</Text>
          {p.ratedByMe && <Text className="projects-section__line">{rated > 0 ? '谢谢你的评价！' : '你已经评价过这个项目'}</Text>}
          {rated > 0 && <StarRating value={rated} />}
        </View>
      )}
      {p.mayClaim && <ClaimBox project={p} onChanged={changed} />}
      {p.mayReport && <ReportBox project={p} onChanged={changed} />}
      {p.mayRate && (
        <RateBox
          project={p}
          onChanged={(project, stars) => {
            setRated(stars);
            changed(project);
          }}
        />
      )}
    </PageShell>
  );
}

export default ProjectPage;
