import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Emulator } from './emulator';
import { handleFileRoutes } from './file-routes';
import { decodePath, HttpError, readJson, sendJson, sendJsonText } from './http-util';
import { InvokeError } from './invocation';

export const DEV_PREFIX = '/__emulator/';

/**
 * The dev surface (loopback only): invoke functions as a persona, inspect and steer the emulator. `url` is the
 * request's, as the server parsed it. Returns false when the path is not one of ours.
 */
export async function handleDevRequest(req: IncomingMessage, res: ServerResponse, emu: Emulator, url: URL): Promise<boolean> {
  const method = req.method ?? 'GET';
  const route = `${method} ${url.pathname}`;
  let match: RegExpExecArray | null;

  if ((match = /^POST \/__emulator\/invoke\/([^/]+)$/.exec(route))) {
    await invoke(req, res, emu, decodePath(match[1]));
  } else if (route === 'GET /__emulator/personas') {
    sendJson(res, 200, emu.config.dev?.personas?.() ?? []);
  } else if (route === 'GET /__emulator/api') {
    sendJson(res, 200, emu.config.dev?.api?.() ?? {});
  } else if (route === 'POST /__emulator/reset') {
    await emu.reset();
    sendJson(res, 200, { ok: true, now: new Date(emu.clock.now()).toISOString() });
  } else if (route === 'GET /__emulator/clock') {
    sendJson(res, 200, clockState(emu));
  } else if (route === 'POST /__emulator/clock') {
    const fired = await setClock(emu, (await readJson(req)) as Record<string, unknown>);
    sendJson(res, 200, { ...clockState(emu), fired });
  } else if ((match = /^POST \/__emulator\/triggers\/([^/]+)$/.exec(route))) {
    const body = (await readJson(req)) as { name?: unknown };
    const fn = decodePath(match[1]);
    if (!emu.runner.exists(fn)) throw new HttpError(404, 'FUNCTION_NOT_FOUND', `no function ${fn}`);
    sendJson(res, 200, await emu.scheduler.fireNow(fn, typeof body.name === 'string' ? body.name : undefined));
  } else if (route === 'GET /__emulator/outbox') {
    sendJson(res, 200, emu.outbox.list());
  } else if (route === 'GET /__emulator/outbox/customer-service') {
    sendJson(res, 200, emu.outbox.customerService());
  } else if (route === 'GET /__emulator/meter') {
    const last = url.searchParams.get('last');
    sendJson(res, 200, emu.meter.last(last === null ? undefined : Math.max(0, Number(last) || 0)));
  } else {
    return handleFileRoutes(req, res, emu, url);
  }
  return true;
}

/** The body is the event; the reply is what wx.cloud.callFunction resolves to as `result`. */
async function invoke(req: IncomingMessage, res: ServerResponse, emu: Emulator, name: string): Promise<void> {
  const event = await readJson(req);
  const header = (key: string) => {
    const value = req.headers[key];
    return typeof value === 'string' && value !== '' ? value : undefined;
  };
  try {
    const { json } = await emu.runner.invoke({
      name,
      event,
      caller: { openid: header('x-linli-openid'), unionid: header('x-linli-unionid'), source: 'wx_client' },
    });
    // The function's value as its worker serialised it: parsing and serialising it again here would change nothing.
    sendJsonText(res, 200, json);
  } catch (err) {
    if (!(err instanceof InvokeError)) throw err;
    // Shaped like wx.cloud.callFunction's rejection.
    const [status, errCode, text] =
      err.code === 'FUNCTIONS_REQUEST_FAIL' ? [404, -504001, 'functions request fail'] : [500, -504002, 'functions execute fail'];
    sendJson(res, status, { errCode, errMsg: `cloud.callFunction:fail ${errCode} ${text}. ${err.message}` });
  }
}

function clockState(emu: Emulator): { now: string; offsetMs: number } {
  return { now: new Date(emu.clock.now()).toISOString(), offsetMs: emu.clock.offsetMs };
}

/** `{advanceMs}` | `{set: ISO}` | `{reset: true}`; then runs whatever timer triggers became due, and reports them. */
async function setClock(emu: Emulator, body: Record<string, unknown>) {
  let change: () => void;
  if (body.reset === true) change = () => emu.clock.reset();
  else if (typeof body.set === 'string') {
    const at = Date.parse(body.set);
    if (Number.isNaN(at)) throw new HttpError(400, 'INVALID_TIME', `not an ISO time: ${body.set}`);
    change = () => emu.clock.set(at);
  } else if (typeof body.advanceMs === 'number' && Number.isFinite(body.advanceMs)) {
    const ms = body.advanceMs;
    change = () => emu.clock.advance(ms);
  } else throw new HttpError(400, 'INVALID_CLOCK_REQUEST', 'expected {advanceMs: number}, {set: ISO string} or {reset: true}');
  return emu.scheduler.check(() => {
    const before = emu.clock.now();
    change();
    // Going back in time: what lies "between" was never missed.
    if (emu.clock.now() < before) emu.scheduler.rebase();
  });
}
