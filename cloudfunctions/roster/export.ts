import { rosterExport } from '../../src/shared/contract/roster';
import { defineHandler } from '../_lib/platform/handler';
import { orgNames } from '../_lib/platform/org';
import { _, cloud } from '../_lib/platform/runtime';
import { table } from '../_lib/platform/typed-db';
import { reachRoster } from './access';
import { excel } from './excel';
import { unitsOf } from './import-residents';
import { shown } from './list';
import type { RosterEntry } from './roster-docs';

/** How long the download link works: long enough to save the file, short enough not to be passed around. */
const LINK_SECONDS = 600;
const READ_PAGE = 1000;

async function activeEntries(importId: string): Promise<RosterEntry[]> {
  const all: RosterEntry[] = [];
  for (let after = ''; ;) {
    const page = await table('roster_entries')
      .where(after ? { importId, sortKey: _.gt(after) } : { importId })
      .orderBy('sortKey', 'asc')
      .limit(READ_PAGE)
      .get();
    all.push(...page);
    if (page.length < READ_PAGE) return all;
    after = page[page.length - 1].sortKey;
  }
}

/**
 * 导出: the community's roster and its tree as one XLSX in cloud storage, under the caller's export folder, handed
 * back as a short-lived link. Phones are full for admins and masked for staff, as on the list.
 */
export const exportRoster = defineHandler(rosterExport, async (input, { openid, user }) => {
  const reach = await reachRoster(user, input.communityId, { gridWorkers: false });
  const [head, units, names] = await Promise.all([
    table('roster_heads').get(reach.communityId),
    unitsOf(reach.communityId),
    orgNames([reach.communityId]),
  ]);
  const entries = head ? await activeEntries(head.activeImport) : [];
  const live = units.filter((u) => !u.retiredAt);
  const gridNames = new Map(live.filter((u) => u.kind === 'grid').map((u) => [u._id, u.name]));
  const communityName = names.get(reach.communityId) ?? reach.communityId;

  const book = new (await excel()).Workbook();
  const people = book.addWorksheet('人口台账');
  people.columns = ['网格', '楼栋', '单元', '房号', '姓名', '手机号', '标签'].map((header) => ({ header, width: header === '标签' ? 24 : 12 }));
  for (const e of entries.map((doc) => shown(doc, reach, gridNames)))
    people.addRow([e.gridName, e.buildingName, e.unit, e.room, e.name, e.phone ?? '', e.tags.join('、')]);
  const tree = book.addWorksheet('组织架构');
  tree.columns = ['社区', '网格', '楼栋', '单元数', '地址'].map((header) => ({ header, width: header === '地址' ? 30 : 12 }));
  for (const grid of live.filter((u) => u.kind === 'grid')) {
    const buildings = live.filter((u) => u.kind === 'building' && u.parentId === grid._id);
    if (buildings.length === 0) tree.addRow([communityName, grid.name, '', '', '']);
    for (const b of buildings) tree.addRow([communityName, grid.name, b.name, b.entrances ?? '', b.address ?? '']);
  }

  const fileName = `${communityName}人口台账.xlsx`;
  const cloudPath = `exports/${openid}/${reach.communityId}-${Date.now()}.xlsx`;
  const bytes = Buffer.from(await book.xlsx.writeBuffer());
  const uploaded = await cloud.uploadFile({ cloudPath, fileContent: bytes });
  // The SDK types this call as maybe answering nothing (its callback form); awaited, it answers the list.
  const links = (await cloud.getTempFileURL({ fileList: [{ fileID: uploaded.fileID, maxAge: LINK_SECONDS }] })) as {
    fileList: { tempFileURL: string }[];
  };
  return { url: links.fileList[0].tempFileURL, fileName, rows: entries.length };
});
