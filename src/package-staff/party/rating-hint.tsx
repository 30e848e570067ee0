import { Text } from '@tarojs/components';
import { useRemote } from '../../hooks/use-remote';
import { call } from '../../services/api';

/** 服务评价参考: the chosen member's ratings this month from their duty shifts (岗位认领), as a suggestion only. */
export function RatingHint({ openid }: { openid: string | null }) {
  const stats = useRemote(() => call('post.memberStats', { openid: openid ?? '' }), openid);
  if (!openid || stats.state !== 'ready') return null;
  const found = stats.data?.members?.items[0];
  return (
    <Text className="staff-intro rating-hint">
      {found
        ? `服务评价参考（本月）：平均 ${found.average ?? '-'} 分，${found.count} 次评价，可作为加分或扣分的参考`
        : '服务评价参考（本月）：还没有评价'}
    </Text>
  );
}
