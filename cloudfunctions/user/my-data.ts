import { myDataBound, userDeleteMine, userExportMine } from '../../src/shared/contract';
import { DomainError } from '../../src/shared/domain/errors';
import { joinApplicationId } from '../../src/shared/domain/join';
import { account, assets, type AccountId } from '../../src/shared/domain/ledger';
import { maskName, maskPhone } from '../../src/shared/domain/privacy';
import { roleLabels, type Role } from '../../src/shared/domain/roles';
import type { UserProfile } from '../../src/shared/domain/org';
import type { AccountTotal, CollectionName, MyDataJob } from '../_lib/platform/documents';
import type { CouncilTopic } from '../../src/shared/domain/council';
import { isProfile } from '../_lib/platform/actor';
import { defineHandler } from '../_lib/platform/handler';
import { balanceId } from '../_lib/ledger';
import { randomUUID } from 'crypto';
import { _, cloud, collections } from '../_lib/platform/runtime';
import { fieldsOf, transact } from '../_lib/platform/transact';
import { table, tableIn, type Query } from '../_lib/platform/typed-db';

/**
 * 我的数据 (个人信息保护法): where Linli keeps something about a person, and how it is found. Every collection of
 * `collections` was looked at; those not listed hold nothing of a resident (org units, categories, rules, tallies
 * and proofs by community, mall items, shops of merchants — a merchant must hand the shop over first) or hold
 * them only as a number (party_tallies and party_months rank members of a closed month; balances by account id).
 * Each source is one indexed query, newest first, bounded by `myDataBound`.
 *
 * Neither the export nor the erasure runs in the person's call: each reads or rewrites one page per source,
 * about twenty queries and, for a long life here, hundreds of writes — so the call records a job
 * (`my_data_jobs`, at most 8 requests) and the `myData` timer does the work, a bounded page at a time, its
 * progress recorded after each page so a run cut off by the function's timeout is taken up by the next.
 */
interface Source {
  key: CollectionName;
  title: string;
  /** The person's own field in it, and the order of newest first (an index covers both). */
  where: (openid: string) => Record<string, unknown>;
  newest: string | null;
}

const sources: Source[] = [
  { key: 'wishes', title: '我发布的心愿', where: (id) => ({ residentId: id }), newest: 'createdAt' },
  { key: 'wishes', title: '我认领的心愿', where: (id) => ({ claimantId: id }), newest: null },
  { key: 'wishes', title: '我代办的心愿', where: (id) => ({ filedById: id }), newest: 'createdAt' },
  { key: 'petitions', title: '我提交的诉求', where: (id) => ({ reporterId: id }), newest: 'createdAt' },
  { key: 'petition_cosigns', title: '我附议的诉求', where: (id) => ({ openid: id }), newest: 'at' },
  { key: 'postings', title: '积分流水', where: (id) => ({ accounts: account.user(id) }), newest: 'at' },
  { key: 'mall_orders', title: '积分兑换订单', where: (id) => ({ buyerId: id }), newest: 'createdAt' },
  { key: 'merchant_charges', title: '商家核销记录', where: (id) => ({ residentId: id }), newest: null },
  { key: 'merchant_checks', title: '商家核验等级', where: (id) => ({ residentId: id }), newest: 'at' },
  { key: 'shop_ratings', title: '我对商家的评价', where: (id) => ({ raterId: id }), newest: 'at' },
  { key: 'post_shifts', title: '我的值班', where: (id) => ({ holderId: id }), newest: 'startedAt' },
  { key: 'post_ratings', title: '我对值班的评价', where: (id) => ({ raterId: id }), newest: 'at' },
  { key: 'role_log', title: '我的角色任免记录', where: (id) => ({ targetId: id }), newest: 'at' },
  { key: 'party_entries', title: '党员积分明细', where: (id) => ({ memberId: id }), newest: 'at' },
  { key: 'member_reports', title: '我的党员报到', where: (id) => ({ personId: id }), newest: null },
  { key: 'unit_reports', title: '我为单位提交的共建报到', where: (id) => ({ reporterId: id }), newest: 'createdAt' },
  { key: 'project_resources', title: '我提供的资源', where: (id) => ({ ownerId: id }), newest: 'createdAt' },
  { key: 'project_resources', title: '我代为登记的资源', where: (id) => ({ addedBy: id }), newest: 'createdAt' },
  { key: 'project_needs', title: '我录入的需求', where: (id) => ({ createdBy: id }), newest: 'createdAt' },
  { key: 'projects', title: '我立项的共建项目', where: (id) => ({ createdBy: id }), newest: 'createdAt' },
  { key: 'projects', title: '我为单位认领的共建项目', where: (id) => ({ 'claimant.contactId': id }), newest: 'createdAt' },
  { key: 'project_ratings', title: '我对共建项目的评价', where: (id) => ({ raterId: id }), newest: 'at' },
  { key: 'helper_bindings', title: '我的代办人', where: (id) => ({ parentId: id }), newest: null },
  { key: 'helper_bindings', title: '我代办的老人', where: (id) => ({ helperId: id }), newest: null },
  { key: 'family_codes', title: '我生成的家庭邀请码', where: (id) => ({ inviterId: id }), newest: null },
  { key: 'roster_entries', title: '社区花名册中与我关联的登记', where: (id) => ({ userId: id }), newest: null },
  // 红黄蓝走访: my home's tier and visits due for my wishes or cases; the tiers I set and the visits I logged.
  { key: 'care_households', title: '我家的走访等级', where: (id) => ({ memberIds: id }), newest: null },
  { key: 'care_events', title: '因我的心愿或诉求安排的走访', where: (id) => ({ residentId: id }), newest: null },
  { key: 'care_households', title: '我标记的走访等级', where: (id) => ({ tierBy: id }), newest: null },
  { key: 'care_visits', title: '我记录的走访', where: (id) => ({ by: id }), newest: 'at' },
  // 民主评议: the ratings I gave (whom and how — shown to nobody else), my tallies and results, the rounds I was rated in
  // or opened.
  { key: 'review_ratings', title: '我做出的民主评议', where: (id) => ({ raterId: id }), newest: 'at' },
  { key: 'review_scores', title: '我的民主评议结果', where: (id) => ({ memberId: id }), newest: 'updatedAt' },
  { key: 'review_rounds', title: '我参加的民主评议', where: (id) => ({ 'members.id': id }), newest: 'openedAt' },
  { key: 'review_rounds', title: '我开启的民主评议', where: (id) => ({ openedBy: id }), newest: 'openedAt' },
  // 三方议事: topics I raised, co-signed, attended or own a follow-up task of; the votes I cast for my home.
  { key: 'council_topics', title: '我提出的议事议题', where: (id) => ({ raisedBy: id }), newest: null },
  { key: 'council_topics', title: '我联名的议事议题', where: (id) => ({ cosignerIds: id }), newest: null },
  { key: 'council_topics', title: '我参加的议事会议', where: (id) => ({ 'attendees.id': id }), newest: null },
  { key: 'council_topics', title: '我负责的议事任务', where: (id) => ({ taskOwnerIds: id }), newest: null },
  { key: 'council_ballots', title: '我代表我家投的票', where: (id) => ({ voterId: id }), newest: null },
  { key: 'subscriptions', title: '消息订阅', where: (id) => ({ openid: id }), newest: null },
  { key: 'notifications', title: '发给我的通知', where: (id) => ({ touser: id }), newest: 'createdAt' },
  { key: 'messages', title: '我的消息', where: (id) => ({ recipient: id }), newest: 'createdAt' },
  { key: 'points_codes', title: '我的积分码', where: (id) => ({ openid: id }), newest: null },
  // Last: this deletion's own record (kept, see deleteMine) is among them.
  { key: 'requests', title: '我的操作记录', where: (id) => ({ openid: id }), newest: 'at' },
];

type Doc = { _id: string } & Record<string, unknown>;

async function read(source: Source, openid: string, offset = 0): Promise<{ docs: Doc[]; truncated: boolean }> {
  let q = table(source.key).where(source.where(openid) as Query<never>);
  if (source.newest) q = q.orderBy(source.newest as never, 'desc');
  const docs = (await q
    .skip(offset)
    .limit(myDataBound + 1)
    .get()) as unknown as Doc[];
  return { docs: docs.slice(0, myDataBound), truncated: docs.length > myDataBound };
}

/** Fields that name a person or give a phone: in an export, anyone's but the caller's are masked (王**, 138****1001). */
const personNames =
  /^(name|residentName|claimantName|raterName|byName|holderName|buyerName|handlerName|memberName|targetName|reporterName|filedByName|decidedByName|closedByName|merchantName|parentName|helperName|endedByName|inviterName|raisedByName|ownerName)$/;
const phones = /^(phone|[a-z]+Phone)$/;
/** A room is never shown masked: someone else's is left out (residentRoom, reporterRoom, … kept on a case). */
const rooms = /^(room|[a-z]+Room)$/;

/**
 * Dates as ISO text, so the export is plain JSON; other people named in a record of theirs (the resident of a
 * wish they claimed, who approved it) only as the privacy rule shows them to anyone (privacy.ts maskName).
 */
function plain(value: unknown, me: { name: string; phone: string; room: string | null }, key = ''): unknown {
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'string' && rooms.test(key) && value !== me.room) return null;
  if (typeof value === 'string' && personNames.test(key) && value !== me.name) return maskName(value);
  if (typeof value === 'string' && phones.test(key) && value !== me.phone) return maskPhone(value);
  if (Array.isArray(value)) return value.map((v) => plain(v, me, key));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, plain(v, me, k)]));
  return value;
}

/**
 * A retry record as exported: what was done and when, not the reply; a notice: which and when, not its words.
 * Both are about others as often as about the caller (a grid worker's notice names the resident who applied).
 */
function exported(source: Source, doc: Doc): Doc {
  if (source.key === 'requests') return { _id: doc._id, action: doc.action, status: doc.status, at: doc.at };
  if (source.key === 'notifications')
    return { _id: doc._id, templateId: doc.templateId, status: doc.status, createdAt: doc.createdAt, sentAt: doc.sentAt };
  // A message: its heading and when, not its words (they may name the resident a grid worker was told of).
  if (source.key === 'messages') return { _id: doc._id, title: doc.title, page: doc.page, createdAt: doc.createdAt, readAt: doc.readAt };
  if (source.key === 'council_topics') return councilTopicExported(doc);
  return doc;
}

/**
 * A 三方议事 topic one raised, co-signed, attended or owns a task of: what it says, with how many co-signed, never
 * the other people's ids (the neighbours who co-signed, the attendees, the owners); their names are masked by `plain`.
 */
function councilTopicExported(doc: Doc): Doc {
  const t = doc as Doc & Partial<CouncilTopic>;
  const { raisedBy: _raiser, cosignerIds, taskOwnerIds: _owners, attendees, tasks, meeting, minutes, ...rest } = t;
  return {
    ...rest,
    cosigns: cosignerIds?.length ?? 0,
    attendees: (attendees ?? []).map(({ name, party }) => ({ name, party })),
    tasks: (tasks ?? []).map(({ ownerId: _owner, ...task }) => task),
    meeting: meeting ? { at: meeting.at, place: meeting.place, agenda: meeting.agenda, byName: meeting.byName } : null,
    minutes: minutes ? { text: minutes.text, decision: minutes.decision, byName: minutes.byName, at: minutes.at } : null,
  };
}

export const exportJobId = (openid: string) => `export:${openid}`;
export const eraseJobId = (openid: string) => `erase:${openid}`;

/** A ready export is handed out again for a day; after that (or when asked), a new one is built. */
const EXPORT_FRESH_MS = 24 * 3600_000;
/** How long the download link works. */
const LINK_SECONDS = 2 * 3600;

function newJob(kind: MyDataJob['kind'], openid: string, now: Date, who: Partial<MyDataJob> = {}): MyDataJob {
  return {
    _id: kind === 'erase' ? eraseJobId(openid) : exportJobId(openid),
    kind,
    openid,
    status: 'pending',
    anonId: null,
    name: '',
    phone: '',
    step: 0,
    offset: 0,
    communities: [],
    fileID: null,
    summary: null,
    createdAt: now,
    updatedAt: now,
    doneAt: null,
    ...who,
  };
}

const iso = (d: Date | string) => new Date(d).toISOString();

async function exportView(job: MyDataJob) {
  const ready = job.status === 'done' && job.fileID !== null;
  let url: string | null = null;
  if (ready) {
    const res = (await cloud.getTempFileURL({ fileList: [{ fileID: job.fileID as string, maxAge: LINK_SECONDS }] })) as {
      fileList?: { tempFileURL?: string }[];
    };
    url = res.fileList?.[0]?.tempFileURL || null;
  }
  return {
    status: ready ? ('ready' as const) : ('building' as const),
    requestedAt: iso(job.createdAt),
    url,
    generatedAt: ready && job.doneAt ? iso(job.doneAt) : null,
    sections: ready ? (job.summary ?? []) : [],
  };
}

/**
 * 导出我的数据: asks for the export file, or answers with the one being built or built within the day (a link
 * to the JSON, and what it holds). The job doc is keyed by the person, so a double tap or a retry finds the
 * same job: the caller, the job, and a write when a new one is asked for — three requests, four with the link.
 */
export const exportMine = defineHandler(
  userExportMine,
  async ({ again }, { openid }) => {
    const jobs = table(collections.myDataJobs);
    const job = await jobs.get(exportJobId(openid));
    const now = new Date();
    if (job?.status === 'pending') return exportView(job);
    if (job && !again && job.doneAt && now.getTime() - new Date(job.doneAt).getTime() < EXPORT_FRESH_MS) return exportView(job);
    // The old file stays until the new one is written (the builder removes it then).
    const next = newJob('export', openid, now, { fileID: job?.fileID ?? null });
    await jobs.set(next._id, fieldsOf(next));
    return exportView(next);
  },
  { record: 'byKey' },
);

/** The export file: what `user.exportMine` used to answer, now written by the timer. */
async function buildExport(job: MyDataJob): Promise<void> {
  const { openid } = job;
  const jobs = table(collections.myDataJobs);
  const user = await table(collections.users).get(openid);
  if (!isProfile(user)) return jobs.delete(job._id);
  const [application, ...found] = await Promise.all([
    table(collections.joinApplications).get(joinApplicationId(openid)),
    ...sources.map((s) => read(s, openid)),
  ]);
  const me = { name: user.name, phone: user.phone, room: user.room };
  const item = (doc: unknown) => plain(doc, me) as Record<string, unknown>;
  const profile = { key: 'users', title: '我的登记信息', count: 1, truncated: false, items: [item(user)] };
  const sections = [
    profile,
    ...(application ? [{ key: 'join_applications', title: '我的入驻申请', count: 1, truncated: false, items: [item(application)] }] : []),
    ...sources.map((s, i) => ({
      key: s.key,
      title: s.title,
      count: found[i].docs.length,
      truncated: found[i].truncated,
      items: found[i].docs.map((d) => item(exported(s, d))),
    })),
  ];
  const now = new Date();
  const file = JSON.stringify({ generatedAt: now.toISOString(), sections }, null, 2);
  const cloudPath = `my-data/${openid}/${now.getTime()}.json`;
  const uploaded = (await cloud.uploadFile({ cloudPath, fileContent: Buffer.from(file, 'utf8') })) as { fileID: string };
  const summary = sections.map(({ key, title, count, truncated }) => ({ key, title, count, truncated }));
  await jobs.change(job._id, { status: 'done', fileID: uploaded.fileID, summary, doneAt: now, updatedAt: now });
  if (job.fileID && job.fileID !== uploaded.fileID) await cloud.deleteFile({ fileList: [job.fileID] });
}

/** What must be handed over before an account can go, in words the person understands. */
async function openDuties(openid: string, user: UserProfile): Promise<string[]> {
  const duties: string[] = [];
  const staffRoles = user.roles.filter((r: Role) => r !== 'resident' && r !== 'member');
  if (staffRoles.length > 0) duties.push(`担任的${staffRoles.map((r) => roleLabels[r]).join('、')}（请社区或管理员先免去）`);
  // Wishes they claimed that are open, and wishes of theirs being helped with: one query (an index per branch).
  const [wishes, shifts] = await Promise.all([
    table(collections.wishes)
      .where(
        _.or([
          { claimantId: openid, status: _.in(['claimed', 'in_service']) },
          { residentId: openid, status: _.in(['claimed', 'in_service', 'done']) },
        ]) as unknown as Query<never>,
      )
      .limit(myDataBound)
      .get(),
    table(collections.postShifts).where({ holderId: openid, status: 'open' }).count(),
  ]);
  const claimed = wishes.filter((w) => w.claimantId === openid && ['claimed', 'in_service'].includes(w.status)).length;
  const posted = wishes.filter((w) => w.residentId === openid).length;
  if (claimed > 0) duties.push(`认领中的心愿 ${claimed} 个（请完成或取消认领）`);
  if (posted > 0) duties.push(`正在被帮助的心愿 ${posted} 个（请等帮忙完成后确认，或请网格员处理）`);
  if (shifts > 0) duties.push('一次没有签退的值班（请先签退）');
  return duties;
}

export const anonymousName = '已注销用户';

/** Every string of a document with the person's id, name and phone taken out (nested history entries too). */
interface Who {
  openid: string;
  anonId: string;
  name: string;
  phone: string;
}

function scrub(value: unknown, who: Who): unknown {
  if (typeof value === 'string') {
    if (value.includes(`uploads/${who.openid}/`)) return '';
    let s = value.split(who.openid).join(who.anonId);
    if (who.name) s = s.split(who.name).join(anonymousName);
    if (who.phone) s = s.split(who.phone).join('');
    return s;
  }
  if (value instanceof Date || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => scrub(v, who)).filter((v) => v !== '' || typeof v !== 'string');
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, scrub(v, who)]));
}

/** The uploaded photos of theirs a document names, to delete from storage. */
function ownFiles(value: unknown, openid: string, into: Set<string>): void {
  if (typeof value === 'string' && value.includes(`uploads/${openid}/`)) into.add(value);
  else if (Array.isArray(value)) value.forEach((v) => ownFiles(v, openid, into));
  else if (value && typeof value === 'object' && !(value instanceof Date)) Object.values(value).forEach((v) => ownFiles(v, openid, into));
}

/** Removed outright: nothing in them is anyone else's. */
const removed = new Set<CollectionName>(['subscriptions', 'notifications', 'messages', 'points_codes', 'requests', 'member_reports']);

/**
 * 注销: refused while duties are open (which, in the message). Otherwise, in one transaction, the user
 * document goes — replaced whole by a field-less marker (`erasingSince`): they are no longer registered, nothing
 * of theirs is shown as theirs, no query meets it — and the erasure job is
 * recorded with the anonymous id that takes their place; the reply says the rest is under way. The `myData`
 * timer then rewrites every record found by `sources` with the openid replaced by that id and the name and
 * phone blanked (a rating keeps its stars, a wish its story without who told it); their subscriptions,
 * notices, points codes and retry records go, the roster entry is unlinked (the register is the community's
 * own, 人口台账), their photos and export file are deleted. The ledger moves to the anonymous account:
 * postings keep their ids and amounts but name `user:<anonId>`, the cached balances and the proven totals of
 * the reconcile checkpoints move with them — so the same WeChat joining again starts with a fresh account.
 * Joining again waits until the job is done (`ACCOUNT_ERASING`: the marker, read with the caller, says so; the job
 * removes it with itself, last). See ARCHITECTURE.md "Erasure".
 * DB requests: the caller, the duties (2), start, the job, the user replaced by the marker, the retry record, commit.
 */
export const deleteMine = defineHandler(
  userDeleteMine,
  async (_input, { openid, user, request }) => {
    const duties = await openDuties(openid, user);
    if (duties.length > 0) throw new DomainError('ACCOUNT_DUTIES_OPEN', `请先交接：${duties.join('；')}`);
    const anonId = `gone-${randomUUID()}`;
    // Her community from the start: the staff exports that may name her are found by it (dropStaffExports).
    const communities = user.communityId ? [user.communityId] : [];
    const job = newJob('erase', openid, new Date(), { anonId, name: user.name, phone: user.phone, communities });
    return transact(
      async (tx) => {
        await tableIn(tx, collections.myDataJobs).set(job._id, fieldsOf(job));
        // The profile goes, replaced whole by the marker that keeps the same WeChat from joining again meanwhile:
        // read with the caller, it costs a join nothing (handler.ts `erasing`).
        await tx
          .collection(collections.users)
          .doc(openid)
          .set({ data: { erasingSince: job.createdAt } });
        return { deleted: true as const, anonymousId: anonId };
      },
      { busy: 'BUSY', record: { request } },
    );
  },
  { record: 'inTransaction' },
);

/** How long one timer run works before it stops after the page in hand (the function's timeout is 60 s). */
const RUN_MS = Number(process.env.LINLI_MY_DATA_RUN_MS) || 20_000;
/** Jobs taken up per run, oldest first; the rest wait for the next minute. */
const JOBS_PER_RUN = 10;

/** The `myData` timer (every minute): builds the exports asked for and carries erasures forward. */
export async function runMyDataJobs(): Promise<Record<string, unknown>> {
  const until = Date.now() + RUN_MS;
  const jobs = await table(collections.myDataJobs).where({ status: 'pending' }).orderBy('createdAt', 'asc').limit(JOBS_PER_RUN).get();
  let finished = 0;
  for (const [i, job] of jobs.entries()) {
    // The first job always moves by a page at least, however short the run.
    if (i > 0 && Date.now() > until) break;
    if (job.kind === 'export') await buildExport(job);
    else if (!(await eraseSome(job, until))) continue;
    finished++;
  }
  return { jobs: jobs.length, finished };
}

/**
 * Carries an erasure forward page by page until done (true) or out of time (false, after the page in hand),
 * recording where it is after every page: a run killed mid-page redoes at most that page, which finds only
 * what is left (a rewritten record no longer matches).
 */
async function eraseSome(job: MyDataJob, until: number): Promise<boolean> {
  const { openid, anonId } = job;
  if (!anonId) throw new Error(`erasure ${job._id} without an anonymous id`);
  const who = { openid, anonId, name: job.name, phone: job.phone };
  const jobs = table(collections.myDataJobs);
  let { step, offset } = job;
  const communities = new Set(job.communities);
  for (;;) {
    while (step < sources.length) {
      const source = sources[step];
      const { docs, truncated } = await read(source, openid, offset);
      const files = new Set<string>();
      await erase(source, docs, who, files);
      if (files.size > 0) await cloud.deleteFile({ fileList: [...files] });
      if (source.key === 'postings') docs.forEach((d) => communities.add(String(d.communityId)));
      // A rewritten record no longer matches, so the next page starts again at the top — except this deletion's
      // own retry record, which stays, and is paged past.
      offset += docs.filter(isOwnDeletion(source)).length;
      if (!truncated) [step, offset] = [step + 1, 0];
      await jobs.change(job._id, { step, offset, communities: [...communities], updatedAt: new Date() });
      if (Date.now() > until && step < sources.length) return false;
    }
    // Others may have written her id where the job had passed (a notice to her, a 党员报到 approved onto the
    // marker's id): a last look at every source sends the job back to the first that holds something still.
    const left = await firstSourceLeft(openid);
    if (left === null) break;
    [step, offset] = [left, 0];
    await jobs.change(job._id, { step, offset, updatedAt: new Date() });
  }
  await moveAccount(account.user(openid), account.user(anonId), [...communities]);
  await dropStaffExports([...communities]);
  const exportJob = await jobs.get(exportJobId(openid));
  if (exportJob?.fileID) await cloud.deleteFile({ fileList: [exportJob.fileID] });
  await Promise.all([jobs.delete(exportJobId(openid)), table(collections.joinApplications).delete(joinApplicationId(openid))]);
  // Last, together: while the marker is there the same WeChat cannot join again (and be erased by the job).
  await transact(async (tx) => {
    await tableIn(tx, collections.myDataJobs).delete(job._id);
    await tableIn(tx, collections.users).delete(openid);
  }, 'BUSY');
  return true;
}

/** What the staff whose export was dropped read on 数据导出 (the job stays a day as failed, then goes). */
export const droppedExportError = '导出期间有居民注销了账号，按隐私规定已删除此文件';

/**
 * Staff exports (数据导出, report/export.ts) of a place holding her communities — a grid, community or street
 * listing one of them, or the district — may name her (积分流水, 志愿服务时长, 社区月报) and are kept a day. Once
 * her records are rewritten, every such export finished or under way is dropped: its file deleted, its parts
 * removed, the job failed with a message that says why, so its staff export again from the rewritten records. Which
 * exports really name her is not known without reading their files: all of the place's go (a handful of staff).
 * Runs after the sources, so an export started from now on reads her records rewritten; can run again.
 */
async function dropStaffExports(communities: string[]): Promise<void> {
  const exports = table(collections.exportJobs);
  const places = [
    ...(communities.length > 0 ? [{ communityIds: _.in(communities), status: _.in(['running', 'done']) }] : []),
    { scopeKind: 'district', status: _.in(['running', 'done']) },
  ];
  const found = await exports
    .where(_.or(places) as unknown as Query<never>)
    .limit(1000)
    .get();
  const files = found.flatMap((j) => (j.fileID ? [j.fileID] : []));
  if (files.length > 0) await cloud.deleteFile({ fileList: files });
  const now = new Date();
  for (const job of found) {
    await exports.change(job._id, { status: 'failed', fileID: null, error: droppedExportError, doneAt: now, updatedAt: now });
    await table(collections.exportParts).where({ jobId: job._id }).remove();
  }
}

const isOwnDeletion = (source: Source) => (doc: Doc) => source.key === 'requests' && doc.action === userDeleteMine.name;

/** The first source still holding a record of the person (besides this deletion's own retry record), or null. */
async function firstSourceLeft(openid: string): Promise<number | null> {
  const found = await Promise.all(sources.map(async (source) => (await read(source, openid)).docs.some((d) => !isOwnDeletion(source)(d))));
  const first = found.indexOf(true);
  return first < 0 ? null : first;
}

/**
 * The ledger of `from` becomes `to`'s (its postings are rewritten by the job): the cached balances move, and
 * the reconcile checkpoint and any full re-proof under way of each community carry its proven totals under
 * the new id, so the books still reconcile. Each step can run again (a set by id, totals merged by key).
 */
async function moveAccount(from: AccountId, to: AccountId, communities: string[]): Promise<void> {
  const balances = table(collections.balances);
  const held = await Promise.all(assets.map((asset) => balances.get(balanceId(from, asset))));
  for (const balance of held) {
    if (!balance) continue;
    const { _id, ...fields } = balance;
    await balances.set(balanceId(to, balance.asset), { ...fields, account: to });
    await balances.delete(_id);
  }
  for (const communityId of communities) {
    await transact(async (tx) => {
      const checkpoints = tableIn(tx, collections.ledgerCheckpoints);
      const proofs = tableIn(tx, collections.reconcileJobs);
      const [checkpoint, proof] = await Promise.all([checkpoints.get(communityId), proofs.get(communityId)]);
      const movedCheckpoint = checkpoint && renamed(checkpoint.totals, from, to);
      if (checkpoint && movedCheckpoint) await checkpoints.change(communityId, { totals: movedCheckpoint });
      const movedProof = proof && renamed(proof.totals, from, to);
      if (proof && movedProof) await proofs.change(communityId, { totals: movedProof });
    }, 'BUSY');
  }
}

/** The totals with `from`'s entries added into `to`'s, or null when `from` has none. */
function renamed(totals: AccountTotal[], from: string, to: string): AccountTotal[] | null {
  if (!totals.some((t) => t.account === from)) return null;
  const sums = new Map<string, AccountTotal>();
  for (const t of totals) {
    const owner = t.account === from ? to : t.account;
    const key = `${owner}|${t.asset}`;
    sums.set(key, { account: owner, asset: t.asset, total: (sums.get(key)?.total ?? 0) + t.total });
  }
  return [...sums.values()];
}

async function erase(source: Source, docs: Doc[], who: Who, files: Set<string>): Promise<void> {
  const { openid } = who;
  for (const doc of docs) {
    // This very deletion's retry record stays: a retry must answer the same (it holds the openid, nothing else of them).
    if (source.key === 'requests' && doc.action === userDeleteMine.name) continue;
    ownFiles(doc, openid, files);
    const t = table(source.key) as unknown as { delete(id: string): Promise<void>; set(id: string, f: object): Promise<void> };
    if (removed.has(source.key)) await t.delete(doc._id);
    else if (source.key === 'roster_entries') await table(collections.rosterEntries).change(doc._id, { userId: null });
    else if (source.key === 'family_codes') {
      // A code she made: it, and the relatives who joined with it (their `invitedBy`), now name the anonymous id.
      const { _id, ...rest } = doc;
      await t.set(_id, scrub(rest, who) as object);
      const relatives = ((doc.usedBy ?? []) as { userId: string }[]).map((u) => u.userId);
      for (const id of relatives)
        await table(collections.users)
          .change(id, { 'invitedBy.userId': who.anonId, 'invitedBy.name': anonymousName })
          .catch(() => undefined); // the relative has gone already
    } else if (source.key === 'postings') {
      // Amounts and ids stay (the id is the posting's idempotency key); the accounts, who made it and the
      // words lose the person: the ledger now names the anonymous account.
      const { _id, ...rest } = doc;
      await t.set(_id, scrub(rest, who) as object);
    } else {
      // A shop rating's id names the rater (<shop>:<openid>:<day>): it moves to the anonymous id.
      const { _id, ...rest } = doc;
      const id = scrub(_id, who) as string;
      await t.set(id, scrub(rest, who) as object);
      if (id !== _id) await t.delete(_id);
    }
  }
}
