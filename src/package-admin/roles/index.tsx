import { useState } from 'react';
import { PageShell } from '../../components/page-shell';
import { ErrorView, Loading } from '../../components/state-view';
import { Tabs } from '../../components/tabs';
import { useRemote } from '../../hooks/use-remote';
import { call } from '../../services/api';
import { AppointForm } from './appoint-form';
import { RoleLog } from './role-log';
import '../parts/index.scss';

/** 角色任免 (admin): appoint and remove staff within the admin's reach, and the record of every change. */
function RolesPage() {
  const reach = useRemote(() => call('role.places', {}));
  const [tab, setTab] = useState<'appoint' | 'log'>('appoint');
  return (
    <PageShell className="roles">
      <Tabs
        tabs={[
          { value: 'appoint', label: '任免' },
          { value: 'log', label: '任免记录' },
        ]}
        value={tab}
        onChange={setTab}
      />
      {tab === 'log' ? (
        <RoleLog />
      ) : reach.data ? (
        <AppointForm reach={reach.data} />
      ) : reach.state === 'error' ? (
        <ErrorView error={reach.error} onRetry={reach.reload} />
      ) : (
        <Loading />
      )}
    </PageShell>
  );
}

export default RolesPage;
