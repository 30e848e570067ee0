import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { ActionButton } from '../../components/action-button';
import type { Output } from '../../shared/contract';
import { formatDateTime } from '../../utils/date-time';

export type Application = Output<'user.applications'>['items'][number];

/** One application as a reviewer sees it: who, where, the phone to call and check, and (pending) the two answers. */
export function JoinItem(props: { app: Application; busy: boolean; onApprove: () => void; onReject: () => void }) {
  const { app } = props;
  const place = `${app.place.gridName} · ${app.place.buildingName} ${app.unit ? `${app.unit}单元` : ''}${app.room}`;
  return (
    <View className={`card join-item is-${app.status}`} data-id={app.id}>
      <View className="join-item__head">
        <Text className="join-item__name">{app.name}</Text>
        <Text className="tag">{app.kind === 'move' ? '搬迁' : '新入驻'}</Text>
      </View>
      <Text className="join-item__line">{place}</Text>
      <View className="join-item__line">
        <Text className="join-item__phone" onClick={() => void Taro.makePhoneCall({ phoneNumber: app.phone }).catch(() => undefined)}>
          {app.phone}
        </Text>
        <Text className="join-item__verified">{app.phoneVerified ? '（微信已验证）' : '（本人填写，请电话核实）'}</Text>
      </View>
      <Text className="join-item__time">提交于 {formatDateTime(app.createdAt)}</Text>
      {app.reason && <Text className="join-item__reason">驳回原因：{app.reason}</Text>}
      {app.status === 'pending' && (
        <View className="join-item__actions">
          <ActionButton size="inline" busy={props.busy} onClick={props.onApprove}>
            通过
          </ActionButton>
          <ActionButton size="inline" kind="warn" disabled={props.busy} onClick={props.onReject}>
            驳回
          </ActionButton>
        </View>
      )}
    </View>
  );
}
