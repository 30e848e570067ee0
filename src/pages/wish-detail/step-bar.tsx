import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { ComponentType } from 'react';
import type { Notice } from '../../hooks/use-outcome';
import type { WishStep } from '../../utils/wish-steps';
import { CancelStep, CheckInStep, ClaimStep, CompleteStep, ConfirmStep, DispatchStep, ReleaseStep, type StepProps } from './steps';

/** The buttons of the bottom bar; review is a panel in the page, not a button. */
const buttons: Partial<Record<WishStep, ComponentType<StepProps>>> = {
  cancel: CancelStep,
  claim: ClaimStep,
  dispatch: DispatchStep,
  release: ReleaseStep,
  checkIn: CheckInStep,
  complete: CompleteStep,
  confirm: ConfirmStep,
};

/** Failures after which the useful next step is another wish. */
const elsewhere = new Set(['WISH_ALREADY_CLAIMED', 'WISH_NOT_FOUND', 'WISH_OWN_CLAIM']);

/** The outcome of the last step, said where the user just tapped: what happened and what to do now. */
export function StepNotice({ notice }: { notice: Notice }) {
  return (
    <View className="step-notice" data-code={notice.code}>
      <View className="step-notice__text">
        <Text className="step-notice__message">{notice.message}</Text>
        {notice.hint && <Text className="step-notice__hint">{notice.hint}</Text>}
      </View>
      {elsewhere.has(notice.code) && (
        <Text className="step-notice__link" onClick={() => void Taro.switchTab({ url: '/pages/wall/index' })}>
          去心愿墙
        </Text>
      )}
    </View>
  );
}

/** Pinned to the bottom, as WeChat pages put their main action; nothing shows when there is nothing to do. */
export function StepBar({ steps, notice, ...props }: StepProps & { steps: WishStep[]; notice: Notice | null }) {
  const shown = steps.flatMap((s) => {
    const Step = buttons[s];
    return Step ? [{ s, Step }] : [];
  });
  if (shown.length === 0 && !notice) return null;
  return (
    <View className="step-bar">
      {notice && <StepNotice notice={notice} />}
      {shown.length > 0 && (
        <View className="step-bar__buttons">
          {shown.map(({ s, Step }) => (
            <View key={s} className={`step-bar__button step-bar__button--${s}`}>
              <Step {...props} />
            </View>
          ))}
        </View>
      )}
    </View>
  );
}
