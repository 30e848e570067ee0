import { DomainError } from '../../src/shared/domain/errors';
import type { UserProfile } from '../../src/shared/domain/org';
import { adminCoversDistrict } from '../../src/shared/domain/scope';
import { collections } from '../_lib/platform/runtime';
import { templates } from '../_lib/platform/templates';
import { table } from '../_lib/platform/typed-db';
import { forgetWarm, warmCached } from '../_lib/platform/warm-cache';

/**
 * 长期订阅 for staff: a mini-program of the 政务民生 category may ask for long-term subscribe messages, so a
 * grid worker or staff member consents once and every work notice reaches them; any other account may only ask
 * for one-time consent, one notice per tap. Which the account is, is set once for the whole deployment by the
 * district admin (系统设置) and kept as `notify_settings/subscribe`; absent, one-time (safe for any account).
 */
export const SETTING_ID = 'subscribe';

/** The notices of staff work (new wishes, cases, applications, reports): the templates a long-term grant is for. */
export const staffTemplateKeys = ['wishSubmitted', 'wishUnclaimed', 'petitionAssigned', 'joinSubmitted', 'reportSubmitted'] as const;
const staffTemplateIds = new Set<string>(staffTemplateKeys.map((k) => templates[k]));

/** Who is told of staff work: grid workers, community staff, and street, department and district staff. */
export const doesStaffWork = (user: UserProfile | null) =>
  !!user && user.roles.some((r) => r === 'grid_worker' || r === 'staff' || r.endsWith('_staff'));

/** Whether staff are asked for long-term grants (a minute warm: the setting changes once in an account's life). */
export function staffLongTerm(): Promise<boolean> {
  return warmCached('notify-subscribe-mode', 60_000, async () => (await table(collections.notifySettings).get(SETTING_ID))?.staffLongTerm === true);
}

/** The templates of `accepted` the caller's consent is long-term for: their staff work notices, in long-term mode. */
export async function longTermOf(user: UserProfile | null, accepted: readonly string[]): Promise<Set<string>> {
  if (!doesStaffWork(user) || !accepted.some((id) => staffTemplateIds.has(id))) return new Set();
  return (await staffLongTerm()) ? new Set(accepted.filter((id) => staffTemplateIds.has(id))) : new Set();
}

/** The district admin sets the mode (the account's category is the whole deployment's). */
export async function setStaffLongTerm(user: UserProfile, on: boolean): Promise<boolean> {
  if (!adminCoversDistrict(user)) throw new DomainError('DISTRICT_SETTING', '工作通知的订阅方式全区共用，只能由区级管理员设置');
  await table(collections.notifySettings).set(SETTING_ID, { staffLongTerm: on, updatedAt: new Date(), updatedBy: user._id });
  forgetWarm('notify-subscribe-mode');
  return on;
}
