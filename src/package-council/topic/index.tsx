import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { ActionButton } from '../../components/action-button';
import { NoticeBanner } from '../../components/notice-banner';
import { PageShell } from '../../components/page-shell';
import { DetailPending } from '../../components/state-view';
import { usePullRefresh } from '../../hooks/use-pull-refresh';
import { useReloadOnShow } from '../../hooks/use-reload-on-show';
import { useRemote } from '../../hooks/use-remote';
import { useSubmit } from '../../hooks/use-submit';
import { call } from '../../services/api';
import { councilPartyLabels } from '../../shared/domain/council';
import { formatDateTime } from '../../utils/date-time';
import { toastResult } from '../../utils/toast';
import { raisedText, StatusTag, type TopicView } from '../topic-card';
import { TasksSection } from './tasks';
import { VoteSection } from './vote';
import '../index.scss';

/** 议题详情: the topic, its co-signs, meeting, attendees, minutes and decision, the household vote and the follow-up tasks. */
function TopicPage() {
  const id = useRouter().params.id;
  const topic = useRemote(() => call('council.get', { topicId: id ?? '' }), id ?? null);
  usePullRefresh(topic.reload);
  useReloadOnShow(topic.reload);
  const show = (t: TopicView) => topic.update(() => ({ topic: t }));

  if (!topic.data)
    return (
      <PageShell className="council-topic">
        <DetailPending
          loads={[topic]}
          id={id}
          notFoundCode="COUNCIL_TOPIC_NOT_FOUND"
          notFound={{
            title: '没有找到这个议题',
            hint: '它可能不在你的社区，请从议题列表重新打开。',
            action: { text: '返回', onClick: () => void Taro.navigateBack() },
          }}
        />
      </PageShell>
    );
  const t = topic.data.topic;
  return (
    <PageShell className="council-topic">
      <View className="card council-section">
        <View className="council-section__head">
          <Text className="council-section__title">{t.title}</Text>
          <StatusTag status={t.status} />
        </View>
        <Text className="council-section__line">
          {raisedText(t)} · {formatDateTime(t.raisedAt)}
        </Text>
        <Text className="council-section__body">{t.body}</Text>
        {t.petitionId && <Text className="council-section__line">来自居民诉求，议定后作为该诉求的办理结果。</Text>}
      </View>
      {t.status === 'gathering' && <CosignSection topic={t} onChanged={show} />}
      {t.meeting && (
        <View className="card council-section">
          <Text className="council-section__label">议事会议</Text>
          <Text className="council-section__line">时间：{formatDateTime(t.meeting.at)}</Text>
          <Text className="council-section__line">地点：{t.meeting.place}</Text>
          {t.meeting.agenda.map((item, i) => (
            <Text key={item} className="council-section__body">{`${i + 1}. ${item}`}</Text>
          ))}
          {t.attendees.length > 0 && (
            <Text className="council-section__line">参会：{t.attendees.map((a) => `${a.name}（${councilPartyLabels[a.party]}）`).join('、')}</Text>
          )}
        </View>
      )}
      {t.minutes && (
        <View className="card council-section">
          <Text className="council-section__label">会议纪要</Text>
          <Text className="council-section__body">{t.minutes.text}</Text>
          <Text className="council-section__label council-section__label--gap">议事决定</Text>
          <Text className="council-section__body">{t.minutes.decision}</Text>
          <Text className="council-section__line">
            {t.minutes.byName} 发布于 {formatDateTime(t.minutes.at)}
          </Text>
        </View>
      )}
      {t.vote && <VoteSection topic={t} onChanged={show} />}
      {t.tasks.length > 0 && <TasksSection topic={t} onChanged={show} />}
      {t.runs && <StaffSection topic={t} />}
    </PageShell>
  );
}

/** 联名: a residents' topic goes on the council's list once enough neighbours join it. */
function CosignSection({ topic: t, onChanged }: { topic: TopicView; onChanged: (t: TopicView) => void }) {
  const cosign = useSubmit('council.cosign');
  async function onCosign() {
    const reply = await cosign.submit({ topicId: t.id });
    if (reply?.ok) {
      toastResult({ ok: true, text: '已联名' });
      onChanged(reply.data.topic);
    }
  }
  const may = !t.raisedByMe && !t.cosignedByMe && t.canVote;
  return (
    <View className="card council-section">
      <Text className="council-section__label">
        居民联名 {t.cosigns}/{t.cosignsNeeded}
      </Text>
      <Text className="council-section__line">满 {t.cosignsNeeded} 位居民联名后，列入三方议事，由社区安排会议。</Text>
      <NoticeBanner failure={cosign.failure} />
      {t.cosignedByMe && <Text className="council-vote__result">你已联名</Text>}
      {may && (
        <View className="council-section__actions">
          <ActionButton busy={cosign.submitting} onClick={() => void onCosign()}>
            我也赞成，联名
          </ActionButton>
        </View>
      )}
    </View>
  );
}

/** What the community's staff do next: schedule (or move) the meeting, publish the minutes, settle the case it came from. */
function StaffSection({ topic: t }: { topic: TopicView }) {
  const decide = useSubmit('petition.decide');
  const go = (page: string) => void Taro.navigateTo({ url: `/package-council/${page}/index?id=${t.id}` });
  async function onDecide() {
    if (!t.petitionId) return;
    const reply = await decide.submit({ petitionId: t.petitionId, topicId: t.id });
    if (reply?.ok) toastResult({ ok: true, text: '已按议事决定办结，等待验证和居民评价' });
  }
  const schedulable = t.status === 'open' || t.status === 'scheduled';
  if (!schedulable && !(t.petitionId && t.status === 'decided')) return null;
  return (
    <View className="card council-section">
      <Text className="council-section__label">社区工作人员</Text>
      <NoticeBanner failure={decide.failure} />
      <View className="council-section__actions">
        {schedulable && (
          <ActionButton kind={t.status === 'open' ? 'primary' : 'default'} onClick={() => go('schedule')}>
            {t.status === 'open' ? '安排会议' : '改期'}
          </ActionButton>
        )}
        {t.status === 'scheduled' && <ActionButton onClick={() => go('minutes')}>发布纪要和决定</ActionButton>}
        {t.petitionId && t.status === 'decided' && (
          <ActionButton busy={decide.submitting} onClick={() => void onDecide()}>
            按议事决定办结诉求
          </ActionButton>
        )}
      </View>
    </View>
  );
}

export default TopicPage;
