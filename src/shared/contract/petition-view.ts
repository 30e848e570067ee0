import { z } from 'zod';
import { petitionEvents, petitionStatuses, ratings, verifyResults } from '../domain/petition';
import { cardColors, cardReasons } from '../domain/petition-cards';
import { petitionLevels, urgencies } from '../domain/petition-ladder';
import { extensionEvents } from '../domain/petition-rules';
import { isoDate } from './common';

const photo = z.object({ fileID: z.string(), url: z.string().nullable() });
const level = z.enum(petitionLevels);

export const mapPointSchema = z.object({
  latitude: z.number().min(-90).max(90),
  longitude: z.number().min(-180).max(180),
  address: z.string().trim().min(2, '请填写地点说明').max(100, '地点说明最多 100 字'),
});

export const resolutionSchema = z.lazy(() =>
  z.object({
    kind: z.enum(['handled', 'council']).describe('council: the decision of 三方议事 (社区 + 业委会 + 物业)'),
    text: z.string(),
    level,
    byName: z.string(),
    at: isoDate,
    photos: z.array(photo),
    beforePhotos: z.array(photo),
    afterPhotos: z.array(photo),
    council: z.object({ ownersCommittee: z.string(), propertyCompany: z.string() }).nullable(),
    /** The 三方议事 topic whose decision this is (council.get); null for a resolution handled, or recorded before topics. */
    topicId: z.string().nullable().default(null),
  }),
);

export const extensionSchema = z.lazy(() =>
  z.object({
    status: z.enum(['pending', 'approved', 'refused']),
    reason: z.string(),
    until: isoDate,
    level,
    requestedBy: z.string().describe('the name of who asked'),
    requestedAt: isoDate,
    decidedBy: z.string().nullable(),
    decidedAt: isoDate.nullable(),
    note: z.string().nullable().describe("the decider's note"),
  }),
);

/**
 * A petition as one caller sees it. The reporter's full name, phone and room are for the reporter and the
 * people handling the case at any level it reached (privacy.ts `petitionReporter`); everyone else sees 王**.
 */
const petitionView = () =>
  z.object({
    id: z.string(),
    categoryId: z.string(),
    categoryName: z.string(),
    description: z.string(),
    urgency: z.enum(urgencies),
    photos: z.array(photo),
    location: z.object({ buildingName: z.string().nullable(), detail: z.string().nullable(), point: mapPointSchema.nullable() }),
    gridName: z.string().nullable(),
    reporter: z.object({
      name: z.string(),
      phone: z.string().nullable(),
      room: z.string().nullable(),
      proxy: z.boolean().describe('红色代办: filed by a grid worker for a resident without a phone'),
      filedBy: z.string().nullable(),
    }),
    status: z.enum(petitionStatuses),
    level,
    holder: z.object({ level, unitName: z.string(), handlerName: z.string().nullable() }).describe('who holds the case now'),
    dueAt: isoDate.nullable().describe('deadline of the current step (take, settle, or rate)'),
    overdue: z.boolean(),
    feedback: z.object({ dueAt: isoDate, at: isoDate.nullable(), overdue: z.boolean() }).describe('周反馈: the promised first feedback'),
    cosignCount: z.number().int(),
    cosigned: z.boolean().describe('the caller co-signed it (我也遇到)'),
    mine: z.boolean().describe('the caller reported or filed it'),
    urgeCount: z.number().int().describe('催办 so far (three mark the case yellow)'),
    card: z
      .object({ color: z.enum(cardColors), reason: z.enum(cardReasons), note: z.string(), at: isoDate })
      .nullable()
      .describe('the current step’s 督办 card (黄牌/红牌督办): why and since when; null: none'),
    urge: z
      .enum(['may', 'done'])
      .nullable()
      .describe("the caller's 催办 today: may urge, or already urged (once per China day); null: not theirs or not open"),
    extendedUntil: isoDate.nullable().describe("the current step's deadline as an approved 延期申请 moved it (办理期限延至 …); null: the ladder's"),
    extension: extensionSchema
      .nullable()
      .describe("the current step's 延期申请 (pending, approved or refused), for those who handle the case; null for everyone else, or none"),
    mayExtend: z
      .object({ after: isoDate, latest: isoDate })
      .nullable()
      .describe('the caller holds the case and may ask to move its deadline, to a time after `after` and at most `latest`'),
    decidesExtension: z.boolean().describe("the caller may approve or refuse the step's pending 延期申请 (the level above, not who asked)"),
    rates: z
      .enum(['reporter', 'proxy'])
      .nullable()
      .describe('the caller may rate it now: as its reporter, or relaying (代评) for someone not registered'),
    resolution: resolutionSchema.nullable(),
    councilTopicId: z.string().nullable().describe('the 三方议事 topic the case went to (petition.convene raised it); null: none'),
    verifies: z
      .enum(['site', 'reporter', 'proxy'])
      .nullable()
      .describe('the caller may verify it now (待验证): on site as its grid worker, or answer as its reporter or their filer'),
    verification: z
      .object({
        result: z.enum(verifyResults),
        how: z.enum(['site', 'reporter', 'proxy', 'timer']).describe('timer: nobody verified it in time (超时未验证)'),
        byName: z.string(),
        note: z.string().nullable(),
        photos: z.array(photo),
        at: isoDate,
      })
      .nullable()
      .describe("the resolution's last verification"),
    rating: z
      .object({
        value: z.enum(ratings),
        comment: z.string().nullable(),
        byProxy: z.boolean().describe('代评: relayed by the filer, not the resident'),
      })
      .nullable(),
    reopens: z.number().int(),
    outcome: z.enum(['rated', 'unrated', 'reviewed', 'dismissed']).nullable(),
    heldForReview: z.boolean().describe('the content check asked for a human look: not listed to neighbours'),
    createdAt: isoDate,
    updatedAt: isoDate,
  });
export const petitionViewSchema = z.lazy(petitionView);
export type PetitionView = z.infer<typeof petitionViewSchema>;

export const petitionStepSchema = z.lazy(() =>
  z.object({
    event: z.enum([...petitionEvents, 'create', 'urge', 'card', ...extensionEvents]),
    level,
    status: z.enum(petitionStatuses),
    by: z.string(),
    at: isoDate,
    note: z.string().nullable(),
    automatic: z.boolean().describe('done by the timer, not a person'),
    departmentName: z.string().nullable(),
  }),
);

export type PetitionStepView = z.infer<typeof petitionStepSchema>;

export const petitionDetailSchema = z.lazy(() =>
  petitionView().extend({
    timeline: z.array(petitionStepSchema),
    serverTime: isoDate.describe('for the countdowns: the server clock when this was read'),
  }),
);
