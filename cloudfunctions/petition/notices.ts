import { ratingLabels, type PetitionEvent } from '../../src/shared/domain/petition';
import { cardNote, type SupervisionCard } from '../../src/shared/domain/petition-cards';
import { levelAbove, type PetitionLevel } from '../../src/shared/domain/petition-ladder';
import { gridWorkersOf } from '../../src/shared/domain/scope';
import { holdersWhere } from '../_lib/platform/holders';
import type { Notice } from '../_lib/platform/outbox';
import { collections } from '../_lib/platform/runtime';
import { templates, thing, time } from '../_lib/platform/templates';
import type { PetitionDoc } from './petition-repo';
import { table } from '../_lib/platform/typed-db';

const MAX_COSIGNERS = 200;

/** The people who work the case at `level`: the grid's workers, the community's, the street's, the department's or the district's staff. */
export async function holdersOf(
  level: PetitionLevel,
  p: Pick<PetitionDoc, 'gridId' | 'communityId' | 'streetId' | 'departmentId'>,
): Promise<string[]> {
  const where: Record<PetitionLevel, Record<string, unknown> | null> = {
    grid: p.gridId ? gridWorkersOf(p.gridId) : null,
    community: { communityId: p.communityId, roles: 'staff' },
    street: { roles: 'street_staff', streetId: p.streetId },
    department: p.departmentId ? { departmentId: p.departmentId, roles: 'department_staff' } : null,
    district: { roles: 'district_staff' },
  };
  const query = where[level];
  return query ? holdersWhere(query) : [];
}

/** Who follows a case's progress: its reporter (or the grid worker who filed it) and its co-signers. */
export async function followersOf(p: Pick<PetitionDoc, '_id' | 'reporterId' | 'filedById' | 'cosignCount'>): Promise<string[]> {
  const own = [p.reporterId, p.filedById].filter((id): id is string => id !== null);
  if (p.cosignCount === 0) return own;
  const res = await table(collections.petitionCosigns)
    .where({ petitionId: p._id })
    .orderBy('at', 'asc')
    .limit(MAX_COSIGNERS)
    .field({ openid: true })
    .get();
  return [...new Set([...own, ...res.map((c) => c.openid)])];
}

/** Work arrives at a level: a new case, 吹哨, a summons, a reopen, a review. */
export function assignedNotices(holders: readonly string[], p: PetitionDoc, note: string): Notice[] {
  const where = p.location.buildingName ?? p.location.point?.address ?? p.gridName ?? '';
  return holders.map((touser) => ({
    touser,
    templateId: templates.petitionAssigned,
    page: `package-petition/handle/index?id=${p._id}`,
    data: { thing1: thing(p.categoryName), thing2: thing(where), time3: time(p.dueAt ?? p.updatedAt), thing4: thing(note) },
  }));
}

const phrases: Record<PetitionEvent, string> = {
  accept: '已受理',
  report: '部门报到',
  resolve: '待验证',
  dismiss: '不予受理',
  escalate: '已上报',
  summon: '已召集部门',
  convene: '三方议事',
  decide: '待验证',
  verify: '待评价',
  rate: '已评价',
  reopen: '重新交办',
  conclude: '复核办结',
  expire: '已办结',
  reassign: '已改派',
};

/** Progress for the reporter and co-signers (每一步都告诉群众). */
export function progressNotices(followers: readonly string[], p: PetitionDoc, event: PetitionEvent, note: string | null): Notice[] {
  const reopened = (event === 'rate' || event === 'verify') && (p.status === 'accepted' || p.status === 'review');
  const phrase = reopened ? (p.status === 'review' ? '社区复核' : '重新办理') : phrases[event];
  const said = event === 'rate' && p.rating ? ratingLabels[p.rating.value] : (note ?? '');
  return followers.map((touser) => ({
    touser,
    templateId: templates.petitionProgress,
    page: `pages/petition-detail/index?id=${p._id}`,
    data: { thing1: thing(`${p.categoryName}：${p.description}`), phrase2: thing(phrase, 5), thing3: thing(said || phrase) },
  }));
}

/** The 督办员s of a case's area: those of its street, and the district's (no street). */
export async function supervisorsOf(p: Pick<PetitionDoc, 'streetId'>): Promise<string[]> {
  // The street's own, and the district's (`supervisorScope` says which: a district 督办员 keeps the street they live in).
  const [street, district] = await Promise.all([
    holdersWhere({ roles: 'supervisor', streetId: p.streetId }),
    holdersWhere({ roles: 'supervisor', supervisorScope: 'district' }),
  ]);
  return [...new Set([...street, ...district])];
}

/** The level that oversees a step at `level` (a street's is the district: a department is there only when summoned). */
export function overseerOf(level: PetitionLevel): PetitionLevel | null {
  if (level === 'street' || level === 'department') return 'district';
  return levelAbove(level);
}

/**
 * Who hears of a 督办 card: yellow → the step's holders and the level above; red → the level above and the area's
 * 督办员s, and the holders too (a red card on a case is news first for whoever holds it).
 */
export async function cardNotices(p: PetitionDoc, card: SupervisionCard): Promise<Notice[]> {
  const above = overseerOf(card.level);
  const [holders, overseers, supervisors] = await Promise.all([
    holdersOf(card.level, p),
    above ? holdersOf(above, p) : [],
    card.color === 'red' ? supervisorsOf(p) : [],
  ]);
  const to = [...new Set([...holders, ...overseers, ...supervisors])].filter((id) => id !== card.by);
  return assignedNotices(to, p, cardNote(card));
}
