import { useState } from 'react';
import { PageShell } from '../../components/page-shell';
import { ErrorView, Loading } from '../../components/state-view';
import { Tabs } from '../../components/tabs';
import { useRemote } from '../../hooks/use-remote';
import { call } from '../../services/api';
import { Entries } from './entries';
import { EntryForm } from './entry-form';
import './index.scss';

type Tab = 'entry' | 'list';

/** 党员积分 "1+1−1": enter base points, bonuses and deductions with evidence, and read back a month's entries. */
function PartyPage() {
  const [tab, setTab] = useState<Tab>('entry');
  const items = useRemote(() => call('points.partyItems', {}));
  return (
    <PageShell className="party">
      <Tabs
        tabs={[
          { value: 'entry', label: '录入' },
          { value: 'list', label: '录入明细' },
        ]}
        value={tab}
        onChange={setTab}
      />
      {tab === 'list' ? (
        <Entries />
      ) : items.data ? (
        <EntryForm items={items.data.items} onStaleItems={() => void items.reload()} />
      ) : items.state === 'error' ? (
        <ErrorView error={items.error} onRetry={items.reload} />
      ) : (
        <Loading />
      )}
    </PageShell>
  );
}

export default PartyPage;
