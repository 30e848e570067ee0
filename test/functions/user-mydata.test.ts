import Database from 'better-sqlite3';
import { existsSync, readdirSync } from 'fs';
import { join } from 'path';
import { demoSeed } from '../../scripts/emulator/seed';
import type { UserProfile } from '../../src/shared/domain/org';
import { databaseOf } from './ledger-fixture';
import { clearOfMidnight, newWish, ok, useEmulator } from './call';
import { ramp } from './petition-fixtures';
import { expectCovered, mallKit, pointsKit, rid } from './points-helpers';
import { liu, luo, qian, sun, wang, zhang } from './personas';
import { importAll, residentHeader, uploadFile, xlsx } from './roster-kit';

/**
 * 我的数据 (issue 13): 王秀英 sees everything Linli holds about her, and deleting her account leaves nothing in any
 * collection that names her (openid, name or phone), except the ledger's account id and this deletion's own retry
 * record (ARCHITECTURE.md "Erasure"); the books still reconcile and she can join again as a new person.
 */
// Each timer run of 我的数据 does one page and stops, as a run out of time does: every job is carried over runs.
const env = useEmulator({ env: { LINLI_MY_DATA_RUN_MS: '1' } });
const { call } = env;
const her = (demoSeed().collections.users as unknown as UserProfile[]).find((u) => u._id === wang)!;

let serial = 0;

async function photo(name: string): Promise<string> {
  const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from(`photo ${name}`)]);
  return (await env.emu.upload(wang, png, name)).fileID;
}

/** Her life in Linli: a wish with a photo (done and confirmed), a petition, points and a mall order, ratings, a roster link, a move. */
async function scene(): Promise<{ photoUrl: string }> {
  const n = ++serial;
  const fileID = await photo('kitchen');
  const created = ok(await call(wang, 'wish.create', { ...newWish, photos: [fileID] }, rid('md-wish', n)));
  const wishId = created.wish.id;
  ok(await call(liu, 'wish.approve', { wishId, points: 10 }, rid('md-approve', n)));
  ok(await call(zhang, 'wish.claim', { wishId }, rid('md-claim', n)));
  ok(await call(wang, 'petition.create', ramp, rid('md-petition', n)));
  const points = pointsKit(env);
  await points.award(wang, 50);
  const mall = mallKit(env);
  ok(await mall.order(wang, await mall.newItem(5, 10), rid('md-order', n)));
  ok(await call(wang, 'shop.rate', { shopId: 'shop-fangji', stars: 5, comment: '豆浆很好喝，王秀英推荐' }));
  // Open all day but its last minute (a schedule ends at 23:59): a shift started in that minute would be refused.
  await clearOfMidnight(env.emu, 5 * 60_000);
  const always = { days: [0, 1, 2, 3, 4, 5, 6], start: '00:00', end: '23:59', maxHours: 12 };
  const post = { placeId: 'building-2', type: 'elder_helper', title: '2号楼助老岗', slots: 2, schedule: always, pointsPerHour: 10 };
  const postId = ok(await call(sun, 'post.publish', post, rid('md-post', n))).post.id;
  ok(await call(zhang, 'post.claim', { postId }, rid('md-pclaim', n)));
  ok(await call(zhang, 'post.checkIn', { postId }, rid('md-in', n)));
  const { shift } = ok(await call(zhang, 'post.checkOut', { postId }, rid('md-out', n)));
  ok(await call(wang, 'post.rate', { shiftId: shift.id, stars: 5, comment: '很耐心' }, rid('md-rate', n)));
  ok(await call(wang, 'points.issueCode'));
  const roster = await xlsx([residentHeader, [her.name, her.phone, '2号楼', '1', '302', '独居老人']]);
  await importAll(call, sun, { fileID: await uploadFile(env.emu, sun, roster), communityId: her.communityId, kind: 'residents' });
  ok(await call(wang, 'user.updateProfile', { buildingId: 'building-5' }, rid('md-move', n)));
  return { photoUrl: created.wish.photos[0].url };
}

interface Row {
  coll: string;
  key: string;
  json: string;
}

/** Runs the `myData` timer until no job of 我的数据 waits (each run does what fits in its time, then stops). */
async function runJobs(): Promise<number> {
  // 消息 first: her in-app messages are in `messages` when the erasure looks for them.
  await env.emu.fireTrigger('notify', 'inbox');
  for (let run = 0; run < 100; run++) {
    if (!rows().some((r) => r.coll === 'my_data_jobs' && JSON.parse(r.json).status === 'pending')) return run;
    await env.emu.fireTrigger('user', 'myData');
  }
  throw new Error('我的数据 jobs still pending after 100 runs');
}

/** 导出: asked for, built by the timer, then the file behind the link. */
async function exportOf(
  openid: string,
): Promise<{ sections: { key: string; title: string; count: number; truncated: boolean; items: Record<string, unknown>[] }[] }> {
  const asked = ok(await call(openid, 'user.exportMine', { again: true }, rid('md-export', ++serial)));
  expect(asked).toMatchObject({ status: 'building', url: null, sections: [] });
  await runJobs();
  const ready = ok(await call(openid, 'user.exportMine', {}, rid('md-export', ++serial)));
  expect(ready).toMatchObject({ status: 'ready', url: expect.any(String) });
  const file = (await (await fetch(ready.url)).json()) as Awaited<ReturnType<typeof exportOf>>;
  // The summary the page shows is the file's.
  expect(ready.sections).toEqual(file.sections.map(({ key, title, count, truncated }) => ({ key, title, count, truncated })));
  return file;
}

function rows(): Row[] {
  const db = new Database(join(env.emu.dataDir, 'db.sqlite'), { readonly: true, fileMustExist: true });
  try {
    return db.prepare('SELECT coll, key, doc AS json FROM docs').all() as Row[];
  } finally {
    db.close();
  }
}

describe('user.exportMine', () => {
  it('returns each kind of record she has, bounded and newest first', async () => {
    await scene();
    // A family code she made, used by a relative: hers to export, his name masked in it.
    const family = ok(await call(wang, 'family.invite', {}, 'mydata-family-1')).code.code;
    ok(
      await call(
        'o-mydata-relative',
        'family.join',
        { code: family, name: '王小军', phone: '13700006666', privacyVersion: '2026-12-01' },
        'mydata-family-2',
      ),
    );
    // 三方议事: her residents' topic, co-signed by 李明: his export says he co-signed it, not who she is or who else did.
    const topic = { party: 'resident', title: '楼道堆物清理', body: '2号楼楼道堆满杂物，老人上下楼不方便，请三方商量清理' };
    const topicId = ok(await call(wang, 'council.raise', topic, 'mydata-topic-1')).topic.id;
    ok(await call('demo-resident-li', 'council.cosign', { topicId }, 'mydata-topic-2'));
    const his = (await exportOf('demo-resident-li')).sections.find((s: { title: string }) => s.title === '我联名的议事议题');
    expect(his).toMatchObject({ count: 1, items: [expect.objectContaining({ title: '楼道堆物清理', raisedByName: '王**', cosigns: 1 })] });
    const { sections } = await exportOf(wang);
    expect(sections.find((s: { title: string }) => s.title === '我提出的议事议题')).toMatchObject({
      count: 1,
      items: [expect.objectContaining({ raisedByName: '王秀英' })],
    });
    const count = (title: string) => sections.find((s: { title: string }) => s.title === title)?.count;
    const codes = sections.find((s: { title: string }) => s.title === '我生成的家庭邀请码');
    expect(codes).toMatchObject({
      count: 1,
      items: [expect.objectContaining({ inviterName: '王秀英', usedBy: [expect.objectContaining({ name: '王**' })] })],
    });
    expect(sections[0]).toMatchObject({ key: 'users', count: 1, items: [expect.objectContaining({ name: '王秀英', phone: her.phone })] });
    expect(count('我发布的心愿')).toBeGreaterThanOrEqual(1);
    expect(count('我提交的诉求')).toBe(1);
    expect(count('积分流水')).toBeGreaterThanOrEqual(2);
    expect(count('积分兑换订单')).toBe(1);
    expect(count('我对商家的评价')).toBe(1);
    expect(count('我对值班的评价')).toBe(1);
    // A points code is sealed and stored nowhere (only codes issued before that are, for an hour): none to export.
    expect(count('我的积分码')).toBe(0);
    expect(count('我的入驻申请')).toBe(1);
    for (const s of sections) expect(s.items.length).toBeLessThanOrEqual(100);
    // Another resident's export holds none of hers.
    expect(JSON.stringify(await exportOf('demo-resident-li'))).not.toContain(wang);
    // Asked again within the day, the same file is handed out; a double tap while building finds the same job.
    const first = ok(await call(wang, 'user.exportMine', {}, rid('md-export', ++serial)));
    expect(first.status).toBe('ready');
    ok(await call(wang, 'user.exportMine', { again: true }, rid('md-export', ++serial)));
    expect(ok(await call(wang, 'user.exportMine', { again: true }, rid('md-export', ++serial)))).toMatchObject({ status: 'building' });
    expect(rows().filter((r) => r.coll === 'my_data_jobs' && r.key === `export:${wang}`)).toHaveLength(1);
    await expectCovered(env.emu);
  });
});

describe('user.deleteMine', () => {
  it('refuses while a wish of hers is being helped with, saying which, and asks for 确认注销', async () => {
    await scene();
    expect(await call(wang, 'user.deleteMine', { confirm: '确认' }, rid('md-del', 'x'))).toMatchObject({ ok: false, code: 'BAD_INPUT' });
    const refused = await call(wang, 'user.deleteMine', { confirm: '确认注销' }, rid('md-del', 'y'));
    expect(refused).toMatchObject({ ok: false, code: 'ACCOUNT_DUTIES_OPEN' });
    expect(refused.message).toContain('正在被帮助的心愿 1 个');
    expect(ok(await call(wang, 'user.me')).name).toBe('王秀英');
    // The member who claimed it cannot go either.
    const his = await call(zhang, 'user.deleteMine', { confirm: '确认注销' }, rid('md-del', 'z'));
    expect(his.message).toContain('认领中的心愿 1 个');
    // Staff must be relieved first.
    expect((await call(sun, 'user.deleteMine', { confirm: '确认注销' }, rid('md-del', 's'))).message).toContain('社区工作人员');
  });

  it('leaves no trace of her openid, name or phone in any collection but posting ids once the job has run; books reconcile; she can join anew with a fresh points account', async () => {
    const { photoUrl } = await scene();
    // A relative joined with her family code: his record names who invited him.
    const family = ok(await call(wang, 'family.invite', {}, 'md-family-1')).code.code;
    ok(
      await call(
        'o-mydata-relative',
        'family.join',
        { code: family, name: '王小军', phone: '13700006666', privacyVersion: '2026-12-01' },
        'md-family-2',
      ),
    );
    // 三方议事: a topic she raised, and her home's vote on the community's topic.
    const topic = { party: 'resident', title: '楼道堆物清理', body: '2号楼楼道堆满杂物，老人上下楼不方便，请三方商量清理' };
    ok(await call(wang, 'council.raise', topic, rid('md-topic', 1)));
    const voted = ok(await call(sun, 'council.raise', { ...topic, party: 'community', title: '停车位划线' }, rid('md-topic', 2))).topic.id;
    const soon = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();
    ok(await call(sun, 'council.schedule', { topicId: voted, at: soon(1), place: '社区议事厅', agenda: ['划线方案'] }, rid('md-topic', 3)));
    const minuted = { topicId: voted, attendeeIds: [sun, 'demo-staff-gao'], minutes: '三方商定重新划线并请居民表决。', decision: '重新划线' };
    ok(await call(sun, 'council.minutes', { ...minuted, vote: { question: '是否同意', deadline: soon(3) } }, rid('md-topic', 4)));
    ok(await call(wang, 'council.vote', { topicId: voted, choice: 'agree' }, rid('md-topic', 5)));
    const wishId = ok(await call(wang, 'wish.listMine')).items[0].id;
    const released = await call(zhang, 'wish.release', { wishId, reason: '临时有事，请别人帮忙' }, rid('md-release', 1));
    if (!released.ok) throw new Error(JSON.stringify(released));
    // 民主评议: a rating she gave, as a resident 张建国 served (put in place: her wish here is never confirmed).
    const { round } = ok(await call(sun, 'review.open', {}, rid('md-review', 1)));
    const rating = { roundId: round.id, communityId: her.communityId, raterId: wang, memberId: zhang, kind: 'mass', grade: 'good', at: new Date() };
    await databaseOf(env.emu)
      .collection('review_ratings')
      .add({ data: { _id: `${round.id}:${wang}:${zhang}`, ...rating, requestId: 'md-review-rating' } });
    const before = rows();
    expect(before.filter((r) => r.json.includes('王秀英')).map((r) => r.coll)).toEqual(
      expect.arrayContaining(['users', 'wishes', 'petitions', 'mall_orders', 'shop_ratings', 'post_ratings', 'join_applications', 'roster_entries']),
    );

    // A checkpoint of the books holds her account's proven totals (postings settle after 5 minutes): they move with the account.
    await env.emu.clock({ advanceMs: 10 * 60_000 });
    await pointsKit(env).expectReconciled();
    expect(rows().some((r) => r.coll === 'ledger_checkpoints' && r.json.includes(`user:${wang}`))).toBe(true);
    // A 党员报到 of hers still waits for the community: approved while her erasure is under way (below).
    const memberForm = { category: '离退休', partyOrg: '梧桐社区党支部', freeTimes: '周末', skills: ['理发'] };
    const { report } = ok(await call(wang, 'member.report', memberForm, rid('md-member', 1)));
    const reply = ok(await call(wang, 'user.deleteMine', { confirm: '确认注销' }, rid('md-del', 1)));
    expect(reply).toMatchObject({ deleted: true, anonymousId: expect.stringMatching(/^gone-/) });
    // A retry answers the same.
    const again = await call(wang, 'user.deleteMine', { confirm: '确认注销' }, rid('md-del', 1));
    expect(again).toMatchObject({ ok: true, data: reply });
    // She is gone at once; the rest is under way, and joining again waits for it.
    expect(await call(wang, 'user.me')).toMatchObject({ ok: false, code: 'NOT_REGISTERED' });
    expect(ok(await call(wang, 'user.joinStatus'))).toMatchObject({ registered: false, erasing: true, application: null });
    const early = { buildingId: 'building-2', unit: '1', room: '302', name: her.name, phone: her.phone, privacyVersion: '2026-11' };
    expect(await call(wang, 'user.join', early, rid('md-early', 1))).toMatchObject({ ok: false, code: 'ACCOUNT_ERASING' });
    // What says so is the marker in place of her profile, read with the caller: nothing of her, met by no query.
    const marker = rows().filter((r) => r.coll === 'users' && r.key === wang);
    expect(marker.map((r) => Object.keys(JSON.parse(r.json)).filter((k) => k !== '_id'))).toEqual([['erasingSince']]);
    expect(ok(await call(sun, 'user.listPeople', { query: her.name, offset: 0, limit: 20 })).items).toEqual([]);
    expect(
      await call(wang, 'family.join', { code: 'ABCDEFGH', name: her.name, phone: her.phone, privacyVersion: '2026-11' }, rid('md-fam', 1)),
    ).toMatchObject({
      ok: false,
      code: 'ACCOUNT_ERASING',
    });
    // Once the job has passed the role changes, 孙丽 approves the report onto the marker's id: the job's last look at
    // every source takes the new role_log entry back through it, and the marker goes with the job.
    const erasureStep = () => JSON.parse(rows().find((r) => r.coll === 'my_data_jobs' && r.key === `erase:${wang}`)!.json).step as number;
    while (erasureStep() <= 12) await env.emu.fireTrigger('user', 'myData');
    ok(await call(sun, 'member.reviewReport', { reportId: report.id, approve: true }, rid('md-member', 2)));
    await runJobs();

    const after = rows();
    const left = after.flatMap((r) => {
      const found: string[] = [];
      if (r.json.includes(wang)) found.push(`${r.coll}/${r.key}: openid`);
      else if (r.key.includes(wang)) found.push(`${r.coll}/${r.key}: openid in id`);
      if (r.json.includes(her.name)) found.push(`${r.coll}/${r.key}: name`);
      if (r.json.includes(her.phone)) found.push(`${r.coll}/${r.key}: phone`);
      return found;
    });
    const owner = new Map(after.filter((r) => r.coll === 'requests').map((r) => [`requests/${r.key}`, JSON.parse(r.json).openid as string]));
    const callOf = (s: string) => s.slice(0, s.indexOf(':'));
    // The documented exceptions (ARCHITECTURE.md "Erasure"):
    const allowed = (s: string) =>
      // the ledger names the account `user:<openid>` (and a posting id may carry it): no name or phone there
      (s.startsWith('postings/') && s.endsWith(': openid in id')) ||
      // the reports' cursor names the last posting it counted by that posting's id (report/stats-fold.ts)
      s === 'stats_fold/postings: openid' ||
      // a shop's ledger: the points her rating earned the shop refer to the rating by its old id (rate:<shop>:<openid>:<day>)
      ((s.startsWith('postings/rate:') || s.startsWith('balances/shop:')) && s.endsWith(': openid')) ||
      // the community's own register keeps her name and phone, unlinked from her account
      (s.startsWith('roster_entries/') && !s.endsWith(': openid')) ||
      // this deletion's retry record (its reply is the anonymous id)
      (s.startsWith('requests/') && s.endsWith(': openid') && owner.get(callOf(s)) === wang) ||
      // other people's retry records and notices to others, as they were answered and sent then
      (s.startsWith('requests/') && owner.get(callOf(s)) !== wang) ||
      (s.startsWith('notifications/') && !s.endsWith(': openid')) ||
      // in-app messages to others (a grid worker told of her wish), as they were told then; hers are gone
      (s.startsWith('messages/') && !s.endsWith(': openid'));
    expect(left.filter((s) => !allowed(s))).toEqual([]);
    expect(left.filter((s) => s.startsWith('requests/') && owner.get(callOf(s)) === wang)).toHaveLength(1);
    // Nothing of hers is left in any of the collections she had records in but the ledger.
    for (const coll of [
      'users',
      'wishes',
      'petitions',
      'mall_orders',
      'shop_ratings',
      'post_ratings',
      'post_shifts',
      'join_applications',
      'points_codes',
      'council_topics',
      'council_ballots',
    ])
      expect(left.filter((s) => s.startsWith(`${coll}/`))).toEqual([]);
    // The ledger names the anonymous account now, and the balances still add up.
    expect(after.some((r) => r.coll === 'postings' && r.json.includes(`user:${reply.anonymousId}`))).toBe(true);
    expect(after.some((r) => r.coll === 'balances' && r.key.startsWith(`user:${reply.anonymousId}|volunteer`))).toBe(true);
    expect(after.filter((r) => r.coll === 'my_data_jobs')).toEqual([]);
    expect(after.filter((r) => (r.coll === 'postings' || r.coll === 'balances') && r.json.includes(`user:${wang}`))).toEqual([]);
    expect(after.some((r) => r.coll === 'ledger_checkpoints' && r.json.includes(`user:${reply.anonymousId}`))).toBe(true);
    await pointsKit(env).expectReconciled();
    // Her photo is gone from storage.
    expect((await fetch(photoUrl)).status).not.toBe(200);

    expect(await call(wang, 'user.me')).toMatchObject({ ok: false, code: 'NOT_REGISTERED' });
    const status = ok(await call(wang, 'user.joinStatus'));
    expect(status).toMatchObject({ registered: false, application: null, erasing: false });
    // She joins again (the roster still knows her): a new person, with nothing of the old one but the ledger account.
    const again2 = { buildingId: 'building-2', unit: '1', room: '302', name: her.name, phone: her.phone, privacyVersion: status.privacyVersion };
    expect(ok(await call(wang, 'user.join', again2, rid('md-rejoin', 1)))).toMatchObject({ status: 'verified' });
    expect(ok(await call(wang, 'wish.listMine')).items).toEqual([]);
    // A fresh points account: the old one's 40 (50 awarded, 10 spent in the mall) stay with the anonymous id.
    const volunteer = ok(await call(wang, 'points.balance')).balances.find((b: { asset: string }) => b.asset === 'volunteer');
    expect(volunteer?.balance ?? 0).toBe(0);
    expect(ok(await call(wang, 'points.history', {})).items).toEqual([]);
    await pointsKit(env).award(wang, 7);
    await pointsKit(env).expectReconciled();
    await expectCovered(env.emu);
  });

  it('a history longer than the export bound is erased whole, a page per timer run; the export says it holds the newest 100', async () => {
    for (let i = 0; i < 101; i++) ok(await call(wang, 'wish.create', { ...newWish, title: `帮忙换灯泡${i}` }, rid('md-many', i)));
    const posted = (await exportOf(wang)).sections.find((x: { title: string }) => x.title === '我发布的心愿')!;
    expect(posted).toMatchObject({ count: 100, truncated: true });
    expect(posted.items[0].title).toBe('帮忙换灯泡100');
    ok(await call(wang, 'user.deleteMine', { confirm: '确认注销' }, rid('md-del', 'many')));
    // One page a run: the 101 wishes take two, and every other source one; the progress carries over.
    await env.emu.fireTrigger('user', 'myData');
    const erasure = () => JSON.parse(rows().find((r) => r.coll === 'my_data_jobs' && r.key === `erase:${wang}`)!.json);
    expect(erasure()).toMatchObject({ kind: 'erase', step: 0, offset: 0 });
    expect(rows().filter((r) => r.coll === 'wishes' && r.json.includes(wang))).toHaveLength(1);
    await env.emu.fireTrigger('user', 'myData');
    expect(erasure()).toMatchObject({ step: 1 });
    expect(await runJobs()).toBeGreaterThan(10);
    const wishes = rows().filter((r) => r.coll === 'wishes' && r.json.includes('帮忙换灯泡'));
    expect(wishes).toHaveLength(101);
    expect(wishes.filter((r) => r.json.includes(wang) || r.json.includes(her.name))).toEqual([]);
  }, 60_000);

  it('drops the staff exports of her places that may name her (finished or under way), and leaves the others', async () => {
    await pointsKit(env).award(wang, 7);
    const today = new Date(Date.parse((await env.emu.clock()).now) + 8 * 3600_000).toISOString().slice(0, 10);
    const exportBy = async (who: string, scope: string | null, finish: boolean) => {
      const payload = { from: today, to: today, format: 'csv', kinds: ['postings'], ...(scope ? { scope } : {}) };
      ok(await call(who, 'report.exportStart', payload, rid('md-staff-export', ++serial)));
      for (let polls = 0; finish && polls < 20; polls++) if (ok(await call(who, 'report.exportStatus', {})).export.status === 'done') break;
      return ok(await call(who, 'report.exportStatus', {})).export;
    };
    const community = await exportBy(sun, null, true);
    const district = await exportBy(luo, 'district', true);
    expect([community.status, district.status]).toEqual(['done', 'done']);
    // The community's file names her (its staff see names and masked phones).
    expect(Buffer.from(await (await fetch(community.url)).arrayBuffer()).toString('utf8')).toContain(her.name);
    const files = (openid: string) => {
      const dir = join(env.emu.dataDir, 'files', 'exports', openid);
      return existsSync(dir) ? readdirSync(dir) : [];
    };
    expect(files(sun)).toHaveLength(1);
    // The street's export is under way (started, not carried yet); another community's export is not hers.
    expect((await exportBy(qian, 'street-qingshi', false)).status).toBe('running');
    const now = new Date();
    const elsewhere = {
      _id: 'demo-elsewhere-staff',
      openid: 'demo-elsewhere-staff',
      requestId: 'elsewhere-1',
      status: 'done',
      from: today,
      to: today,
      kinds: ['postings'],
      format: 'csv',
      scope: 'community-other',
      scopeKind: 'community',
      scopeName: '别的社区',
      communityIds: ['community-other'],
      viewer: { roles: ['staff'], communityId: 'community-other', streetId: 'street-qingshi' },
      step: 1,
      cursor: null,
      parts: 0,
      rows: 0,
      tally: [],
      fileID: null,
      fileName: '别的社区积分流水.csv',
      error: null,
      createdAt: now,
      updatedAt: now,
      doneAt: now,
    };
    await databaseOf(env.emu).collection('export_jobs').add({ data: elsewhere });

    ok(await call(wang, 'user.deleteMine', { confirm: '确认注销' }, rid('md-del', 'exports')));
    await runJobs();
    await expectCovered(env.emu);

    const said = '导出期间有居民注销了账号，按隐私规定已删除此文件';
    for (const who of [sun, luo, qian])
      expect(ok(await call(who, 'report.exportStatus', {})).export).toMatchObject({ status: 'failed', url: null, error: said });
    expect(files(sun)).toEqual([]);
    expect(files(luo)).toEqual([]);
    const kept = rows().find((r) => r.coll === 'export_jobs' && r.key === elsewhere._id)!;
    expect(JSON.parse(kept.json)).toMatchObject({ status: 'done', error: null });
    expect(rows().filter((r) => r.coll === 'export_parts')).toEqual([]);
    // Exported again, the file has her records as rewritten: neither her name nor her phone.
    const again = await exportBy(sun, null, true);
    const text = Buffer.from(await (await fetch(again.url)).arrayBuffer()).toString('utf8');
    expect(text).toContain('测试发放');
    expect(text).not.toContain(her.name);
    expect(text).not.toContain(her.phone.slice(-4));
  }, 60_000);
});
