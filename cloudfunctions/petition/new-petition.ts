import type { ParsedInput } from '../../src/shared/contract';
import type { PublishedVerdict } from '../../src/shared/domain/content';
import type { OrgPlace, UserProfile } from '../../src/shared/domain/org';
import type { PetitionState } from '../../src/shared/domain/petition';
import { cardDue, withCategoryLimits } from '../../src/shared/domain/petition-cards';
import { actAt, dueAt, feedbackDueAt } from '../../src/shared/domain/petition-deadlines';
import type { LadderConfig, Urgency } from '../../src/shared/domain/petition-ladder';
import type { PetitionCategory } from '../../src/shared/domain/petition-rules';
import { idForRequest } from '../_lib/platform/ids';
import { templates } from '../_lib/platform/templates';
import { geoPoint, type PetitionDoc, type ProgressConsent } from './petition-repo';

export type Reporter = Pick<
  PetitionDoc,
  'reporterId' | 'reporterName' | 'reporterPhone' | 'reporterRoom' | 'reporterIsResident' | 'rosterKey' | 'filedById' | 'filedByName' | 'filedAs'
>;
export type Place = OrgPlace & Pick<PetitionDoc, 'gridName' | 'location'>;

interface Intake {
  input: ParsedInput<'petition.create'>;
  place: Place;
  reporter: Reporter;
  category: PetitionCategory;
  verdict: PublishedVerdict;
  ladder: LadderConfig;
  by: UserProfile;
  requestId: string | undefined;
}

/** A new case, waiting at its grid (or its community when the place has no grid), with its clocks started. */
export function newPetition({ input, place, reporter, category, verdict, ladder, by, requestId }: Intake): PetitionDoc {
  return newPetitionDoc({
    // A retried create with the same requestId lands on the same id, so it can never file twice.
    id: idForRequest(['petition', by._id], requestId, 32),
    place,
    reporter,
    category,
    ladder,
    urgency: input.urgency,
    description: input.description,
    photos: input.photos,
    heldForReview: verdict === 'review',
    listed: !category.private && verdict === 'pass',
    filedBy: { id: by._id, name: by.name, note: reporter.filedAs === 'helper' ? '代办人代办' : reporter.filedById ? '红色代办' : null },
    progressConsent: consentOf(input.accepted, reporter),
  });
}

interface NewCase {
  id: string;
  place: Place;
  reporter: Reporter;
  source?: PetitionDoc['source'];
  category: PetitionCategory;
  ladder: LadderConfig;
  urgency: Urgency;
  description: string;
  photos: string[];
  heldForReview: boolean;
  listed: boolean;
  /** Who filed it, as the timeline's first line says. */
  filedBy: { id: string; name: string; note: string | null };
  progressConsent?: ProgressConsent;
}

/**
 * Every new case's document, whoever files it (the app, or a partner system through Open311): waiting at its grid
 * (or its community when the place has no grid), with its clocks started and nothing decided yet.
 */
export function newPetitionDoc(c: NewCase): PetitionDoc {
  const now = new Date();
  const level = c.place.gridId ? 'grid' : 'community';
  const state: PetitionState = {
    status: 'pending',
    level,
    urgency: c.urgency,
    since: now,
    extendedUntil: null,
    departmentId: null,
    topLevel: level,
    reopens: 0,
    resolvedLevel: null,
    outcome: null,
    defaultDepartmentId: c.category.departmentId,
    councilEligible: c.category.council,
  };
  return {
    _id: c.id,
    rev: 0,
    ...c.place,
    ...(c.place.location.point ? { geo: geoPoint(c.place.location.point) } : {}),
    ...state,
    ...c.reporter,
    ...(c.source ? { source: c.source } : {}),
    categoryId: c.category._id,
    categoryName: c.category.name,
    description: c.description,
    photos: c.photos,
    heldForReview: c.heldForReview,
    listed: c.listed,
    departmentIds: [],
    handlerId: null,
    handlerName: null,
    dueAt: dueAt(state, c.ladder),
    actAt: actAt(state, c.ladder),
    card: null,
    cardRank: 0,
    cardAt: cardDue({ ...state, categoryId: c.category._id, card: null }, withCategoryLimits(c.ladder, c.category))?.at ?? null,
    feedbackDueAt: feedbackDueAt(now, c.ladder),
    firstFeedbackAt: null,
    resolution: null,
    rating: null,
    cosignCount: 0,
    credit: null,
    history: [
      {
        event: 'create',
        by: c.filedBy.id,
        byName: c.filedBy.name,
        at: now,
        from: null,
        to: { status: state.status, level },
        departmentId: null,
        note: c.filedBy.note,
        automatic: false,
      },
    ],
    ...(c.progressConsent ? { progressConsent: c.progressConsent } : {}),
    statsDirty: true,
    statsCounted: 0,
    createdAt: now,
    updatedAt: now,
  };
}

/**
 * What the filing tap allowed: one progress notice for whoever tapped — the reporter, or the filer of a 代办 (the
 * person filed for tapped nothing: their grants given elsewhere are read). A client that asked nothing sends no
 * `accepted`, and the caller's grants given elsewhere are read as before.
 */
function consentOf(accepted: string[] | undefined, reporter: Reporter): ProgressConsent | undefined {
  if (accepted === undefined) return undefined;
  const sends = accepted.includes(templates.petitionProgress) ? 1 : 0;
  return reporter.filedById ? { reporter: null, filer: sends } : { reporter: sends, filer: null };
}
