import { call } from '../services/api';
import { useRemote } from './use-remote';

/**
 * 我也遇到: open cases of the same kind near the chosen building (or in the caller's grid), looked up as soon
 * as the kind is known, so the tap on 提交 can show them at once. Private kinds (disputes) are never listed.
 */
export function useSimilarPetitions(categoryId: string, buildingId: string | null, privateKind: boolean) {
  return useRemote(
    () =>
      categoryId && !privateKind
        ? call('petition.similar', { categoryId, ...(buildingId ? { buildingId } : {}) })
        : Promise.resolve({ ok: true as const, data: { items: [] } }),
    `${categoryId}|${buildingId ?? ''}|${privateKind}`,
  );
}
