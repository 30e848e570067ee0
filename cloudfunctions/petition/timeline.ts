import type { z } from 'zod';
import type { petitionStepSchema } from '../../src/shared/contract';
import type { UserProfile } from '../../src/shared/domain/org';
import { deciderLevel } from '../../src/shared/domain/petition-extension';
import { supervisesPlace } from '../../src/shared/domain/petition-supervision';
import type { PetitionStep } from '../../src/shared/domain/petition-rules';
import { nameFor, petitionReporter } from '../../src/shared/domain/privacy';
import { handlesPetition, holdsLevel } from '../../src/shared/domain/scope';
import type { PetitionDoc } from './petition-repo';
import type { Lookup } from './petition-view';

/** 延期申请 lines the resident and neighbours do not see: a request and a refusal are the staff's business. */
const staffOnly = new Set<PetitionStep['event']>(['extendRequest', 'extendRefused']);

/**
 * The ladder timeline: every step with its level, who, when, why, and whether the timer did it. An approved
 * extension (办理期限延至 …) is everyone's; its request and a refusal only those who handle the case or decide it,
 * and the 督办员s of its area (who should know the handler asked for time before they card the case).
 */
export function timelineOf(p: PetitionDoc, viewer: UserProfile, l: Lookup): z.input<typeof petitionStepSchema>[] {
  const reporter = petitionReporter(viewer, p);
  const staff = handlesPetition(viewer, p) || holdsLevel(viewer, deciderLevel[p.level], p) || supervisesPlace(viewer, p);
  return p.history
    .filter((s) => staff || !staffOnly.has(s.event))
    .map((s) => ({
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
