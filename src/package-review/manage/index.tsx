import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { ActionButton } from '../../components/action-button';
import { NoticeBanner } from '../../components/notice-banner';
import { PageShell } from '../../components/page-shell';
import { PagedListView } from '../../components/paged-list';
import { Empty } from '../../components/state-view';
import { useSubmit } from '../../hooks/use-submit';
import { toastResult } from '../../utils/toast';
import { useResults } from '../parts/use-results';
import { MemberRow, RoundCard, RuleNote, type Member, type Round } from '../parts/views';
import '../parts/index.scss';

/** Open this half-year's round, or close the open one (asked twice: closing cannot be undone). */
function RoundActions({ round, onChanged }: { round: Round | null; onChanged: (r: Round, members?: readonly Member[]) => void }) {
  const open = useSubmit('review.open');
  const close = useSubmit('review.close');
  const [confirming, setConfirming] = useState(false);

  async function onOpen() {
    const reply = await open.submit({});
    if (!reply?.ok) return;
    toastResult({ ok: true, text: '评议已开启' });
    onChanged(reply.data.round, reply.data.items);
  }

  async function onClose() {
    if (!round) return;
    const reply = await close.submit({ roundId: round.id });
    if (!reply?.ok) return;
    setConfirming(false);
    toastResult({ ok: true, text: '评议已结束' });
    onChanged(reply.data.round);
  }

  if (round && round.status !== 'open') {
    return (
      <View className="review-actions">
        <Text className="review-intro">
          {round.status === 'closing' ? '评议已结束，结果正在逐一计入党员积分，约一分钟后公布。' : '结果已公布，党员积分已记入。'}
        </Text>
        <ActionButton kind="default" onClick={() => void Taro.navigateTo({ url: '/package-review/results/index' })}>
          查看评议结果
        </ActionButton>
      </View>
    );
  }
  return (
    <View className="review-actions">
      <NoticeBanner failure={round ? close.failure : open.failure} />
      {!round && (
        <ActionButton busy={open.submitting} onClick={onOpen}>
          开启本半年民主评议
        </ActionButton>
      )}
      {round && !confirming && (
        <ActionButton kind="warn" onClick={() => setConfirming(true)}>
          结束评议并计分
        </ActionButton>
      )}
      {round && confirming && (
        <>
          <Text className="review-intro">结束后不能再评议，每位党员的加权结果将记入党员积分并公布。确认结束？</Text>
          <ActionButton kind="warn" busy={close.submitting} onClick={onClose}>
            确认结束
          </ActionButton>
        </>
      )}
    </View>
  );
}

/** 民主评议管理 (community staff): open the half-year's round, follow who has been rated, close it. */
function ReviewManagePage() {
  const { round, list, setRound } = useResults(undefined, '');
  return (
    <PageShell className="review-page">
      <Text className="review-intro">每半年一次：党员自评、党员互评、群众评议（只评为自己服务过的党员），结束后按权重计分，记入党员积分。</Text>
      {round && <RoundCard round={round} />}
      {list.state === 'ready' && (
        <RoundActions
          round={round}
          onChanged={(r, members) => {
            // The reply is the view: the round, and on opening its members (nothing is read again).
            setRound(r);
            if (members) list.prepend(members);
          }}
        />
      )}
      <RuleNote />
      {round && <Text className="review-intro">评议进度</Text>}
      <PagedListView
        list={list}
        keyOf={(m) => m.memberId}
        render={(m) => <MemberRow m={m} published={round?.status === 'published'} />}
        empty={
          round ? (
            <Empty title="本社区还没有党员" hint="党员报到审核通过后会出现在下一轮评议里。" />
          ) : (
            <Empty title="本半年还没有开启民主评议" hint="点上方按钮开启，本社区全体党员参评。" />
          )
        }
      />
    </PageShell>
  );
}

export default ReviewManagePage;
