import { wishSetCategory } from '../../src/shared/contract';
import { DomainError } from '../../src/shared/domain/errors';
import { adminCoversDistrict } from '../../src/shared/domain/scope';
import type { WishCategory } from '../../src/shared/domain/wish';
import { defineHandler } from '../_lib/platform/handler';
import { idForRequest } from '../_lib/platform/ids';
import { collections } from '../_lib/platform/runtime';
import { fieldsOf } from '../_lib/platform/transact';
import { table } from '../_lib/platform/typed-db';
import { forgetWarm } from '../_lib/platform/warm-cache';

/**
 * 心愿类别: the district admin adds or changes one. A category wishes point at is never deleted; the points range
 * applies to wishes approved from now on (an approved wish keeps its offer).
 */
export const setCategory = defineHandler(wishSetCategory, async ({ categoryId, awardMode, perHour, ...fields }, { user, requestId }) => {
  if (!adminCoversDistrict(user)) throw new DomainError('DISTRICT_SETTING');
  const categories = table(collections.categories);
  if (categoryId && !(await categories.get(categoryId))) throw new DomainError('CATEGORY_NOT_FOUND');
  const category: WishCategory = {
    _id: categoryId ?? `cat-${idForRequest(['wish-category'], requestId, 12)}`,
    ...fields,
    awardMode,
    ...(awardMode === 'hourly' ? { perHour } : {}),
  };
  await categories.set(category._id, fieldsOf(category));
  forgetWarm('wish-categories');
  return { category: { id: category._id, ...fields, awardMode, perHour: category.perHour ?? null } };
});
