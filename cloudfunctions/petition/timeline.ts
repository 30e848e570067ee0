import type { z } from 'zod';
import type { petitionStepSchema } from '../../src/shared/contract';
import type { UserProfile } from '../../src/shared/domain/org';
import { nameFor, petitionReporter } from '../../src/shared/domain/privacy';
import type { PetitionDoc } from './petition-repo';
import type { Lookup } from './petition-view';

/** The ladder timeline: every step with its level, who, when, why, and whether the timer did it. */
export function timelineOf(p: PetitionDoc, viewer: UserProfile, l: Lookup): z.input<typeof petitionStepSchema>[] {
  const reporter = petitionReporter(viewer, p);
  return p.history.map((s) => ({
    event: s.event,
    level: s.to.level,
    status: s.to.status,
    by: s.by === p.reporterId ? nameFor(s.byName, reporter) : s.byName,
    at: new Date(s.at).toISOString(),
    note: s.note,
    automatic: s.automatic,
    departmentName: s.departmentId ? (l.departments.get(s.departmentId) ?? null) : null,
  }));
}
