import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { ActionButton } from '../../components/action-button';
import { NoticeBanner } from '../../components/notice-banner';
import { useSubmit } from '../../hooks/use-submit';
import { voteChoiceLabels, voteChoices, type VoteChoice } from '../../shared/domain/council';
import { formatDateTime } from '../../utils/date-time';
import { toastResult } from '../../utils/toast';
import type { TopicView } from '../topic-card';

/** 居民表决: one vote per household, the live tally, and the result once the deadline has passed. */
export function VoteSection({ topic: t, onChanged }: { topic: TopicView; onChanged: (t: TopicView) => void }) {
  const vote = useSubmit('council.vote');
  const v = t.vote!;
  const cast = v.agree + v.disagree + v.abstain;

  async function onVote(choice: VoteChoice) {
    const sure = await Taro.showModal({
      title: '确认投票',
      content: `为你家投「${voteChoiceLabels[choice]}」？每户只有一票，家人投过后不能再投。`,
      confirmText: '确认',
    });
    if (!sure.confirm) return;
    const reply = await vote.submit({ topicId: t.id, choice });
    if (reply?.ok) {
      toastResult({ ok: true, text: '已投票' });
      onChanged(reply.data.topic);
    }
  }

  return (
    <View className="card council-section" data-vote={v.open ? 'open' : 'closed'}>
      <Text className="council-section__label">居民表决（每户一票）</Text>
      <Text className="council-section__body">{v.question}</Text>
      <Text className="council-section__line">
        {v.open ? `截止：${formatDateTime(v.deadline)}，结果实时公布` : `已于 ${formatDateTime(v.deadline)} 截止`}
      </Text>
      {voteChoices.map((c) => (
        <View key={c} className="council-vote__bar">
          <Text>{voteChoiceLabels[c]}</Text>
          <View className="council-vote__track">
            <View className={`council-vote__fill council-vote__fill--${c}`} style={{ width: `${cast ? Math.round((v[c] * 100) / cast) : 0}%` }} />
          </View>
          <Text>{v[c]} 户</Text>
        </View>
      ))}
      {!v.open && <Text className="council-vote__result">{v.passed ? '表决通过（同意超过投票户数的一半）' : '表决未通过'}</Text>}
      {t.myVote && (
        <Text className="council-section__line">
          你家已投「{voteChoiceLabels[t.myVote.choice]}」{t.myVote.byMe ? '（你投的）' : '（家人投的）'}
        </Text>
      )}
      <NoticeBanner failure={vote.failure} />
      {vote.failure && <Text className="council-section__line">下拉页面可以看到最新的表决结果。</Text>}
      {v.open && !t.myVote && t.canVote && (
        <View className="council-section__actions">
          {voteChoices.map((c) => (
            <ActionButton key={c} size="inline" kind={c === 'agree' ? 'primary' : 'default'} busy={vote.submitting} onClick={() => void onVote(c)}>
              {voteChoiceLabels[c]}
            </ActionButton>
          ))}
        </View>
      )}
      {v.open && !t.canVote && <Text className="council-section__line">登记了楼栋和门牌的居民可以代表一户投票。</Text>}
    </View>
  );
}
