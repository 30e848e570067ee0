/**
 * A system allowed to file cases through Open311 (the 12345 hotline, another case system): one per API key.
 * Seeded (demo, tests) or added by an operator with the key's hash; the key itself is never stored.
 */
export interface Open311Partner {
  /** sha256 (hex) of the partner's API key: the key itself is never stored. */
  _id: string;
  name: string;
  streetId: string;
  /** Where a case with no building that can be found lands: this community's intake (community level). */
  communityId: string;
  createdAt: Date;
}
