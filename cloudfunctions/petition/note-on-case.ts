import type { PetitionStep } from '../../src/shared/domain/petition-rules';
import { _, collections } from '../_lib/platform/runtime';
import type { Tx } from '../_lib/platform/typed-db';
import type { PetitionDoc } from './petition-repo';

/** What a timeline line that moves nothing says; the case's place (from = to, its department) is filled in. */
export type StillLine = Pick<PetitionStep, 'event' | 'by' | 'byName' | 'at' | 'note'> & Partial<Pick<PetitionStep, 'automatic' | 'until' | 'card'>>;

/** A line on the case's timeline that moves nothing (催办, 督办 cards, 延期): it stays where it is. */
export function stillStep(p: PetitionDoc, line: StillLine): PetitionStep {
  const here = { status: p.status, level: p.level };
  return { automatic: false, ...line, from: here, to: here, departmentId: p.level === 'department' ? p.departmentId : null };
}

const isPlainObject = (v: unknown): v is object => v !== null && typeof v === 'object' && !(v instanceof Date) && !Array.isArray(v);

/**
 * Writes, on the case as read in `tx`, lines that move nothing and the fields that come with them (values, not
 * commands: an object such as a card or an extension is written whole, not merged into the old one), marks it for
 * the counters, and answers the case as it now is. The one write of 催办, 亮牌, the clock's cards and 延期; a move
 * goes through movePetition instead.
 */
export async function noteOnCase(tx: Tx, p: PetitionDoc, steps: readonly PetitionStep[], fields: Partial<PetitionDoc>): Promise<PetitionDoc> {
  const at = steps.at(-1)!.at;
  const data = Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, isPlainObject(v) ? _.set(v) : v]));
  await tx
    .collection(collections.petitions)
    .doc(p._id)
    .update({ data: { ...data, history: _.push([...steps]), statsDirty: true, updatedAt: at } });
  return { ...p, ...fields, history: [...p.history, ...steps], statsDirty: true, updatedAt: at };
}
