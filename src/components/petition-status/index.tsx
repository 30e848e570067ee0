import { Text } from '@tarojs/components';
import type { PetitionView } from '../../shared/contract/petition-view';
import { statusLabel } from '../../utils/petition-text';
import './index.scss';

/** The colour says what the resident should feel: waiting (orange), under way (blue), their turn (green), over (grey). */
const tones: Record<PetitionView['status'], string> = {
  pending: 'waiting',
  accepted: 'active',
  council: 'active',
  verifying: 'active',
  resolved: 'open',
  review: 'waiting',
  closed: 'done',
};

export function PetitionStatusChip({ petition }: { petition: Pick<PetitionView, 'status' | 'outcome' | 'level'> }) {
  const tone = petition.outcome === 'dismissed' ? 'stopped' : tones[petition.status];
  return (
    <Text className={`petition-status is-${tone}`} data-status={petition.status}>
      {statusLabel(petition)}
    </Text>
  );
}
