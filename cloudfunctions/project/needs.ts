import { listNeeds, projectAddNeed } from '../../src/shared/contract';
import { gatheredNeeds, monthsUpTo } from '../../src/shared/domain/project';
import { sumCounters } from '../../src/shared/domain/stats';
import { monthOf } from '../../src/shared/domain/time';
import { defineHandler } from '../_lib/platform/handler';
import { idForRequest } from '../_lib/platform/ids';
import { cachedOrgNames } from '../_lib/platform/org';
import { _, collections } from '../_lib/platform/runtime';
import { transact } from '../_lib/platform/transact';
import { table, tableIn } from '../_lib/platform/typed-db';
import type { ProjectNeed } from './project-docs';
import { cachedCategoryNames, communityOf, gridOf, needView, recordedAs } from './repo';

/**
 * 需求清单: what the community's (or one grid's) wishes and petitions asked for, per category, from the report
 * function's month counters (one query of at most twelve documents, whatever the history holds), and a page of
 * the needs staff entered.
 */
export const needs = defineHandler(listNeeds, async ({ gridId, months, offset, limit }, { user }) => {
  const communityId = communityOf(user);
  const place = gridId ? await gridOf(user, gridId) : null;
  const scope = place?._id ?? communityId;
  const keys = monthsUpTo(monthOf(new Date()), months);
  const entered = table(collections.projectNeeds).where({ communityId, ...(place ? { gridId: place._id } : {}) });
  const [monthDocs, page, names, placeNames] = await Promise.all([
    table(collections.stats)
      .where({ scope, period: 'month', key: _.and(_.gte(keys[0]), _.lte(keys[keys.length - 1])) })
      .limit(keys.length)
      .get(),
    entered.orderBy('createdAt', 'desc').page(offset, limit),
    cachedCategoryNames(),
    cachedOrgNames([scope]),
  ]);
  const gathered = gatheredNeeds(sumCounters(monthDocs.map((d) => d.counters))).map((g) => ({
    ...g,
    categoryName: names.get(`${g.source}:${g.categoryId}`) ?? '其他',
  }));
  return {
    placeName: placeNames.get(scope) ?? '本社区',
    months: keys,
    gathered,
    entered: { items: page.docs.map(needView), nextOffset: page.nextOffset },
  };
});

/** 录入需求: community staff add a need of their community (or one of its grids); a retry lands on the same need. */
export const addNeed = defineHandler(
  projectAddNeed,
  async ({ title, detail, gridId }, { openid, user, requestId, request }) => {
    const communityId = communityOf(user);
    const grid = gridId ? await gridOf(user, gridId) : null;
    const placeName = grid ? grid.name : ((await cachedOrgNames([communityId])).get(communityId) ?? '本社区');
    const need: ProjectNeed = {
      _id: `need-${idForRequest([openid], requestId, 20)}`,
      streetId: user.streetId,
      communityId,
      gridId: grid?._id ?? null,
      placeName,
      title,
      detail,
      createdBy: openid,
      createdAt: new Date(),
      projectId: null,
    };
    const view = () => ({ need: needView(need) });
    await transact(
      async (tx) => {
        const { _id, ...fields } = need;
        await tableIn(tx, collections.projectNeeds).set(_id, fields);
      },
      recordedAs(request, view),
    );
    return view();
  },
  { record: 'inTransaction' },
);
