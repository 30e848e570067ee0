import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { PageShell } from '../../components/page-shell';
import { PagedListView } from '../../components/paged-list';
import { Empty } from '../../components/state-view';
import { WishCard } from '../../components/wish-card';
import { useCategories } from '../../hooks/use-categories';
import { usePagedList } from '../../hooks/use-paged-list';
import { call } from '../../services/api';
import { ReviewActions } from './review-actions';
import './index.scss';

/** 待审核: submitted wishes of the organiser's grid (grid worker) or community (staff), oldest first. */
function QueuePage() {
  const categories = useCategories();
  const list = usePagedList((offset) => call('wish.listQueue', { offset, limit: 10 }), 'queue');

  function done(text: string) {
    void Taro.showToast({ title: text, icon: 'success' });
    list.reload();
  }

  return (
    <PageShell className="queue">
      <Text className="section-title">待审核的心愿 · 审核通过后将发布到心愿墙</Text>
      <PagedListView
        list={list}
        keyOf={(w) => w.id}
        render={(w) => (
          <WishCard wish={w} full showStatus>
            <View className="queue__contact">
              <Text>联系方式：{[w.resident.phone, w.resident.room].filter(Boolean).join(' · ') || '未登记'}</Text>
              {w.heldForReview && <Text className="queue__flag">内容需人工复核</Text>}
            </View>
            <ReviewActions wish={w} category={categories.data?.items.find((c) => c.id === w.categoryId)} onDone={done} />
          </WishCard>
        )}
        empty={<Empty title="没有待审核的心愿" hint="居民提交的新心愿会出现在这里，并通过订阅消息提醒你。" />}
      />
    </PageShell>
  );
}

export default QueuePage;
