import { reportVerify, reportVerifyResult } from '../../src/shared/contract';
import { DomainError } from '../../src/shared/domain/errors';
import { dayCst, DAY_MS } from '../../src/shared/domain/time';
import type { StatsCheckDoc } from '../_lib/platform/documents';
import { defineHandler } from '../_lib/platform/handler';
import { collections } from '../_lib/platform/runtime';
import { table } from '../_lib/platform/typed-db';
import { placeFor } from './dashboard';
import { queueCheck } from './stats-verify';

const viewOf = (c: StatsCheckDoc) => ({
  check: {
    id: c._id,
    scope: c.scope,
    day: c.day,
    status: c.status,
    cases: c.cases,
    postings: c.postings,
    differences: c.differences,
    createdAt: new Date(c.createdAt).toISOString(),
    finishedAt: c.finishedAt ? new Date(c.finishedAt).toISOString() : null,
  },
});

/** 核对统计: queues a check of a place's day (yesterday unless asked) for the stats timer, which works it within a minute or so. */
export const verify = defineHandler(reportVerify, async ({ scope, day }, { user }) => {
  const place = await placeFor(user, scope);
  const now = new Date();
  const asked = day ?? dayCst(new Date(now.getTime() - DAY_MS));
  if (asked > dayCst(now)) throw new DomainError('BAD_INPUT', '只能核对今天及以前的统计，请换一个日期');
  return viewOf(await queueCheck(place.id, asked, 'admin', `${asked}:${place.id}:${now.getTime()}`, now));
});

/** A check's progress and, once done, its differences — for those who may see its place. */
export const verifyResult = defineHandler(reportVerifyResult, async ({ checkId }, { user }) => {
  const check = await table(collections.statsChecks).get(checkId);
  if (!check) throw new DomainError('NOT_FOUND', '没有找到这次核对，请重新发起');
  await placeFor(user, check.scope);
  return viewOf(check);
});
