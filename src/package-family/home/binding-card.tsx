import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { ActionButton } from '../../components/action-button';
import { helperConsentLabels, type HelperBindingView } from '../../shared/contract';
import { formatDateTime } from '../../utils/date-time';

const statusText: Record<HelperBindingView['status'], string> = { requested: '等待确认', active: '已绑定', ended: '已解除' };

interface Props {
  binding: HelperBindingView;
  /** The step in flight on this card ('consent' | 'end'), so its button spins and the others wait. */
  busy: 'consent' | 'end' | null;
  onConsent: () => void;
  onEnd: () => void;
}

/** Ending a request is declining it (the parent, or an organiser for them) or withdrawing it (the helper). */
function endLabel(b: HelperBindingView): string {
  if (b.status === 'active') return '解除';
  return b.viewer === 'helper' ? '撤回申请' : b.viewer === 'parent' ? '不同意' : '不予确认';
}

const fileUrl = (page: string, b: HelperBindingView) => `/pages/${page}/index?helper=${b.id}&parent=${encodeURIComponent(b.parentName)}`;

/** One 代办人 binding, as the parent, the helper or an organiser of the parent's grid sees it, with their steps. */
export function BindingCard({ binding: b, busy, onConsent, onEnd }: Props) {
  const title = b.viewer === 'helper' ? `${b.parentName}（我是TA的${b.relation}）` : `${b.helper.name}（${b.relation}）`;
  const active = b.status === 'active';
  async function confirmEnd() {
    const { confirm } = await Taro.showModal({ title: '解除代办人绑定？', content: '解除后将不能再替老人发心愿、反映问题，已提交的不受影响。' });
    if (confirm) onEnd();
  }
  return (
    <View className={`card family-card is-${b.status}`}>
      <View className="family-card__head">
        <Text className="family-card__name">{title}</Text>
        <Text className="tag family-card__status">{statusText[b.status]}</Text>
      </View>
      {b.viewer === 'organiser' && <Text className="family-card__line">申请为 {b.parentName} 的代办人</Text>}
      {b.viewer !== 'helper' && b.helper.phone && <Text className="family-card__line">电话：{b.helper.phone}</Text>}
      <Text className="family-card__line">申请于 {formatDateTime(b.requestedAt)}</Text>
      {b.consent && (
        <Text className="family-card__line">
          {helperConsentLabels[b.consent.as]}：{b.consent.byName}，{formatDateTime(b.consent.at)}
        </Text>
      )}
      {b.status === 'requested' && b.viewer === 'helper' && (
        <Text className="family-card__line">请老人在“我的 → 我的家庭”里同意，或请老人所在网格的网格员代为确认。</Text>
      )}
      {b.status === 'requested' && b.viewer === 'organiser' && (
        <Text className="family-card__warn">请先电话或上门与老人本人核实，再代为确认（会记录你的姓名和时间）。</Text>
      )}
      {active && b.viewer === 'helper' && (
        <View className="family-card__actions">
          <ActionButton size="inline" onClick={() => void Taro.navigateTo({ url: fileUrl('wish-new', b) })}>
            为TA发心愿
          </ActionButton>
          <ActionButton size="inline" kind="default" onClick={() => void Taro.navigateTo({ url: fileUrl('petition-new', b) })}>
            为TA反映问题
          </ActionButton>
        </View>
      )}
      <View className="family-card__actions">
        {b.status === 'requested' && b.viewer !== 'helper' && (
          <ActionButton size="inline" busy={busy === 'consent'} disabled={busy !== null} onClick={onConsent}>
            {b.viewer === 'parent' ? '同意' : '代为确认'}
          </ActionButton>
        )}
        {b.status !== 'ended' && (
          <ActionButton size="inline" kind="warn" busy={busy === 'end'} disabled={busy !== null} onClick={() => void confirmEnd()}>
            {endLabel(b)}
          </ActionButton>
        )}
      </View>
    </View>
  );
}
