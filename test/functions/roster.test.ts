import ExcelJS from 'exceljs';
import { ok, useEmulator } from './call';
import { admin, gao, liu, sun, wang, zhao } from './personas';
import { countOf, csv, database, importAll, listAll, residentHeader, residents, uploadFile, xlsx } from './roster-kit';

const env = useEmulator();
const { call } = env;
const wutong = 'community-wutong';
const refused = (reply: any, code: string) => expect(reply).toMatchObject({ ok: false, code });

async function importFile(openid: string, data: Buffer, kind = 'residents', communityId = wutong, ext = 'xlsx') {
  const fileID = await uploadFile(env.emu, openid, data, ext);
  return importAll(call, openid, { fileID, communityId, kind });
}

/** Every roster action of the last `n` calls read through an index. */
async function expectIndexed(n: number) {
  for (const record of await env.emu.meter(n)) expect(record.uncovered).toEqual([]);
}

describe('roster.import of residents', () => {
  it('staff import an XLSX; the list shows it, phones masked for staff and full for the admin', async () => {
    const { state } = await importFile(sun, await xlsx([residentHeader, ...residents(30)]));
    expect(state).toMatchObject({ status: 'done', rows: 30, staged: 30, errorCount: 0, unchanged: false });
    await expectIndexed(1);

    const staffView = await listAll(call, sun);
    expect(staffView).toHaveLength(30);
    expect(staffView[0]).toMatchObject({ name: '居民1', phone: '139****0001', buildingName: '1号楼', gridName: '第一网格', unit: '1', room: '101' });
    expect(staffView.find((e) => e.name === '居民11')!.tags).toEqual(['独居老人', '低保']);
    const adminView = await listAll(call, admin, { communityId: wutong });
    expect(adminView[0].phone).toBe('13900000001');
    await expectIndexed(2);
  });

  it('the list filters by building, tag and name, pages without gaps, and a grid worker sees only their grid', async () => {
    await importFile(sun, await xlsx([residentHeader, ...residents(120)]));
    const all = await listAll(call, sun);
    expect(new Set(all.map((e) => e.id)).size).toBe(120);
    expect((await listAll(call, sun, { buildingId: 'building-2' })).every((e) => e.buildingName === '2号楼')).toBe(true);
    expect(await listAll(call, sun, { tag: '独居老人' })).toHaveLength(12);
    expect((await listAll(call, sun, { name: '居民7' })).map((e) => e.name)).toEqual(['居民7']);
    const grid1 = await listAll(call, liu);
    expect(ok(await call(liu, 'roster.list', {}))).toMatchObject({ gridName: '第一网格', total: grid1.length });
    expect(grid1).toHaveLength(all.filter((e) => e.gridId === 'grid-1').length);
    expect(grid1.every((e) => e.gridId === 'grid-1' && e.phone.includes('****'))).toBe(true);
    expect(ok(await call(zhao, 'roster.list', {})).buildings.map((b: any) => b.name)).toEqual(['4号楼', '5号楼', '6号楼']);
    await expectIndexed(8);
  });

  it('importing the same file again changes nothing; a corrected file updates the same entries in place', async () => {
    const rows = residents(20);
    await importFile(sun, await xlsx([residentHeader, ...rows]));
    const before = await listAll(call, sun);
    // Saved again a day later: other bytes, the same roster.
    const again = await importFile(sun, await xlsx([residentHeader, ...rows], new Date(Date.now() + 86_400_000)));
    expect(again.state).toMatchObject({ status: 'done', unchanged: true });
    expect(await listAll(call, sun)).toEqual(before);

    const corrected = rows.map((r, i) => (i === 0 ? [r[0], '13712345678', ...r.slice(2)] : r)).slice(0, 19);
    const fixed = await importFile(sun, await xlsx([residentHeader, ...corrected]));
    expect(fixed.state).toMatchObject({ status: 'done', rows: 19, unchanged: false });
    const after = await listAll(call, sun);
    expect(after).toHaveLength(19);
    expect(after[0]).toMatchObject({ id: before[0].id, name: '居民1', phone: '137****5678' });
    expect(after.map((e) => e.id)).toEqual(before.filter((e) => e.name !== '居民20').map((e) => e.id));
    // The replaced import's entries are cleared: only the visible roster is stored.
    expect(await countOf(env.emu, 'roster_entries')).toBe(19);
  });

  it('a 5,000-row file with 3 bad rows answers the 3 rows with their lines and writes nothing', async () => {
    const rows = residents(5000);
    rows[9] = ['', rows[9][1], rows[9][2], rows[9][3], rows[9][4], ''];
    rows[2499] = [rows[2499][0], '12345', ...rows[2499].slice(2)];
    rows[4999] = [rows[4999][0], rows[4999][1], '99号楼', ...rows[4999].slice(3)];
    const { state } = await importFile(sun, await xlsx([residentHeader, ...rows]));
    expect(state).toMatchObject({ status: 'invalid', rows: 5000, staged: 0, errorCount: 3 });
    expect(state.errors).toEqual([
      { line: 11, reason: '姓名不能为空' },
      { line: 2501, reason: '手机号应为 11 位数字' },
      { line: 5001, reason: '楼栋“99号楼”不在本社区，请先导入楼栋表或检查楼栋名' },
    ]);
    expect(await countOf(env.emu, 'roster_entries')).toBe(0);
    expect(ok(await call(sun, 'roster.list', {})).total).toBe(0);
  });

  it('5,000 good rows import in one user action, page by page, and become visible at once', async () => {
    const { state, calls } = await importFile(sun, await xlsx([residentHeader, ...residents(5000)]));
    expect(state).toMatchObject({ status: 'done', rows: 5000, staged: 5000 });
    expect(calls).toBeGreaterThan(1);
    expect(ok(await call(sun, 'roster.list', {})).total).toBe(5000);
    expect(await countOf(env.emu, 'roster_entries')).toBe(5000);
    const records = await env.emu.meter(calls + 1);
    for (const record of records) expect(record).toMatchObject({ uncovered: [] });
    // Each call within the budget of an action (8 DB requests), whatever the file's size.
    expect(Math.max(...records.slice(0, calls).map((r) => r.dbRequests))).toBeLessThanOrEqual(8);
    // A page of the list, once the instance is warm: the caller, the roster's head, the page.
    await call(sun, 'roster.list', { buildingId: 'building-3' });
    expect((await env.emu.meter(1))[0].dbRequests).toBe(3);
  });

  it('two imports of the same file at once (a double tap, two staff members) are one job with one result', async () => {
    const data = await xlsx([residentHeader, ...residents(1500)]);
    const [a, b, c] = await Promise.all([importFile(sun, data), importFile(sun, data), importFile(gao, data)]);
    expect(c.state).toMatchObject({ status: 'done', importId: a.state.importId });
    expect(a.state).toMatchObject({ status: 'done', rows: 1500 });
    expect(b.state).toMatchObject({ status: 'done', rows: 1500, importId: a.state.importId });
    expect(await countOf(env.emu, 'roster_imports')).toBe(1);
    expect(await countOf(env.emu, 'roster_entries')).toBe(1500);
    expect(await listAll(call, sun)).toHaveLength(1500);
  });

  it('an import abandoned halfway never shows, and its staged rows go when the next import starts', async () => {
    const abandoned = await uploadFile(env.emu, sun, await xlsx([residentHeader, ...residents(1500, '137')]));
    expect(ok(await call(sun, 'roster.import', { fileID: abandoned, communityId: wutong, kind: 'residents' }))).toMatchObject({
      status: 'running',
      staged: 1000,
    });
    await importFile(sun, await xlsx([residentHeader, ...residents(30)]));
    expect(await listAll(call, sun)).toHaveLength(30);
    const again = await importAll(call, sun, { fileID: abandoned, communityId: wutong, kind: 'residents' });
    expect(again.state).toMatchObject({ status: 'done', rows: 1500 });
    expect((await listAll(call, sun)).every((e) => e.phone.startsWith('137'))).toBe(true);
    // Only the roster on show is stored: the first, abandoned job's 1,000 staged rows and the 30-row roster are gone.
    expect(await countOf(env.emu, 'roster_entries')).toBe(1500);
    expect(await countOf(env.emu, 'roster_imports', { status: 'superseded' })).toBe(1);
    await expectIndexed(3);
  });

  it('duplicate people and missing columns are named', async () => {
    const [first] = residents(1);
    const { state } = await importFile(sun, await xlsx([residentHeader, first, first]));
    expect(state.errors).toEqual([{ line: 3, reason: '与第 2 行重复（楼栋、单元、房号、姓名都相同）' }]);
    const fileID = await uploadFile(
      env.emu,
      sun,
      await xlsx([
        ['名字', '电话'],
        ['王五', '13800000000'],
      ]),
    );
    const reply = await call(sun, 'roster.import', { fileID, communityId: wutong, kind: 'residents' });
    refused(reply, 'BAD_INPUT');
    expect(reply.message).toContain('缺少列：姓名、楼栋、房号');
  });
});

describe('files that are not a clean XLSX', () => {
  it('a UTF-8 CSV with a BOM reads its Chinese headers', async () => {
    const { state } = await importFile(sun, csv([residentHeader, ...residents(5)]), 'residents', wutong, 'csv');
    expect(state).toMatchObject({ status: 'done', rows: 5 });
    expect((await listAll(call, sun))[0]).toMatchObject({ name: '居民1', phone: '139****0001' });
  });

  it('formulas are taken at their saved result; one with none is a row error', async () => {
    const rows: ExcelJS.CellValue[][] = [
      residentHeader,
      ['居民1', { formula: '"139"&"00000001"', result: '13900000001' }, '1号楼', '1', '101', ''],
      ['居民2', '13900000002', { formula: 'A1' } as ExcelJS.CellValue, '1', '102', ''],
    ];
    const { state } = await importFile(sun, await xlsx(rows));
    expect(state.status).toBe('invalid');
    expect(state.errors).toEqual([{ line: 3, reason: '“楼栋”是公式且没有保存计算结果，请在 Excel 中复制后“粘贴为数值”' }]);
    const { state: good } = await importFile(sun, await xlsx(rows.slice(0, 2)));
    expect(good.status).toBe('done');
    expect((await listAll(call, admin, { communityId: wutong }))[0].phone).toBe('13900000001');
  });

  it('a picture, an old .xls, a GBK CSV and a file over 5 MB are refused in Chinese', async () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    const xls = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]);
    const gbk = Buffer.from([0xd0, 0xd5, 0xc3, 0xfb, 0x2c, 0xc2, 0xa5, 0xb6, 0xb0]); // 姓名,楼栋 in GBK
    const huge = Buffer.concat([Buffer.from('姓名,楼栋,房号\n'), Buffer.alloc(5 * 1024 * 1024 + 1, 'a')]);
    const cases: [Buffer, string][] = [
      [png, '只支持 .xlsx 或 .csv 文件'],
      [xls, '只支持 .xlsx 或 .csv 文件'],
      [gbk, '不是 UTF-8 编码'],
      [huge, '文件太大'],
      [Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from('broken zip')]), '无法读取这个 Excel 文件'],
    ];
    for (const [data, message] of cases) {
      const fileID = await uploadFile(env.emu, sun, data, 'bin');
      const reply = await call(sun, 'roster.import', { fileID, communityId: wutong, kind: 'residents' });
      refused(reply, 'BAD_INPUT');
      expect(reply.message).toContain(message);
    }
    expect(await countOf(env.emu, 'roster_imports')).toBe(0);
  });

  it('a file of more than 20,000 rows is refused whole, in Chinese', async () => {
    const fileID = await uploadFile(env.emu, sun, csv([residentHeader, ...residents(20_001)]), 'csv');
    const reply = await call(sun, 'roster.import', { fileID, communityId: wutong, kind: 'residents' });
    refused(reply, 'BAD_INPUT');
    expect(reply.message).toBe('行数太多（超过 20000 行），请分成几个文件导入');
    expect(await countOf(env.emu, 'roster_imports')).toBe(0);
  });
});

describe('roster.import of buildings', () => {
  const header = ['网格', '楼栋', '单元数', '地址'];

  it('creates new buildings under their grids, updates existing ones, and a second import changes nothing', async () => {
    const rows = [header, ['第一网格', '10号楼', '3', '梧桐路 10 号'], ['第二网格', '1号楼', '4', '']];
    const { state } = await importFile(sun, await xlsx(rows), 'buildings');
    expect(state).toMatchObject({ kind: 'buildings', status: 'done', rows: 2, unchanged: false });
    const found = (await database(env.emu).collection('org_units').where({ kind: 'building', name: '10号楼' }).get()) as { data: any[] };
    const units = found.data;
    expect(units).toEqual([
      expect.objectContaining({ parentId: 'grid-1', path: ['street-qingshi', wutong, 'grid-1'], entrances: 3, address: '梧桐路 10 号' }),
    ]);
    const moved = ((await database(env.emu).collection('org_units').doc('building-1').get()) as any).data;
    expect(moved).toMatchObject({ parentId: 'grid-2', entrances: 4, path: ['street-qingshi', wutong, 'grid-2'] });
    expect((await importFile(sun, await xlsx(rows), 'buildings')).state).toMatchObject({ status: 'done', unchanged: true });
    await expectIndexed(1);
    // The residents of the new building can be imported now.
    const people = await importFile(sun, await xlsx([residentHeader, ['新住户', '', '10号楼', '2', '201', '党员']]));
    expect(people.state.status).toBe('done');
  });

  it('a grid that is not in the community is a row error, and nothing is written', async () => {
    const { state } = await importFile(sun, await xlsx([header, ['第一网格', '11号楼', '2', ''], ['第九网格', '12号楼', 'x', '']]), 'buildings');
    expect(state.status).toBe('invalid');
    expect(state.errors).toEqual([{ line: 3, reason: '单元数应为 1–99 的整数' }]);
    expect(await countOf(env.emu, 'org_units', { name: '11号楼' })).toBe(0);
  });
});

describe('who may import, list and export', () => {
  /** Another street with a community, its staff, and a 银杏社区 in 青石街道 with its own staff member. */
  async function elsewhere() {
    const db = database(env.emu);
    const units = [
      { _id: 'street-baihe', kind: 'street', name: '白河街道', parentId: null, path: [] },
      { _id: 'community-baihe', kind: 'community', name: '白河社区', parentId: 'street-baihe', path: ['street-baihe'] },
      { _id: 'community-ginkgo', kind: 'community', name: '银杏社区', parentId: 'street-qingshi', path: ['street-qingshi'] },
    ];
    for (const data of units) await db.collection('org_units').add({ data });
    const person = { phone: '13800009999', gridId: null, buildingId: null, room: null, birthYear: 1980 };
    await db.collection('users').add({
      data: { _id: 'o-ginkgo-staff', name: '钟晓', roles: ['staff'], streetId: 'street-qingshi', communityId: 'community-ginkgo', ...person },
    });
    await db.collection('users').add({
      data: {
        _id: 'o-district-admin',
        name: '区管理员',
        roles: ['admin'],
        adminScope: 'district',
        streetId: 'street-baihe',
        communityId: 'community-baihe',
        ...person,
      },
    });
  }

  it('staff of one community cannot import into, list or export another; an admin only within reach', async () => {
    await elsewhere();
    const data = await xlsx([residentHeader, ...residents(3)]);
    const sunFile = await uploadFile(env.emu, sun, data);
    refused(await call(sun, 'roster.import', { fileID: sunFile, communityId: 'community-ginkgo', kind: 'residents' }), 'FORBIDDEN_SCOPE');
    const adminFile = await uploadFile(env.emu, admin, data);
    refused(await call(admin, 'roster.import', { fileID: adminFile, communityId: 'community-baihe', kind: 'residents' }), 'FORBIDDEN_SCOPE');
    refused(await call(admin, 'roster.list', { communityId: 'community-baihe' }), 'FORBIDDEN_SCOPE');
    refused(await call(admin, 'roster.export', { communityId: 'community-baihe' }), 'FORBIDDEN_SCOPE');
    // The admin of 青石街道 may import into 梧桐社区; the district's admin reaches every street.
    expect((await importAll(call, admin, { fileID: adminFile, communityId: wutong, kind: 'residents' })).state.status).toBe('done');
    refused(await call('o-ginkgo-staff', 'roster.list', { communityId: wutong }), 'FORBIDDEN_SCOPE');
    refused(await call('o-ginkgo-staff', 'roster.export', { communityId: wutong }), 'FORBIDDEN_SCOPE');
    expect(ok(await call('o-district-admin', 'roster.list', { communityId: wutong })).total).toBe(3);
    expect(await countOf(env.emu, 'roster_imports', { communityId: 'community-ginkgo' })).toBe(0);
  });

  it('residents and grid workers cannot import; nobody imports a file someone else uploaded', async () => {
    const data = await xlsx([residentHeader, ...residents(3)]);
    refused(
      await call(liu, 'roster.import', { fileID: await uploadFile(env.emu, liu, data), communityId: wutong, kind: 'residents' }),
      'FORBIDDEN_ROLE',
    );
    refused(await call(wang, 'roster.list', {}), 'FORBIDDEN_ROLE');
    refused(await call(liu, 'roster.export', {}), 'FORBIDDEN_ROLE');
    const reply = await call(admin, 'roster.import', { fileID: await uploadFile(env.emu, sun, data), communityId: wutong, kind: 'residents' });
    refused(reply, 'BAD_INPUT');
    expect(reply.message).toBe('只能导入你自己上传的文件，请重新选择文件');
  });
});

describe('roster.export', () => {
  async function sheetsOf(url: string) {
    const res = await fetch(url);
    expect(res.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await res.arrayBuffer());
    const rows = (name: string) => (book.getWorksheet(name)!.getSheetValues() as ExcelJS.CellValue[][]).filter(Boolean).map((r) => r.slice(1));
    return { people: rows('人口台账'), tree: rows('组织架构') };
  }

  it('gives the roster and the tree as XLSX: phones full for the admin, masked for staff', async () => {
    await importFile(sun, await xlsx([residentHeader, ...residents(12)]));
    const byStaff = ok(await call(sun, 'roster.export', {}));
    expect(byStaff).toMatchObject({ rows: 12, fileName: '梧桐社区人口台账.xlsx' });
    const staffBook = await sheetsOf(byStaff.url);
    expect(staffBook.people[0]).toEqual(['网格', '楼栋', '单元', '房号', '姓名', '手机号', '标签']);
    expect(staffBook.people[1]).toEqual(['第一网格', '1号楼', '1', '101', '居民1', '139****0001', '独居老人、低保']);
    expect(staffBook.people).toHaveLength(13);
    expect(staffBook.tree).toHaveLength(10);
    expect(staffBook.tree[1].slice(0, 3)).toEqual(['梧桐社区', '第一网格', '1号楼']);
    const adminBook = await sheetsOf(ok(await call(admin, 'roster.export', { communityId: wutong })).url);
    expect(adminBook.people[1][5]).toBe('13900000001');
    await expectIndexed(2);
  });
});
