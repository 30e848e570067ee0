import { petitionSetCategory } from '../../src/shared/contract';
import { DomainError } from '../../src/shared/domain/errors';
import type { PetitionCategory } from '../../src/shared/domain/petition-rules';
import { adminCoversDistrict } from '../../src/shared/domain/scope';
import { defineHandler } from '../_lib/platform/handler';
import { idForRequest } from '../_lib/platform/ids';
import { collections } from '../_lib/platform/runtime';
import { fieldsOf } from '../_lib/platform/transact';
import { table } from '../_lib/platform/typed-db';
import { forgetWarm } from '../_lib/platform/warm-cache';

/**
 * 诉求类别 (two levels): the district admin adds or changes one. Its parent must be a top-level category and its
 * department one the streets can summon. Cases keep the category they were filed under; none is deleted.
 */
export const setCategory = defineHandler(petitionSetCategory, async ({ categoryId, ...fields }, { user, requestId }) => {
  if (!adminCoversDistrict(user)) throw new DomainError('DISTRICT_SETTING');
  const categories = table(collections.petitionCategories);
  const [current, parent, department] = await Promise.all([
    categoryId ? categories.get(categoryId) : null,
    fields.parentId ? categories.get(fields.parentId) : null,
    fields.departmentId ? table(collections.departments).get(fields.departmentId) : null,
  ]);
  if (categoryId && !current) throw new DomainError('PETITION_CATEGORY_NOT_FOUND');
  if (fields.parentId && (!parent || parent.parentId !== null || fields.parentId === categoryId))
    throw new DomainError('PETITION_CATEGORY_NOT_FOUND');
  if (fields.departmentId && !department) throw new DomainError('DEPARTMENT_NOT_FOUND');
  const category: PetitionCategory = { _id: categoryId ?? `pc-${idForRequest(['petition-category'], requestId, 12)}`, ...fields };
  await categories.set(category._id, fieldsOf(category));
  forgetWarm('petition-categories');
  return { category: { id: category._id, ...fields } };
});
