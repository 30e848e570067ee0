import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { PetitionView } from '../../shared/contract/petition-view';
import { ratingLabels, verifyResultLabels } from '../../shared/domain/petition';
import { cardColorLabels } from '../../shared/domain/petition-cards';
import { levelLabels } from '../../shared/domain/petition-ladder';
import { formatDateTime } from '../../utils/date-time';
import { placeText } from '../../utils/petition-text';
import { PetitionStatusChip } from '../petition-status';
import { PhotoGrid } from '../photo-grid';
import './index.scss';

/** What the problem is, where, and who reported it (contacts only where the server sends them). */
export function PetitionBody({ petition: p, now }: { petition: PetitionView; now: number }) {
  const reporter = p.reporter;
  return (
    <View className="card p-body">
      <View className="p-body__top">
        <Text className="tag">{p.categoryName}</Text>
        <PetitionStatusChip petition={p} />
        {p.urgency === 'urgent' && <Text className="tag tag--urgent">紧急</Text>}
        {p.overdue && <Text className="tag tag--overdue">超时</Text>}
      </View>
      <CardNotice petition={p} now={now} />
      <Text className="p-body__desc">{p.description}</Text>
      <PhotoGrid photos={p.photos} />
      <View className="p-body__rows">
        <Row label="位置" value={placeText(p) || '未填写'} />
        <Row label="反映人" value={reporter.room ? `${reporter.name} · ${reporter.room}` : reporter.name} phone={reporter.phone} />
        {reporter.proxy && <Row label="红色代办" value={`由网格员 ${reporter.filedBy ?? ''} 代为反映`} />}
        {p.cosignCount > 0 && <Row label="我也遇到" value={`${p.cosignCount} 位邻居附议${p.cosigned ? '（含你）' : ''}`} />}
        <Row label="提交时间" value={formatDateTime(p.createdAt, now)} />
      </View>
    </View>
  );
}

/** 黄牌/红牌督办 on the case: which, why, and since when (the resident sees it as the handlers do). */
export function CardNotice({ petition: p, now }: { petition: PetitionView; now: number }) {
  if (!p.card) return null;
  const why = p.card.note.replace(/^[^：]*：/, '');
  return (
    <View className={`p-body__card is-${p.card.color}`} data-card={p.card.color}>
      <Text className={`tag tag--card-${p.card.color}`}>{cardColorLabels[p.card.color]}</Text>
      <Text className="p-body__card-why">{why}</Text>
      <Text className="p-body__card-since">{formatDateTime(p.card.at, now)} 起督办，已通知办理人尽快处理</Text>
    </View>
  );
}

function Row({ label, value, phone }: { label: string; value: string; phone?: string | null }) {
  return (
    <View className="p-body__row">
      <Text className="p-body__label">{label}</Text>
      <Text className="p-body__value">{value}</Text>
      {phone && (
        <Text className="p-body__phone" onClick={() => void Taro.makePhoneCall({ phoneNumber: phone })}>
          {phone}
        </Text>
      )}
    </View>
  );
}

/** 办理结果: the feedback and its photos (before/after at the grid; the three parties of a council), then the rating. */
const verifiedHow: Record<NonNullable<PetitionView['verification']>['how'], string> = {
  site: '现场验证',
  reporter: '居民确认',
  proxy: '代为确认',
  timer: '办理结果验证',
};

export function PetitionResult({ petition: p, now }: { petition: PetitionView; now: number }) {
  const r = p.resolution;
  const v = p.verification;
  if (!r && !p.rating && !v) return null;
  return (
    <View className="card p-result">
      {r && (
        <View className="p-result__part">
          <Text className="p-result__title">{r.kind === 'council' ? '三方议事决定' : '办理结果'}</Text>
          <Text className="p-result__text">{r.text}</Text>
          {r.council && (
            <Text className="p-result__meta">
              社区、业委会（{r.council.ownersCommittee}）、物业（{r.council.propertyCompany}）共同议定
            </Text>
          )}
          {r.topicId && (
            <Text className="p-result__link" onClick={() => void Taro.navigateTo({ url: `/package-council/topic/index?id=${r.topicId}` })}>
              查看议题：会议纪要和居民表决 ›
            </Text>
          )}
          <PhotoGrid photos={r.photos} />
          {r.beforePhotos.length > 0 && <Text className="p-result__label">处理前</Text>}
          <PhotoGrid photos={r.beforePhotos} />
          {r.afterPhotos.length > 0 && <Text className="p-result__label">处理后</Text>}
          <PhotoGrid photos={r.afterPhotos} />
          <Text className="p-result__meta">
            {levelLabels[r.level]} · {r.byName} · {formatDateTime(r.at, now)}
          </Text>
        </View>
      )}
      {v && (
        <View className="p-result__part">
          <Text className="p-result__title">{verifiedHow[v.how]}</Text>
          <Text className={`p-result__verdict is-${v.result === 'resolved' ? 'satisfied' : 'unsatisfied'}`}>{verifyResultLabels[v.result]}</Text>
          {v.note && v.how !== 'timer' && <Text className="p-result__text">{v.note}</Text>}
          <PhotoGrid photos={v.photos} />
          <Text className="p-result__meta">
            {v.how === 'timer' ? `超时未验证 · ${formatDateTime(v.at, now)}` : `${v.byName} · ${formatDateTime(v.at, now)}`}
          </Text>
        </View>
      )}
      {p.rating && (
        <View className="p-result__part">
          <Text className="p-result__title">{p.rating.byProxy ? '群众评价（网格员代评）' : '群众评价'}</Text>
          <Text className={`p-result__rating is-${p.rating.value}`}>{ratingLabels[p.rating.value]}</Text>
          {p.rating.comment && <Text className="p-result__text">{p.rating.comment}</Text>}
        </View>
      )}
    </View>
  );
}
