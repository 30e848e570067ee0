import { Text, View } from '@tarojs/components';
import type { Output } from '../../shared/contract';
import { cardColorLabels } from '../../shared/domain/petition-cards';
import './index.scss';

type Card = NonNullable<Output<'petition.listSupervised'>['items'][number]['card']>;

const reasonText = { accept: '受理超时', resolve: '办理超时', urge: '多次催办', manual: '督办员' } as const;

/** A case's 督办 card: its colour, and who issued it and why (the clock, three urges, or a 督办员 with a comment). */
export function CardLine({ card }: { card: Card }) {
  const who = card.reason === 'manual' ? `${reasonText.manual}${card.byName ?? ''}` : reasonText[card.reason];
  return (
    <View className={`card-line card-line--${card.color}`}>
      <Text className="card-line__color">{cardColorLabels[card.color]}</Text>
      <Text className="card-line__why">
        {who}
        {card.comment ? `：${card.comment}` : ''}
      </Text>
    </View>
  );
}
