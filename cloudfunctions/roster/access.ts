import { DomainError } from '../../src/shared/domain/errors';
import type { UserProfile } from '../../src/shared/domain/org';
import { adminCoversStreet, workGridsOf } from '../../src/shared/domain/scope';
import { table } from '../_lib/platform/typed-db';

/** The community a roster action works on, and what of it the caller may reach. */
export interface RosterReach {
  communityId: string;
  streetId: string;
  /** Set for a grid worker (who is not also staff or admin there): only their grids' entries (list.ts keeps those of this community). */
  gridIds: string[] | null;
  /** Admins see phones in full; everyone else masked. */
  admin: boolean;
}

/**
 * Who may work on a community's roster: its own staff, an admin whose reach covers its street, and (reading
 * only, `gridWorkers`) a grid worker of one of its grids, limited to their grids (list.ts refuses a community
 * none of their grids is in). Deny by default. Only an
 * admin's call reads the community (for its street); staff and grid workers are judged by their own profile.
 */
export async function reachRoster(user: UserProfile, communityId: string | undefined, opts: { gridWorkers: boolean }): Promise<RosterReach> {
  const target = communityId ?? user.communityId;
  if (!target) throw new DomainError('BAD_INPUT', '请先选择社区');
  const own = target === user.communityId;
  if (own && user.roles.includes('staff')) return { communityId: target, streetId: user.streetId, gridIds: null, admin: false };
  if (user.roles.includes('admin')) {
    const unit = await table('org_units').get(target);
    if (!unit || unit.kind !== 'community') throw new DomainError('NOT_FOUND', '没有找到这个社区');
    const streetId = unit.path[0] ?? unit.parentId ?? '';
    if (adminCoversStreet(user, streetId)) return { communityId: target, streetId, gridIds: null, admin: true };
  }
  const grids = workGridsOf(user);
  if (opts.gridWorkers && grids.length) return { communityId: target, streetId: user.streetId, gridIds: grids, admin: false };
  throw new DomainError('FORBIDDEN_SCOPE', '只能管理你所在社区（或你管辖街道内社区）的人口台账');
}
