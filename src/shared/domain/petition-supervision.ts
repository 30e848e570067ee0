import { DomainError } from './errors';
import type { UserProfile } from './org';
import type { PetitionStatus } from './petition';
import type { CardColor, SupervisionCard } from './petition-cards';
import { levelRank, type PetitionLevel } from './petition-ladder';
import { assertNotSelf } from './self-dealing';

/**
 * 督办员 (supervisor): watches every open case of a street, or of the whole district, as the district's
 * 网格化服务管理中心 does ("牵头调度、跟踪问效"). They handle no case; they card it (黄牌/红牌督办) and order it
 * escalated (责令上报) or reassigned (改派). Street supervisors have their street in `streetId`.
 */
type Supervisor = Pick<UserProfile, '_id' | 'roles' | 'streetId' | 'supervisorScope'>;

/** The level whose staff a supervisor stands beside: the street's, or the district's. */
export function supervisorLevel(user: Pick<UserProfile, 'roles' | 'supervisorScope'>): 'street' | 'district' | null {
  if (!user.roles.includes('supervisor')) return null;
  return user.supervisorScope === 'district' ? 'district' : 'street';
}

/** Whether a supervisor's area holds a case at `streetId`: their street, or every street of the district. */
export function supervisesPlace(user: Pick<UserProfile, 'roles' | 'streetId' | 'supervisorScope'>, place: { streetId: string }): boolean {
  const level = supervisorLevel(user);
  if (level === 'district') return true;
  return level === 'street' && !!user.streetId && user.streetId === place.streetId;
}

/**
 * What a supervisor sees of a case's reporter is what the staff of their level see (privacy.ts): the contacts once
 * the case has reached that level in their area, as those staff handle it then; before, the case without them.
 */
export function supervisesAsHandler(
  user: Pick<UserProfile, 'roles' | 'streetId' | 'supervisorScope'>,
  p: { streetId: string; topLevel: PetitionLevel },
): boolean {
  const level = supervisorLevel(user);
  return level !== null && supervisesPlace(user, p) && levelRank(p.topLevel) >= levelRank(level);
}

/** The statuses a 督办员 acts on: the case waits at a level or is worked there (not waiting for the resident, not closed). */
export const supervisedStatuses = ['pending', 'accepted', 'council', 'review'] as const satisfies readonly PetitionStatus[];

type Supervised = { streetId: string; status: PetitionStatus; reporterId: string | null; filedById: string | null };

/**
 * Throws unless `user` may supervise the case: a 督办员 whose area holds it, the case open, and not a case they
 * reported or filed themselves (their own matter).
 */
export function assertMaySupervise(user: Supervisor, p: Supervised): void {
  if (!supervisesPlace(user, p)) throw new DomainError('FORBIDDEN_SCOPE', '这条诉求不在你督办的范围内');
  assertNotSelf(user._id, p.reporterId, p.filedById);
  if (!(supervisedStatuses as readonly string[]).includes(p.status)) {
    throw new DomainError('PETITION_ILLEGAL_MOVE', '只能督办尚未办结的诉求');
  }
}

/**
 * The card a 督办员 issues by hand on the current step. A red card is never turned back to yellow, and the same
 * colour again adds nothing: both are refused (PETITION_CARD_HELD) so the supervisor knows the card stands.
 */
export function manualCard(
  held: SupervisionCard | null | undefined,
  color: CardColor,
  by: { id: string; name: string; comment: string },
  step: { level: PetitionLevel; departmentId: string | null },
  at: Date,
): SupervisionCard {
  if (held && (held.color === 'red' || held.color === color)) {
    throw new DomainError('PETITION_CARD_HELD', held.color === 'red' ? '这一步已是红牌督办，不能改为黄牌' : '这一步已是黄牌督办');
  }
  return {
    color,
    reason: 'manual',
    level: step.level,
    departmentId: step.level === 'department' ? step.departmentId : null,
    at,
    by: by.id,
    byName: by.name,
    comment: by.comment,
  };
}

/**
 * 改派: the case was sent to the wrong holder of its rung, and goes to the right one, waiting to be taken again. A
 * grid's case goes to another grid of the same community; a community's to one of its grids (the community hands
 * it down, as 交办 does); a summoned department's to another department. A street or the district has no other
 * holder of its rung: there the supervisor orders 上报 or cards it.
 */
export type Reassignment = { kind: 'grid'; gridId: string } | { kind: 'department'; departmentId: string };

/** Throws unless the case may go to `to`; `target` is the grid (its community) or the department as read, null if none. */
export function assertReassignable(
  p: { level: PetitionLevel; gridId: string | null; communityId: string; departmentId: string | null },
  to: Reassignment,
  target: { communityId?: string } | null,
): void {
  if (to.kind === 'grid') {
    if (p.level !== 'grid' && p.level !== 'community') throw new DomainError('PETITION_ILLEGAL_MOVE', '只有网格或社区一级的诉求可以改派到网格');
    if (!target || target.communityId !== p.communityId) throw new DomainError('PETITION_PLACE_INVALID', '只能改派到本社区的网格');
    if (p.level === 'grid' && to.gridId === p.gridId) throw new DomainError('PETITION_ILLEGAL_MOVE', '诉求已在这个网格');
    return;
  }
  if (p.level !== 'department') throw new DomainError('PETITION_ILLEGAL_MOVE', '只有职能部门一级的诉求可以改派到其他部门');
  if (!target) throw new DomainError('DEPARTMENT_NOT_FOUND');
  if (to.departmentId === p.departmentId) throw new DomainError('PETITION_ILLEGAL_MOVE', '诉求已在这个部门');
}
