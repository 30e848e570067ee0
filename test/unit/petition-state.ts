import type { PetitionState, PetitionStatus } from '../../src/shared/domain/petition';
import type { PetitionLevel } from '../../src/shared/domain/petition-ladder';

export const t0 = new Date('2026-03-02T01:00:00Z');

/** A petition's ladder state for the rules to judge: fresh at `level`, since t0, unless `extra` says otherwise. */
export function petitionState(status: PetitionStatus, level: PetitionLevel, extra: Partial<PetitionState> = {}): PetitionState {
  return {
    status,
    level,
    urgency: 'normal',
    since: t0,
    departmentId: null,
    topLevel: level,
    reopens: 0,
    resolvedLevel: null,
    outcome: null,
    defaultDepartmentId: null,
    councilEligible: false,
    ...extra,
  };
}
