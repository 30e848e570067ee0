import { listResources, projectAddResource } from '../../src/shared/contract';
import { DomainError } from '../../src/shared/domain/errors';
import type { UserProfile } from '../../src/shared/domain/org';
import { assertMayOffer, type ProviderFacts, type ProviderKind } from '../../src/shared/domain/project';
import { defineHandler } from '../_lib/platform/handler';
import { idForRequest } from '../_lib/platform/ids';
import { collections } from '../_lib/platform/runtime';
import { transact } from '../_lib/platform/transact';
import { table, tableIn } from '../_lib/platform/typed-db';
import type { ProjectResource } from './project-docs';
import { communityOf, recordedAs, resourceView } from './repo';

/** 资源清单: a page of the community's resources, newest first, of one kind or all. */
export const resources = defineHandler(listResources, async ({ kind, offset, limit }, { user }) => {
  const communityId = communityOf(user);
  const { docs, nextOffset } = await table(collections.projectResources)
    .where({ communityId, ...(kind ? { kind } : {}) })
    .orderBy('createdAt', 'desc')
    .page(offset, limit);
  return { items: docs.map((r) => resourceView(r, user)), nextOffset };
});

type Provider = ProviderFacts & { id: string; name: string };

/** Who offers it, as the rule (domain/project.ts assertMayOffer) needs to know them: one read for a unit or a shop. */
async function providerOf(kind: ProviderKind, providerId: string | undefined, user: UserProfile): Promise<Provider> {
  if (kind === 'member') {
    return { kind, id: user._id, name: user.name, ownerId: user._id, communityId: user.communityId, active: user.roles.includes('member') };
  }
  if (kind === 'unit') {
    const unit = providerId ? await table(collections.unitReports).get(providerId) : null;
    if (!unit) throw new DomainError('PROJECT_ITEM_INVALID', '没有找到这个共建单位，请刷新后重新选择');
    return { kind, id: unit._id, name: unit.name, ownerId: unit.reporterId, communityId: unit.communityId, active: unit.status === 'approved' };
  }
  const shop = providerId ? await table(collections.shops).get(providerId) : null;
  if (!shop) throw new DomainError('PROJECT_ITEM_INVALID', '没有找到这家商家，请刷新后重新选择');
  return { kind, id: shop._id, name: shop.name, ownerId: shop.ownerId, communityId: shop.communityId, active: shop.status === 'active' };
}

/**
 * 登记资源: a unit's contact for their unit, a merchant for their shop, a member for themself, or community staff for
 * a unit or shop of their community. A retry lands on the same resource.
 */
export const addResource = defineHandler(
  projectAddResource,
  async ({ provider: providerKind, providerId, kind, title, detail, availability }, { openid, user, requestId, request }) => {
    communityOf(user);
    const provider = await providerOf(providerKind, providerId, user);
    assertMayOffer(user, provider);
    const resource: ProjectResource = {
      _id: `res-${idForRequest([openid], requestId, 20)}`,
      streetId: user.streetId,
      communityId: provider.communityId,
      provider: { kind: provider.kind, id: provider.id, name: provider.name },
      ownerId: provider.ownerId,
      kind,
      title,
      detail,
      availability,
      addedBy: openid,
      createdAt: new Date(),
    };
    const view = () => ({ resource: resourceView(resource, user) });
    await transact(
      async (tx) => {
        const { _id, ...fields } = resource;
        await tableIn(tx, collections.projectResources).set(_id, fields);
      },
      recordedAs(request, view),
    );
    return view();
  },
  { record: 'inTransaction' },
);
