import type { RosterKind, RowError } from '../../src/shared/domain/roster';

/**
 * One person of a community's roster as one import wrote it. `_id` is `<importId>-<key>`: each import writes
 * its own copy out of sight, and the community's head (`roster_heads`) names the import that is visible.
 * `key` is the person's stable id across imports (community + building + 单元 + room + name).
 */
export interface RosterEntry {
  _id: string;
  key: string;
  importId: string;
  /** The staged page it was written in, so a page cut short by a crash is cleared and written again. */
  page: number;
  communityId: string;
  gridId: string;
  buildingId: string;
  buildingName: string;
  unit: string;
  room: string;
  name: string;
  phone: string | null;
  tags: string[];
  sortKey: string;
  /** The registered user this entry became (issue 13); null while the person has not joined. */
  userId: string | null;
}

/** Which import is a community's roster: flipped in one write when an import has staged every row. */
export interface RosterHead {
  _id: string;
  communityId: string;
  streetId: string;
  activeImport: string;
  fileHash: string;
  rows: number;
  /** Rows per grid, so a grid worker's list tells how many of theirs there are without counting. */
  gridRows: Record<string, number>;
  importedAt: Date;
  by: string;
}

/**
 * An import job. `_id` is derived from the community, the kind, the file's bytes and the import it replaces, so
 * the same file sent twice (a retry, a double tap, two staff at once) is one job, picked up where it stands.
 */
export interface RosterImport {
  _id: string;
  communityId: string;
  kind: RosterKind;
  fileID: string;
  fileHash: string;
  /** The import this one replaces (null: the first); the flip happens only if it is still the active one. */
  base: string | null;
  /** `superseded`: left running on a roster that was replaced since; it can never be made the roster. */
  status: 'invalid' | 'running' | 'done' | 'superseded';
  rows: number;
  gridRows: Record<string, number>;
  /** Rows written so far, in whole pages: the cursor a later call goes on from. */
  staged: number;
  errors: RowError[];
  errorCount: number;
  by: string;
  createdAt: Date;
  finishedAt: Date | null;
}
