import { DomainError } from './errors';
import type { OrgPlace, UserProfile } from './org';
import { coversPlace } from './scope';

/**
 * 代办人: an adult child (anywhere) bound as the helper of an elderly parent. The child asks, the parent — or the
 * grid worker of the parent's grid on their behalf, recorded as such — consents, and either side ends it. While it
 * is active the helper files wishes and petitions for the parent (recorded as filed by the helper, never as them).
 */
export type HelperStatus = 'requested' | 'active' | 'ended';

/** Who consented: the parent themselves, or the grid worker / community staff for them (代为确认). */
export interface HelperConsent {
  by: string;
  byName: string;
  as: 'parent' | 'grid_worker' | 'staff';
  at: Date;
}

export interface HelperBinding extends OrgPlace {
  _id: string;
  parentId: string;
  parentName: string;
  helperId: string;
  helperName: string;
  /** As they registered it, for the parent to call (organisers see it masked). */
  helperPhone: string | null;
  relation: string;
  status: HelperStatus;
  requestedAt: Date;
  consent: HelperConsent | null;
  endedAt: Date | null;
  endedBy: string | null;
  endedByName: string | null;
  updatedAt: Date;
}

type Person = Pick<UserProfile, '_id' | 'roles' | 'streetId' | 'communityId' | 'gridId' | 'workGrids'>;

/** The grid worker of the parent's grid or their community's staff may consent for them (never for themselves). */
export function consentRoleFor(user: Person, b: HelperBinding): HelperConsent['as'] | null {
  if (user._id === b.parentId) return 'parent';
  if (user._id === b.helperId) return null;
  if (coversPlace(user, 'grid_worker', b)) return 'grid_worker';
  if (coversPlace(user, 'staff', b)) return 'staff';
  return null;
}

/** Consent turns a request into a binding; a second consent finds it active and changes nothing. */
export function assertMayConsent(user: Person, b: HelperBinding): HelperConsent['as'] {
  const as = consentRoleFor(user, b);
  if (user._id === b.helperId) throw new DomainError('FORBIDDEN_SELF');
  if (!as) throw new DomainError('HELPER_NOT_FOUND');
  if (b.status === 'ended') throw new DomainError('HELPER_ENDED');
  return as;
}

/** Either side ends it; the grid worker who may consent for the parent may end it for them too. */
export function assertMayEnd(user: Person, b: HelperBinding): void {
  if (user._id === b.helperId || consentRoleFor(user, b)) return;
  throw new DomainError('HELPER_NOT_FOUND');
}

/** One binding per parent and helper, whatever retries, double taps or a second request. */
export function helperBindingKey(parentId: string, helperId: string): [string, string, string] {
  return ['helper', parentId, helperId];
}
