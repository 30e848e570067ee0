import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { ActionButton } from '../../components/action-button';
import { ChoiceChips } from '../../components/choice-chips';
import { NoticeBanner } from '../../components/notice-banner';
import { PageShell } from '../../components/page-shell';
import { Empty, ErrorView, Loading } from '../../components/state-view';
import { useRemote } from '../../hooks/use-remote';
import { useSubmit } from '../../hooks/use-submit';
import { call } from '../../services/api';
import type { Output } from '../../shared/contract';
import { reviewGradeLabels, reviewGrades, reviewKindLabels, type ReviewGrade } from '../../shared/domain/review';
import { RoundCard, RuleNote } from '../parts/views';
import '../parts/index.scss';

type Mine = Output<'review.mine'>;
type Target = Mine['targets'][number];

const grades = reviewGrades.map((g) => ({ value: g, label: reviewGradeLabels[g] }));
const toResults = () => void Taro.navigateTo({ url: '/package-review/results/index' });

/** One person to rate: the four grades and 提交, or what was given. Each card its own submission (one tap, one rating). */
function TargetCard({ roundId, target, onRated }: { roundId: string; target: Target; onRated: (t: Target) => void }) {
  const send = useSubmit('review.submit');
  const [grade, setGrade] = useState<ReviewGrade | ''>('');

  async function onSubmit() {
    if (!grade) return;
    const reply = await send.submit({ roundId, memberId: target.memberId, kind: target.kind, grade });
    if (reply?.ok) onRated({ ...target, grade: reply.data.rating.grade });
  }

  return (
    <View className="card review-target">
      <View className="review-target__head">
        <Text className="review-target__name">{target.kind === 'self' ? `${target.name}（我）` : target.name}</Text>
        <Text className="tag">{reviewKindLabels[target.kind]}</Text>
      </View>
      {target.grade ? (
        <Text className="review-target__line review-target__done">已评：{reviewGradeLabels[target.grade]}</Text>
      ) : (
        <>
          <NoticeBanner failure={send.failure} />
          <ChoiceChips choices={grades} value={grade} onChange={setGrade} name="review-grade" />
          <View className="review-target__actions">
            <ActionButton disabled={!grade} busy={send.submitting} onClick={onSubmit}>
              提交{reviewKindLabels[target.kind]}
            </ActionButton>
          </View>
        </>
      )}
    </View>
  );
}

function Targets({ mine, onRated }: { mine: Mine & { round: NonNullable<Mine['round']> }; onRated: (t: Target) => void }) {
  const { round, targets } = mine;
  if (round.status !== 'open')
    return (
      <Empty
        title="这一轮评议已经结束"
        hint={round.status === 'published' ? '结果已经公布。' : '结果正在计入党员积分，稍后公布。'}
        action={{ text: '查看评议结果', onClick: toResults }}
      />
    );
  if (targets.length === 0)
    return <Empty title="暂时没有可以评议的党员" hint="群众评议只评为你服务过的党员：你发布的心愿由党员完成、经你确认后，就可以评议他。" />;
  const left = targets.filter((t) => !t.grade).length;
  return (
    <>
      <Text className="review-intro">{left > 0 ? `还有 ${left} 位待评，每位只能评一次，提交后不能修改。` : '你已经全部评完，谢谢参与！'}</Text>
      {targets.map((t) => (
        <TargetCard key={t.memberId} roundId={round.id} target={t} onRated={onRated} />
      ))}
    </>
  );
}

/** 民主评议: a member rates themself and the other members; a resident the members who served them. */
function ReviewRatePage() {
  const mine = useRemote(() => call('review.mine', {}));
  const onRated = (rated: Target) => mine.update((m) => ({ ...m, targets: m.targets.map((t) => (t.memberId === rated.memberId ? rated : t)) }));
  if (!mine.data)
    return (
      <PageShell className="review-page">{mine.state === 'error' ? <ErrorView error={mine.error} onRetry={mine.reload} /> : <Loading />}</PageShell>
    );
  const { round } = mine.data;
  return (
    <PageShell className="review-page">
      {round ? (
        <>
          <RoundCard round={round} />
          <RuleNote />
          <Targets mine={{ ...mine.data, round }} onRated={onRated} />
        </>
      ) : (
        <Empty
          title="本社区现在没有进行中的民主评议"
          hint="每年上半年、下半年各评议一次，由社区工作人员开启。开启后党员在这里自评、互评，居民评议为自己服务过的党员。"
          action={{ text: '查看评议结果', onClick: toResults }}
        />
      )}
    </PageShell>
  );
}

export default ReviewRatePage;
