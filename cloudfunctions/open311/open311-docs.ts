/**
 * A system allowed to file cases through Open311 (the 12345 hotline, another case system). The district admin adds
 * it and issues its API key on 系统设置 → 热线对接 (org function, hotline-partners.ts); the key is shown once and only
 * its hash is kept, so a key lost is replaced, never read back.
 */
export interface Open311Partner {
  /** Stable across key changes: the partner's cases carry it (`source.partnerId`) and their ids derive from it. */
  _id: string;
  name: string;
  streetId: string;
  /** Where a case with no building that can be found lands: this community's intake (community level). */
  communityId: string;
  /** sha256 (hex) of the partner's current API key; null before one is issued. The key itself is never stored. */
  keyHash: string | null;
  /** The current key's last four characters, so the admin and the partner can tell which key is in force. */
  keyTail: string | null;
  keyIssuedAt: Date | null;
  /** A partner switched off (停用) is refused as a bad key is (403). */
  active: boolean;
  createdAt: Date;
  /** Its latest changes, newest first (a few: the page shows them), each naming the call that made it. */
  log: Open311PartnerChange[];
}

export type Open311PartnerChangeKind = 'created' | 'changed' | 'disabled' | 'enabled' | 'key';

export interface Open311PartnerChange {
  at: Date;
  /** The admin's openid and name. */
  by: string;
  byName: string;
  what: Open311PartnerChangeKind;
  /** The call (caller and requestId, hashed): a retry finds its line here and changes nothing again. */
  request: string;
}
