import type { PetitionView } from '../shared/contract/petition-view';
import { levelRank, petitionLevels, type PetitionLevel } from '../shared/domain/petition-ladder';
import type { PetitionDetail } from './petition-actions';

/** The five rungs by their slogan: 网格预警 → 社区吹哨 → 街道统筹 → 部门报到 → 区级办结. */
export const rungLabels: Record<PetitionLevel, { name: string; motto: string }> = {
  grid: { name: '网格', motto: '网格预警' },
  community: { name: '社区', motto: '社区吹哨' },
  street: { name: '街道', motto: '街道统筹' },
  department: { name: '部门', motto: '部门报到' },
  district: { name: '区级', motto: '区级办结' },
};

/** passed: the case stood here before; current: it stands here now; skipped: it went past without stopping. */
export type RungState = 'passed' | 'current' | 'skipped' | 'ahead';

export interface Rung {
  level: PetitionLevel;
  state: RungState;
  /** When the case last arrived at this rung, and whether the timer sent it there. */
  arrivedAt: string | null;
  automatic: boolean;
}

type Case = Pick<PetitionView, 'level'> & { timeline: Pick<PetitionDetail['timeline'][number], 'level' | 'at' | 'automatic'>[] };

/** The ladder as the resident sees it: where the case stands, where it has been, what it skipped. */
export function ladderRungs(p: Case): Rung[] {
  const current = levelRank(p.level);
  return petitionLevels.map((level) => {
    const arrivals = p.timeline.filter((s, i) => s.level === level && (i === 0 || p.timeline[i - 1].level !== level));
    const last = arrivals.at(-1) ?? null;
    const rank = levelRank(level);
    const state: RungState = rank === current ? 'current' : last ? 'passed' : rank < current ? 'skipped' : 'ahead';
    return { level, state, arrivedAt: last?.at ?? null, automatic: last?.automatic ?? false };
  });
}
