import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { ActionButton } from '../../components/action-button';
import { NoticeBanner } from '../../components/notice-banner';
import { PagedListView } from '../../components/paged-list';
import { PageShell } from '../../components/page-shell';
import { ReasonSheet } from '../../components/reason-sheet';
import { Empty } from '../../components/state-view';
import { usePagedList } from '../../hooks/use-paged-list';
import { call } from '../../services/api';
import type { Output } from '../../shared/contract';
import { formatDateTime } from '../../utils/date-time';
import { assetShort, signedPoints } from '../../utils/points';
import { DoneCard } from '../parts/done-card';
import { PersonField, type Person } from '../parts/person-field';
import { replayedNote, useStaffSubmit } from '../parts/use-staff-submit';
import './index.scss';

type Posting = Output<'points.historyOf'>['items'][number];

function PostingRow({ p, onReverse }: { p: Posting; onReverse: (p: Posting) => void }) {
  const reversible = !p.reversal && !p.reversed;
  return (
    <View className={`staff-posting${p.reversed ? ' is-reversed' : ''}`} data-posting={p.reason}>
      <View className="staff-posting__body">
        <Text className="staff-posting__reason">{p.reason}</Text>
        <Text className="staff-posting__meta">
          {[assetShort[p.asset], p.reversal ? '冲正记录' : null, p.reversed ? '已冲正' : null, formatDateTime(p.at), p.byName]
            .filter(Boolean)
            .join(' · ')}
        </Text>
      </View>
      <View className="staff-posting__side">
        <Text className={`staff-posting__amount${p.amount > 0 ? ' is-in' : ' is-out'}`}>{signedPoints(p.amount)}</Text>
        {reversible && (
          <ActionButton kind="warn" size="small" onClick={() => onReverse(p)}>
            冲正
          </ActionButton>
        )}
      </View>
    </View>
  );
}

/**
 * 积分明细与冲正: staff look up a person of the community and reverse a posting made in error (冲正), with a reason
 * the person reads. The original stays; its opposite is posted. Nobody reverses their own postings.
 */
function PersonHistoryPage() {
  const reverse = useStaffSubmit('points.reverse');
  const [person, setPerson] = useState<Person | null>(null);
  const [picked, setPicked] = useState<Posting | null>(null);
  const list = usePagedList((offset) => call('points.historyOf', { openid: person!.id, offset, limit: 20 }), person ? person.id : null);

  async function onReverse(reason: string) {
    if (!picked || !person) return;
    const reply = await reverse.run({ postingId: picked.id, reason }, (data) => ({
      title: `已冲正：${picked.reason}（${signedPoints(-picked.amount)} 分${assetShort[picked.asset]}）${data.replayed ? replayedNote : ''}`,
      detail: `${person.name}会在“我的积分”里看到这条冲正记录和原因。`,
    }));
    if (!reply?.ok) return;
    list.edit((p) => (p.id === picked.id ? { ...p, reversed: true } : p));
    setPicked(null);
  }

  return (
    <PageShell className="staff-history">
      <Text className="staff-intro">选择一位居民或党员，查看他的积分明细。记错的积分可以冲正：原记录保留，系统记一笔相反的积分并写明原因。</Text>
      <NoticeBanner failure={picked ? null : reverse.failure} />
      <DoneCard done={reverse.done} />
      <PersonField label="对象" value={person} onChange={setPerson} />
      {person && (
        <PagedListView
          list={list}
          keyOf={(p) => p.id}
          render={(p) => <PostingRow p={p} onReverse={setPicked} />}
          empty={<Empty title={`${person.name}还没有本社区的积分记录`} />}
        />
      )}
      {picked && (
        <ReasonSheet
          title={`冲正“${picked.reason}”`}
          hint={`将记一笔 ${signedPoints(-picked.amount)} 分${assetShort[picked.asset]}，对方会看到原因。`}
          placeholder="例如：重复发放，予以冲正"
          required
          submitText="确认冲正"
          kind="warn"
          busy={reverse.submitting}
          error={reverse.failure?.message ?? null}
          onSubmit={(reason) => void onReverse(reason)}
          onClose={() => setPicked(null)}
        />
      )}
    </PageShell>
  );
}

export default PersonHistoryPage;
