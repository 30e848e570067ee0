import type { Asset } from './ledger';
import { addDays } from './time';

/** A community's point rules (积分规则), one document per community, edited by an admin. */
export interface PointRules {
  /** Days a credit stays spendable, per kind of points; null: it never lapses (the default). */
  expiryDays: Record<Asset, number | null>;
  updatedAt: Date | null;
  updatedBy: string | null;
}

export const defaultPointRules: PointRules = {
  expiryDays: { volunteer: null, party: null, virtue: null, shop: null },
  updatedAt: null,
  updatedBy: null,
};

/** When points credited now lapse under these rules; null when the kind does not expire. */
export function expiresAtFor(rules: Pick<PointRules, 'expiryDays'>, asset: Asset, now: Date): Date | null {
  const days = rules.expiryDays[asset];
  return days === null || days === undefined ? null : addDays(now, days);
}

/** The id of the posting that lets one lapsed lot go back to the issuer: each lot expires once. */
export function expiryId(lotPostingId: string): string {
  return `expire:${lotPostingId}`;
}
