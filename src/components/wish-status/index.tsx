import { Text } from '@tarojs/components';
import { useCareMode } from '../../hooks/use-care-mode';
import { wishStatusLabels, type WishStatus } from '../../shared/domain/wish';
import { chipStyle } from './tone';
import './index.scss';

/**
 * 待审核 / 待认领 / … chip. On weapp it is the native `wish-status` component (registered in app.config);
 * on H5 the same colours, rendered by Taro.
 */
export function WishStatusChip({ status }: { status: WishStatus }) {
  const label = wishStatusLabels[status];
  // The native chip's styles are its own (no page class reaches in), so 关怀模式 is passed to it.
  const care = useCareMode();
  if (process.env.TARO_ENV === 'weapp') return <wish-status status={status} label={label} care={care} />;
  return (
    <Text className="wish-status" style={chipStyle(status, care)} data-status={status}>
      {label}
    </Text>
  );
}
