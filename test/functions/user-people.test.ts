import { ok, useEmulator } from './call';
import { liu, sun, zhang } from './personas';

const env = useEmulator();
const { call } = env;

describe('staff pick a person of their community', () => {
  it('lists people by name with masked phones, filters by role and by a piece of the name', async () => {
    const all = ok(await call(sun, 'user.listPeople', { limit: 50 })).items;
    expect(all.length).toBeGreaterThanOrEqual(9);
    expect(all.find((p: any) => p.id === zhang)).toMatchObject({ name: '张建国', phone: '138****2001', gridName: '第一网格', buildingName: '1号楼' });
    const members = ok(await call(sun, 'user.listPeople', { role: 'member' })).items;
    expect(members.every((p: any) => p.roles.includes('member'))).toBe(true);
    expect(ok(await call(sun, 'user.listPeople', { query: '秀' })).items.map((p: any) => p.name)).toEqual(['王秀英']);
    expect(ok(await call(sun, 'user.listPeople', { query: '.*' })).items).toEqual([]);
    expect((await env.emu.meter()).flatMap((r) => r.uncovered)).toEqual([]);
  });

  it('is for staff only', async () => {
    expect(await call(liu, 'user.listPeople', {})).toMatchObject({ ok: false, code: 'FORBIDDEN_ROLE' });
  });
});

describe('the dispatch picker', () => {
  it('lists each member with what they offer to do, and no phone or room', async () => {
    const members = ok(await call(liu, 'user.listMembers', { limit: 50 })).items;
    expect(members.find((m: any) => m.id === zhang)).toEqual({
      id: zhang,
      name: '张建国',
      gridName: '第一网格',
      activeTasks: expect.any(Number),
      skills: ['助老陪伴', '代买代办'],
    });
    expect(members.every((m: any) => Array.isArray(m.skills))).toBe(true);
  });
});
