import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import type { Output } from '../shared/contract';
import { projectStatusLabels, providerKindLabels, resourceKindLabels } from '../shared/domain/project';

export type ProjectView = Output<'project.get'>['project'];
export type ResourceView = Output<'list.resources'>['items'][number];
export type NeedView = Output<'list.needs'>['entered']['items'][number];

/** 2026-12-05 */
export const dayOf = (iso: string) => new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 10);

/** 居民 4.5 分（2 人）· 社区 4 分 */
export function ratingText(r: ProjectView['rating']): string {
  const part = (who: string, t: { average: number | null; count: number }) => (t.count > 0 ? `${who} ${t.average} 分（${t.count} 人）` : null);
  const parts = [part('居民', r.residents), part('社区', r.staff)].filter(Boolean);
  return parts.length > 0 ? parts.join(' · ') : '还没有评价';
}

/** One project as the lists show it; the page adds its own buttons below. */
export function ProjectCard({ project: p, onOpen, children }: { project: ProjectView; onOpen?: () => void; children?: ReactNode }) {
  return (
    <View className="card project-card" data-project={p.id} onClick={onOpen}>
      <View className="project-card__head">
        <Text className="project-card__title">{p.title}</Text>
        <Text className={`tag project-card__status is-${p.status}`}>{projectStatusLabels[p.status]}</Text>
      </View>
      <Text className="project-card__line">{p.claimant ? `认领单位：${p.claimant.unitName}` : '等待共建单位认领'}</Text>
      {p.status !== 'open' && <Progress value={p.progress} />}
      {p.status === 'done' && <Text className="project-card__line">评价：{ratingText(p.rating)}</Text>}
      {p.resources.length > 0 && (
        <Text className="project-card__line">资源：{p.resources.map((r) => `${r.title}（${r.providerName}）`).join('、')}</Text>
      )}
      {children && <View className="project-card__actions">{children}</View>}
    </View>
  );
}

export function Progress({ value }: { value: number }) {
  return (
    <View className="project-progress" aria-label={`进度 ${value}%`}>
      <View className="project-progress__bar">
        <View className="project-progress__fill" style={{ width: `${value}%` }} />
      </View>
      <Text className="project-progress__text">{value}%</Text>
    </View>
  );
}

export function ResourceCard({ resource: r }: { resource: ResourceView }) {
  return (
    <View className="card project-card" data-resource={r.id}>
      <View className="project-card__head">
        <Text className="project-card__title">{r.title}</Text>
        <Text className="tag">{resourceKindLabels[r.kind]}</Text>
      </View>
      <Text className="project-card__line">
        {providerKindLabels[r.provider.kind]}：{r.provider.name}
      </Text>
      <Text className="project-card__line">可用时间：{r.availability}</Text>
      {r.detail && <Text className="project-card__desc">{r.detail}</Text>}
    </View>
  );
}

export function NeedCard({ need: n }: { need: NeedView }) {
  return (
    <View className="card project-card" data-need={n.id}>
      <View className="project-card__head">
        <Text className="project-card__title">{n.title}</Text>
        {n.projectId && <Text className="tag">已立项</Text>}
      </View>
      <Text className="project-card__line">
        {n.placeName} · {dayOf(n.createdAt)} 录入
      </Text>
      {n.detail && <Text className="project-card__desc">{n.detail}</Text>}
    </View>
  );
}
