import { myDataBound, userDeleteMine, userExportMine } from '../../src/shared/contract';
import { DomainError } from '../../src/shared/domain/errors';
import { joinApplicationId } from '../../src/shared/domain/join';
import { account } from '../../src/shared/domain/ledger';
import { maskName, maskPhone } from '../../src/shared/domain/privacy';
import { roleLabels, type Role } from '../../src/shared/domain/roles';
import type { UserProfile } from '../../src/shared/domain/org';
import type { CollectionName } from '../_lib/documents';
import { defineHandler } from '../_lib/handler';
import { randomUUID } from 'crypto';
import { _, cloud, collections } from '../_lib/runtime';
import { table, type Query } from '../_lib/typed-db';

/**
 * 我的数据 (个人信息保护法): where Linli keeps something about a person, and how it is found. Every collection of
 * `collections` was looked at; those not listed hold nothing of a resident (org units, categories, rules, tallies
 * and proofs by community, mall items, shops of merchants — a merchant must hand the shop over first) or hold
 * them only as a number (party_tallies and party_months rank members of a closed month; balances by account id).
 * Each source is one indexed query, newest first, bounded by `myDataBound`.
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
  { key: 'helper_bindings', title: '我的代办人', where: (id) => ({ parentId: id }), newest: null },
  { key: 'helper_bindings', title: '我代办的老人', where: (id) => ({ helperId: id }), newest: null },
  { key: 'roster_entries', title: '社区花名册中与我关联的登记', where: (id) => ({ userId: id }), newest: null },
  { key: 'subscriptions', title: '消息订阅', where: (id) => ({ openid: id }), newest: null },
  { key: 'notifications', title: '发给我的通知', where: (id) => ({ touser: id }), newest: 'createdAt' },
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
  /^(name|residentName|claimantName|raterName|byName|holderName|buyerName|handlerName|memberName|targetName|reporterName|filedByName|decidedByName|closedByName|merchantName|parentName|helperName|endedByName)$/;
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
  return doc;
}

/**
 * 导出我的数据: JSON in the reply (the page copies it or saves it as a file); one query per source, each at most
 * `myDataBound` records, newest first — so the reply stays bounded however long someone has lived here.
 */
export const exportMine = defineHandler(userExportMine, async (_input, { openid, user }) => {
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
  return { generatedAt: new Date().toISOString(), sections };
});

/** What must be handed over before an account can go, in words the person understands. */
async function openDuties(openid: string, user: UserProfile): Promise<string[]> {
  const duties: string[] = [];
  const staffRoles = user.roles.filter((r: Role) => r !== 'resident' && r !== 'member');
  if (staffRoles.length > 0) duties.push(`担任的${staffRoles.map((r) => roleLabels[r]).join('、')}（请社区或管理员先免去）`);
  const [claimed, shifts, mine] = await Promise.all([
    table(collections.wishes)
      .where({ claimantId: openid, status: _.in(['claimed', 'in_service']) })
      .count(),
    table(collections.postShifts).where({ holderId: openid, status: 'open' }).count(),
    read(sources[0], openid),
  ]);
  const posted = mine.docs.filter((w) => ['claimed', 'in_service', 'done'].includes(String(w.status))).length;
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
const removed = new Set<CollectionName>(['subscriptions', 'notifications', 'points_codes', 'requests', 'member_reports']);

/**
 * 注销: refused while duties are open (which, in the message). Otherwise every record found by `sources` is
 * rewritten with the openid replaced by a fresh anonymous id and the name and phone blanked (a rating keeps its
 * stars, a wish its story without who told it); their subscriptions, notices and points codes, the join on
 * record and the user doc go; the roster entry is unlinked (the register is the community's own, 人口台账).
 * Postings keep their accounts and amounts (the ledger is append-only and reconcile sums them): the account id
 * `user:<openid>` then names nobody Linli knows — see ARCHITECTURE.md "Erasure". Their uploaded photos are deleted.
 * A retry finds only what is left (the queries match the openid), so it is idempotent.
 */
export const deleteMine = defineHandler(userDeleteMine, async (_input, { openid, user }) => {
  const duties = await openDuties(openid, user);
  if (duties.length > 0) throw new DomainError('ACCOUNT_DUTIES_OPEN', `请先交接：${duties.join('；')}`);
  const anonId = `gone-${randomUUID()}`;
  const who = { openid, anonId, name: user.name, phone: user.phone };
  const files = new Set<string>();
  for (const source of sources) {
    // Page by page until none is left: a rewritten record no longer matches, so the next page starts again at
    // the top — except the ledger's, which still names the account and is paged past.
    for (let offset = 0, more = true; more;) {
      const { docs, truncated } = await read(source, openid, offset);
      more = truncated;
      offset += source.key === 'postings' ? docs.length : docs.filter((d) => source.key === 'requests' && d.action === userDeleteMine.name).length;
      await erase(source, docs, who, files);
    }
  }
  if (files.size > 0) await cloud.deleteFile({ fileList: [...files] });
  await table(collections.joinApplications).delete(joinApplicationId(openid));
  await table(collections.users).delete(openid);
  return { deleted: true as const, anonymousId: anonId };
});

async function erase(source: Source, docs: Doc[], who: Who, files: Set<string>): Promise<void> {
  const { openid, anonId } = who;
  for (const doc of docs) {
    // This very deletion's retry record stays: a retry must answer the same (it holds the openid, nothing else of them).
    if (source.key === 'requests' && doc.action === userDeleteMine.name) continue;
    ownFiles(doc, openid, files);
    const t = table(source.key) as unknown as { delete(id: string): Promise<void>; set(id: string, f: object): Promise<void> };
    if (removed.has(source.key)) await t.delete(doc._id);
    else if (source.key === 'roster_entries') await table(collections.rosterEntries).change(doc._id, { userId: null });
    else if (source.key === 'postings') {
      // The sums stay as they are: only who made it and why in words lose the person.
      const { _id, ...rest } = doc;
      const fields = { ...rest, by: rest.by === openid ? anonId : rest.by, byName: rest.by === openid ? anonymousName : rest.byName };
      await t.set(_id, scrub(fields, { ...who, openid: '\u0000' }) as object);
    } else {
      // A shop rating's id names the rater (<shop>:<openid>:<day>): it moves to the anonymous id.
      const { _id, ...rest } = doc;
      const id = scrub(_id, who) as string;
      await t.set(id, scrub(rest, who) as object);
      if (id !== _id) await t.delete(_id);
    }
  }
}
