import { userSetPrefs } from '../../src/shared/contract';
import { careModeOf } from '../../src/shared/domain/care-mode';
import type { UserProfile } from '../../src/shared/domain/org';
import { defineHandler } from '../_lib/platform/handler';
import { collections } from '../_lib/platform/runtime';
import { table } from '../_lib/platform/typed-db';

/** 关怀模式 as `user.me` and `user.setPrefs` report it: the person's choice, and what it would be without one. */
export function careModeView(user: UserProfile, now: Date) {
  return { choice: user.careMode ?? null, byDefault: careModeOf({ birthYear: user.birthYear, tags: user.tags }, now) };
}

/**
 * 关怀模式 on or off for oneself: one field of one's own user document, so setting it twice is setting it once; the
 * wrapper replays a retried request's first reply.
 */
export const setPrefs = defineHandler(userSetPrefs, async ({ careMode }, { openid, user }) => {
  await table(collections.users).change(openid, { careMode });
  return { careMode: careModeView({ ...user, careMode }, new Date()) };
});
