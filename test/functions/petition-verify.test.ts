import { ok, useEmulator } from './call';
import { consent, file, HOUR, sent, upload, verified } from './petition-fixtures';
import { li, liu, sun, wang, zhang, zhao } from './personas';

/** Issue 15, verification before closing: a resolution waits (待验证) for the grid worker's site check or the resident's answer. */
const env = useEmulator();
const { call } = env;

const get = async (id: string, who = wang) => ok(await call(who, 'petition.get', { petitionId: id })).petition;
const photo = (who = liu) => upload(env.emu, who, 'site.png');

/** A ramp case 刘芳 passed to the community: resolved there by 孙丽, waiting to be verified. */
async function resolvedByCommunity(): Promise<string> {
  const id = await file(call);
  ok(await call(liu, 'petition.escalate', { petitionId: id, reason: '需要社区协调施工' }));
  ok(await call(sun, 'petition.accept', { petitionId: id }));
  const p = ok(await call(sun, 'petition.resolve', { petitionId: id, feedback: '已联系施工队修补坡道' })).petition;
  expect(p).toMatchObject({ status: 'verifying', level: 'community' });
  return id;
}

describe('现场验证 by the grid worker', () => {
  it('已解决 passes the case on to 待评价, with the note and photo on the case and the timeline; the resident is told', async () => {
    await consent(call, wang, 10);
    const id = await resolvedByCommunity();
    expect((await get(id)).verifies).toBe('reporter');
    expect((await get(id, liu)).verifies).toBe('site');
    expect((await get(id, sun)).verifies).toBeNull();
    const site = await photo();
    const p = ok(
      await call(liu, 'petition.verify', { petitionId: id, result: 'resolved', note: '坡道已修好，轮椅试过能推上去', photos: [site] }),
    ).petition;
    expect(p).toMatchObject({
      status: 'resolved',
      level: 'community',
      reopens: 0,
      verification: { result: 'resolved', how: 'site', byName: '刘芳', note: '坡道已修好，轮椅试过能推上去', photos: [{ fileID: site }] },
    });
    const seen = await get(id);
    expect(seen).toMatchObject({ status: 'resolved', rates: 'reporter', verifies: null });
    expect(Date.parse(seen.dueAt) - Date.parse(seen.timeline.at(-1).at)).toBe(7 * 24 * HOUR);
    expect(seen.timeline.at(-1)).toMatchObject({ event: 'verify', status: 'resolved', by: '刘芳', automatic: false });
    expect(seen.timeline.at(-1).note).toBe('现场验证：已解决。坡道已修好，轮椅试过能推上去');
    const progress = (await sent(env.emu, 'petition-progress')).filter((m) => m.touser === wang);
    expect(progress.at(-1)!.data.phrase2.value).toBe('待评价');
    // Verified, it is rated as before.
    expect(ok(await call(wang, 'petition.rate', { petitionId: id, rating: 'satisfied' })).petition).toMatchObject({
      status: 'closed',
      outcome: 'rated',
    });
  });

  it('部分解决 reopens it at the level that resolved it (the first reopen); a second failed verification goes to community review', async () => {
    const id = await resolvedByCommunity();
    let p = ok(
      await call(liu, 'petition.verify', { petitionId: id, result: 'partial', note: '只补了一半，另一半还塌着', photos: [await photo()] }),
    ).petition;
    expect(p).toMatchObject({ status: 'accepted', level: 'community', reopens: 1, verification: { result: 'partial' } });
    const toSun = (await sent(env.emu, 'petition-assigned')).filter((m) => m.touser === sun);
    expect(toSun.at(-1)!.data.thing4.value).toContain('部分解决');
    ok(await call(sun, 'petition.resolve', { petitionId: id, feedback: '另一半也已修补' }));
    p = ok(await call(wang, 'petition.confirm', { petitionId: id, result: 'unresolved', note: '下雨后又塌了' })).petition;
    expect(p).toMatchObject({
      status: 'review',
      level: 'community',
      reopens: 2,
      verification: { result: 'unresolved', how: 'reporter', byName: '王秀英' },
    });
    expect((await get(id)).timeline.slice(-4).map((s: any) => [s.event, s.status])).toEqual([
      ['resolve', 'verifying'],
      ['verify', 'accepted'],
      ['resolve', 'verifying'],
      ['verify', 'review'],
    ]);
  });
});

describe('确认办理结果 by the resident', () => {
  it('已解决 with a rating closes the case in one tap: two lines on the timeline', async () => {
    const id = await resolvedByCommunity();
    const reply = ok(await call(wang, 'petition.confirm', { petitionId: id, result: 'resolved', rating: 'satisfied' }));
    const p = reply.petition;
    expect(p).toMatchObject({
      status: 'closed',
      outcome: 'rated',
      rating: { value: 'satisfied', byProxy: false },
      verification: { how: 'reporter' },
    });
    expect((await get(id)).timeline.slice(-2).map((s: any) => [s.event, s.status, s.note])).toEqual([
      ['verify', 'resolved', '居民确认：已解决'],
      ['rate', 'closed', '满意'],
    ]);
    // The reply carries both lines as the timeline shows them to her: the page needs no second read to show them.
    expect(reply.lines).toEqual((await get(id)).timeline.slice(-2));
  });

  it('已解决 alone carries its one line (验证) in the reply', async () => {
    const id = await resolvedByCommunity();
    const reply = ok(await call(wang, 'petition.confirm', { petitionId: id, result: 'resolved' }));
    expect(reply.lines.map((s: any) => [s.event, s.note])).toEqual([['verify', '居民确认：已解决']]);
    expect(reply.lines).toEqual((await get(id)).timeline.slice(-1));
  });

  it('已解决 alone waits for the rating; 未解决 reopens at the resolving level', async () => {
    const id = await resolvedByCommunity();
    expect(ok(await call(wang, 'petition.confirm', { petitionId: id, result: 'resolved' })).petition).toMatchObject({
      status: 'resolved',
      rates: 'reporter',
      verification: { how: 'reporter', byName: '王秀英' },
    });
    // A neighbour sees the answer, not who she is (as on the timeline).
    const seenByNeighbour = await get(id, zhang);
    expect(seenByNeighbour.verification.byName).not.toBe('王秀英');
    expect(seenByNeighbour.verification.byName).toBe(seenByNeighbour.timeline.at(-1).by);
    const other = await resolvedByCommunity();
    expect(ok(await call(wang, 'petition.confirm', { petitionId: other, result: 'unresolved' })).petition).toMatchObject({
      status: 'accepted',
      level: 'community',
      reopens: 1,
    });
  });

  it('is idempotent by requestId: a retried tap answers the same and moves the case once', async () => {
    const id = await resolvedByCommunity();
    const first = await call(wang, 'petition.confirm', { petitionId: id, result: 'resolved', rating: 'basic' }, 'confirm-1');
    const again = await call(wang, 'petition.confirm', { petitionId: id, result: 'resolved', rating: 'basic' }, 'confirm-1');
    expect(again).toEqual({ ...first, serverTime: expect.any(String) });
    expect((await get(id)).timeline.filter((s: any) => s.event === 'verify' || s.event === 'rate')).toHaveLength(2);
  });
});

describe('待验证 queue', () => {
  it('lists the grid’s resolutions waiting for a site check, whatever level resolved them, served by an index', async () => {
    const id = await resolvedByCommunity();
    const waiting = ok(await call(liu, 'petition.listQueue', { verifying: true }));
    expect(waiting).toMatchObject({ level: 'grid', unitName: '第一网格' });
    expect(waiting.items.map((x: any) => [x.id, x.status, x.verifies])).toEqual([[id, 'verifying', 'site']]);
    expect(ok(await call(zhao, 'petition.listQueue', { verifying: true })).items).toEqual([]);
    expect(ok(await call(sun, 'petition.listQueue', { level: 'community', verifying: true })).items.map((x: any) => x.id)).toEqual([id]);
    // Not in the level's own queue: the community has done its part.
    expect(ok(await call(sun, 'petition.listQueue')).items.map((x: any) => x.id)).not.toContain(id);
    const [record] = await env.emu.meter(1);
    expect(record).toMatchObject({ action: 'petition.listQueue', uncovered: [] });
    expect(record.dbRequests).toBeLessThanOrEqual(3);
    await verified(call, env.emu, id);
    expect(ok(await call(liu, 'petition.listQueue', { verifying: true })).items).toEqual([]);
  });
});

describe('who may verify, and when', () => {
  it('refuses another grid’s worker, someone else’s case, a missing photo, a rating with 部分解决, and any case not waiting', async () => {
    const id = await resolvedByCommunity();
    expect(await call(zhao, 'petition.verify', { petitionId: id, result: 'resolved', note: '看过了', photos: [await photo(zhao)] })).toMatchObject({
      ok: false,
      code: 'FORBIDDEN_SCOPE',
    });
    expect(await call(li, 'petition.confirm', { petitionId: id, result: 'resolved' })).toMatchObject({ ok: false, code: 'PETITION_NOT_REPORTER' });
    expect(await call(liu, 'petition.verify', { petitionId: id, result: 'resolved', note: '看过了', photos: [] })).toMatchObject({
      ok: false,
      code: 'BAD_INPUT',
      issues: [{ path: 'photos', message: '请至少拍一张现场照片' }],
    });
    expect(await call(wang, 'petition.confirm', { petitionId: id, result: 'partial', rating: 'basic' })).toMatchObject({
      ok: false,
      code: 'BAD_INPUT',
    });
    // Waiting to be verified, it cannot be rated yet.
    expect(await call(wang, 'petition.rate', { petitionId: id, rating: 'satisfied' })).toMatchObject({ ok: false, code: 'PETITION_ILLEGAL_MOVE' });
    await verified(call, env.emu, id);
    expect(await call(wang, 'petition.confirm', { petitionId: id, result: 'resolved' })).toMatchObject({ ok: false, code: 'PETITION_ILLEGAL_MOVE' });
    const open = await file(call);
    expect(await call(liu, 'petition.verify', { petitionId: open, result: 'resolved', note: '看过了', photos: [await photo()] })).toMatchObject({
      ok: false,
      code: 'PETITION_ILLEGAL_MOVE',
    });
  });

  it('nobody verifies a resolution they made: the grid worker who resolved on the spot leaves it to the community or the resident', async () => {
    const id = await file(call);
    ok(await call(liu, 'petition.accept', { petitionId: id }));
    const [beforePhotos, afterPhotos] = [[await upload(env.emu, liu, 'before.png')], [await upload(env.emu, liu, 'after.png')]];
    ok(await call(liu, 'petition.resolve', { petitionId: id, feedback: '当场修补了坡道', beforePhotos, afterPhotos }));
    expect((await get(id, liu)).verifies).toBeNull();
    // The community checks its grid's own work (it would check every case of a place with no grid).
    expect((await get(id, sun)).verifies).toBe('site');
    expect(await call(liu, 'petition.verify', { petitionId: id, result: 'resolved', note: '修好了', photos: [await photo()] })).toMatchObject({
      ok: false,
      code: 'FORBIDDEN_SELF',
    });
    expect(ok(await call(wang, 'petition.confirm', { petitionId: id, result: 'resolved' })).petition.status).toBe('resolved');
  });
});

describe('the verification deadline', () => {
  it('after 3 days unverified the timer passes the case on to 待评价, noted 超时未验证; the rating window starts then', async () => {
    const id = await resolvedByCommunity();
    await env.emu.clock({ advanceMs: 3 * 24 * HOUR - HOUR });
    await env.emu.fireTrigger('petition');
    expect((await get(id)).status).toBe('verifying');
    await env.emu.clock({ advanceMs: HOUR + 60_000 });
    await env.emu.fireTrigger('petition');
    const p = await get(id);
    expect(p).toMatchObject({ status: 'resolved', rates: 'reporter', verification: { result: 'resolved', how: 'timer', photos: [] } });
    expect(p.timeline.at(-1)).toMatchObject({ event: 'verify', by: '系统', automatic: true, note: '超时未验证：3 天内无人验证，转待评价' });
    await env.emu.clock({ advanceMs: 7 * 24 * HOUR - HOUR });
    await env.emu.fireTrigger('petition');
    expect(ok(await call(wang, 'petition.rate', { petitionId: id, rating: 'basic' })).petition.outcome).toBe('rated');
  });
});
