import { Text } from '@tarojs/components';
import { PageShell } from '../../components/page-shell';
import { PagedListView } from '../../components/paged-list';
import { Empty } from '../../components/state-view';
import { usePagedList } from '../../hooks/use-paged-list';
import { usePullRefresh } from '../../hooks/use-pull-refresh';
import { call } from '../../services/api';
import { toastResult } from '../../utils/toast';
import '../parts/index.scss';
import { AwardItem } from './award-item';
import './index.scss';

/** 待确认积分: volunteer points held for staff (above the threshold, or a resident–member pair that recurs). */
function AwardsPage() {
  const list = usePagedList((offset) => call('points.pendingAwards', { offset, limit: 10 }), 'pending');
  usePullRefresh(list.reload);
  return (
    <PageShell className="awards">
      <Text className="staff-intro">以下志愿服务积分超过自动发放的上限，或同一居民与党员互动频繁，需要社区核实后发放。可以下调分值。</Text>
      <PagedListView
        list={list}
        keyOf={(a) => a.wishId}
        render={(a) => (
          <AwardItem
            award={a}
            onDone={(result) => {
              toastResult(result);
              // A decided award leaves the list; one decided meanwhile by someone else is read again.
              if (result.ok) list.edit((held) => (held.wishId === a.wishId ? null : held));
              else void list.reload();
            }}
          />
        )}
        empty={<Empty title="没有待确认的积分" hint="居民确认心愿后，需要核实的积分会出现在这里。" />}
      />
    </PageShell>
  );
}

export default AwardsPage;
