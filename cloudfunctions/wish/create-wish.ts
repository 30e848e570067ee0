import { wishCreate, type ParsedInput } from '../../src/shared/contract';
import { DomainError } from '../../src/shared/domain/errors';
import { roomLabel } from '../../src/shared/domain/join';
import { rosterResidentId } from '../../src/shared/domain/roster';
import type { OrgPlace, UserProfile } from '../../src/shared/domain/org';
import { gridWorkersOf } from '../../src/shared/domain/scope';
import type { WishHistoryEntry } from '../../src/shared/domain/wish';
import { loadUser } from '../_lib/platform/actor';
import { assertPublishable } from '../_lib/platform/content';
import { defineHandler } from '../_lib/platform/handler';
import { parentOfHelper, residentFiledFor, rosterPerson } from '../_lib/platform/on-behalf';
import { addCareEvent, careEventOf } from '../_lib/platform/care-events';
import { cachedOrgNames } from '../_lib/platform/org';
import { idForRequest } from '../_lib/platform/ids';
import { collections } from '../_lib/platform/runtime';
import { templates, thing, time } from '../_lib/platform/templates';
import { transact } from '../_lib/platform/transact';
import { holdersWhere } from '../_lib/platform/holders';
import { cachedCategories, type WishDoc } from './wish-repo';
import { toView } from './wish-view';

// 群众点单: a resident posts a wish; it waits for the grid worker (组织建单).
export const createWish = defineHandler(
  wishCreate,
  async (input, { openid, user, requestId, request }) => {
    const categories = await cachedCategories();
    const category = categories.find((c) => c._id === input.categoryId);
    if (!category) throw new DomainError('CATEGORY_NOT_FOUND');

    const verdict = await assertPublishable(openid, `${input.title}\n${input.description}`, input.photos);

    const person = await personOf(input.onBehalfOf, user);
    const [names, reviewers] = await Promise.all([cachedOrgNames([person.gridId, person.buildingId]), reviewersOf(person)]);
    const now = new Date();
    const created: WishHistoryEntry = {
      event: 'create',
      by: openid,
      byName: user.name,
      at: now,
      from: null,
      to: 'submitted',
      note:
        [person.as === 'helper' ? '代办人代办' : person.as ? '红色代办' : null, verdict === 'review' ? '内容待人工复核' : null]
          .filter(Boolean)
          .join('；') || null,
    };
    const wish: WishDoc = {
      // A retried create with the same requestId lands on the same id, so it can never post twice.
      _id: idForRequest(['wish', openid], requestId, 32),
      title: input.title,
      description: input.description,
      categoryId: input.categoryId,
      photos: input.photos,
      preferredTime: input.preferredTime || null,
      status: 'submitted',
      points: null,
      residentId: person.id,
      residentName: person.name,
      residentPhone: person.phone,
      residentRoom: person.room,
      ...filing(person, user),
      streetId: person.streetId,
      communityId: person.communityId,
      gridId: person.gridId,
      buildingId: person.buildingId,
      buildingName: person.buildingId ? (names.get(person.buildingId) ?? null) : null,
      gridName: person.gridId ? (names.get(person.gridId) ?? null) : null,
      claimantId: null,
      claimantName: null,
      claimantPhone: null,
      heldForReview: verdict === 'review',
      rejectReason: null,
      proof: null,
      rating: null,
      award: null,
      approvedAt: null,
      claimedAt: null,
      checkedInAt: null,
      completedAt: null,
      confirmedAt: null,
      flaggedAt: null,
      history: [created],
      statsDirty: true,
      statsCounted: 0,
      createdAt: now,
      updatedAt: now,
    };
    // A retry after success finds its wish (same id) already there and replays the first reply.
    return transact(
      async (tx, unit) => {
        await tx.collection(collections.wishes).add({ data: wish });
        // 助老/就医: the person's home is put on the grid worker's 今日走访 (one insert, in the wish's transaction).
        await addCareEvent(
          tx,
          careEventOf({
            kind: 'wish',
            categoryName: category.name,
            ref: wish._id,
            title: wish.title,
            place: { ...person, buildingName: wish.buildingName },
            room: person.room,
            name: person.name,
            residentId: person.id,
            rosterKey: person.rosterKey,
            at: now,
          }),
        );
        await unit.notify(
          reviewers.map((touser) => ({
            touser,
            templateId: templates.wishSubmitted,
            page: `package-grid/queue/index?wishId=${wish._id}`,
            data: { thing1: thing(wish.title), thing2: thing(person.name), time3: time(now) },
          })),
        );
        return { wish: await toView(wish, user) };
      },
      { busy: 'BUSY', record: { request } },
    );
  },
  { record: 'inTransaction' },
);

/** Whose wish it is: the caller's own, or the person they file for (代办) — at that person's home. */
interface Person extends OrgPlace {
  id: string;
  name: string;
  phone: string;
  room: string | null;
  as: 'grid' | 'helper' | null;
  rosterKey: string | null;
}

const personFrom = (p: UserProfile, as: Person['as'], rosterKey: string | null = null): Person => ({
  id: p._id,
  name: p.name,
  phone: p.phone,
  room: p.room,
  streetId: p.streetId,
  communityId: p.communityId,
  gridId: p.gridId,
  buildingId: p.buildingId,
  as,
  rosterKey,
});

/**
 * 代办 (as petitions do): a 代办人 for the parent of their active binding; a grid worker of the person's grid or staff
 * of their community for a registered resident or a 人口台账 person. A roster person not yet joined is
 * `roster:<key>` with the roster's contacts (what the filer's roster view already holds).
 */
async function personOf(proxy: ParsedInput<'wish.create'>['onBehalfOf'], user: UserProfile): Promise<Person> {
  if (!proxy) {
    // Organisers are admitted to file for others; a wish of one's own is a resident's.
    if (!user.roles.includes('resident')) throw new DomainError('FORBIDDEN_ROLE', '只有居民可以发布自己的心愿');
    return personFrom(user, null);
  }
  if (proxy.helperBinding) return personFrom(await parentOfHelper(proxy.helperBinding, user), 'helper');
  if (!user.roles.includes('grid_worker') && !user.roles.includes('staff'))
    throw new DomainError('FORBIDDEN_ROLE', '只有网格员、社区工作人员和代办人可以代办');
  if (proxy.residentId) return personFrom(await residentFiledFor(proxy.residentId, user), 'grid');
  const { entry, streetId } = await rosterPerson(proxy.rosterKey!, user);
  const joined = entry.userId ? await loadUser(entry.userId) : null;
  if (joined) return personFrom(joined, 'grid', entry.key);
  return {
    id: rosterResidentId(entry.key),
    name: entry.name,
    phone: entry.phone ?? '',
    room: roomLabel(entry.unit, entry.room) || null,
    streetId,
    communityId: entry.communityId,
    gridId: entry.gridId,
    buildingId: entry.buildingId,
    as: 'grid',
    rosterKey: entry.key,
  };
}

function filing(person: Person, user: UserProfile): Pick<WishDoc, 'filedById' | 'filedByName' | 'filedAs' | 'rosterKey'> {
  if (!person.as) return {};
  return { filedById: user._id, filedByName: user.name, filedAs: person.as, rosterKey: person.rosterKey };
}

/** The grid workers of the resident's grid review new wishes; with no grid, the community staff do. */
function reviewersOf(resident: OrgPlace): Promise<string[]> {
  return holdersWhere(resident.gridId ? gridWorkersOf(resident.gridId) : { communityId: resident.communityId, roles: 'staff' });
}
