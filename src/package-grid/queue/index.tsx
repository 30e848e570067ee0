import { Text } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { DispatchSheet } from '../../components/dispatch-sheet';
import { PageShell } from '../../components/page-shell';
import { PagedListView } from '../../components/paged-list';
import { Empty } from '../../components/state-view';
import { Tabs } from '../../components/tabs';
import { useCategories } from '../../hooks/use-categories';
import { usePagedList } from '../../hooks/use-paged-list';
import { usePullRefresh } from '../../hooks/use-pull-refresh';
import { call } from '../../services/api';
import type { WishView } from '../../shared/contract/wish';
import { QueueItem } from './queue-item';
import './index.scss';

type Kind = 'review' | 'dispatch';

const texts: Record<Kind, { title: string; empty: string; hint: string }> = {
  review: { title: '审核通过后发布到心愿墙', empty: '没有待审核的心愿', hint: '居民提交的新心愿会出现在这里，并通过订阅消息提醒你。' },
  dispatch: {
    title: '已发布、还没有人认领的心愿，可以直接派给党员/志愿者',
    empty: '没有待派单的心愿',
    hint: '心愿都有人认领了。超时未认领的心愿会出现在这里并提醒你。',
  },
};

/** Overdue wishes first, so the ones staff were notified about are the first thing they see. */
function overdueFirst(items: WishView[]): WishView[] {
  return [...items].sort((a, b) => Number(b.unclaimedTooLong) - Number(a.unclaimedTooLong));
}

/**
 * 心愿审核 / 派单 (grid worker: their grid; staff: their community). Notices link here with `?wishId=`
 * (a new wish to review) or `?kind=dispatch` (unclaimed too long).
 */
function QueuePage() {
  const { params } = useRouter();
  const [kind, setKind] = useState<Kind>(params.kind === 'dispatch' ? 'dispatch' : 'review');
  const [dispatching, setDispatching] = useState<WishView | null>(null);
  const categories = useCategories();
  const list = usePagedList((offset) => call('wish.listQueue', { kind, offset, limit: 10 }), kind);
  usePullRefresh(list.reload);
  const overdue = list.items.filter((w) => w.unclaimedTooLong).length;

  // A decided or dispatched wish leaves this queue: the reply says so, no need to read the queue again.
  function done(text: string, decided: WishView) {
    setDispatching(null);
    void Taro.showToast({ title: text, icon: 'success' });
    list.edit((w) => (w.id === decided.id ? null : w));
  }
  function stale(failure: { message: string }) {
    setDispatching(null);
    void Taro.showToast({ title: failure.message, icon: 'none', duration: 3000 });
    void list.reload();
  }

  return (
    <PageShell className="queue">
      <Tabs
        tabs={[
          { value: 'review', label: '待审核' },
          { value: 'dispatch', label: overdue > 0 ? `待派单（${overdue} 超时）` : '待派单' },
        ]}
        value={kind}
        onChange={setKind}
      />
      {kind === 'dispatch' && overdue > 0 ? (
        <Text className="queue__overdue">{overdue} 个心愿超时未认领，请尽快派单</Text>
      ) : (
        <Text className="section-title">{texts[kind].title}</Text>
      )}
      <PagedListView
        list={{ ...list, items: kind === 'dispatch' ? overdueFirst(list.items) : list.items }}
        keyOf={(w) => w.id}
        render={(w) => (
          <QueueItem
            category={categories.data?.items.find((c) => c.id === w.categoryId)}
            kind={kind}
            wish={w}
            focused={w.id === params.wishId}
            onDone={done}
            onStale={stale}
            onDispatch={setDispatching}
          />
        )}
        empty={<Empty title={texts[kind].empty} hint={texts[kind].hint} />}
      />
      {dispatching && <DispatchSheet wish={dispatching} onDone={done} onStale={stale} onClose={() => setDispatching(null)} />}
    </PageShell>
  );
}

export default QueuePage;
