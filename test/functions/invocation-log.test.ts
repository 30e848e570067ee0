import { newWish, ok, useEmulator } from './call';
import { stranger, sun, wang } from './personas';

/**
 * Issue 18, logs: every invocation prints one JSON line (cloudfunctions/_lib/platform/handler.ts) — the action,
 * its requestId, the caller's roles, the outcome, milliseconds and the DB requests it made — so the console's log
 * search answers "what happened to this request"; never who the caller is. A timer's line says what it did.
 */
const env = useEmulator();
const { call } = env;

type Line = Record<string, unknown>;
const linesOf = (): Line[] =>
  env.emu
    .logs()
    .filter((l) => l.startsWith('{"linli":"invocation"'))
    .map((l) => JSON.parse(l) as Line);

/** The lines matching `which`, once the emulator's stdout has reached us (it is piped, a moment behind the reply). */
async function logged(which: (line: Line) => boolean, count = 1): Promise<Line[]> {
  for (let i = 0; i < 100; i++) {
    const found = linesOf().filter(which);
    if (found.length >= count) return found;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return linesOf().filter(which);
}

let serial = 0;
const rid = () => `invocation-log-${process.pid}-${++serial}`;

describe('the invocation log line', () => {
  it('a call prints exactly one line: action, requestId, roles, outcome, ms and its own DB requests; no name, phone or openid', async () => {
    const requestId = rid();
    ok(await call(wang, 'wish.create', newWish, requestId));
    const [metered] = (await env.emu.meter()).filter((r) => r.action === 'wish.create');
    const lines = await logged((l) => l.requestId === requestId);
    expect(lines).toEqual([
      {
        linli: 'invocation',
        fn: 'wish',
        action: 'wish.create',
        requestId,
        roles: ['resident'],
        outcome: 'OK',
        ms: expect.any(Number),
        db: metered.dbRequests,
      },
    ]);
    expect(metered.dbRequests).toBeGreaterThan(0);
    const text = JSON.stringify(lines[0]);
    for (const personal of [wang, '王秀英', '13800001001', '1单元302']) expect(text).not.toContain(personal);
    // A second call is a line of its own: counts are per invocation, not per warm instance.
    const again = rid();
    ok(await call(wang, 'wish.listMine', {}, again));
    const [read] = (await env.emu.meter()).filter((r) => r.action === 'wish.listMine');
    expect(await logged((l) => l.requestId === again)).toEqual([
      expect.objectContaining({ action: 'wish.listMine', outcome: 'OK', db: read.dbRequests }),
    ]);
    // A posting is a transaction (its start and commit are requests too): the count still agrees with the meter's.
    const award = rid();
    ok(await call(sun, 'points.award', { openid: wang, asset: 'virtue', amount: 5, reason: '日志测试' }, award));
    const [posted] = (await env.emu.meter()).filter((r) => r.action === 'points.award');
    expect(await logged((l) => l.requestId === award)).toEqual([
      expect.objectContaining({ fn: 'points', action: 'points.award', roles: ['staff'], outcome: 'OK', db: posted.dbRequests }),
    ]);
  });

  it('a refused call logs its error code; a caller with no record has no roles', async () => {
    const bad = rid();
    expect(await call(wang, 'wish.create', { title: '' }, bad)).toMatchObject({ ok: false, code: 'BAD_INPUT' });
    expect(await logged((l) => l.requestId === bad)).toEqual([
      expect.objectContaining({ action: 'wish.create', roles: ['resident'], outcome: 'BAD_INPUT' }),
    ]);
    const unknown = rid();
    expect(await call(stranger, 'wish.create', newWish, unknown)).toMatchObject({ ok: false, code: 'NOT_REGISTERED' });
    const [line] = await logged((l) => l.requestId === unknown);
    expect(line).toMatchObject({ roles: null, outcome: 'NOT_REGISTERED' });
    expect(JSON.stringify(line)).not.toContain(stranger);
  });

  it('a timer logs one line with what it did', async () => {
    const before = linesOf().filter((l) => l.timer === 'sweep' && l.fn === 'wish').length;
    await env.emu.fireTrigger('wish', 'sweep');
    const lines = await logged((l) => l.timer === 'sweep' && l.fn === 'wish', before + 1);
    expect(lines.length).toBeGreaterThan(before);
    expect(lines.at(-1)).toEqual({
      linli: 'invocation',
      fn: 'wish',
      timer: 'sweep',
      outcome: 'OK',
      ms: expect.any(Number),
      db: expect.any(Number),
      summary: expect.any(Object),
    });
  });
});
