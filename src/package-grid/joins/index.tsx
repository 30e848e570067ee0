import { useState } from 'react';
import { NoticeBanner } from '../../components/notice-banner';
import { PageShell } from '../../components/page-shell';
import { PagedListView } from '../../components/paged-list';
import { ReasonSheet } from '../../components/reason-sheet';
import { Empty } from '../../components/state-view';
import { Tabs } from '../../components/tabs';
import { usePagedList } from '../../hooks/use-paged-list';
import { usePullRefresh } from '../../hooks/use-pull-refresh';
import { useSubmit } from '../../hooks/use-submit';
import { call } from '../../services/api';
import { forget } from '../../services/session-cache';
import { JoinItem, type Application } from './join-item';
import './index.scss';

type Status = Application['status'];

const empties: Record<Status, { title: string; hint: string }> = {
  pending: { title: '没有待审核的入驻申请', hint: '居民扫楼栋码申请加入后会出现在这里，并通过微信通知你。' },
  approved: { title: '还没有通过的申请', hint: '通过的申请会留在这里备查。' },
  rejected: { title: '还没有驳回的申请', hint: '驳回的申请和原因会留在这里备查。' },
};

/** 入驻审核: the grid worker (their grid's buildings) or community staff approve newcomers after checking them. */
function JoinsPage() {
  const [status, setStatus] = useState<Status>('pending');
  const list = usePagedList((offset) => call('user.applications', { status, offset, limit: 10 }), status);
  usePullRefresh(list.reload);
  const review = useSubmit('user.reviewJoin');
  const [acting, setActing] = useState<string | null>(null);
  const [rejecting, setRejecting] = useState<Application | null>(null);

  async function decide(app: Application, approve: boolean, reason?: string) {
    setActing(app.id);
    const reply = await review.submit({ applicationId: app.id, approve, ...(reason ? { reason } : {}) });
    setActing(null);
    if (reply?.ok) {
      setRejecting(null);
      // Decided: it leaves the pending list; the badge on 我的 is read anew.
      list.edit((item) => (item.id === app.id ? null : item));
      forget('user.me');
    } else if (reply && (reply.code === 'JOIN_APPLICATION_DECIDED' || reply.code === 'JOIN_APPLICATION_NOT_FOUND')) {
      void list.reload();
    }
  }

  return (
    <PageShell className="joins">
      <Tabs
        tabs={[
          { value: 'pending', label: '待审核' },
          { value: 'approved', label: '已通过' },
          { value: 'rejected', label: '已驳回' },
        ]}
        value={status}
        onChange={setStatus}
      />
      {!rejecting && <NoticeBanner failure={review.failure} />}
      <PagedListView
        list={list}
        keyOf={(a) => a.id}
        render={(a) => <JoinItem app={a} busy={acting === a.id} onApprove={() => void decide(a, true)} onReject={() => setRejecting(a)} />}
        empty={<Empty {...empties[status]} />}
      />
      {rejecting && (
        <ReasonSheet
          title={`驳回 ${rejecting.name} 的申请`}
          hint="申请人会在加入社区页面看到原因，请写清楚怎么改。"
          placeholder="例如：门牌号与登记不符，请核对后重新申请"
          required
          submitText="驳回申请"
          kind="warn"
          busy={review.submitting}
          error={review.failure?.message ?? null}
          onSubmit={(reason) => void decide(rejecting, false, reason)}
          onClose={() => setRejecting(null)}
        />
      )}
    </PageShell>
  );
}

export default JoinsPage;
