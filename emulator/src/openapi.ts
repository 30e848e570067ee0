import { randomUUID } from 'node:crypto';
import { Root } from 'protobufjs';
import { checkImage, checkText, type ContentRules, type Verdict } from './content-check';
import type { Outbox } from './outbox';
import { getByPath, getUnlimited } from './wxacode';

/**
 * wx-server-sdk's `cloud.openapi.*` wire format: the request's `requestData` field is a protobuf CommApiData whose
 * pairs hold the (snake_cased) parameters as JSON, or raw bytes for media; the answer is a protobuf
 * CommOpenApiResp wrapping WeChat's JSON reply. Own Root: wx-server-sdk registers the same names in protobufjs'
 * default root.
 */
const root = Root.fromJSON({
  nested: {
    KeyValuePair: {
      fields: {
        key: { type: 'string', id: 1 },
        value: { type: 'bytes', id: 2 },
        contenttype: { type: 'string', id: 3 },
        filename: { type: 'string', id: 4 },
      },
    },
    OpenApiData: { fields: { pairs: { rule: 'repeated', type: 'KeyValuePair', id: 1 } } },
    CommApiData: { fields: { apiType: { type: 'int32', id: 1 }, openapiData: { type: 'OpenApiData', id: 2 }, appid: { type: 'string', id: 6 } } },
    CommOpenApiResp: {
      fields: {
        respData: { type: 'bytes', id: 1 },
        contentType: { type: 'string', id: 2 },
        errorCode: { type: 'int32', id: 3 },
        httpCode: { type: 'uint32', id: 4 },
      },
    },
  },
});
const CommApiData = root.lookupType('CommApiData');
const CommOpenApiResp = root.lookupType('CommOpenApiResp');

export interface Media {
  contentType: string;
  filename: string;
  value: Buffer;
}

export type OpenApiParams = Record<string, unknown>;

export function decodeOpenApiRequest(requestData: Buffer): OpenApiParams {
  const message = CommApiData.toObject(CommApiData.decode(requestData), { defaults: false }) as {
    openapiData?: { pairs?: { key: string; value?: Uint8Array; contenttype?: string; filename?: string }[] };
  };
  const params: OpenApiParams = {};
  for (const pair of message.openapiData?.pairs ?? []) {
    const bytes = Buffer.from(pair.value ?? []);
    // wx-server-sdk names the field `contentType` where the schema says `contenttype`, so media pairs arrive
    // with only a filename to tell them from JSON ones.
    const isMedia = Boolean(pair.filename || pair.contenttype);
    params[pair.key] = isMedia
      ? ({ contentType: pair.contenttype ?? '', filename: pair.filename ?? '', value: bytes } satisfies Media)
      : JSON.parse(bytes.toString('utf8'));
  }
  return params;
}

/** An answer that is not JSON (wxacode's image): the SDK hands it over as `{contentType, buffer}`. */
export interface BinaryReply {
  contentType: string;
  buffer: Buffer;
}

export function encodeOpenApiResponse(reply: Record<string, unknown> | BinaryReply): Buffer {
  const binary = Buffer.isBuffer(reply.buffer) && typeof reply.contentType === 'string';
  const message = CommOpenApiResp.create({
    respData: binary ? reply.buffer : Buffer.from(JSON.stringify(reply)),
    contentType: binary ? reply.contentType : 'application/json; charset=utf-8',
    errorCode: 0,
    httpCode: 200,
  });
  return Buffer.from(CommOpenApiResp.encode(message).finish());
}

export interface OpenApiDeps {
  rules: () => ContentRules;
  outbox: Outbox;
  now: () => number;
}

type Reply = Record<string, unknown> & { errcode: number; errmsg: string };

const OK = { errcode: 0, errmsg: 'ok' };
const FORMAT_ERROR = (hint: string): Reply => ({ errcode: 47001, errmsg: `data format error hint: ${hint}` });

/** WeChat's JSON answer to one open API call. */
export function answerOpenApi(apiName: string, params: OpenApiParams, deps: OpenApiDeps, invocationId: string | null): Reply | BinaryReply {
  switch (apiName) {
    case 'security.msgSecCheck':
      return msgSecCheck(params, deps.rules());
    case 'security.imgSecCheck':
      return imgSecCheck(params);
    case 'subscribeMessage.send':
      return subscribeMessageSend(params, deps, invocationId);
    case 'wxacode.getUnlimited':
      return getUnlimited(params);
    case 'wxacode.get':
      return getByPath(params, 'get');
    case 'wxacode.createQRCode':
      return getByPath(params, 'createQRCode');
    case 'customerServiceMessage.send':
      return customerServiceMessageSend(params, deps, invocationId);
    case 'phonenumber.getPhoneNumber':
      return getPhoneNumber(params);
    default:
      return { errcode: 48001, errmsg: `api unauthorized hint: the local emulator does not implement ${apiName}` };
  }
}

/** v2 (`version: 2`) answers with a suggestion; v1 only knows "risky" (errcode 87014) and otherwise passes. */
function msgSecCheck(params: OpenApiParams, rules: ContentRules): Reply {
  if (typeof params.content !== 'string') return FORMAT_ERROR('content is required');
  const verdict = checkText(params.content, rules);
  if (Number(params.version) !== 2) return verdict.suggest === 'risky' ? { errcode: 87014, errmsg: 'risky content' } : OK;
  if (typeof params.openid !== 'string' || params.openid === '') return FORMAT_ERROR('openid is required in version 2');
  if (![1, 2, 3, 4].includes(Number(params.scene))) return FORMAT_ERROR('scene must be 1, 2, 3 or 4 in version 2');
  return { ...OK, result: { suggest: verdict.suggest, label: verdict.label }, detail: [detailOf(verdict)], trace_id: randomUUID() };
}

function detailOf(verdict: Verdict): Record<string, unknown> {
  const detail: Record<string, unknown> = { strategy: 'keyword', errcode: 0, suggest: verdict.suggest, label: verdict.label };
  if (verdict.keyword) detail.keyword = verdict.keyword;
  return detail;
}

/**
 * What WeChat's imgSecCheck takes: "图片大小限制：1M" (the documented limit; larger media answer 40006 "invalid
 * media size"), and a request whose media part is missing or empty answers 41005 "media data missing".
 */
export const IMG_SEC_CHECK_MAX_BYTES = 1024 * 1024;

/**
 * WeChat's imgSecCheck only passes (0) or rejects (87014 "risky content"). The emulator adds the v2-style
 * `result` so code may tell "review" from "pass"; code that ignores it sees exactly the cloud's answer.
 *
 * The size is checked first, as the cloud does, so an oversized photo fails here as it would there. The docs
 * also ask for at most 750px × 1334px, but name no error code for it, and images with more pixels within 1 MB
 * are reported to pass (WeChat scales them down for the check); the emulator does not decode images (its
 * verdict reads marker bytes, and test images need not be valid PNGs), so it applies only the byte limit.
 * Clients fit photos to 750×1334 themselves (src/shared/domain/photo-fit.ts).
 */
function imgSecCheck(params: OpenApiParams): Reply {
  const media = params.media as Media | undefined;
  if (!media || !Buffer.isBuffer(media.value) || media.value.length === 0) return { errcode: 41005, errmsg: 'media data missing' };
  if (media.value.length > IMG_SEC_CHECK_MAX_BYTES) return { errcode: 40006, errmsg: 'invalid media size' };
  const verdict = checkImage(media.value);
  if (verdict.suggest === 'risky') return { errcode: 87014, errmsg: 'risky content' };
  return { ...OK, result: { suggest: verdict.suggest, label: verdict.label } };
}

/**
 * The phone number behind a getPhoneNumber button's code. The local stand-in answers a fixed test number for
 * any code, or the number spelled in a test code `phone:<11 digits>`; `invalid` codes fail as WeChat's do (40029).
 */
export const TEST_PHONE = '13900009999';

function getPhoneNumber(params: OpenApiParams): Reply {
  const code = params.code;
  if (typeof code !== 'string' || code === '') return FORMAT_ERROR('code is required');
  if (code.startsWith('invalid')) return { errcode: 40029, errmsg: 'invalid code' };
  const spelled = /^phone:(1\d{10})$/.exec(code)?.[1];
  const phone = spelled ?? TEST_PHONE;
  return {
    ...OK,
    phone_info: { phoneNumber: phone, purePhoneNumber: phone, countryCode: '86', watermark: { timestamp: 0, appid: 'local' } },
  };
}

function subscribeMessageSend(params: OpenApiParams, deps: OpenApiDeps, invocationId: string | null): Reply {
  const { touser, template_id: templateId } = params;
  if (typeof touser !== 'string' || touser === '') return FORMAT_ERROR('touser is required');
  if (typeof templateId !== 'string' || templateId === '') return FORMAT_ERROR('template_id is required');
  if (params.data === null || typeof params.data !== 'object') return FORMAT_ERROR('data is required');
  const text = (key: string) => (typeof params[key] === 'string' ? (params[key] as string) : null);
  deps.outbox.add({
    touser,
    templateId,
    page: text('page'),
    data: params.data,
    miniprogramState: text('miniprogram_state'),
    lang: text('lang'),
    at: new Date(deps.now()).toISOString(),
    invocationId,
  });
  return OK;
}

const CUSTOMER_SERVICE_TYPES = ['text', 'image', 'link', 'miniprogrampage'] as const;
type CustomerServiceType = (typeof CUSTOMER_SERVICE_TYPES)[number];

/** customerServiceMessage.send: WeChat's checks on the message's shape, then the message lands in the outbox. */
function customerServiceMessageSend(params: OpenApiParams, deps: OpenApiDeps, invocationId: string | null): Reply {
  const { touser, msgtype } = params;
  if (typeof touser !== 'string' || touser === '') return { errcode: 40003, errmsg: 'invalid openid' };
  if (!CUSTOMER_SERVICE_TYPES.includes(msgtype as CustomerServiceType)) return { errcode: 40008, errmsg: 'invalid message type' };
  const type = msgtype as CustomerServiceType;
  const content = params[type];
  if (content === null || typeof content !== 'object') return FORMAT_ERROR(`${type} is required for msgtype ${type}`);
  const field = (key: string) => (content as Record<string, unknown>)[key];
  const missing = { text: ['content'], image: ['media_id'], link: ['title', 'url'], miniprogrampage: ['title', 'pagepath', 'thumb_media_id'] }[
    type
  ].find((key) => typeof field(key) !== 'string' || field(key) === '');
  if (missing) return FORMAT_ERROR(`${type}.${missing} is required`);
  deps.outbox.add({ kind: 'customerService', touser, msgtype: type, content, at: new Date(deps.now()).toISOString(), invocationId });
  return OK;
}
