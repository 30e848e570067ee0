import { join } from 'node:path';
import { PNG } from 'pngjs';
import { QUIET_MODULES, qrModules, wxacodePathText } from '../src/wxacode';
import { startEmulator, type TestEmulator } from '../src/testing';

jest.setTimeout(60_000);

const functionsDir = join(__dirname, 'fixtures/functions');
const png = (marker = '') => Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47]), Buffer.from(`fake image ${marker}`)]).toString('base64');

interface SecCheck {
  errCode: number;
  result?: { suggest: string; label: number };
  traceId?: string;
}

describe('open API stand-ins', () => {
  let emu: TestEmulator;

  beforeAll(async () => {
    emu = await startEmulator({ functionsDir, env: { LINLI_INDEXES: join(__dirname, 'fixtures/indexes.json') } });
  });
  afterAll(() => emu.stop());

  const check = (content: string, version?: number) => emu.invoke<SecCheck>('services', { op: 'msgSecCheck', content, version }, 'demo-resident-li');

  it('msgSecCheck v2 says pass, review or risky from the configured words, risky first', async () => {
    await expect(check('楼道灯坏了，麻烦修一下')).resolves.toMatchObject({
      errCode: 0,
      result: { suggest: 'pass', label: 100 },
      traceId: expect.any(String),
    });
    await expect(check('有人在建维权群')).resolves.toMatchObject({ errCode: 0, result: { suggest: 'review', label: 21000 } });
    await expect(check('代开发票请联系')).resolves.toMatchObject({ errCode: 0, result: { suggest: 'risky', label: 20006 } });
    await expect(check('上访的人在赌博')).resolves.toMatchObject({ result: { suggest: 'risky' } });
  });

  it('msgSecCheck v1 fails with 87014 for risky text, as WeChat does', async () => {
    await expect(check('你好', 1)).resolves.toMatchObject({ errCode: 0 });
    const err = await check('赌博', 1).catch((e: Error) => e);
    expect(String((err as Error).message)).toMatch(/87014/);
  });

  it('imgSecCheck rejects LINLI-RISKY images with 87014 and marks LINLI-REVIEW ones', async () => {
    const img = (marker?: string) =>
      emu.invoke<{ errCode: number; result?: { suggest: string }; message?: string }>('services', { op: 'imgSecCheck', base64: png(marker) });
    await expect(img()).resolves.toEqual({ errCode: 0, result: { suggest: 'pass', label: 100 } });
    await expect(img('LINLI-REVIEW')).resolves.toEqual({ errCode: 0, result: { suggest: 'review', label: 21000 } });
    const risky = await img('LINLI-RISKY');
    expect(risky.errCode).toBe(87014);
    expect(risky.message).toContain('risky content');
  });

  it('imgSecCheck takes an image of at most 1 MB, as WeChat does: more answers 40006, none answers 41005', async () => {
    const img = (base64: string, padTo?: number) =>
      emu.invoke<{ errCode: number; result?: { suggest: string }; message?: string }>('services', { op: 'imgSecCheck', base64, padTo });
    expect(await img(png(), 1024 * 1024)).toEqual({ errCode: 0, result: { suggest: 'pass', label: 100 } });
    const over = await img(png(), 1024 * 1024 + 1);
    expect(over.errCode).toBe(40006);
    expect(over.message).toContain('invalid media size');
    // The size is refused before the picture is looked at: an oversized risky image is still 40006.
    expect((await img(png('LINLI-RISKY'), 2 * 1024 * 1024)).errCode).toBe(40006);
    const missing = await img('');
    expect(missing.errCode).toBe(41005);
    expect(missing.message).toContain('media data missing');
  });

  it('records subscribeMessage.send in the outbox, newest last, with the emulator time', async () => {
    const send = (touser: string, thing: string) =>
      emu.invoke(
        'services',
        { op: 'notify', touser, templateId: 'TPL-wish-new', page: 'pages/wish/detail?id=w1', data: { thing1: { value: thing } } },
        'demo-resident-wang',
      );
    await emu.clock({ set: '2030-03-01T08:00:00Z' });
    await send('demo-grid-liu', '修水龙头');
    await send('demo-grid-zhao', '陪同就医');
    const outbox = await emu.outbox();
    expect(outbox.slice(-2)).toEqual([
      expect.objectContaining({
        touser: 'demo-grid-liu',
        templateId: 'TPL-wish-new',
        page: 'pages/wish/detail?id=w1',
        data: { thing1: { value: '修水龙头' } },
        miniprogramState: 'developer',
      }),
      expect.objectContaining({ touser: 'demo-grid-zhao', data: { thing1: { value: '陪同就医' } } }),
    ]);
    const sentAt = Date.parse(outbox[outbox.length - 1].at);
    expect(sentAt).toBeGreaterThanOrEqual(Date.parse('2030-03-01T08:00:00Z'));
    expect(sentAt).toBeLessThan(Date.parse('2030-03-01T09:00:00Z'));
    const [record] = await emu.meter(1);
    expect(outbox[outbox.length - 1].invocationId).toBe(record.invocationId);
  });
});

/** The dark/light matrix drawn in a PNG made by the stand-in, sampled at each module's centre. */
function modulesIn(base64: string, size: number): boolean[][] {
  const png = PNG.sync.read(Buffer.from(base64, 'base64'));
  const scale = png.width / (size + 2 * QUIET_MODULES);
  return Array.from({ length: size }, (_, r) =>
    Array.from({ length: size }, (_, c) => {
      const x = Math.floor((c + QUIET_MODULES + 0.5) * scale);
      const y = Math.floor((r + QUIET_MODULES + 0.5) * scale);
      return png.data[(y * png.width + x) * 4] < 128;
    }),
  );
}

describe('wxacode, customer service and cloudPay stand-ins', () => {
  let emu: TestEmulator;

  beforeAll(async () => {
    emu = await startEmulator({ functionsDir, env: { LINLI_INDEXES: join(__dirname, 'fixtures/indexes.json') } });
  });
  afterAll(() => emu.stop());

  interface Code {
    errCode: number;
    contentType?: string;
    base64?: string;
    message?: string;
  }
  const code = (api: string, path: string | undefined, width?: number) => emu.invoke<Code>('services', { op: 'wxacode', api, path, width });

  it.each(['get', 'createQRCode'])('wxacode.%s answers a PNG QR code of the path with its query', async (api) => {
    const path = 'pages/wish/detail?id=w-42';
    const res = await code(api, path, 300);
    expect(res).toMatchObject({ errCode: 0, contentType: 'image/png' });
    const png = PNG.sync.read(Buffer.from(res.base64!, 'base64'));
    expect(png.width).toBe(png.height);
    expect(png.width).toBeGreaterThanOrEqual(280);
    const expected = qrModules(wxacodePathText(path));
    expect(modulesIn(res.base64!, expected.length)).toEqual(expected);
  });

  it('wxacode.get and createQRCode refuse a missing or overlong path with 40159, as WeChat does', async () => {
    expect(await code('get', undefined)).toMatchObject({ errCode: 40159, message: expect.stringContaining('invalid length for path') });
    expect(await code('get', 'p'.repeat(1025))).toMatchObject({ errCode: 40159 });
    expect(await code('get', 'p'.repeat(1024))).toMatchObject({ errCode: 0 });
    // createQRCode counts bytes, to 128: 43 three-byte characters are 129.
    expect(await code('createQRCode', `pages/a?q=${'楼'.repeat(40)}`)).toMatchObject({ errCode: 40159 });
    expect(await code('createQRCode', 'p'.repeat(128))).toMatchObject({ errCode: 0 });
  });

  it('records customerServiceMessage.send in the outbox apart from subscription messages', async () => {
    const send = (touser: string, msgtype: string, body: unknown) => emu.invoke<Code>('services', { op: 'customerService', touser, msgtype, body });
    await emu.clock({ set: '2030-04-02T06:00:00Z' });
    const before = (await emu.outbox()).length;
    expect(await send('demo-resident-li', 'text', { content: '您好，您的报修已登记' })).toEqual({ errCode: 0 });
    expect(
      await send('demo-resident-li', 'link', {
        title: '停水通知',
        description: '周六停水',
        url: 'https://example.org/n',
        thumbUrl: 'https://example.org/t.png',
      }),
    ).toEqual({
      errCode: 0,
    });
    const sent = await emu.customerServiceOutbox();
    expect(sent).toEqual([
      expect.objectContaining({ kind: 'customerService', touser: 'demo-resident-li', msgtype: 'text', content: { content: '您好，您的报修已登记' } }),
      // The SDK snake-cases the body's keys on the way, as WeChat expects them.
      expect.objectContaining({ msgtype: 'link', content: expect.objectContaining({ title: '停水通知', thumb_url: 'https://example.org/t.png' }) }),
    ]);
    expect(Date.parse(sent[0].at)).toBeGreaterThanOrEqual(Date.parse('2030-04-02T06:00:00Z'));
    const [record] = await emu.meter(1);
    expect(sent[1].invocationId).toBe(record.invocationId);
    expect(await emu.outbox()).toHaveLength(before);
  });

  it('refuses a customer-service message without a user, of an unknown type or without its body', async () => {
    const send = (touser: string, msgtype: string, body: unknown) => emu.invoke<Code>('services', { op: 'customerService', touser, msgtype, body });
    expect(await send('', 'text', { content: 'x' })).toMatchObject({ errCode: 40003, message: expect.stringContaining('invalid openid') });
    expect(await send('demo-resident-li', 'video', { content: 'x' })).toMatchObject({ errCode: 40008 });
    expect(await send('demo-resident-li', 'text', { content: '' })).toMatchObject({
      errCode: 47001,
      message: expect.stringContaining('text.content'),
    });
    expect(await send('demo-resident-li', 'image', undefined)).toMatchObject({ errCode: 47001 });
    expect(await emu.customerServiceOutbox()).toHaveLength(2);
  });

  it('fails cloudPay calls with an error that says payment is not available locally', async () => {
    const res = await emu.invoke<{ threw: boolean; errCode?: number; message?: string }>('services', { op: 'pay' });
    expect(res).toMatchObject({ threw: true, errCode: -501009 });
    expect(res.message).toContain('cloudPay.unifiedOrder is not available locally');
  });
});

describe('content rules override', () => {
  let emu: TestEmulator;

  beforeAll(async () => {
    const rules = { risky: { label: 20008, words: ['菠萝'] }, review: { words: ['苹果'] } };
    emu = await startEmulator({
      functionsDir,
      env: { LINLI_INDEXES: join(__dirname, 'fixtures/indexes.json'), LINLI_CONTENT_RULES: JSON.stringify(rules) },
    });
  });
  afterAll(() => emu.stop());

  it('uses LINLI_CONTENT_RULES instead of emulator/content-rules.json', async () => {
    const check = (content: string) => emu.invoke<SecCheck>('services', { op: 'msgSecCheck', content }, 'demo-resident-li');
    await expect(check('卖菠萝')).resolves.toMatchObject({ result: { suggest: 'risky', label: 20008 } });
    await expect(check('卖苹果')).resolves.toMatchObject({ result: { suggest: 'review', label: 21000 } });
    await expect(check('代开发票')).resolves.toMatchObject({ result: { suggest: 'pass' } });
  });
});
