import { View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { PageShell } from '../../components/page-shell';
import { ReviewActions } from '../../components/review-actions';
import { DetailPending } from '../../components/state-view';
import { useCategories } from '../../hooks/use-categories';
import { useMe } from '../../hooks/use-me';
import { useOutcome } from '../../hooks/use-outcome';
import { usePullRefresh } from '../../hooks/use-pull-refresh';
import { useRemote } from '../../hooks/use-remote';
import { call } from '../../services/api';
import { afterWishStep } from '../../utils/step-replies';
import { stepsFor } from '../../utils/wish-steps';
import { People, Result, StatusHeader, WishBody } from './sections';
import { StepBar } from './step-bar';
import type { WishOutcome } from './steps';
import { Timeline } from './timeline';
import './index.scss';

/** 心愿详情 (`?id=`): subscribe messages link here, so it must stand on its own for every role. */
function WishDetailPage() {
  const id = useRouter().params.id ?? '';
  const detail = useRemote(() => call('wish.get', { wishId: id }));
  const me = useMe();
  const categories = useCategories();
  // A step's reply is the wish as it is now: shown as it is, not read again.
  const outcome: WishOutcome = useOutcome(detail.reload, ({ data, event, note }) =>
    detail.update(({ wish: shown }) => ({ wish: afterWishStep(shown, data.wish, event, me.data?.name ?? '', note) })),
  );
  usePullRefresh(() => Promise.all([detail.reload(), me.reload()]));

  const wish = detail.data?.wish;
  if (!wish || !me.data) {
    return (
      <PageShell className="wish-detail">
        <DetailPending
          loads={[detail, me]}
          id={id}
          notFoundCode="WISH_NOT_FOUND"
          notFound={{
            title: '没有找到这个心愿',
            hint: '它可能已被撤回，或不属于你所在的社区。',
            action: { text: '去心愿墙看看', onClick: () => void Taro.switchTab({ url: '/pages/wall/index' }) },
          }}
        />
      </PageShell>
    );
  }

  const relation = wish.viewer;
  const steps = stepsFor(wish, relation, me.data.roles);
  const hasBar = outcome.notice !== null || steps.some((s) => s !== 'review');
  return (
    <PageShell className={`wish-detail${hasBar ? ' has-bar' : ''}`}>
      <StatusHeader wish={wish} relation={relation} />
      <WishBody wish={wish} />
      <People wish={wish} />
      <Result wish={wish} />
      {steps.includes('review') && (
        <View className="card detail-review">
          <ReviewActions
            key={wish.updatedAt}
            wish={wish}
            category={categories.data?.items.find((c) => c.id === wish.categoryId)}
            onDone={(text, done) => outcome.succeed(text, { data: { wish: done }, event: done.status === 'approved' ? 'approve' : 'reject' })}
            onStale={outcome.report}
          />
        </View>
      )}
      <Timeline wish={wish} />
      <StepBar steps={steps} notice={outcome.notice} wish={wish} outcome={outcome} />
    </PageShell>
  );
}

export default WishDetailPage;
