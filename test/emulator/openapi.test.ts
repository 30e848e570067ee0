import { join } from 'node:path';
import { startEmulator, type TestEmulator } from '../helpers/emulator';

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
    emu = await startEmulator({ functionsDir });
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

describe('content rules override', () => {
  let emu: TestEmulator;

  beforeAll(async () => {
    const rules = { risky: { label: 20008, words: ['菠萝'] }, review: { words: ['苹果'] } };
    emu = await startEmulator({ functionsDir, env: { LINLI_CONTENT_RULES: JSON.stringify(rules) } });
  });
  afterAll(() => emu.stop());

  it('uses LINLI_CONTENT_RULES instead of emulator/content-rules.json', async () => {
    const check = (content: string) => emu.invoke<SecCheck>('services', { op: 'msgSecCheck', content }, 'demo-resident-li');
    await expect(check('卖菠萝')).resolves.toMatchObject({ result: { suggest: 'risky', label: 20008 } });
    await expect(check('卖苹果')).resolves.toMatchObject({ result: { suggest: 'review', label: 21000 } });
    await expect(check('代开发票')).resolves.toMatchObject({ result: { suggest: 'pass' } });
  });
});
