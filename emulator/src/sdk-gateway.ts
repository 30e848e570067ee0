import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { CloudDatabase } from './db';
import type { FileStore } from './file-store';
import type { FunctionRunner } from './function-runner';
import { InvokeError, type Caller } from './invocation';
import { readBody, sendBytes, sendJson } from './http-util';
import type { Meter } from './meter';
import { MultipartError, parseMultipart, type Part } from './multipart';
import { answerOpenApi, decodeOpenApiRequest, encodeOpenApiResponse, type OpenApiDeps } from './openapi';
import { storageAction } from './storage-actions';
import type { UrlSigner } from './url-signer';

export const SDK_PATH = '/__tcb';

export interface GatewayDeps {
  /** The one cloud environment this emulator is (what DYNAMIC_CURRENT_ENV resolves to in its functions). */
  env: string;
  db: CloudDatabase;
  runner: FunctionRunner;
  files: FileStore;
  signer: UrlSigner;
  meter: Meter;
  openapi: OpenApiDeps;
  baseUrl: () => string;
}

/** An open API call's form: WeChat takes media up to 10 MB (a video) and answers more with 40006. */
const OPEN_API_FORM_LIMITS = { partBytes: 10 * 1024 * 1024, parts: 32, bodyBytes: 11 * 1024 * 1024 };

/** Fields every SDK request carries besides its own parameters. */
const ENVELOPE = new Set([
  'action',
  'envName',
  'wxCloudApiToken',
  'wxCloudbaseAccesstoken',
  'tcb_sessionToken',
  'sessionToken',
  'crossAuthorizationToken',
]);

/**
 * The endpoint wx-server-sdk talks to (TCB_CONTEXT_CNFG.URL). The SDK puts the invocation's TCB_SEQID in front of
 * the `seqId` query parameter (`<TCB_SEQID>-<eventId>`), which is how a request is tied to the invocation that
 * made it: for the meter, for outbox attribution, and for the caller a nested callFunction passes on.
 */
export async function handleSdkRequest(req: IncomingMessage, res: ServerResponse, url: URL, deps: GatewayDeps): Promise<void> {
  const query = url.searchParams;
  const seqId = query.get('seqId') ?? '';
  const invocationId = seqId.includes('-') ? seqId.slice(0, seqId.lastIndexOf('-')) : null;
  // The SDK names the environment in the URL (`env=`) of every request, JSON or multipart. A function that
  // passes a made-up env id to cloud.init would fail on the cloud; it fails here too. No env at all (cloud.init()
  // without one) means the first environment on the cloud, which is this one.
  const env = query.get('env') ?? '';
  if (env !== '' && env !== deps.env) return sendJson(res, 200, invalidEnv(env, deps.env));
  const contentType = req.headers['content-type'] ?? '';
  if (contentType.startsWith('multipart/form-data')) {
    let parts: Part[];
    try {
      parts = await parseMultipart(req, contentType, OPEN_API_FORM_LIMITS);
    } catch (err) {
      if (!(err instanceof MultipartError)) throw err;
      const refusal =
        err.reason === 'too-large'
          ? { errcode: 40006, errmsg: 'invalid media size' }
          : { errcode: 47001, errmsg: `data format error hint: ${err.message}` };
      return sendBytes(res, 200, 'application/octet-stream', encodeOpenApiResponse(refusal));
    }
    const fields = new Map(parts.map((p) => [p.name, p.data]));
    const action = fields.get('action')?.toString();
    if (action === 'wx.wxPayApi') return sendJson(res, 200, cloudPayUnavailable(fields.get('apiName')?.toString() ?? ''));
    if (action !== 'wx.openApi') return sendJson(res, 200, unsupported(action));
    const apiName = fields.get('apiName')?.toString() ?? '';
    let reply;
    try {
      reply = answerOpenApi(apiName, decodeOpenApiRequest(fields.get('requestData') ?? Buffer.alloc(0)), deps.openapi, invocationId);
    } catch (err) {
      reply = { errcode: 47001, errmsg: `data format error hint: ${err instanceof Error ? err.message : String(err)}` };
    }
    return sendBytes(res, 200, 'application/octet-stream', encodeOpenApiResponse(reply));
  }
  const body = await readBody(req);
  const request = JSON.parse(body.toString('utf8') || '{}') as Record<string, unknown>;
  const { action, envName } = request;
  if (typeof envName === 'string' && envName !== '' && envName !== deps.env) return sendJson(res, 200, invalidEnv(envName, deps.env));
  // The parameters, copied rather than the envelope deleted: an object keys were deleted from reads slower.
  // (No SDK request names a `__proto__`; assigned, it would set the copy's prototype.)
  const params: Record<string, unknown> = {};
  for (const key of Object.keys(request)) if (!ENVELOPE.has(key) && key !== '__proto__') params[key] = request[key];
  sendJson(res, 200, await answer(String(action), params, invocationId, deps));
}

async function answer(action: string, params: Record<string, unknown>, invocationId: string | null, deps: GatewayDeps): Promise<unknown> {
  const requestId = randomUUID();
  if (action.startsWith('database.')) {
    deps.meter.countRequest(invocationId ?? undefined);
    if (TRACE) console.error(`[db] ${deps.meter.get(invocationId ?? undefined)?.action ?? '-'} ${action} ${traceOf(params)}`);
    try {
      const reply = await deps.db.handle(action, params, { invocationId: invocationId ?? undefined });
      return reply !== null && typeof reply === 'object' && !('requestId' in reply) ? { ...reply, requestId } : reply;
    } catch (err) {
      return { code: 'DATABASE_REQUEST_FAILED', message: err instanceof Error ? err.message : String(err), requestId };
    }
  }
  if (action === 'functions.invokeFunction') return invokeNested(params, invocationId, deps);
  if (action.startsWith('storage.')) {
    return { ...storageAction(action, params, { files: deps.files, signer: deps.signer, baseUrl: deps.baseUrl() }), requestId };
  }
  return { ...unsupported(action), requestId };
}

/**
 * A function calling a function: like WeChat Cloud, the callee sees the original caller's OPENID/APPID/UNIONID
 * and a SOURCE extended with `,scf` (e.g. `wx_client,scf`).
 */
async function invokeNested(params: Record<string, unknown>, parentId: string | null, deps: GatewayDeps): Promise<unknown> {
  const parent: Caller = (parentId && deps.runner.callerOf(parentId)) || { source: '' };
  const caller: Caller = { ...parent, source: parent.source ? `${parent.source},scf` : 'scf' };
  let event: unknown = {};
  try {
    event = typeof params.request_data === 'string' && params.request_data !== '' ? JSON.parse(params.request_data) : {};
  } catch {
    return { code: 'INVALID_PARAM', message: 'request_data is not JSON', requestId: randomUUID() };
  }
  try {
    const { invocationId, json } = await deps.runner.invoke({ name: String(params.function_name), event, caller, parentId });
    return { requestId: invocationId, data: { response_data: json } };
  } catch (err) {
    const e = err instanceof InvokeError ? err : new InvokeError('FUNCTIONS_EXECUTE_FAIL', String(err));
    return { code: e.code, message: e.message, requestId: e.invocationId ?? randomUUID() };
  }
}

/** LINLI_METER_TRACE=1 prints every database request (action, collection, query) to stderr: where a budget goes. */
const TRACE = process.env.LINLI_METER_TRACE === '1';
const traceOf = (params: Record<string, unknown>) => JSON.stringify(params).slice(0, 240);

/** The cloud's answer for an environment that does not exist (CloudBase error code INVALID_ENV). */
function invalidEnv(asked: string, served: string): { code: string; message: string; requestId: string } {
  return {
    code: 'INVALID_ENV',
    message: `[INVALID_ENV] environment "${asked}" does not exist: this emulator is environment "${served}" (use cloud.DYNAMIC_CURRENT_ENV)`,
    requestId: randomUUID(),
  };
}

/**
 * cloud.cloudPay.* (WeChat Pay) needs a merchant account bound to the environment; the emulator has none and
 * does not pretend to take money. The SDK throws this as a CloudSDKError whose message says so.
 */
function cloudPayUnavailable(apiName: string): { code: string; message: string } {
  return {
    code: 'RESOURCE_NOT_INITIAL',
    message: `cloudPay.${apiName} is not available locally: the emulator has no WeChat Pay merchant; call it on CloudBase`,
  };
}

function unsupported(action: string | undefined): { code: string; message: string } {
  return { code: 'INVALID_PARAM', message: `the local emulator does not implement action ${action ?? '(none)'}` };
}
