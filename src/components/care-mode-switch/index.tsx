import { Text, View } from '@tarojs/components';
import { useCareMode } from '../../hooks/use-care-mode';
import { useSubmit } from '../../hooks/use-submit';
import { toastResult } from '../../utils/toast';
import './index.scss';

/**
 * 关怀模式 on 我的: one row, tapped anywhere, one call. The reply (the person's choice) is what every page
 * then shows (services/care-mode.ts); a failure leaves the mode as it was and says so.
 */
export function CareModeSwitch() {
  const on = useCareMode();
  const { submit, submitting } = useSubmit('user.setPrefs');
  const shown = submitting ? !on : on;

  async function toggle() {
    const reply = await submit({ careMode: !on });
    if (reply && !reply.ok) toastResult({ ok: false, text: `没有切换成功：${reply.message}` });
    else if (reply) toastResult({ ok: true, text: reply.data.careMode.choice ? '已开启关怀模式' : '已关闭关怀模式' });
  }

  return (
    <View className="cells care-switch" role="switch" aria-checked={shown} onClick={() => void toggle()}>
      <View className="cell">
        <View className="cell__body">
          <Text className="cell__title care-switch__title">关怀模式</Text>
          <Text className="care-switch__note">字更大、按钮更大、颜色更清楚，适合老年人</Text>
        </View>
        <View className={`care-switch__toggle${shown ? ' is-on' : ''}${submitting ? ' is-busy' : ''}`}>
          <View className="care-switch__knob" />
        </View>
      </View>
    </View>
  );
}
