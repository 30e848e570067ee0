import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import type { Output } from '../shared/contract';
import { councilPartyLabels, topicStatusLabels, type TopicStatus } from '../shared/domain/council';
import { formatDateTime } from '../utils/date-time';

export type TopicSummary = Output<'council.list'>['items'][number];
export type TopicView = Output<'council.get'>['topic'];
export type TaskView = TopicView['tasks'][number];

const statusTone: Record<TopicStatus, string> = {
  gathering: 'tag--pending',
  open: 'tag--pending',
  scheduled: 'tag--active',
  voting: 'tag--active',
  decided: 'tag--done',
};

export function StatusTag({ status }: { status: TopicStatus }) {
  return <Text className={`tag ${statusTone[status]}`}>{topicStatusLabels[status]}</Text>;
}

/** 由 社区 · 孙丽 提出 (梧桐苑) */
export const raisedText = (t: Pick<TopicSummary, 'party' | 'raisedByName' | 'estate'>) =>
  `${councilPartyLabels[t.party]} · ${t.raisedByName} 提出${t.estate ? `（${t.estate}）` : ''}`;

/** One follow-up task: what, who, by when, and whether it is done or overdue. */
export function TaskLine({ task, children }: { task: TaskView; children?: ReactNode }) {
  return (
    <View className="council-task" data-task={task.id}>
      <View className="council-task__head">
        <Text className="council-task__title">{task.title}</Text>
        {task.status === 'done' ? (
          <Text className="tag tag--done">已完成</Text>
        ) : task.overdue ? (
          <Text className="tag tag--overdue">已逾期</Text>
        ) : (
          <Text className="tag tag--pending">进行中</Text>
        )}
      </View>
      <Text className="council-task__line">
        负责人：{task.ownerName} · 期限：{formatDateTime(task.deadline)}
      </Text>
      {task.note && <Text className="council-task__line">完成说明：{task.note}</Text>}
      {children}
    </View>
  );
}

/** A topic as the lists show it; on 我的任务 its tasks are the viewer's own. */
export function TopicCard({ topic, onOpen, showTasks }: { topic: TopicSummary; onOpen: () => void; showTasks?: boolean }) {
  return (
    <View className="card council-card" data-topic={topic.id} onClick={onOpen}>
      <View className="council-card__head">
        <Text className="council-card__title">{topic.title}</Text>
        <StatusTag status={topic.status} />
      </View>
      <Text className="council-card__line">{raisedText(topic)}</Text>
      {topic.status === 'gathering' && (
        <Text className="council-card__line">
          联名 {topic.cosigns}/{topic.cosignsNeeded} 人，满 {topic.cosignsNeeded} 人列入议事
        </Text>
      )}
      {topic.meeting && (
        <Text className="council-card__line">
          会议：{formatDateTime(topic.meeting.at)} · {topic.meeting.place}
        </Text>
      )}
      {showTasks && topic.tasks.map((t) => <TaskLine key={t.id} task={t} />)}
    </View>
  );
}
