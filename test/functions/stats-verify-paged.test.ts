import { clearOfMidnight, newWish, ok, useEmulator } from './call';
import { file } from './petition-fixtures';
import { foldAll } from './stats-random';
import { liu, luo, wang } from './personas';

// The verify job carried over many timer runs (pages of four, one page a run) while the cases it pages through
// move on: a case written meanwhile moves to the end of the order it reads in, and is counted once all the same.
const env = useEmulator({ env: { LINLI_VERIFY_PAGE: '4', LINLI_VERIFY_PAGES_PER_RUN: '1' } });
const { call } = env;

it('a check paged over many runs counts each case once, however they move meanwhile, and finds no difference', async () => {
  // The cases are checked on the China day they were filed on, after the clock moves 5 minutes: not across midnight.
  await clearOfMidnight(env.emu, 15 * 60_000);
  const petitions: string[] = [];
  for (let i = 0; i < 12; i++) petitions.push(await file(call));
  for (let i = 0; i < 5; i++) ok(await call(wang, 'wish.create', newWish));
  // Filed well before the check (further back than the fold's lag): each one's creation must be counted exactly once.
  await env.emu.clock({ advanceMs: 5 * 60_000 });
  await foldAll(env.emu);
  const day = new Date(Date.parse((await env.emu.clock()).now) + 8 * 3600_000).toISOString().slice(0, 10);
  const { check } = ok(await call(luo, 'report.verify', { scope: 'district', day }, 'verify-paged-01'));

  let runs = 0;
  let done: any = null;
  for (; runs < 60 && !done; runs++) {
    await env.emu.invoke('report', { Type: 'timer', TriggerName: 'stats' });
    const now = ok(await call(luo, 'report.verifyResult', { checkId: check.id })).check;
    if (now.status === 'done') done = now;
    // The oldest case not yet moved is taken by the grid: it jumps to the end of the order.
    const next = petitions.shift();
    if (next) ok(await call(liu, 'petition.accept', { petitionId: next }));
  }
  expect(runs).toBeGreaterThan(5);
  expect(done).toMatchObject({ status: 'done', differences: [], cases: 17 });
});
