import { workGrids } from './001-work-grids';
import { holdBackLifetime } from './002-hold-back-lifetime';

/**
 * One data migration: a page of work at a time. `page` looks at a bounded page after `cursor` (null: from the
 * start), changes what is still in the old shape — doing it twice changes nothing more —, and answers how many
 * documents it changed and where the next page starts (null: the step is finished).
 */
export interface Step {
  /** `NNN-name`, in the order they run; never reused nor renamed (the `migrations` record is kept under it). */
  id: string;
  what: string;
  page(cursor: string | null): Promise<{ changed: number; cursor: string | null }>;
}

/**
 * Every step, oldest first. Not a step: `petitions.cardAt` for cases filed before the 督办 clock — the petition
 * sweep's `clockUnclocked` gives them theirs, a page per run.
 */
export const steps: readonly Step[] = [workGrids, holdBackLifetime];
