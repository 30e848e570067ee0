import { Text, View } from '@tarojs/components';
import type { Output } from '../../shared/contract';
import { formatDateTime } from '../../utils/date-time';

export type JoinApplication = NonNullable<Output<'user.joinStatus'>['application']>;

const statusText: Record<JoinApplication['status'], string> = { pending: '审核中', approved: '已通过', rejected: '未通过' };

/** Where the newcomer's application stands: who reviews it, or why it was turned down. */
export function StatusCard({ app }: { app: JoinApplication }) {
  const { communityName, gridName, buildingName } = app.place;
  return (
    <View className={`card join-status is-${app.status}`}>
      <View className="join-status__head">
        <Text className="join-status__title">{app.kind === 'move' ? '搬迁申请' : '入驻申请'}</Text>
        <Text className="tag join-status__tag">{statusText[app.status]}</Text>
      </View>
      <Text className="join-status__line">
        {app.name} · {communityName} {gridName} {buildingName} {app.unit ? `${app.unit}单元` : ''}
        {app.room}
      </Text>
      <Text className="join-status__line">提交于 {formatDateTime(app.createdAt)}</Text>
      {app.status === 'pending' && (
        <Text className="join-status__note">
          {app.kind === 'move'
            ? `${gridName}的网格员核实后通过；通过前仍按原来的楼栋登记。`
            : `${gridName}的网格员会核实后通过，通常 1–2 个工作日。审核通过后打开邻里即可使用。`}
        </Text>
      )}
      {app.status === 'rejected' && app.reason && <Text className="join-status__reason">原因：{app.reason}</Text>}
    </View>
  );
}
