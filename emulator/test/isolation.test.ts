import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmulator, type TestEmulator } from '../src/testing';

jest.setTimeout(60_000);

describe('isolation', () => {
  let emu: TestEmulator;
  let dir: string;
  let log: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'linli-net-'));
    log = join(dir, 'network.log');
    const guard = join(__dirname, 'fixtures/network-guard.js');
    emu = await startEmulator({
      functionsDir: join(__dirname, 'fixtures/functions'),
      env: { NODE_OPTIONS: `--require ${guard}`, LINLI_NETWORK_LOG: log, LINLI_INDEXES: join(__dirname, 'fixtures/indexes.json') },
    });
  });
  afterAll(async () => {
    await emu.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('lets database, open API, storage and function calls reach only the emulator', async () => {
    await emu.invoke('counter', { id: 'net' });
    await emu.invoke('services', { op: 'msgSecCheck', content: '你好' }, 'demo-resident-li');
    await emu.invoke('services', { op: 'notify', touser: 'u', templateId: 't', data: { thing1: { value: 'x' } } });
    await emu.invoke('services', { op: 'files', cloudPath: 'net/a.txt', text: 'a' });
    await emu.invoke('services', { op: 'callWhoami', tag: 'net' }, 'demo-resident-li');
    expect(existsSync(log) ? readFileSync(log, 'utf8') : '').toBe('');
  });
});
