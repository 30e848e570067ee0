import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { ActionButton } from '../../components/action-button';
import { PagedListView } from '../../components/paged-list';
import { PageShell } from '../../components/page-shell';
import { ReasonSheet } from '../../components/reason-sheet';
import { Empty } from '../../components/state-view';
import { useMe } from '../../hooks/use-me';
import { usePagedList } from '../../hooks/use-paged-list';
import { useRemote } from '../../hooks/use-remote';
import { useSubmit } from '../../hooks/use-submit';
import { call } from '../../services/api';
import { formatDateTime } from '../../utils/date-time';
import { toastResult } from '../../utils/toast';
import { durationText, type ShiftView } from '../post-card';
import { RateSheet } from './rate-sheet';
import '../../package-staff/parts/index.scss';
import '../index.scss';

const statusText: Record<ShiftView['status'], string> = { open: '值班中', done: '已签退', reversed: '已更正（积分已冲正）' };

/** 值班记录: a post's shifts (rate one; staff correct one), or with no post, my own shifts and my ratings this month. */
function ShiftsPage() {
  const postId = useRouter().params.postId;
  const me = useMe();
  const staff = me.data?.roles.some((r) => r === 'staff' || r === 'admin') ?? false;
  const list = usePagedList<ShiftView>((offset) => call('post.shifts', { ...(postId ? { postId } : {}), offset, limit: 10 }), postId ?? 'mine');
  const stats = useRemote(() => call('post.memberStats', {}), postId ? null : 'mine');
  const rate = useSubmit('post.rate');
  const correct = useSubmit('post.correct');
  const [rating, setRating] = useState<ShiftView | null>(null);
  const [correcting, setCorrecting] = useState<ShiftView | null>(null);
  const replace = (shift: ShiftView) => list.edit((s) => (s.id === shift.id ? shift : s));

  async function onRate(stars: number, comment: string) {
    if (!rating) return;
    const reply = await rate.submit({ shiftId: rating.id, stars, comment });
    if (!reply?.ok) return;
    toastResult({ ok: true, text: '感谢你的评价' });
    replace(reply.data.shift);
    setRating(null);
  }
  async function onCorrect(reason: string) {
    if (!correcting) return;
    const reply = await correct.submit({ shiftId: correcting.id, reason });
    if (!reply?.ok) return;
    toastResult({ ok: true, text: '已更正，积分已冲正' });
    replace(reply.data.shift);
    setCorrecting(null);
  }

  const mine = stats.data?.mine;
  return (
    <PageShell className="posts-shifts">
      {mine && (
        <View className="posts-summary">
          <Text className="posts-summary__title">本月服务评价</Text>
          <Text className="posts-summary__line">{mine.count > 0 ? `平均 ${mine.average} 分，共 ${mine.count} 次评价` : '本月还没有评价'}</Text>
          {mine.recent.map((r, i) => (
            <Text key={i} className="posts-summary__line">
              {`${'★'.repeat(r.stars)} ${r.raterName}：${r.comment ?? '（未留言）'}`}
            </Text>
          ))}
        </View>
      )}
      <PagedListView
        list={list}
        keyOf={(s) => s.id}
        render={(s) => (
          <View className="card post-card" data-shift={s.id}>
            <View className="post-card__head">
              <Text className="post-card__title">{postId ? s.holderName : s.postTitle}</Text>
              <Text className={`tag${s.status === 'reversed' ? ' tag--overdue' : ''}`}>{statusText[s.status]}</Text>
            </View>
            <Text className="post-card__line">签到 {formatDateTime(s.startedAt)}</Text>
            {s.endedAt && (
              <Text className="post-card__line">
                签退 {formatDateTime(s.endedAt)} · 计 {durationText(s.minutes)}，{s.points} 分{s.capped ? '（按值班时间封顶）' : ''}
              </Text>
            )}
            {s.correction && (
              <Text className="post-card__line">
                更正：{s.correction.reason}（{s.correction.byName}）
              </Text>
            )}
            <Text className="post-card__line">{s.ratingCount > 0 ? `服务评价 ${s.ratingAvg} 分（${s.ratingCount} 人）` : '还没有评价'}</Text>
            {!s.mine && s.status === 'done' && (
              <View className="post-card__actions">
                {s.ratedByMe ? (
                  <Text className="post-card__duty">已评价，谢谢</Text>
                ) : (
                  <ActionButton size="inline" onClick={() => setRating(s)}>
                    评价服务
                  </ActionButton>
                )}
                {staff && (
                  <ActionButton size="inline" kind="warn" onClick={() => setCorrecting(s)}>
                    更正
                  </ActionButton>
                )}
              </View>
            )}
          </View>
        )}
        empty={<Empty title="还没有值班记录" hint={postId ? '认领人签到签退后，值班记录会出现在这里。' : '在「我的岗位」里点「签到」开始值班。'} />}
      />
      {rating && (
        <RateSheet
          holderName={rating.holderName}
          busy={rate.submitting}
          error={rate.failure?.message ?? null}
          onSubmit={(a, b) => void onRate(a, b)}
          onClose={() => setRating(null)}
        />
      )}
      {correcting && (
        <ReasonSheet
          title="更正值班"
          hint={`冲正 ${correcting.holderName} 这次值班的 ${correcting.points} 积分`}
          placeholder="例如：当天未到岗，误签到"
          required
          submitText="确认更正"
          kind="warn"
          busy={correct.submitting}
          error={correct.failure?.message ?? null}
          onSubmit={(reason) => void onCorrect(reason)}
          onClose={() => setCorrecting(null)}
        />
      )}
    </PageShell>
  );
}

export default ShiftsPage;
