import { orgBuildingCode, orgPrintCodes } from '../../src/shared/contract';
import { DomainError } from '../../src/shared/domain/errors';
import type { OrgUnit } from '../../src/shared/domain/org';
import { isRetired, JOIN_PAGE, printsCodesOf, sceneOf } from '../../src/shared/domain/org-tree';
import { photoUrls } from '../_lib/platform/files';
import { defineHandler } from '../_lib/platform/handler';
import { cachedOrgNames } from '../_lib/platform/org';
import { cloud } from '../_lib/platform/runtime';
import { units, unitsById } from './units';

/** The one open API this function calls, as wx-server-sdk answers a buffer reply. */
interface WxacodeApi {
  wxacode: {
    getUnlimited(params: { scene: string; page: string; checkPath: boolean }): Promise<{ contentType: string; buffer: Buffer }>;
  };
}
const openapi = cloud.openapi as unknown as WxacodeApi;

/**
 * A building's code image in cloud storage: made once per join page (scene = the building id) and kept on the
 * building, so printing a grid again calls WeChat for none of them.
 */
async function codeFileOf(building: OrgUnit): Promise<string> {
  if (building.code?.page === JOIN_PAGE) return building.code.fileID;
  const image = await openapi.wxacode.getUnlimited({ scene: sceneOf(building._id), page: JOIN_PAGE, checkPath: false });
  const { fileID } = await cloud.uploadFile({ cloudPath: `org-codes/${building._id}.png`, fileContent: image.buffer });
  await units().change(building._id, { code: { page: JOIN_PAGE, fileID } });
  return fileID;
}

async function codeViews(buildings: OrgUnit[]) {
  const files = await Promise.all(buildings.map(codeFileOf));
  const urls = await photoUrls(files);
  return buildings.map((b, i) => ({ buildingId: b._id, name: b.name, url: urls.get(files[i]) ?? '' }));
}

/** 楼栋码 of one building: for its community's staff, its grid's worker and an admin within reach. */
export const buildingCode = defineHandler(orgBuildingCode, async ({ buildingId }, { user }) => {
  const [building] = await unitsById([buildingId]);
  if (building.kind !== 'building') throw new DomainError('ORG_UNIT_NOT_FOUND', '这不是一栋楼，请从网格下选择楼栋');
  if (!printsCodesOf(user, building)) throw new DomainError('FORBIDDEN_SCOPE');
  // A retired building takes no new members, so nobody should be sent to join it.
  if (isRetired(building)) throw new DomainError('ORG_RETIRED');
  const [communityId, gridId] = building.path.slice(1);
  const [names, [view]] = await Promise.all([cachedOrgNames([communityId, gridId]), codeViews([building])]);
  return { ...view, gridName: names.get(gridId) ?? '', communityName: names.get(communityId) ?? '' };
});

/** A grid's live buildings and their codes, in the grid's order, for one printed sheet. */
export const printCodes = defineHandler(orgPrintCodes, async ({ gridId }, { user }) => {
  const [grid] = await unitsById([gridId]);
  if (grid.kind !== 'grid') throw new DomainError('ORG_UNIT_NOT_FOUND', '请选择一个网格');
  if (!printsCodesOf(user, grid)) throw new DomainError('FORBIDDEN_SCOPE');
  const [buildings, names] = await Promise.all([
    units().where({ parentId: gridId, retiredAt: null }).orderBy('order', 'asc').limit(200).get(),
    cachedOrgNames([grid.path[1]]),
  ]);
  return { gridName: grid.name, communityName: names.get(grid.path[1]) ?? '', items: await codeViews(buildings) };
});
