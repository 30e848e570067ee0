import { request } from 'node:http';
import { join } from 'node:path';
import { startEmulator, type TestEmulator } from '../helpers/emulator';

jest.setTimeout(60_000);

const functionsDir = join(__dirname, 'fixtures/functions');

/** A raw request, so the path and Host header reach the server exactly as written. */
function raw(url: string, path: string, headers: Record<string, string> = {}): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url + path, { headers }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('cloud storage', () => {
  let emu: TestEmulator;

  beforeAll(async () => {
    emu = await startEmulator({ functionsDir });
  });
  afterAll(() => emu.stop());

  it('runs uploadFile, getTempFileURL, downloadFile and deleteFile through the real SDK', async () => {
    const res = await emu.invoke<Record<string, unknown>>('services', { op: 'files', cloudPath: 'wish/照片 1.txt', text: '你好，文件' });
    expect(res.fileID).toMatch(/^cloud:\/\/linli-local\.[0-9a-f]{4}-linli-local-\d+\/wish\/照片 1\.txt$/);
    expect(res).toMatchObject({ status: 0, downloaded: '你好，文件', deleteStatus: 0, afterDeleteStatus: -503003 });
    expect(res.tempFileURL).toBe(`${emu.url}/__emulator/files/wish/照片 1.txt`);
  });

  it('serves an uploaded file at its temp URL, with a content type from its name', async () => {
    const { tempFileURL } = await emu.invoke<{ tempFileURL: string }>('services', { op: 'upload', cloudPath: 'a/b.json', text: '{"x":1}' });
    const res = await fetch(encodeURI(tempFileURL));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('application/json');
    expect(await res.text()).toBe('{"x":1}');
  });

  it('takes the H5 app photo uploads as a raw body or multipart, and serves them back', async () => {
    const bytes = Buffer.from([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]);
    const rawUpload = await emu.fetch('/__emulator/upload?cloudPath=wish/raw.png', {
      method: 'POST',
      headers: { 'content-type': 'image/png' },
      body: bytes,
    });
    const { fileID, tempFileURL } = (await rawUpload.json()) as { fileID: string; tempFileURL: string };
    expect(fileID).toMatch(/\/wish\/raw\.png$/);
    expect(Buffer.from(await (await fetch(tempFileURL)).arrayBuffer())).toEqual(bytes);

    const form = new FormData();
    form.append('file', new Blob([bytes], { type: 'image/png' }), 'photo.png');
    const multi = (await (await emu.fetch('/__emulator/upload', { method: 'POST', body: form })).json()) as { fileID: string; tempFileURL: string };
    expect(multi.fileID).toMatch(/\/uploads\/[0-9a-f]{16}\.png$/);
    expect(Buffer.from(await (await fetch(multi.tempFileURL)).arrayBuffer())).toEqual(bytes);
  });

  it('refuses paths that leave the storage folder, and answers 404 for missing files', async () => {
    const escape = await emu.fetch('/__emulator/upload?cloudPath=../../escape.txt', { method: 'POST', body: 'x' });
    expect(escape.status).toBe(400);
    expect((await raw(emu.url, '/__emulator/files/..%2f..%2fdb.sqlite')).status).toBe(400);
    expect((await raw(emu.url, '/__emulator/files/nothing/here.png')).status).toBe(404);
  });

  it('refuses requests whose Host is not a loopback name', async () => {
    expect((await raw(emu.url, '/__emulator/clock', { host: 'evil.example:80' })).status).toBe(403);
    expect((await raw(emu.url, '/__emulator/clock', { host: 'localhost' })).status).toBe(200);
  });
});
