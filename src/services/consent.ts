import Taro from '@tarojs/taro';
import type { ActionName } from '../shared/contract';
import type { templateKeys } from '../shared/contract/notify';
import { call } from './api';
import { askOnPage } from './consent-dialog';
import { currentPersona } from './persona';
import { newRequestId } from './request-id';

type TemplateKey = (typeof templateKeys)[number];
type Templates = Partial<Record<TemplateKey, string>>;

/**
 * Which notices a tap on an action is the moment to ask for (WeChat only lets a tap ask). Grid workers and
 * staff hold long-term grants for their work notices, so their taps ask nothing.
 */
export const consentFor: Partial<Record<ActionName, readonly TemplateKey[]>> = {
  'wish.create': ['wishProgress'],
  'wish.claim': ['wishDispatched'],
  'petition.create': ['petitionProgress'],
  'petition.cosign': ['petitionProgress'],
  'points.issueCode': ['pointsHold'],
};

/**
 * Actions whose payload carries what the tap accepted (`accepted`), kept with what they create instead of being
 * reported to `notify.subscribe`: a petition holds its reporter's consent to be told of its progress, so moving it
 * reads no grant.
 */
export const carriesConsent: Partial<Record<ActionName, true>> = { 'petition.create': true };

/** The H5 stand-in's question per template: H5 has no requestSubscribeMessage. */
const questions: Partial<Record<TemplateKey, { title: string; content: string }>> = {
  wishProgress: { title: '接收进度通知？', content: '心愿审核通过、被认领、服务完成时，通过微信提醒你。' },
  wishDispatched: { title: '接收派单通知？', content: '社区把心愿派给你时，通过微信提醒你。' },
  petitionProgress: { title: '接收诉求进度通知？', content: '诉求受理、上报、办结时，通过微信提醒你。' },
  pointsHold: { title: '接收扣分确认提醒？', content: '商家单笔扣分超过上限、需要你确认时，通过微信提醒你。' },
  wishSubmitted: { title: '接收工作提醒？', content: '有新心愿、新诉求、新申请要你处理时，通过微信提醒你。' },
  petitionAssigned: { title: '接收工作提醒？', content: '有新诉求交到你这一级时，通过微信提醒你。' },
};

/** Whether staff consent to their work notices long-term (政务民生 accounts, the district admin's setting). */
let staffLongTerm = false;
let templates: Templates | null = null;
let loading: Promise<void> | null = null;
let asking = false;
/** Bumped by a fresh fetch, so the answer of one asked earlier (e.g. refused before a persona was picked) is ignored. */
let generation = 0;

/**
 * Loads the template ids once (`notify.templates`); a failure is retried on the next call. `fresh` asks again even
 * while an earlier request is in flight: that one may be refused for a caller who has changed since.
 */
export function prefetchTemplates(fresh = false): Promise<void> {
  if (fresh) {
    generation += 1;
    loading = null;
  }
  const mine = generation;
  loading ??= call('notify.templates', {}).then((reply) => {
    if (mine !== generation) return;
    if (reply.ok) {
      templates = reply.data.templates;
      staffLongTerm = reply.data.staffLongTerm;
    } else loading = null;
  });
  return loading;
}

/**
 * Asks for consent to the notices `action` leads to, on the user's tap, and reports what was accepted to
 * `notify.subscribe` — or, for an action that carries it (`carriesConsent`), answers it for the action's payload.
 * It must be called synchronously in the tap handler (WeChat refuses otherwise) and never fails the action: the
 * answer is the accepted ids, or undefined when nothing was asked (ids not loaded yet, a question already open)
 * or the question failed.
 */
export function askConsent(action: ActionName): Promise<string[] | undefined> {
  const keys = consentFor[action];
  if (!keys) return Promise.resolve(undefined);
  if (!templates) {
    void prefetchTemplates();
    return Promise.resolve(undefined);
  }
  const wanted = keys.flatMap((key) => (templates?.[key] ? [{ key, id: templates[key] as string }] : []));
  if (wanted.length === 0 || asking) return Promise.resolve(undefined);
  asking = true;
  const answer = process.env.TARO_ENV === 'weapp' ? askWeChat(wanted.map((w) => w.id)) : askStandIn(wanted);
  const done = answer.finally(() => {
    asking = false;
  });
  void done
    .then((accepted) => (accepted.length && !carriesConsent[action] ? call('notify.subscribe', { accepted }, { requestId: newRequestId() }) : null))
    .catch((err) => console.warn('[consent]', err));
  return done.catch(() => undefined);
}

/** The work notices a grid worker or staff member is asked about (WeChat asks at most three at a time). */
const workKeys = (roles: readonly string[]): TemplateKey[] =>
  roles.includes('grid_worker')
    ? ['wishSubmitted', 'petitionAssigned', 'joinSubmitted']
    : roles.includes('staff')
      ? ['petitionAssigned', 'wishUnclaimed', 'reportSubmitted']
      : ['petitionAssigned'];

/** How staff consent here: once for good (长期订阅), or one notice per consent; null until the ids are loaded. */
export function workConsentMode(): 'longTerm' | 'once' | null {
  return templates ? (staffLongTerm ? 'longTerm' : 'once') : null;
}

/**
 * 微信提醒新的待办 (消息, staff): asks on the tap for the work notices of the person's roles, long-term where the
 * account allows it; resolves to how many were accepted (0 when refused or not loaded yet).
 */
export async function askWorkNotices(roles: readonly string[]): Promise<number> {
  if (!templates) {
    await prefetchTemplates();
    return 0;
  }
  const wanted = workKeys(roles).flatMap((key) => (templates?.[key] ? [{ key, id: templates[key] as string }] : []));
  if (wanted.length === 0 || asking) return 0;
  asking = true;
  try {
    const accepted = process.env.TARO_ENV === 'weapp' ? await askWeChat(wanted.map((w) => w.id)) : await askStandIn(wanted);
    if (accepted.length === 0) return 0;
    const reply = await call('notify.subscribe', { accepted }, { requestId: newRequestId() });
    return reply.ok ? accepted.length : 0;
  } finally {
    asking = false;
  }
}

async function askWeChat(ids: string[]): Promise<string[]> {
  const res = await Taro.requestSubscribeMessage({ tmplIds: ids } as Taro.requestSubscribeMessage.Option);
  return ids.filter((id) => (res as Record<string, unknown>)[id] === 'accept');
}

const STORAGE_KEY = 'linli.consent';

/** Answers remembered per persona and template, like WeChat's "总是保持以上选择". */
function remembered(): Record<string, boolean> {
  try {
    return JSON.parse(window.localStorage.getItem(`${STORAGE_KEY}.${currentPersona()?.openid ?? ''}`) ?? '{}') as Record<string, boolean>;
  } catch {
    return {};
  }
}

function remember(answers: Record<string, boolean>): void {
  window.localStorage.setItem(`${STORAGE_KEY}.${currentPersona()?.openid ?? ''}`, JSON.stringify({ ...remembered(), ...answers }));
}

/** A confirm the first time per template; afterwards the remembered answer is reported without asking. */
async function askStandIn(wanted: { key: TemplateKey; id: string }[]): Promise<string[]> {
  const known = remembered();
  const fresh = wanted.filter((w) => !(w.id in known));
  if (fresh.length > 0) {
    const question = questions[fresh[0].key] ?? { title: '接收进度通知？', content: '有新进展时通过微信提醒你。' };
    const confirm = await askOnPage(question.title, question.content);
    remember(Object.fromEntries(fresh.map((w) => [w.id, confirm])));
  }
  const answers = remembered();
  return wanted.filter((w) => answers[w.id]).map((w) => w.id);
}

/** For tests: forget the loaded ids and any question in progress. */
export function resetConsentForTests(): void {
  templates = null;
  loading = null;
  asking = false;
}
