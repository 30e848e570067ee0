import { Text, Textarea, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { ActionButton } from '../../components/action-button';
import { NoticeBanner } from '../../components/notice-banner';
import { PageShell } from '../../components/page-shell';
import { StarRating } from '../../components/star-rating';
import { Empty, ErrorView, Loading } from '../../components/state-view';
import { useRemote } from '../../hooks/use-remote';
import { useSubmit } from '../../hooks/use-submit';
import { call } from '../../services/api';
import { formatDateTime } from '../../utils/date-time';
import { signedPoints } from '../../utils/points';
import { ShopCard } from './shop-card';
import './index.scss';
import './rate.scss';

/** As many ratings as `shop.get` lists. */
const LATEST = 10;

/** 评价店铺 (`?shopId=`, reached from the shop's 评价码 or the 美德商铺 list): 1–5 stars and a comment, once a day. */
function RateShopPage() {
  const shopId = useRouter().params.shopId ?? '';
  const shop = useRemote(() => call('shop.get', { shopId }), shopId);
  const rate = useSubmit('shop.rate');
  const [stars, setStars] = useState(0);
  const [comment, setComment] = useState('');
  const [result, setResult] = useState<number | null>(null);

  async function onSubmit() {
    const reply = await rate.submit({ shopId, stars, comment: comment.trim() });
    if (!reply?.ok) return;
    const { points, shop: rated, rating } = reply.data;
    setResult(points);
    // The reply carries the shop and my rating as they now stand: shown as they are, not read again.
    shop.update((d) => ({ shop: rated, ratings: [rating, ...d.ratings].slice(0, LATEST), ratedToday: true }));
  }

  if (!shop.data) {
    return (
      <PageShell className="rate-shop">{shop.state === 'error' ? <ErrorView error={shop.error} onRetry={shop.reload} /> : <Loading />}</PageShell>
    );
  }
  const { ratings, ratedToday } = shop.data;
  return (
    <PageShell className="rate-shop">
      <View className="rate-shop__top">
        <ShopCard shop={shop.data.shop} />
      </View>
      {result !== null && (
        <View className="rate-shop__done">
          <Text className="rate-shop__done-title">感谢你的评价</Text>
          <Text className="rate-shop__done-text">
            {result === 0 ? '本次评价未改变店铺积分' : `店铺积分 ${signedPoints(result)}`}，每人每店每天可评价一次。
          </Text>
        </View>
      )}
      {ratedToday && result === null && <Text className="rate-shop__note">你今天已经评价过这家店铺了，明天再来吧。</Text>}
      {!ratedToday && (
        <View className="card rate-shop__form">
          <Text className="rate-shop__label">给店铺打分</Text>
          <StarRating value={stars} onChange={setStars} />
          <Textarea
            className="rate-shop__comment"
            value={comment}
            maxlength={100}
            placeholder="说说商品、价格和服务（可选）"
            placeholderClass="input-placeholder"
            onInput={(e) => setComment(e.detail.value)}
          />
          {rate.fieldErrors.comment && <Text className="rate-shop__error">{rate.fieldErrors.comment}</Text>}
        </View>
      )}
      <NoticeBanner failure={rate.failure} />
      {!ratedToday && (
        <View className="rate-shop__actions">
          <ActionButton disabled={stars === 0} busy={rate.submitting} onClick={onSubmit}>
            {stars === 0 ? '请先打分' : '提交评价'}
          </ActionButton>
        </View>
      )}
      <Text className="section-title">最近的评价</Text>
      {ratings.length === 0 ? (
        <Empty title="还没有人评价" />
      ) : (
        <View className="cells">
          {ratings.map((r, i) => (
            <View key={`${r.at}-${i}`} className="cell rating">
              <View className="cell__body">
                <View className="rating__head">
                  <Text className="rating__name">{r.raterName}</Text>
                  <StarRating value={r.stars} />
                </View>
                {r.comment && <Text className="rating__comment">{r.comment}</Text>}
                <Text className="rating__when">{formatDateTime(r.at)}</Text>
              </View>
            </View>
          ))}
        </View>
      )}
    </PageShell>
  );
}

export default RateShopPage;
