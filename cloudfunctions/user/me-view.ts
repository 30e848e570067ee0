import type { z } from 'zod';
import type { meSchema } from '../../src/shared/contract';
import type { UserProfile } from '../../src/shared/domain/org';
import { directoryEntry, disclose } from '../../src/shared/domain/privacy';
import { cachedOrgNames } from '../_lib/platform/org';
import { careModeView } from './prefs';

/**
 * 我的: who the caller is, where they live, their phone masked. Every page open asks it first: the names of their
 * community, grid and building come as a warm instance keeps them (renamed a few times a year at most), so a warm
 * call reads the database once, for the caller.
 */
export async function meView(user: UserProfile, pendingJoins?: number, pendingReports?: number): Promise<z.input<typeof meSchema>> {
  const names = await cachedOrgNames([user.communityId, user.gridId, user.buildingId]);
  const name = (id: string | null) => (id ? (names.get(id) ?? null) : null);
  const shown = disclose({ name: user.name, phone: user.phone, room: null }, directoryEntry(user, user));
  return {
    openid: user._id,
    name: shown.name,
    roles: user.roles,
    communityId: user.communityId,
    communityName: name(user.communityId) ?? '',
    gridId: user.gridId,
    gridName: name(user.gridId),
    buildingId: user.buildingId,
    buildingName: name(user.buildingId),
    phone: shown.phone ?? '',
    adminScope: user.roles.includes('admin') ? (user.adminScope ?? 'street') : null,
    careMode: careModeView(user, new Date()),
    ...(pendingJoins === undefined ? {} : { pendingJoins }),
    ...(pendingReports === undefined ? {} : { pendingReports }),
  };
}
