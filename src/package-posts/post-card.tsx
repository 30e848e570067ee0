import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import type { Output } from '../shared/contract';
import { postTypeLabels } from '../shared/domain/post';

export type PostView = Output<'post.list'>['items'][number];
export type ShiftView = Output<'post.shifts'>['items'][number];

const weekdays = ['日', '一', '二', '三', '四', '五', '六'];

/** 每周一、三、五 08:00–12:00，每班最多 3 小时 */
export function scheduleText(s: PostView['schedule']): string {
  const days = [...s.days].sort((a, b) => ((a + 6) % 7) - ((b + 6) % 7));
  return `每周${days.map((d) => weekdays[d]).join('、')} ${s.start}–${s.end}，每班最多 ${s.maxHours} 小时`;
}

/** One post as every list shows it; the page adds its own buttons below. */
export function PostCard({ post, children }: { post: PostView; children?: ReactNode }) {
  return (
    <View className="card post-card" data-post={post.id}>
      <View className="post-card__head">
        <Text className="post-card__title">{post.title}</Text>
        <Text className="tag">{postTypeLabels[post.type]}</Text>
        {post.status === 'closed' && <Text className="tag tag--overdue">已关闭</Text>}
      </View>
      <Text className="post-card__line">地点：{post.placeName}</Text>
      <Text className="post-card__line">值班：{scheduleText(post.schedule)}</Text>
      <Text className="post-card__line">
        名额 {post.slots} 人，剩余 {post.free} 个 · 每小时 {post.pointsPerHour} 积分
      </Text>
      {post.description && <Text className="post-card__desc">{post.description}</Text>}
      {post.holders.length > 0 && (
        <Text className="post-card__line">认领人：{post.holders.map((h) => (h.onDuty ? `${h.name}（值班中）` : h.name)).join('、')}</Text>
      )}
      {children && <View className="post-card__actions">{children}</View>}
    </View>
  );
}

/** 2 小时 15 分 */
export function durationText(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return h > 0 ? `${h} 小时${m ? ` ${m} 分` : ''}` : `${m} 分钟`;
}
