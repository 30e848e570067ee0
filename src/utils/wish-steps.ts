import type { Output } from '../shared/contract';
import type { WishView } from '../shared/contract/wish';
import type { Role } from '../shared/domain/roles';

/** What the viewer may do to a wish next; the server still decides, this only picks the buttons. */
export type WishStep = 'cancel' | 'confirm' | 'claim' | 'checkIn' | 'complete' | 'release' | 'review' | 'dispatch';

/** The viewer's part in a wish as `wish.get` tells it: the server knows who is who by id, the app sees only names. */
export type Relation = Output<'wish.get'>['wish']['viewer'];

/** The buttons the detail page offers, in the order shown (the main action last, on the right). */
export function stepsFor(wish: WishView, relation: Relation, roles: readonly Role[]): WishStep[] {
  const { isClaimant, organises } = relation;
  // The resident, or whoever confirms and cancels for them (代办人; the filer of a roster person not yet joined).
  const isResident = relation.isResident || relation.relays;
  const steps: WishStep[] = [];
  switch (wish.status) {
    case 'submitted':
      if (isResident) steps.push('cancel');
      if (organises) steps.push('review');
      break;
    case 'approved':
      if (isResident) steps.push('cancel');
      if (organises) steps.push('dispatch');
      if (!isResident && roles.includes('member')) steps.push('claim');
      break;
    case 'claimed':
      if (isClaimant) steps.push('release', 'checkIn');
      break;
    case 'in_service':
      if (isClaimant) steps.push('complete');
      break;
    case 'done':
      if (isResident) steps.push('confirm');
      break;
    default:
      break;
  }
  return steps;
}
