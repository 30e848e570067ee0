import { petitionCosign, petitionSimilar } from '../../src/shared/contract';
import { DomainError } from '../../src/shared/domain/errors';
import { assertMayCosign } from '../../src/shared/domain/petition-rules';
import { defineHandler } from '../_lib/platform/handler';
import { _, collections, db } from '../_lib/platform/runtime';
import { readIn, transact } from '../_lib/platform/transact';
import { type PetitionDoc } from './petition-repo';
import { toView, toViews } from './petition-view';
import { table } from '../_lib/platform/typed-db';

const SIMILAR_LIMIT = 10;
const OPEN = ['pending', 'accepted', 'council', 'review'];

/** How far from a map point petition.similar looks for cases filed at points. */
export const NEARBY_METRES = 500;

/**
 * Before filing: open, listed cases of the same kind in the grid of the chosen building (or the caller's); for a
 * map point, those filed at points within NEARBY_METRES of it in the caller's community, nearest first.
 */
export const similar = defineHandler(petitionSimilar, async ({ categoryId, buildingId, point }, { user }) => {
  if (point) {
    const near = await table(collections.petitions)
      .where({
        geo: _.geoNear({ geometry: db.Geo.Point(point.longitude, point.latitude), maxDistance: NEARBY_METRES }),
        communityId: user.communityId,
        categoryId,
        listed: true,
        status: _.in(OPEN),
      })
      .limit(SIMILAR_LIMIT)
      .get();
    return { items: await toViews(near as PetitionDoc[], user) };
  }
  let gridId = user.gridId;
  if (buildingId) {
    const res = await table(collections.orgUnits).where({ _id: buildingId }).limit(1).get();
    gridId = res[0]?.parentId ?? gridId;
  }
  const where = gridId ? { gridId } : { communityId: user.communityId };
  const res = await table(collections.petitions)
    .where({ ...where, categoryId, listed: true, status: _.in(OPEN) })
    .orderBy('createdAt', 'desc')
    .limit(SIMILAR_LIMIT)
    .get();
  return { items: await toViews(res as PetitionDoc[], user) };
});

// 我也遇到: one co-sign per neighbour, counted on the case; co-signers follow its progress.
export const cosign = defineHandler(
  petitionCosign,
  async ({ petitionId }, { openid, user, request }) => {
    const _id = `${petitionId}:${openid}`;
    return transact(
      async (tx) => {
        const current = await readIn<PetitionDoc>(tx, collections.petitions, petitionId);
        if (!current) throw new DomainError('PETITION_NOT_FOUND');
        assertMayCosign(user, current);
        if (await readIn(tx, collections.petitionCosigns, _id)) throw new DomainError('PETITION_ALREADY_COSIGNED');
        await tx.collection(collections.petitionCosigns).add({ data: { _id, petitionId, openid, name: user.name, at: new Date() } });
        await tx
          .collection(collections.petitions)
          .doc(petitionId)
          .update({ data: { cosignCount: _.inc(1) } });
        // Rendered before the commit, when the co-sign is not yet there to be read back: it is the caller's.
        const view = await toView({ ...current, cosignCount: current.cosignCount + 1 }, user);
        return { petition: { ...view, cosigned: true } };
      },
      { busy: 'BUSY', record: { request } },
    );
  },
  { record: 'inTransaction' },
);
