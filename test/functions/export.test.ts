import ExcelJS from 'exceljs';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { newWish, ok, useEmulator, RACING } from './call';
import { bulletinNumbers } from '../../src/shared/domain/bulletin';
import { databaseOf } from './ledger-fixture';
import { file } from './petition-fixtures';
import { liu, luo, qian, sun, wang, zhang } from './personas';

// 数据导出 (issue 14): staff export what they may see as XLSX or CSV; the file holds the data, masked by the privacy
// rule; a big export is carried page by page by the status calls and the exports timer; a day later it is gone.
// Timers run only when a test runs them (or moves the clock past them): a page count mid-way must not race the cron.
const env = useEmulator({ env: { ...RACING.env, LINLI_TRIGGER_TICK_MS: String(24 * 3600_000) } });
const { call } = env;

let serial = 0;
const rid = (tag: string) => `export-${tag}-${++serial}-0001`;
const timer = () => env.emu.invoke<Record<string, number>>('report', { Type: 'timer', TriggerName: 'exports' });
const today = async () => new Date(Date.parse((await env.emu.clock()).now) + 8 * 3600_000).toISOString().slice(0, 10);

async function start(who: string, payload: Record<string, unknown>, requestId = rid('start')) {
  const day = await today();
  return call(who, 'report.exportStart', { from: day, to: day, format: 'xlsx', ...payload }, requestId);
}

/** Polls as the app does until the export is done; answers the final view and how many polls it took. */
async function finish(who: string, most = 50): Promise<{ view: any; polls: number }> {
  for (let polls = 1; polls <= most; polls++) {
    const view = ok(await call(who, 'report.exportStatus', {})).export;
    if (view.status !== 'running') return { view, polls };
  }
  throw new Error(`export of ${who} not done after ${most} polls`);
}

async function download(url: string): Promise<Buffer> {
  const res = await fetch(url);
  expect(res.status).toBe(200);
  return Buffer.from(await res.arrayBuffer());
}

async function sheets(url: string): Promise<Map<string, unknown[][]>> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load((await download(url)) as unknown as ArrayBuffer);
  return new Map(
    book.worksheets.map((ws) => [ws.name, (ws.getSheetValues() as unknown[][]).filter(Boolean).map((r) => r.slice(1).map((v) => v ?? ''))]),
  );
}

/** A strict RFC 4180 reader (quoted fields, doubled quotes, CRLF), to prove the file reads back as written. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const endField = () => {
    row.push(field);
    field = '';
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted && ch === '"' && text[i + 1] === '"') {
      field += '"';
      i++;
    } else if (quoted && ch === '"') quoted = false;
    else if (quoted) field += ch;
    else if (ch === '"') quoted = true;
    else if (ch === ',') endField();
    else if (ch === '\r' && text[i + 1] === '\n') {
      endField();
      rows.push(row);
      row = [];
      i++;
    } else field += ch;
  }
  if (field || row.length) {
    endField();
    rows.push(row);
  }
  return rows;
}

/** Whether the export's file is in the emulator's storage (`exports/<openid>/<requestId>-<random>.<format>`). */
function stored(openid: string, view: { id: string; format: string }): boolean {
  const dir = join(env.emu.dataDir, 'files', 'exports', openid);
  return existsSync(dir) && readdirSync(dir).some((f) => f.startsWith(`${view.id}-`) && f.endsWith(`.${view.format}`));
}

async function expectIndexed(n: number) {
  for (const record of await env.emu.meter(n)) expect(record.uncovered).toEqual([]);
}

describe('report.exportStart / exportStatus', () => {
  it('exports the community’s cases as XLSX: one row per petition and wish, as stored', async () => {
    const petitions = [await file(call), await file(call)];
    ok(await call(liu, 'petition.accept', { petitionId: petitions[0] }));
    const wish = ok(await call(wang, 'wish.create', newWish)).wish.id;
    ok(await call(liu, 'wish.approve', { wishId: wish, points: 10 }));

    const started = ok(await start(sun, { kinds: ['cases', 'bulletin'] })).export;
    expect(started).toMatchObject({ status: 'running', scopeName: '梧桐社区', rows: 0, kindsDone: 0, url: null });
    const { view } = await finish(sun);
    expect(view).toMatchObject({ status: 'done', rows: 3, kindsDone: 2, id: started.id });
    expect(view.fileName).toMatch(/^梧桐社区数据导出_\d{4}-\d{2}-\d{2}至\d{4}-\d{2}-\d{2}\.xlsx$/);
    await expectIndexed(3);

    const book = await sheets(view.url);
    expect([...book.keys()]).toEqual(['诉求与心愿', '社区月报']);
    const cases = book.get('诉求与心愿')!;
    expect(cases[0]).toEqual(['类型', '编号', '分类', '网格', '层级', '状态', '提交时间', '办结时间', '是否超期', '评价']);
    const byId = new Map(cases.slice(1).map((r) => [r[1], r]));
    expect([...byId.keys()].sort()).toEqual([...petitions, wish].sort());
    expect(byId.get(petitions[0])!.slice(0, 6)).toEqual(['诉求', petitions[0], '无障碍设施', '第一网格', '网格', '办理中']);
    expect(byId.get(petitions[0])![8]).toBe('否');
    expect(byId.get(petitions[1])![5]).toBe('待受理');
    expect(byId.get(wish)!.slice(0, 6)).toEqual(['心愿', wish, '家电维修', '第一网格', '网格', '待认领']);
    // No bulletin yet (the month is not over): the sheet has its columns only.
    expect(book.get('社区月报')).toHaveLength(1);
    expect(book.get('社区月报')![0].slice(0, 3)).toEqual(['月份', '社区', '状态']);
  });

  it('writes postings as CSV with a BOM and proper quoting, people masked by who exports', async () => {
    const reason = '邻里节"搬桌椅",辛苦了';
    ok(await call(sun, 'points.award', { openid: wang, asset: 'volunteer', amount: 5, reason }, rid('award')));
    // The stats timer is not needed: postings are read as they are.
    const byStaff = async (who: string, scope?: string) => {
      ok(await start(who, { kinds: ['postings'], format: 'csv', ...(scope ? { scope } : {}) }));
      const { view } = await finish(who);
      expect(view.fileName).toMatch(/积分流水_.*\.csv$/);
      const bytes = await download(view.url);
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const text = bytes.toString('utf8').slice(1);
      expect(text).toContain('"邻里节""搬桌椅"",辛苦了"');
      return parseCsv(text);
    };
    const community = await byStaff(sun);
    expect(community[0]).toEqual(['时间', '积分种类', '数量', '类型', '事由', '居民', '手机号', '经办人', '记录编号']);
    const row = community.find((r) => r[4] === reason)!;
    expect(row.slice(1, 7)).toEqual(['志愿服务积分', '5', '发放', reason, '王秀英', '138****1001']);
    expect(row[7]).toBe('孙丽');

    const street = await byStaff(qian, 'street-qingshi');
    expect(street.find((r) => r[4] === reason)!.slice(5, 8)).toEqual(['王**', '', '孙*']);
    const district = await byStaff(luo, 'district');
    expect(district.find((r) => r[4] === reason)!.slice(5, 7)).toEqual(['王**', '']);
    expect(JSON.stringify([street, district])).not.toContain('1001');
  });

  it('sums volunteer hours per volunteer', async () => {
    // Mid-morning of the 10th in China: the shifts, the case and the period all fall in one day of one month.
    await env.emu.clock({ set: '2026-12-10T01:00:00Z' });
    const always = { days: [0, 1, 2, 3, 4, 5, 6], start: '00:00', end: '23:59', maxHours: 12 };
    const post = { placeId: 'building-2', type: 'elder_helper', title: '2号楼助老岗', slots: 2, schedule: always, pointsPerHour: 10 };
    const postId = ok(await call(sun, 'post.publish', post, rid('post'))).post.id;
    ok(await call(zhang, 'post.claim', { postId }, rid('claim')));
    for (const hours of [2, 1]) {
      ok(await call(zhang, 'post.checkIn', { postId }, rid('in')));
      await env.emu.clock({ advanceMs: hours * 3600_000 });
      ok(await call(zhang, 'post.checkOut', { postId }, rid('out')));
    }
    const day = await today();
    ok(await start(sun, { kinds: ['hours'], from: `${day.slice(0, 7)}-01`, to: day }));
    const { view } = await finish(sun);
    const book = await sheets(view.url);
    expect(book.get('志愿服务时长')).toEqual([
      ['志愿者', '社区', '值班次数', '服务时长（小时）', '获得积分'],
      ['张建国', '梧桐社区', 2, 3, 30],
    ]);
  });

  it('exports the bulletins (月通报) of the period: the numbers beside the month before, the lists, the note, drafts too (who may export a place reads its drafts)', async () => {
    const db = databaseOf(env.emu);
    const numbers = (received: number, resolved: number, rate: number | null) => ({
      ...bulletinNumbers({}),
      received,
      resolved,
      resolutionRate: rate,
      volunteerHours: 6.5,
    });
    const content = {
      current: numbers(12, 9, 0.75),
      previous: numbers(8, 8, 1),
      previousMonth: '2026-09',
      grids: [{ id: 'grid-1', name: '第一网格', received: 7, resolved: 6, onTimeRate: 1, satisfactionRate: 0.5 }],
      overdueByLevel: [{ level: 'grid', label: '网格预警', count: 2 }],
      overdueByDepartment: [{ id: 'dept-water', name: '水务局', count: 1 }],
      stars: [{ name: '李明', points: 120 }],
      starsFinal: true,
      shops: [{ name: '老张理发', points: 300, stars: 3, level: '三星美德商铺' }],
      volunteers: [{ name: '张建国', hours: 3, wishes: 1 }],
    };
    const bulletin = async (communityId: string, communityName: string, month: string, published: boolean, note = '') =>
      db.collection('bulletins').add({
        data: {
          _id: `${communityId}:${month}`,
          communityId,
          communityName,
          streetId: 'street-qingshi',
          month,
          status: published ? 'published' : 'draft',
          content,
          note,
          generatedAt: new Date('2026-11-01T03:00:00Z'),
          publishedAt: published ? new Date('2026-11-02T02:30:00Z') : null,
          publishedBy: published ? sun : null,
          publishedByName: published ? '孙丽' : null,
        },
      });
    await bulletin('community-wutong', '梧桐社区', '2026-08', true);
    await bulletin('community-wutong', '梧桐社区', '2026-10', true, '十月诉求多在供暖，已协调。');
    await bulletin('community-wutong', '梧桐社区', '2026-11', false);
    await bulletin('community-other', '别的社区', '2026-10', false);
    await bulletin('community-other', '别的社区', '2026-11', true);
    const period = { from: '2026-10-01', to: '2026-11-30' };

    ok(await start(sun, { kinds: ['bulletin'], ...period }));
    const { view } = await finish(sun);
    expect(view).toMatchObject({ status: 'done', rows: 2, fileName: '梧桐社区月报_2026-10-01至2026-11-30.xlsx' });
    await expectIndexed(2);
    const sheet = (await sheets(view.url)).get('社区月报')!;
    expect(sheet[0].slice(0, 7)).toEqual(['月份', '社区', '状态', '受理诉求', '受理诉求（上月）', '办结', '办结（上月）']);
    expect(sheet[0].slice(-8)).toEqual(['网格排名', '超期（按层级）', '超期（按部门）', '明星党员', '美德商铺', '感谢志愿者', '说明', '发布时间']);
    expect(sheet.slice(1).map((r) => r.slice(0, 3))).toEqual([
      ['2026-10', '梧桐社区', '已发布'],
      ['2026-11', '梧桐社区', '草稿'],
    ]);
    const october = new Map(sheet[0].map((h, i) => [h, sheet[1][i]]));
    expect([october.get('受理诉求'), october.get('受理诉求（上月）'), october.get('办结率'), october.get('办结率（上月）')]).toEqual([
      12,
      8,
      '75.0%',
      '100.0%',
    ]);
    expect(october.get('志愿服务时长（小时）')).toBe(6.5);
    expect(october.get('满意率')).toBe('');
    expect(october.get('网格排名')).toBe('1.第一网格 受理7 办结6 按期100.0% 满意50.0%');
    expect(october.get('超期（按层级）')).toBe('网格预警2件');
    expect(october.get('超期（按部门）')).toBe('水务局1件');
    expect(october.get('明星党员')).toBe('李明（120分）');
    expect(october.get('美德商铺')).toBe('老张理发（三星美德商铺，300分）');
    expect(october.get('感谢志愿者')).toBe('张建国（3小时，心愿1件）');
    expect(october.get('说明')).toBe('十月诉求多在供暖，已协调。');
    expect(october.get('发布时间')).toBe('2026-11-02 10:30');

    // The street's staff read every community's drafts too: a month per page, its communities in order. CSV: one kind.
    ok(await start(qian, { kinds: ['bulletin'], format: 'csv', scope: 'street-qingshi', ...period }));
    const street = await finish(qian);
    const rows = parseCsv((await download(street.view.url)).toString('utf8').slice(1));
    expect(rows.slice(1).map((r) => r.slice(0, 3))).toEqual([
      ['2026-10', '别的社区', '草稿'],
      ['2026-10', '梧桐社区', '已发布'],
      ['2026-11', '别的社区', '已发布'],
      ['2026-11', '梧桐社区', '草稿'],
    ]);
    await expectIndexed(2);
  });

  it('refuses a place out of scope, a role without exports, and a CSV of two kinds', async () => {
    const refused = (reply: any, code: string) => expect(reply).toMatchObject({ ok: false, code });
    refused(await start(sun, { kinds: ['cases'], scope: 'street-qingshi' }), 'FORBIDDEN_SCOPE');
    refused(await start(sun, { kinds: ['cases'], scope: 'district' }), 'FORBIDDEN_SCOPE');
    refused(await start(qian, { kinds: ['cases'], scope: 'district' }), 'FORBIDDEN_SCOPE');
    refused(await start(liu, { kinds: ['cases'] }), 'FORBIDDEN_ROLE');
    refused(await start(zhang, { kinds: ['cases'] }), 'FORBIDDEN_ROLE');
    refused(await call(wang, 'report.exportStatus', {}), 'FORBIDDEN_ROLE');
    refused(await start(sun, { kinds: ['cases', 'postings'], format: 'csv' }), 'BAD_INPUT');
    refused(await start(sun, { kinds: ['cases'], from: '2026-01-01', to: '2027-06-01' }), 'BAD_INPUT');
    expect(ok(await call(sun, 'report.exportStatus', {})).export).toBeNull();
  });

  it('starts once per requestId, one running export per person, and another once it is done', async () => {
    const key = rid('same');
    const first = ok(await start(sun, { kinds: ['cases'] }, key)).export;
    expect(ok(await start(sun, { kinds: ['cases'] }, key)).export.id).toBe(first.id);
    expect(await start(sun, { kinds: ['hours'] })).toMatchObject({ ok: false, code: 'BUSY' });
    // Another person's export is their own: the street's staff start one meanwhile.
    ok(await start(qian, { kinds: ['cases'], scope: 'street-qingshi' }));
    const { view } = await finish(sun);
    expect(stored(sun, view)).toBe(true);
    const next = ok(await start(sun, { kinds: ['hours'] })).export;
    expect(next.id).not.toBe(first.id);
    // The earlier file goes when the next export starts.
    expect(stored(sun, view)).toBe(false);
    expect((await fetch(view.url)).status).not.toBe(200);
  });

  it('an export of more than 10 k rows is carried in pages by the status calls and the timer, then removed after a day', async () => {
    const seedId = await file(call);
    const db = databaseOf(env.emu);
    const { data: model } = await db.collection('petitions').doc(seedId).get();
    const base = Date.parse(model.createdAt);
    const total = 10_500;
    for (let i = 0; i < total; i += 500) {
      const docs = Array.from({ length: Math.min(500, total - i) }, (_, k) => ({
        ...model,
        _id: `bulk-${String(i + k).padStart(6, '0')}`,
        // Several cases in one millisecond, as a busy district would have them.
        createdAt: new Date(base - 60_000 + Math.floor((i + k) / 3)),
      }));
      await db.collection('petitions').add({ data: docs.map(({ _id, ...rest }) => ({ _id, ...rest })) });
    }
    const started = ok(await start(sun, { kinds: ['cases'], format: 'csv' })).export;
    // Four polls carry four pages of up to 1000 (a page re-reads the cases at its cursor's millisecond and drops
    // those already written): the export is under way, not done.
    for (let i = 0; i < 3; i++) ok(await call(sun, 'report.exportStatus', {}));
    const midway = ok(await call(sun, 'report.exportStatus', {})).export;
    expect(midway.status).toBe('running');
    expect(midway.rows).toBeGreaterThan(3900);
    expect(midway.rows).toBeLessThanOrEqual(4000);
    await expectIndexed(4);
    for (const record of await env.emu.meter(4)) expect(record.dbRequests).toBeLessThanOrEqual(8);
    // A poll and the timer at once (the app still open when the timer comes): one of them moves each page on.
    await env.emu.clock({ advanceMs: 15_000 });
    const together = await Promise.all([call(sun, 'report.exportStatus', {}), call(sun, 'report.exportStatus', {}), timer()]);
    expect(together.slice(0, 2).map((r) => r.ok)).toEqual([true, true]);
    // The timer takes it from there once nobody polls (the file of more than ten parts is the timer's to write).
    await env.emu.clock({ advanceMs: 15_000 });
    while (ok(await call(sun, 'report.exportStatus', {})).export.rows < total + 1) await timer();
    await timer();
    const { view } = await finish(sun, 3);
    expect(view).toMatchObject({ id: started.id, status: 'done', rows: total + 1 });
    const rows = parseCsv((await download(view.url)).toString('utf8').slice(1));
    expect(rows).toHaveLength(total + 2);
    const ids = rows.slice(1).map((r) => r[1]);
    expect(new Set(ids).size).toBe(total + 1);
    expect(ids).toContain('bulk-010499');
    expect(ids).toContain(seedId);
    await expectIndexed(2);

    // Kept for a day; then the timer (run by moving the clock past it) removes the job and its file.
    await timer();
    expect(stored(sun, view)).toBe(true);
    expect(ok(await call(sun, 'report.exportStatus', {})).export.status).toBe('done');
    await env.emu.clock({ advanceMs: 25 * 3600_000 });
    await timer();
    expect(ok(await call(sun, 'report.exportStatus', {})).export).toBeNull();
    expect(stored(sun, view)).toBe(false);
    // Every query of the timer's runs and the polls, cleanup included, is served by an index.
    expect((await env.emu.meter()).flatMap((r) => r.uncovered)).toEqual([]);
  }, 180_000);
});
