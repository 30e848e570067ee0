import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { MonthPicker } from '../../components/month-picker';
import { PagedListView } from '../../components/paged-list';
import { PhotoGrid } from '../../components/photo-grid';
import { Empty } from '../../components/state-view';
import { usePagedList } from '../../hooks/use-paged-list';
import { call } from '../../services/api';
import { serverNow } from '../../services/server-clock';
import type { Output } from '../../shared/contract';
import { monthOf } from '../../shared/domain/time';
import { pointItemKindLabels } from '../../shared/domain/point-items';
import { formatDateTime } from '../../utils/date-time';
import { recentMonths } from '../../utils/month';
import { signedPoints } from '../../utils/points';

type Entry = Output<'points.partyEntries'>['items'][number];

function EntryCard({ e }: { e: Entry }) {
  return (
    <View className="card party-entry" data-posting-id={e.postingId}>
      <View className="party-entry__top">
        <Text className="party-entry__member">{e.memberName}</Text>
        <Text className={`tag party-entry__kind is-${e.kind}`}>{pointItemKindLabels[e.kind]}</Text>
        <Text className="party-entry__item">{e.itemName}</Text>
        <Text className={`party-entry__points${e.points < 0 ? ' is-out' : ''}`}>{signedPoints(e.points)}</Text>
      </View>
      <Text className="party-entry__reason">{e.reason}</Text>
      <Text className="party-entry__evidence">佐证：{e.evidence.text}</Text>
      <PhotoGrid photos={e.evidence.photos} />
      <Text className="party-entry__by">
        {e.byName} 录入 · {formatDateTime(e.at)}
      </Text>
    </View>
  );
}

/** 录入明细 of a month (this month by default), newest first, with the evidence as entered. */
export function Entries() {
  // The picker counts back from the phone's month; until a month is picked the server's own "this month" is asked for.
  const months = recentMonths(monthOf(new Date(serverNow())), 12);
  const [month, setMonth] = useState<string | null>(null);
  const list = usePagedList((offset) => call('points.partyEntries', { ...(month ? { month } : {}), offset, limit: 10 }), month ?? '');
  return (
    <>
      <MonthPicker months={months} value={month ?? months[0]} onChange={setMonth} />
      <PagedListView
        list={list}
        keyOf={(e) => e.postingId}
        render={(e) => <EntryCard e={e} />}
        empty={<Empty title="这个月还没有录入记录" hint="在“录入”中为党员记基础分、加分或减分。" />}
      />
    </>
  );
}
