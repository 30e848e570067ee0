import { reportGridRanking } from '../../src/shared/contract';
import { DomainError } from '../../src/shared/domain/errors';
import { maySeeRanking, maySeeStats, ownStatsScope, rankGrids, sumCounters } from '../../src/shared/domain/stats';
import { DAY_MS } from '../../src/shared/domain/time';
import { defineHandler } from '../_lib/platform/handler';
import { cachedOrgNames } from '../_lib/platform/org';
import { _, collections } from '../_lib/platform/runtime';
import { table } from '../_lib/platform/typed-db';
import { warmCached } from '../_lib/platform/warm-cache';

const MAX_DAYS = 366;
const UNIT_TTL_MS = 60_000;

/**
 * 网格排名: the grids of a community or street for a period, best first (rankGrids: 按期办结率, then 满意率, then
 * cases resolved; volunteer hours beside them) — one read of the place's day counters besides the caller (the
 * place and the grids' names are kept warm). Grid workers see their community's (maySeeRanking).
 */
export const gridRanking = defineHandler(reportGridRanking, async ({ scope, from, to }, { user }) => {
  if ((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS + 1 > MAX_DAYS)
    throw new DomainError('BAD_INPUT', '统计时段最长一年，请缩短时段');
  const id = scope ?? ownStatsScope(user);
  const unit = id === 'district' ? null : await warmCached(`stats-place:${id}`, UNIT_TTL_MS, () => table(collections.orgUnits).get(id));
  if (id !== 'district' && (!unit || (unit.kind !== 'community' && unit.kind !== 'street')))
    throw new DomainError('BAD_INPUT', '排名只能按街道或社区查看');
  const place = unit
    ? { id, kind: unit.kind as 'community' | 'street', path: unit.path, name: unit.name }
    : { id, kind: 'district' as const, path: [], name: '全区' };
  if (!maySeeRanking(user, place)) throw new DomainError('FORBIDDEN_SCOPE', '你只能查看自己负责范围的排名');
  const days = await table(collections.stats)
    .where({ scope: place.id, period: 'day', key: _.and(_.gte(from), _.lte(to)) })
    .limit(MAX_DAYS)
    .get();
  const ranked = rankGrids(sumCounters(days.map((d) => d.counters)));
  const names = await cachedOrgNames(ranked.map((g) => g.gridId));
  const countedAt = days.reduce<Date | null>((latest, d) => (!latest || d.updatedAt > latest ? new Date(d.updatedAt) : latest), null);
  return {
    scope: { id: place.id, name: place.name, kind: place.kind },
    from,
    to,
    grids: ranked.map(({ gridId, ...g }, i) => ({ rank: i + 1, id: gridId, name: names.get(gridId) ?? '网格', ...g })),
    mayOpenCases: maySeeStats(user, place),
    countedAt: countedAt ? countedAt.toISOString() : null,
  };
});
