import { Text, View } from '@tarojs/components';
import { PagedListView } from '../../components/paged-list';
import { Empty } from '../../components/state-view';
import { usePagedList } from '../../hooks/use-paged-list';
import { call } from '../../services/api';
import { roleLabels } from '../../shared/domain/roles';
import { formatDateTime } from '../../utils/date-time';
import './index.scss';

/** 任免记录: who appointed or removed whom, as what, where, when and why; newest first. */
export function RoleLog() {
  const log = usePagedList((offset) => call('role.log', { offset, limit: 20 }), 'all');
  return (
    <PagedListView
      list={log}
      keyOf={(e) => e.id}
      render={(e) => (
        <View className="role-entry" data-entry={e.targetName}>
          <View className="role-entry__head">
            <Text className={`tag role-entry__change role-entry__change--${e.change}`}>{e.change === 'grant' ? '任命' : '免去'}</Text>
            <Text className="role-entry__what">{`${e.targetName} · ${roleLabels[e.role]}${e.scope ? `（${e.scope}）` : ''}`}</Text>
          </View>
          <Text className="role-entry__reason">{`原因：${e.reason}`}</Text>
          <Text className="role-entry__by">{`${e.byName} · ${formatDateTime(e.at)}`}</Text>
        </View>
      )}
      empty={<Empty title="还没有任免记录" hint="在“任免”页任命或免去人员后，记录会出现在这里。" />}
    />
  );
}
