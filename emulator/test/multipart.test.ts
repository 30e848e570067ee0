// Multipart bodies as the emulator reads them (multipart.ts, by busboy): the parser on its own, and the SDK's
// open API calls through the gateway, whose form it streams with a size limit answered as WeChat does (40006).
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { MultipartError, parseMultipart, type Part } from '../src/multipart';
import { rawRequest, startEmulator, type TestEmulator } from '../src/testing';

jest.setTimeout(60_000);

const LIMITS = { partBytes: 1024, parts: 8, bodyBytes: 4096 };
const BINARY = Buffer.from(Array.from({ length: 256 }, (_, i) => i));

/** A body as a browser or undici sends it, with its content type (boundary included). */
async function encoded(form: FormData): Promise<{ body: Buffer; type: string }> {
  const res = new Response(form);
  return { body: Buffer.from(await res.arrayBuffer()), type: res.headers.get('content-type') ?? '' };
}

/** A hand-written body, CRLF line ends, for the shapes a FormData never produces. */
const handMade = (...lines: string[]) => Buffer.from(lines.join('\r\n'));
const TYPE = 'multipart/form-data; boundary=XyZ';

const reason = (p: Promise<unknown>) =>
  p.then(
    () => 'parsed',
    (err: unknown) => (err instanceof MultipartError ? err.reason : `other: ${String(err)}`),
  );

describe('parseMultipart', () => {
  it('reads several fields and a file with a Chinese name, bytes intact, from a Buffer or a trickling stream', async () => {
    const form = new FormData();
    form.append('action', 'wx.openApi');
    form.append('apiName', '图片检测');
    form.append('media', new Blob([BINARY], { type: 'image/png' }), '照片 一.png');
    const { body, type } = await encoded(form);
    const expected: Part[] = [
      { name: 'action', contentType: 'text/plain', data: Buffer.from('wx.openApi') },
      { name: 'apiName', contentType: 'text/plain', data: Buffer.from('图片检测') },
      { name: 'media', filename: '照片 一.png', contentType: 'image/png', data: BINARY },
    ];
    expect(await parseMultipart(body, type, LIMITS)).toEqual(expected);
    const bytes = Readable.from(
      (function* () {
        for (let i = 0; i < body.length; i++) yield body.subarray(i, i + 1);
      })(),
    );
    expect(await parseMultipart(bytes, type, LIMITS)).toEqual(expected);
  });

  it('keeps a field’s bytes that are not UTF-8 (the SDK’s protobuf requestData) and reads an RFC 5987 filename', async () => {
    const body = Buffer.concat([
      handMade('--XyZ', 'Content-Disposition: form-data; name="requestData"', 'Content-Type: application/octet-stream', '', ''),
      BINARY,
      handMade('', '--XyZ', `Content-Disposition: form-data; name="f"; filename*=UTF-8''${encodeURIComponent('门牌 3.jpg')}`, '', 'x', '--XyZ--', ''),
    ]);
    const parts = await parseMultipart(body, TYPE, LIMITS);
    expect(parts.map((p) => [p.name, p.filename, p.data])).toEqual([
      ['requestData', undefined, BINARY],
      ['f', '门牌 3.jpg', Buffer.from('x')],
    ]);
  });

  it('answers a form without the file part with the parts it has, and an empty form with none', async () => {
    const form = new FormData();
    form.append('action', 'wx.openApi');
    const { body, type } = await encoded(form);
    const parts = await parseMultipart(body, type, LIMITS);
    expect(parts.map((p) => p.name)).toEqual(['action']);
    expect(parts.find((p) => p.name === 'requestData')).toBeUndefined();
    expect(await parseMultipart(handMade('--XyZ--', ''), TYPE, LIMITS)).toEqual([]);
  });

  it('refuses a part, a body or a count of parts over the limits as too large', async () => {
    const one = new FormData();
    one.append('media', new Blob([Buffer.alloc(LIMITS.partBytes + 1)]), 'big.png');
    const big = await encoded(one);
    expect(await reason(parseMultipart(big.body, big.type, LIMITS))).toBe('too-large');

    const exact = new FormData();
    exact.append('media', new Blob([Buffer.alloc(LIMITS.partBytes)]), 'fits.png');
    exact.append('text', 'z'.repeat(LIMITS.partBytes));
    const fits = await encoded(exact);
    expect((await parseMultipart(fits.body, fits.type, LIMITS)).map((p) => p.data.length)).toEqual([LIMITS.partBytes, LIMITS.partBytes]);
    const longText = new FormData();
    longText.append('text', 'z'.repeat(LIMITS.partBytes + 1));
    const longBody = await encoded(longText);
    expect(await reason(parseMultipart(longBody.body, longBody.type, LIMITS))).toBe('too-large');

    const full = new FormData();
    for (let i = 0; i < LIMITS.parts; i++) full.append(`f${i}`, 'x');
    const fullParts = await encoded(full);
    expect(await parseMultipart(fullParts.body, fullParts.type, LIMITS)).toHaveLength(LIMITS.parts);

    const many = new FormData();
    for (let i = 0; i <= LIMITS.parts; i++) many.append(`f${i}`, 'x');
    const manyParts = await encoded(many);
    expect(await reason(parseMultipart(manyParts.body, manyParts.type, LIMITS))).toBe('too-large');

    const wide = new FormData();
    for (let i = 0; i < 5; i++) wide.append(`f${i}`, 'y'.repeat(1000));
    const wideBody = await encoded(wide);
    expect(await reason(parseMultipart(wideBody.body, wideBody.type, LIMITS))).toBe('too-large');
  });

  it('refuses an oversized part as it arrives, without waiting for the rest of the body', async () => {
    const head = handMade('--XyZ', 'Content-Disposition: form-data; name="media"; filename="a.png"', '', '');
    // A body that never ends: only an early refusal settles the promise.
    const endless = new Readable({ read() {} });
    endless.push(Buffer.concat([head, Buffer.alloc(LIMITS.partBytes + 10)]));
    expect(await reason(parseMultipart(endless, TYPE, LIMITS))).toBe('too-large');
    endless.destroy();
  });

  it('refuses a truncated body, a part without its headers’ end, and a content type without a boundary as malformed', async () => {
    const form = new FormData();
    form.append('action', 'wx.openApi');
    form.append('media', new Blob([BINARY]), 'a.png');
    const { body, type } = await encoded(form);
    for (const cut of [body.length - 10, Math.floor(body.length / 2), 20]) {
      expect([cut, await reason(parseMultipart(body.subarray(0, cut), type, LIMITS))]).toEqual([cut, 'malformed']);
    }
    expect(await reason(parseMultipart(handMade('--XyZ', 'Content-Disposition: form-data; name="a"'), TYPE, LIMITS))).toBe('malformed');
    expect(await reason(parseMultipart(body, 'multipart/form-data', LIMITS))).toBe('malformed');
  });
});

describe('the SDK’s open API calls through the gateway', () => {
  let emu: TestEmulator;
  beforeAll(async () => {
    emu = await startEmulator({
      functionsDir: join(__dirname, 'fixtures/functions'),
      env: { LINLI_INDEXES: join(__dirname, 'fixtures/indexes.json') },
    });
  });
  afterAll(() => emu.stop());

  const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a]).toString('base64');
  const check = (padTo: number) => emu.invoke<{ errCode: number; message?: string }>('services', { op: 'imgSecCheck', base64: png, padTo });

  it('refuses media over 10 MB with WeChat’s 40006 invalid media size', async () => {
    // imgSecCheck itself takes at most 1 MB (openapi.test.ts); the gateway's own limit is for any open API's media.
    expect((await check(1024 * 1024)).errCode).toBe(0);
    const over = await check(10 * 1024 * 1024 + 1);
    expect(over.errCode).toBe(40006);
    expect(over.message).toContain('invalid media size');
    // The emulator goes on answering after the refusal.
    expect((await check(0)).errCode).toBe(0);
  });

  it('answers a form the SDK would never send with a format error rather than failing the request', async () => {
    const post = (body: string, type: string) => rawRequest(emu.url, '/__tcb', { method: 'POST', headers: { 'content-type': type }, body });
    const truncated = await post('--XyZ\r\nContent-Disposition: form-data; name="action"\r\n\r\nwx.op', TYPE);
    expect(truncated.status).toBe(200);
    expect(truncated.body).toContain('data format error');
    // imgSecCheck without the requestData part that holds the image.
    const field = (name: string, value: string) => `--XyZ\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
    const noRequestData = await post(`${field('action', 'wx.openApi')}${field('apiName', 'security.imgSecCheck')}--XyZ--\r\n`, TYPE);
    expect(noRequestData.status).toBe(200);
    expect(noRequestData.body).toContain('media data missing');
  });
});
