// Which queries an index declared in database/indexes.json (the file the deploy script applies) would serve.
// The emulator itself scans in memory, so this is bookkeeping for the meter: it flags the queries that would
// be collection scans on WeChat Cloud.
import { existsSync, readFileSync } from 'node:fs';
import { z } from 'zod';
import { isPlainObject, type Doc } from './ejson';
import { pinnedIds, topConditions } from './query';

const indexFileSchema = z.object({
  collections: z.record(
    z.string(),
    z.object({
      indexes: z.array(z.object({ name: z.string(), keys: z.record(z.string(), z.union([z.literal(1), z.literal(-1)])) })),
      fullScanAllowed: z.boolean().optional(),
    }),
  ),
});

export type IndexFile = z.infer<typeof indexFileSchema>;

interface CollectionIndexes {
  /** The first key of each declared index: a query needs a condition on one of them. */
  leadingKeys: Set<string>;
  fullScanAllowed: boolean;
}

export class Coverage {
  private readonly collections = new Map<string, CollectionIndexes>();

  /** A missing file means no declared indexes: every query not pinned by `_id` is uncovered. */
  static fromFile(file: string | undefined): Coverage {
    if (!file || !existsSync(file)) return new Coverage({ collections: {} });
    const parsed = indexFileSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    if (!parsed.success) throw new Error(`invalid index file ${file}: ${parsed.error.message}`);
    return new Coverage(parsed.data);
  }

  constructor(spec: IndexFile) {
    for (const [name, coll] of Object.entries(spec.collections)) {
      const leadingKeys = new Set(coll.indexes.map((ix) => Object.keys(ix.keys)[0]).filter((k) => k !== undefined));
      this.collections.set(name, { leadingKeys, fullScanAllowed: coll.fullScanAllowed === true });
    }
  }

  /**
   * Covered: `_id` pinned by equality/$in, or a condition on the leading key of a declared index (top level
   * or inside a top-level $and), or a top-level $or whose every branch is covered (Mongo needs an index per
   * branch), or a collection declared `fullScanAllowed` (small lookup tables).
   */
  covers(coll: string, query: Doc): boolean {
    const spec = this.collections.get(coll);
    if (spec?.fullScanAllowed) return true;
    return this.coveredBy(spec?.leadingKeys ?? new Set(), query);
  }

  private coveredBy(leadingKeys: Set<string>, query: Doc): boolean {
    if (pinnedIds(query)) return true;
    const conds = topConditions(query);
    if (conds.some(([key]) => leadingKeys.has(key))) return true;
    return conds.some(
      ([key, branches]) =>
        key === '$or' && Array.isArray(branches) && branches.length > 0 && branches.every((b) => isPlainObject(b) && this.coveredBy(leadingKeys, b)),
    );
  }
}
