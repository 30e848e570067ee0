import { useEmulator } from './call';

const env = useEmulator();

// The app shows every time on the server's clock; each reply, success or refusal, says what it is.
it('every reply carries the server clock, also when it moves', async () => {
  const moved = await env.emu.clock({ advanceMs: 3 * 86_400_000 });
  const me = await env.call('demo-resident-wang', 'user.me');
  const refused = await env.call('demo-resident-wang', 'points.award', {});
  for (const reply of [me, refused]) {
    expect(typeof reply.serverTime).toBe('string');
    expect(Math.abs(Date.parse(reply.serverTime) - Date.parse(moved.now))).toBeLessThan(60_000);
  }
  expect(refused).toMatchObject({ ok: false, code: 'FORBIDDEN_ROLE' });
});
