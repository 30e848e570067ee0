import { call } from '../services/api';
import { useRemote } from './use-remote';

/**
 * 我也遇到: open cases of the same kind near the chosen building (or in the caller's grid), or, for a point on the
 * map, those filed at points nearby — looked up as soon as the kind is known, so the tap on 提交 can show them at
 * once. Private kinds (disputes) are never listed.
 */
export function useSimilarPetitions(
  categoryId: string,
  buildingId: string | null,
  point: { latitude: number; longitude: number } | null,
  privateKind: boolean,
) {
  const at = point ? { point: { latitude: point.latitude, longitude: point.longitude } } : buildingId ? { buildingId } : {};
  return useRemote(
    () =>
      categoryId && !privateKind ? call('petition.similar', { categoryId, ...at }) : Promise.resolve({ ok: true as const, data: { items: [] } }),
    `${categoryId}|${buildingId ?? ''}|${point ? `${point.latitude},${point.longitude}` : ''}|${privateKind}`,
  );
}
