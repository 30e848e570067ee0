import { Text, View } from '@tarojs/components';
import { ActionButton } from '../../components/action-button';
import type { Output } from '../../shared/contract';
import { minuteCst } from '../../shared/domain/time';

export type Partner = Output<'hotline.partners'>['partners'][number];

const changeLabels: Record<Partner['log'][number]['what'], string> = {
  created: '新增',
  changed: '修改',
  disabled: '停用',
  enabled: '启用',
  key: '发放密钥',
};
const when = (iso: string) => minuteCst(new Date(iso)).slice(5);

/** One partner: where its unplaced cases land, the key in force (its tail only), its latest changes, and its buttons. */
export function PartnerCard(props: { partner: Partner; busy: boolean; onKey: () => void; onToggle: () => void; onEdit: () => void }) {
  const { partner: p, busy, onKey, onToggle, onEdit } = props;
  return (
    <View className={`o311-partner card${p.active ? '' : ' is-off'}`} data-partner={p.name}>
      <View className="o311-partner__head">
        <Text className="o311-partner__name">{p.name}</Text>
        <Text className={`o311-partner__state${p.active ? '' : ' is-off'}`}>{p.active ? '启用中' : '已停用'}</Text>
      </View>
      <Text className="o311-partner__line">{`无法定位的诉求转到：${p.placeName}`}</Text>
      <Text className="o311-partner__line">
        {p.key ? `密钥：尾号 ${p.key.tail}，${when(p.key.issuedAt)} 发放` : '尚未发放密钥：对接方还不能转办'}
      </Text>
      {p.log.slice(0, 3).map((l) => (
        <Text key={`${l.at}-${l.what}`} className="o311-partner__log">{`${when(l.at)} ${l.byName} ${changeLabels[l.what]}`}</Text>
      ))}
      <View className="o311-partner__actions">
        <ActionButton size="small" busy={busy} onClick={onKey}>
          {p.key ? '更换密钥' : '发放密钥'}
        </ActionButton>
        <ActionButton size="small" kind={p.active ? 'warn' : 'default'} disabled={busy} onClick={onToggle}>
          {p.active ? '停用' : '启用'}
        </ActionButton>
        <ActionButton size="small" kind="default" disabled={busy} onClick={onEdit}>
          修改
        </ActionButton>
      </View>
    </View>
  );
}
