import { ok, useEmulator } from './call';
import { databaseOf } from './ledger-fixture';
import { sun, zhang } from './personas';
import { pointsKit } from './points-helpers';

// A party entry is its own retry record (its posting id is the submission's): a retry is answered from the
// posting even when what it checks first has changed since. Its own file: the catalogue edit below stays in
// the warm points instance, which outlives the emulator's reset between tests.
const env = useEmulator();
const { call } = env;
const { balanceOf } = pointsKit(env);

const evidence = { text: '社区活动签到表', photos: [] };
const entry = (requestId: string) =>
  call(sun, 'points.partyEntry', { openid: zhang, itemId: 'party-volunteer', reason: '按月录入', evidence }, requestId);

it('a retry after the item was withdrawn is answered from the entry its first attempt posted', async () => {
  const first = ok(await entry('party-withdrawn-1'));
  await databaseOf(env.emu)
    .collection('point_items')
    .doc('party-volunteer')
    .update({ data: { active: false } });
  // Past the minute a warm instance keeps the catalogue: a new entry reads the item withdrawn.
  await env.emu.clock({ advanceMs: 2 * 60_000 });
  expect(await entry('party-withdrawn-2')).toMatchObject({ ok: false });
  expect(ok(await entry('party-withdrawn-1'))).toEqual({ ...first, replayed: true });
  expect(await balanceOf(zhang, 'party')).toBe(5);
});
