import { Text, View } from '@tarojs/components';
import { useRemote } from '../../hooks/use-remote';
import { call } from '../../services/api';

const avg = (t: { average: number | null; count: number }, who: string) => (t.count > 0 ? `${who} ${t.average} 分（${t.count} 人）` : null);

/**
 * 共建项目 beside the 年度考评 (三张清单): the unit's projects finished this year and their ratings, shown to the staff
 * member scoring it — not folded into the score, which stays the community's own judgement.
 */
export function UnitProjects({ unitId }: { unitId: string }) {
  const year = useRemote(() => call('list.projects', { unitId, status: 'done', limit: 1 }), unitId);
  if (year.state !== 'ready' || !year.data) return null;
  const t = year.data.unitYear;
  const ratings = t ? [avg(t.rating.residents, '居民'), avg(t.rating.staff, '社区')].filter(Boolean).join(' · ') : '';
  return (
    <View className="unit-projects">
      <Text className="unit-projects__line">
        {t && t.projectsDone > 0 ? `今年完成共建项目 ${t.projectsDone} 个；评价：${ratings || '还没有评价'}` : '今年还没有完成的共建项目'}
      </Text>
    </View>
  );
}
