import { Button, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { PageShell } from '../../components/page-shell';
import { PagedListView } from '../../components/paged-list';
import { PetitionCard, petitionUrl } from '../../components/petition-card';
import { Empty } from '../../components/state-view';
import { Tabs, type Tab } from '../../components/tabs';
import { useMe } from '../../hooks/use-me';
import { usePagedList } from '../../hooks/use-paged-list';
import { usePullRefresh } from '../../hooks/use-pull-refresh';
import { call } from '../../services/api';
import './index.scss';

type Kind = 'reported' | 'cosigned' | 'filed';

const empties: Record<Kind, { title: string; hint: string }> = {
  reported: { title: '你还没有反映过问题', hint: '路灯不亮、坡道坏了、楼道堆物……告诉网格员，7 天内给你答复。' },
  cosigned: { title: '你还没有附议过', hint: '反映问题时，如果附近已有同样的问题，点「我也遇到」就会出现在这里。' },
  filed: { title: '你还没有代办过', hint: '替没有手机的居民反映问题（红色代办），会出现在这里。' },
};

/** 我的诉求: what I reported, what I backed (我也遇到), and for grid workers what they filed for others. */
function PetitionMinePage() {
  const me = useMe();
  const { params } = useRouter();
  const [kind, setKind] = useState<Kind>((params.kind as Kind | undefined) ?? 'reported');
  const list = usePagedList((offset) => call('petition.listMine', { kind, offset, limit: 10 }), kind);
  usePullRefresh(list.reload);
  const goReport = () => void Taro.navigateTo({ url: '/pages/petition-new/index' });
  const tabs: Tab<Kind>[] = [
    { value: 'reported', label: '我反映的' },
    { value: 'cosigned', label: '我附议的' },
    ...(me.data?.roles.includes('grid_worker') ? [{ value: 'filed' as const, label: '我代办的' }] : []),
  ];

  return (
    <PageShell className="petition-mine">
      <Tabs tabs={tabs} value={kind} onChange={setKind} />
      {list.items.length > 0 && (
        <View className="petition-mine__bar">
          <Button className="btn btn--default btn--small" onClick={goReport}>
            + 我要反映
          </Button>
        </View>
      )}
      <PagedListView
        list={list}
        keyOf={(p) => p.id}
        render={(p) => <PetitionCard petition={p} href={petitionUrl(p.id)} showReporter={kind === 'filed'} />}
        empty={
          <Empty
            title={empties[kind].title}
            hint={empties[kind].hint}
            action={kind === 'cosigned' ? undefined : { text: '我要反映', onClick: goReport }}
          />
        }
      />
    </PageShell>
  );
}

export default PetitionMinePage;
