import { Text } from '@tarojs/components';
import { useState } from 'react';
import { ChipFilter } from '../../components/chip-filter';
import { PageShell } from '../../components/page-shell';
import { PagedListView } from '../../components/paged-list';
import { handleUrl, PetitionCard } from '../../components/petition-card';
import { Empty } from '../../components/state-view';
import { Tabs } from '../../components/tabs';
import { usePagedList } from '../../hooks/use-paged-list';
import { usePullRefresh } from '../../hooks/use-pull-refresh';
import { call } from '../../services/api';
import type { Input } from '../../shared/contract';
import { levelLabels, petitionLevels } from '../../shared/domain/petition-ladder';
import { CardLine } from './card-line';
import './index.scss';

type Query = Input<'petition.listSupervised'>;
type Sort = NonNullable<Query['sort']>;

const colors = [
  { value: '', label: '全部' },
  { value: 'red', label: '红牌' },
  { value: 'yellow', label: '黄牌' },
  { value: 'none', label: '未亮牌' },
];
const levels = [{ value: '', label: '各级' }, ...petitionLevels.map((l) => ({ value: l, label: levelLabels[l] }))];

/**
 * 督办台: every open case of the 督办员's area (their street, or the district) with its card, level, holder and
 * deadline. 督办优先 puts red cards first, then yellow, then the rest by deadline (the overdue first). A tap opens the
 * case, where the 督办 buttons are.
 */
function SupervisePage() {
  const [sort, setSort] = useState<Sort>('supervise');
  const [color, setColor] = useState('');
  const [level, setLevel] = useState('');
  const [area, setArea] = useState('');
  const query: Query = { sort, ...(color ? { color: color as Query['color'] } : {}), ...(level ? { level: level as Query['level'] } : {}) };
  const list = usePagedList(async (offset) => {
    const reply = await call('petition.listSupervised', { ...query, offset, limit: 10 });
    if (reply.ok) setArea(reply.data.scope === 'district' ? `全区 · ${reply.data.unitName}` : reply.data.unitName);
    return reply;
  }, `${sort}|${color}|${level}`);
  usePullRefresh(list.reload);
  const filtered = color !== '' || level !== '';

  return (
    <PageShell className="p-supervise">
      <Tabs
        tabs={[
          { value: 'supervise', label: '督办优先' },
          { value: 'due', label: '到期先后' },
        ]}
        value={sort}
        onChange={setSort}
      />
      <Text className="p-supervise__title">督办台{area ? ` · ${area}` : ''}</Text>
      <Text className="section-title">{sort === 'supervise' ? '红牌、黄牌在前，其余按办理时限，超时的在前' : '按办理时限排序，超时的在前'}</Text>
      <ChipFilter options={colors} value={color} onChange={setColor} />
      <ChipFilter options={levels} value={level} onChange={setLevel} />
      <PagedListView
        list={list}
        keyOf={(item) => item.petition.id}
        render={(item) => (
          <PetitionCard petition={item.petition} href={handleUrl(item.petition.id)} showReporter>
            {item.card && <CardLine card={item.card} />}
          </PetitionCard>
        )}
        empty={
          filtered ? (
            <Empty title="没有符合条件的诉求" hint="换一个筛选条件看看，或点「全部」「各级」查看所有未办结的诉求。" />
          ) : (
            <Empty title="辖区内没有未办结的诉求" hint="新的诉求提交后会出现在这里；超时的诉求会亮黄牌、红牌。" />
          )
        }
      />
    </PageShell>
  );
}

export default SupervisePage;
