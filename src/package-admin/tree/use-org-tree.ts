import { useCallback, useEffect, useState } from 'react';
import type { LoadError } from '../../hooks/use-paged-list';
import { usePersona } from '../../hooks/use-persona';
import { call } from '../../services/api';
import type { Output } from '../../shared/contract';
import { onUnitSaved, type OrgUnitView } from '../parts/org-events';

export type OrgNode = Output<'org.tree'>['items'][number];

export interface Level {
  items: OrgNode[];
  nextOffset: number | null;
  state: 'loading' | 'ready' | 'error';
  error: LoadError | null;
}

/** The key of the caller's top units among the levels. */
export const ROOTS = '';

const blank: Level = { items: [], nextOffset: null, state: 'loading', error: null };

/**
 * The tree as far as it has been opened: one level per expanded unit, each read when first opened (one call
 * per tap), and changes from the form page or a retirement shown in place without reading again.
 */
export function useOrgTree() {
  const persona = usePersona();
  const [includeRetired, setIncludeRetired] = useState(false);
  const [levels, setLevels] = useState<Record<string, Level>>({});
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const [canManage, setCanManage] = useState(false);

  const load = useCallback(
    async (parentId: string, offset = 0) => {
      setLevels((prev) => ({ ...prev, [parentId]: { ...(prev[parentId] ?? blank), state: 'loading', error: null } }));
      const reply = await call('org.tree', { ...(parentId ? { parentId } : {}), includeRetired, offset });
      if (reply.ok && parentId === ROOTS) setCanManage(reply.data.canManage);
      setLevels((prev) => {
        const before = prev[parentId] ?? blank;
        if (!reply.ok) return { ...prev, [parentId]: { ...before, state: 'error', error: { code: reply.code, message: reply.message } } };
        const items = offset > 0 ? [...before.items, ...reply.data.items] : reply.data.items;
        return { ...prev, [parentId]: { items, nextOffset: reply.data.nextOffset, state: 'ready', error: null } };
      });
    },
    [includeRetired],
  );

  useEffect(() => {
    setLevels({});
    setOpen(new Set());
    void load(ROOTS);
  }, [load, persona?.openid]);

  function toggle(node: OrgNode) {
    const opening = !open.has(node.id);
    setOpen((prev) => {
      const next = new Set(prev);
      if (opening) next.add(node.id);
      else next.delete(node.id);
      return next;
    });
    if (opening && levels[node.id]?.state !== 'ready') void load(node.id);
  }

  /** Puts a saved unit where it now belongs: replaced in place, added to its new parent, gone from the old one. */
  const place = useCallback(
    (unit: OrgUnitView, previousParentId: string | null) => {
      setLevels((prev) => {
        const next = { ...prev };
        const old = previousParentId !== null ? prev[previousParentId]?.items.find((n) => n.id === unit.id) : undefined;
        const node: OrgNode = { people: old?.people ?? 0, openCases: old?.openCases ?? 0, ...unit };
        if (previousParentId !== null && previousParentId !== unit.parentId && next[previousParentId]) {
          next[previousParentId] = { ...next[previousParentId], items: next[previousParentId].items.filter((n) => n.id !== unit.id) };
        }
        const target = unit.parentId ?? ROOTS;
        const level = next[target];
        if (level) {
          const hidden = unit.retired !== null && !includeRetired;
          const at = level.items.findIndex((n) => n.id === unit.id);
          const items = hidden
            ? level.items.filter((n) => n.id !== unit.id)
            : at >= 0
              ? level.items.map((n, i) => (i === at ? { ...n, ...unit } : n))
              : [...level.items, node];
          next[target] = { ...level, items };
        }
        return next;
      });
    },
    [includeRetired],
  );

  useEffect(() => onUnitSaved(({ unit, previousParentId }) => place(unit, previousParentId)), [place]);

  return { levels, open, canManage, includeRetired, setIncludeRetired, load, toggle, place };
}
