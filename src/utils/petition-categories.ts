import type { Output } from '../shared/contract';

export type PetitionCategory = Output<'petition.categories'>['categories'][number];

export interface CategoryGroup {
  parent: PetitionCategory;
  children: PetitionCategory[];
}

/** The configurable tree (环境卫生 → 垃圾清运, …) in the server's order; a child whose parent is missing stands alone. */
export function categoryGroups(categories: readonly PetitionCategory[]): CategoryGroup[] {
  const ids = new Set(categories.map((c) => c.id));
  return categories
    .filter((c) => c.parentId === null || !ids.has(c.parentId))
    .map((parent) => ({ parent, children: categories.filter((c) => c.parentId === parent.id) }));
}

/** The group a category belongs to (its own, or its parent's). */
export function groupOf(groups: readonly CategoryGroup[], categoryId: string): CategoryGroup | undefined {
  return groups.find((g) => g.parent.id === categoryId || g.children.some((c) => c.id === categoryId));
}
