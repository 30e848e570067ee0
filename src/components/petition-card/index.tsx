import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { ReactNode } from 'react';
import type { PetitionView } from '../../shared/contract/petition-view';
import { cardColorLabels } from '../../shared/domain/petition-cards';
import { levelLabels } from '../../shared/domain/petition-ladder';
import { formatDateTime } from '../../utils/date-time';
import { dueWhat, placeText } from '../../utils/petition-text';
import { timeAgo } from '../../utils/time-ago';
import { PetitionStatusChip } from '../petition-status';
import './index.scss';

interface Props {
  petition: PetitionView;
  /** The page a tap opens: the resident's detail, or the handler's page. */
  href?: string;
  /** Handlers see who reported it (and the 红色代办 mark); residents' own lists do not need it. */
  showReporter?: boolean;
  /** A line of what the list is about for this case (延期待批: the request), under its place. */
  note?: string;
  /** Actions under the card; taps on them never open the page. */
  children?: ReactNode;
}

export function petitionUrl(id: string): string {
  return `/pages/petition-detail/index?id=${encodeURIComponent(id)}`;
}

export function handleUrl(id: string): string {
  return `/package-petition/handle/index?id=${encodeURIComponent(id)}`;
}

/** One case in a list: what and where, its status, which level holds it, and its deadline. */
export function PetitionCard({ petition: p, href, showReporter = false, note, children }: Props) {
  const holder = [p.holder.unitName || levelLabels[p.level], p.holder.handlerName].filter(Boolean).join(' · ');
  const what = dueWhat(p);
  return (
    <View
      className={`card petition-card${href ? ' is-link' : ''}`}
      data-petition-id={p.id}
      onClick={href ? () => void Taro.navigateTo({ url: href }) : undefined}
    >
      <View className="petition-card__top">
        <Text className="tag">{p.categoryName}</Text>
        <PetitionStatusChip petition={p} />
        {p.urgency === 'urgent' && <Text className="tag tag--urgent">紧急</Text>}
        {p.overdue && <Text className="tag tag--overdue">超时</Text>}
        {p.card && <Text className={`tag tag--card-${p.card.color}`}>{cardColorLabels[p.card.color]}</Text>}
        {p.cosignCount > 0 && <Text className="petition-card__cosigns">{p.cosignCount} 人也遇到</Text>}
      </View>
      <Text className="petition-card__desc">{p.description}</Text>
      <Text className="petition-card__place">{placeText(p)}</Text>
      {note && <Text className="petition-card__note">{note}</Text>}
      {p.status !== 'closed' && (
        <View className="petition-card__holder">
          <Text className="petition-card__level">{levelLabels[p.level]}</Text>
          <Text className="petition-card__unit">{holder}</Text>
          {what && p.dueAt && (
            <Text className={`petition-card__due${p.overdue ? ' is-overdue' : ''}`}>
              {formatDateTime(p.dueAt)} 前{what}
            </Text>
          )}
        </View>
      )}
      <View className="petition-card__meta">
        {showReporter && (
          <Text>
            {p.reporter.name}
            {p.reporter.proxy ? `（红色代办 · ${p.reporter.filedBy ?? '网格员'}）` : ''}
          </Text>
        )}
        <Text className="petition-card__time">{timeAgo(p.createdAt)}</Text>
      </View>
      {children && (
        <View className="petition-card__actions" onClick={(e) => e.stopPropagation()}>
          {children}
        </View>
      )}
    </View>
  );
}
