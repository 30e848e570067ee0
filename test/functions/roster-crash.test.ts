import { residentEntries, type Unit } from '../../cloudfunctions/roster/rows';
import { demoSeed } from '../../scripts/emulator/seed';
import { ok, useEmulator } from './call';
import { sun } from './personas';
import { countOf, database, importAll, listAll, residentHeader, residents, uploadFile, xlsx } from './roster-kit';

// Pages of 20 rows, one page per call: a 200-row import takes ten calls, so it can be cut anywhere.
const env = useEmulator({ env: { LINLI_ROSTER_PAGE_ROWS: '20', LINLI_ROSTER_PAGES_PER_CALL: '1' } });
const { call } = env;
const payload = (fileID: string) => ({ fileID, communityId: 'community-wutong', kind: 'residents' });

/** Rows `from`–`to` of the second file as the import stages them, in its page 1. */
function stagedRows(importId: string, from: number, to: number) {
  const cells = residents(200, '137').map((r, i) => ({
    line: i + 2,
    problems: [],
    cells: Object.fromEntries(residentHeader.map((h, c) => [h, r[c]])),
  }));
  const units = demoSeed().collections.org_units as unknown as Unit[];
  return residentEntries('community-wutong', cells, units)
    .entries.slice(from, to)
    .map((e) => ({ _id: `${importId}-${e.key}`, importId, page: 1, communityId: 'community-wutong', userId: null, ...e }));
}

/** The roster as staff see it: how many entries, and whose phones (139… the first file, 137… the second). */
async function roster() {
  const items = await listAll(call, sun);
  return { total: items.length, prefixes: [...new Set(items.map((e) => e.phone.slice(0, 3)))] };
}

describe('an import cut short by kill -9', () => {
  it('leaves the roster as it was, and the same file goes on from its cursor to the whole file', async () => {
    const first = await uploadFile(env.emu, sun, await xlsx([residentHeader, ...residents(40, '139')]));
    expect((await importAll(call, sun, payload(first))).state.status).toBe('done');
    expect(await roster()).toEqual({ total: 40, prefixes: ['139'] });

    const second = await uploadFile(env.emu, sun, await xlsx([residentHeader, ...residents(200, '137')]));
    const started = ok(await call(sun, 'roster.import', payload(second)));
    expect(started).toMatchObject({ status: 'running', staged: 20 });
    await env.emu.kill('SIGKILL');
    await env.emu.restart();
    // As if a call had died inside its insert: five documents of the next page written, the cursor not moved.
    await database(env.emu)
      .collection('roster_entries')
      .add({ data: stagedRows(started.importId, 20, 25) });
    await env.emu.restart();
    expect(await roster()).toEqual({ total: 40, prefixes: ['139'] });

    // Killed while a call is on its way (wherever it is): still the first roster, whole.
    const inFlight = call(sun, 'roster.import', payload(second)).catch(() => null);
    await env.emu.kill('SIGKILL');
    await inFlight;
    await env.emu.restart();
    expect(await roster()).toEqual({ total: 40, prefixes: ['139'] });

    // The next call goes on from the job's cursor (a page written twice is written again whole), not from zero.
    const resumed = ok(await call(sun, 'roster.import', payload(second)));
    expect(resumed.staged).toBeGreaterThanOrEqual(40);
    const { state } = await importAll(call, sun, payload(second));
    expect(state).toMatchObject({ status: 'done', rows: 200, staged: 200 });
    expect(await roster()).toEqual({ total: 200, prefixes: ['137'] });
    expect(await countOf(env.emu, 'roster_entries')).toBe(200);
    expect(await countOf(env.emu, 'roster_imports')).toBe(2);
  });

  it('a building retired while an import is half done: that import starts afresh, never half of each', async () => {
    const fileID = await uploadFile(env.emu, sun, await xlsx([residentHeader, ...residents(60, '137')]));
    ok(await call(sun, 'roster.import', payload(fileID)));
    // A fresh instance checks the rows again (the kept ones die with the process); 9号楼 is retired meanwhile.
    await env.emu.kill('SIGKILL');
    await env.emu.restart();
    await database(env.emu)
      .collection('org_units')
      .doc('building-9')
      .update({ data: { retiredAt: new Date() } });
    const reply = await call(sun, 'roster.import', payload(fileID));
    expect(reply).toMatchObject({ ok: false, code: 'BAD_INPUT', message: '导入期间本社区的楼栋有变动，请再点一次“开始导入”重新核对' });
    expect(await countOf(env.emu, 'roster_entries')).toBe(0);
    const again = ok(await call(sun, 'roster.import', payload(fileID)));
    expect(again).toMatchObject({ status: 'invalid', errorCount: 6 });
    expect(again.errors[0]).toEqual({ line: 10, reason: '楼栋“9号楼”不在本社区，请先导入楼栋表或检查楼栋名' });
  });
});
