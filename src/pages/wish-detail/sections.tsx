import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { pointsBadge } from '../../components/wish-card';
import { PhotoGrid } from '../../components/photo-grid';
import { StarRating } from '../../components/star-rating';
import { WishStatusChip } from '../../components/wish-status';
import type { WishView } from '../../shared/contract/wish';
import { formatDateTime } from '../../utils/date-time';
import { awardLine } from '../../utils/points';
import { summaryOf } from '../../utils/wish-story';
import type { Relation } from '../../utils/wish-steps';

/** The status chip and one sentence saying what happens next, for the person looking. */
export function StatusHeader({ wish, relation }: { wish: WishView; relation: Relation }) {
  return (
    <View className="card detail-status">
      <View className="detail-status__row">
        <WishStatusChip status={wish.status} />
        {wish.unclaimedTooLong && <Text className="tag tag--overdue">超时未认领</Text>}
        {wish.points !== null && <Text className="points-badge">{pointsBadge(wish)}</Text>}
      </View>
      <Text className="detail-status__summary">{summaryOf(wish, relation)}</Text>
      {wish.offer && wish.status !== 'confirmed' && <Text className="detail-status__offer">积分规则：{wish.offer.text}</Text>}
      <AwardLine wish={wish} />
      {wish.heldForReview && relation.organises && <Text className="detail-status__flag">内容安全检测建议人工复核，请仔细查看文字和图片</Text>}
    </View>
  );
}

/** The member's volunteer points for a confirmed wish, for the people the server shows them to. */
function AwardLine({ wish }: { wish: WishView }) {
  const line = wish.status === 'confirmed' ? awardLine(wish.award) : null;
  if (!line) return null;
  return (
    <View className={`detail-award is-${line.tone}`}>
      <Text className="detail-award__label">志愿服务积分</Text>
      <Text className="detail-award__text">{line.text}</Text>
      {wish.award?.breakdown && <Text className="detail-award__breakdown">{wish.award.breakdown}</Text>}
    </View>
  );
}

export function WishBody({ wish }: { wish: WishView }) {
  return (
    <View className="card detail-body">
      <Text className="tag">{wish.categoryName}</Text>
      <Text className="detail-body__title">{wish.title}</Text>
      <Text className="detail-body__desc">{wish.description}</Text>
      <PhotoGrid photos={wish.photos} />
      <Text className="detail-body__meta">
        {wish.preferredTime ? `期望时间：${wish.preferredTime} · ` : ''}发布于 {formatDateTime(wish.createdAt)}
      </Text>
    </View>
  );
}

function Row({ label, value, phone }: { label: string; value: string; phone?: string | null }) {
  return (
    <View className="cell detail-row">
      <Text className="detail-row__label">{label}</Text>
      <Text className="cell__body detail-row__value">{value}</Text>
      {phone && (
        <Text className="detail-row__phone" onClick={() => void Taro.makePhoneCall({ phoneNumber: phone })}>
          {phone}
        </Text>
      )}
    </View>
  );
}

/** The two people of the service. Contacts appear only where the server sends them (after claiming, to staff). */
export function People({ wish }: { wish: WishView }) {
  const place = [wish.gridName, wish.resident.building, wish.resident.room].filter(Boolean).join(' · ');
  return (
    <View className="card detail-people">
      <Row label="求助居民" value={wish.resident.name} phone={wish.resident.phone} />
      {place && <Row label="所在位置" value={place} />}
      {wish.claimant && <Row label="认领人" value={wish.claimant.name} phone={wish.claimant.phone} />}
    </View>
  );
}

/** What the member reported on finishing, then what the resident said about it. */
export function Result({ wish }: { wish: WishView }) {
  if (!wish.proof && !wish.rating) return null;
  return (
    <View className="card detail-result">
      {wish.proof && (
        <View className="detail-result__part">
          <Text className="detail-result__title">服务说明</Text>
          <Text className="detail-result__text">{wish.proof.text}</Text>
          <PhotoGrid photos={wish.proof.photos} />
        </View>
      )}
      {wish.rating && (
        <View className="detail-result__part">
          <Text className="detail-result__title">居民评价</Text>
          <StarRating value={wish.rating.stars} />
          {wish.rating.comment && <Text className="detail-result__text">{wish.rating.comment}</Text>}
        </View>
      )}
    </View>
  );
}
