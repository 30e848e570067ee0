import type { Output } from '../shared/contract';
import type { PetitionView } from '../shared/contract/petition-view';
import { applyMove, type PetitionMove, type PetitionState } from '../shared/domain/petition';
import { defaultLadderConfig, levelRank, petitionLevels, type PetitionLevel } from '../shared/domain/petition-ladder';
import type { Role } from '../shared/domain/roles';
import { ladderRoles } from '../shared/domain/scope';

export type PetitionDetail = Output<'petition.get'>['petition'];
type Step = PetitionDetail['timeline'][number];

/** The steps of whoever holds a case (受理, 吹哨, …), in the order the action bar shows them. */
export const handlerActions = ['accept', 'report', 'resolve', 'decide', 'conclude', 'summon', 'convene', 'escalate', 'reopen', 'dismiss'] as const;
export type HandlerAction = (typeof handlerActions)[number];

/** What the app knows of the viewer (`user.me`): roles and the names of their grid and community. */
export interface Viewer {
  roles: readonly Role[];
  gridName: string | null;
  communityName: string;
}

/** A representative move per action: the dry run below only asks whether the ladder allows it at all. */
const probes: Record<HandlerAction, PetitionMove> = {
  accept: { event: 'accept' },
  report: { event: 'report' },
  resolve: { event: 'resolve' },
  decide: { event: 'decide' },
  conclude: { event: 'conclude' },
  summon: { event: 'summon', departmentId: 'any' },
  convene: { event: 'convene' },
  escalate: { event: 'escalate' },
  reopen: { event: 'reopen', level: 'grid' },
  dismiss: { event: 'dismiss' },
};

/**
 * Whether the viewer works the case's current level. The view carries names, not ids, so the grid and the
 * community are matched by name; above the community the server checks the street and the department.
 */
export function holdsCase(viewer: Viewer, p: Pick<PetitionView, 'level' | 'gridName' | 'holder'>): boolean {
  if (!viewer.roles.includes(ladderRoles[p.level])) return false;
  if (p.level === 'grid') return viewer.gridName !== null && viewer.gridName === p.gridName;
  if (p.level === 'community') return viewer.communityName !== '' && viewer.communityName === p.holder.unitName;
  return true;
}

/** The levels the case has stood at, lowest first (a department only when one was summoned). */
export function levelsReached(timeline: readonly Pick<Step, 'level'>[]): PetitionLevel[] {
  const seen = new Set(timeline.map((s) => s.level));
  return petitionLevels.filter((l) => seen.has(l));
}

/** The ladder state the domain rules read, rebuilt from what the detail view shows. */
function stateOf(p: PetitionDetail, councilEligible: boolean): PetitionState {
  const reached = levelsReached(p.timeline);
  const since = new Date(p.serverTime);
  return {
    status: p.status,
    level: p.level,
    urgency: p.urgency,
    since,
    departmentId: reached.includes('department') ? 'summoned' : null,
    topLevel: reached.reduce((top, l) => (levelRank(l) > levelRank(top) ? l : top), p.level),
    reopens: p.reopens,
    resolvedLevel: p.resolution?.level ?? null,
    outcome: p.outcome,
    defaultDepartmentId: null,
    councilEligible,
  };
}

/**
 * The holder's steps the contract allows this viewer now: the same ladder rules the server applies, run
 * as a dry run (each level's role is the only one its actions accept). The server still decides.
 */
export function actionsFor(p: PetitionDetail, viewer: Viewer, councilEligible: boolean): HandlerAction[] {
  if (!holdsCase(viewer, p)) return [];
  const state = stateOf(p, councilEligible);
  return handlerActions.filter((action) => {
    try {
      applyMove(state, probes[action], state.since, defaultLadderConfig);
      return true;
    } catch {
      return false;
    }
  });
}

/** 评价: the reporter (or the filer relaying, 代评, for someone not registered), while the window is open. */
export function mayRate(p: Pick<PetitionView, 'status' | 'rates' | 'dueAt'>, roles: readonly Role[], serverNow: number): boolean {
  if (p.status !== 'resolved' || p.rates === null) return false;
  if (!roles.includes('resident') && !roles.includes('grid_worker')) return false;
  return p.dueAt === null || serverNow < Date.parse(p.dueAt);
}

/** 我也遇到: a resident backing an open case that is not their own and not yet backed by them. */
export function mayCosign(p: Pick<PetitionView, 'status' | 'mine' | 'cosigned' | 'heldForReview'>, roles: readonly Role[]): boolean {
  const open = p.status === 'pending' || p.status === 'accepted' || p.status === 'council' || p.status === 'review';
  return open && roles.includes('resident') && !p.mine && !p.cosigned && !p.heldForReview;
}
