import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { ChipFilter } from '../../components/chip-filter';
import { PagedListView } from '../../components/paged-list';
import { Empty } from '../../components/state-view';
import type { PagedList } from '../../hooks/use-paged-list';
import type { Output } from '../../shared/contract';
import type { Asset } from '../../shared/domain/ledger';
import { formatDateTime } from '../../utils/date-time';
import { rateShopUrl } from '../../utils/merchant';
import { assetShort, signedPoints } from '../../utils/points';

export type PostingView = Output<'points.history'>['items'][number];

/** After paying at a shop: the way to rate it (once a day per shop, the rating page says if already done). */
function RateShopLink({ shopId }: { shopId: string }) {
  return (
    <Text className="posting__rate" onClick={() => void Taro.navigateTo({ url: rateShopUrl(shopId) })}>
      评价这家店 ›
    </Text>
  );
}

function PostingRow({ p, showAsset }: { p: PostingView; showAsset: boolean }) {
  return (
    <View className={`cell posting${p.reversed ? ' is-reversed' : ''}`} data-posting-id={p.id}>
      <View className="cell__body">
        <Text className="posting__reason">{p.reason}</Text>
        <View className="posting__meta">
          {showAsset && <Text className="tag">{assetShort[p.asset]}</Text>}
          {p.reversal && <Text className="tag posting__mark">冲正</Text>}
          {p.reversed && <Text className="tag posting__mark">已冲正</Text>}
          <Text className="posting__when">
            {formatDateTime(p.at)} · {p.byName}
          </Text>
        </View>
        {p.shopId && <RateShopLink shopId={p.shopId} />}
      </View>
      <Text className={`posting__amount${p.amount > 0 ? ' is-in' : ' is-out'}`}>{signedPoints(p.amount)}</Text>
    </View>
  );
}

interface Props {
  list: PagedList<PostingView>;
  kinds: Asset[];
  filter: Asset | '';
  onFilter: (kind: Asset | '') => void;
}

/** 积分明细: every posting that touched me, newest first, filtered by kind; corrections are marked, never hidden. */
export function History({ list, kinds, filter, onFilter }: Props) {
  return (
    <>
      <ChipFilter
        options={[{ value: '', label: '全部' }, ...kinds.map((k) => ({ value: k, label: assetShort[k] }))]}
        value={filter}
        onChange={(v) => onFilter(v as Asset | '')}
      />
      <View className="cells history">
        <PagedListView
          list={list}
          keyOf={(p) => p.id}
          render={(p) => <PostingRow p={p} showAsset={filter === ''} />}
          empty={<Empty title="还没有积分记录" hint="参加志愿服务、社区活动，或帮助邻居完成心愿，都可以获得积分。" />}
        />
      </View>
    </>
  );
}
