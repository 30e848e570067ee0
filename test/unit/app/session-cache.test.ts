import { asTarget, fakeTransports, installWindow } from './fakes';

const callFunction = jest.fn();
jest.mock('@tarojs/taro', () => ({ __esModule: true, default: { cloud: { callFunction: (...args: unknown[]) => callFunction(...args) } } }));

import { call } from '../../../src/services/api';
import { choosePersona, type Persona } from '../../../src/services/persona';
import { forget } from '../../../src/services/session-cache';

const persona = (openid: string): Persona => ({ openid, name: openid, roles: ['resident'], orgUnits: [], note: '' });
const me = (openid: string) => ({ ok: true, data: { openid, name: openid } });
const answer = (body: unknown) => ({ ok: true, status: 200, json: async () => body, text: async () => JSON.stringify(body) });

/** The actions the server was asked for, in order. */
const asked = () => callFunction.mock.calls.map(([req]) => (req as { data: { action: string } }).data.action);

const fetchMock = fakeTransports(callFunction, forget);

describe('who the caller is and the categories, kept while the app is open', () => {
  beforeEach(() => asTarget('weapp'));

  it('asks user.me once however many pages read it, also while the first answer is still on its way', async () => {
    callFunction.mockResolvedValue({ result: me('u1') });
    const together = await Promise.all([call('user.me', {}), call('user.me', {})]);
    const later = await call('user.me', {});
    expect(asked()).toEqual(['user.me']);
    expect([...together, later].every((reply) => reply.ok && reply.data.openid === 'u1')).toBe(true);
  });

  it('keeps each category list once, apart from one another', async () => {
    callFunction.mockResolvedValue({ result: { ok: true, data: { items: [], categories: [], departments: [] } } });
    await call('wish.categories', {});
    await call('petition.categories', {});
    await call('wish.categories', {});
    await call('petition.categories', {});
    expect(asked()).toEqual(['wish.categories', 'petition.categories']);
  });

  it('keeps no failure: the next reader asks again', async () => {
    callFunction.mockResolvedValueOnce({ result: { ok: false, code: 'INTERNAL', message: '服务暂时不可用' } });
    callFunction.mockResolvedValueOnce({ result: me('u1') });
    expect((await call('user.me', {})).ok).toBe(false);
    expect((await call('user.me', {})).ok).toBe(true);
    expect(asked()).toEqual(['user.me', 'user.me']);
  });

  it('asks anew when told to (a retry, a pull-to-refresh), and keeps the new answer', async () => {
    callFunction.mockResolvedValueOnce({ result: me('old') }).mockResolvedValueOnce({ result: me('new') });
    await call('user.me', {});
    const fresh = await call('user.me', {}, { fresh: true });
    const kept = await call('user.me', {});
    expect(asked()).toEqual(['user.me', 'user.me']);
    expect(fresh.ok && kept.ok && [fresh.data.openid, kept.data.openid]).toEqual(['new', 'new']);
  });

  it('never keeps other reads', async () => {
    callFunction.mockResolvedValue({ result: { ok: true, data: { items: [], nextOffset: null } } });
    await call('wish.listMine', { offset: 0, limit: 10 });
    await call('wish.listMine', { offset: 0, limit: 10 });
    expect(asked()).toEqual(['wish.listMine', 'wish.listMine']);
  });
});

describe('on H5, per demo persona', () => {
  beforeEach(() => {
    asTarget('h5');
    installWindow();
  });

  it('drops what was kept for one persona when another is chosen', async () => {
    fetchMock.mockImplementation(async (_url: string, init: { headers: Record<string, string> }) => answer(me(init.headers['X-Linli-OpenId'])));
    choosePersona(persona('demo-resident-wang'));
    await call('user.me', {});
    await call('user.me', {});
    choosePersona(persona('demo-member-zhang'));
    const zhang = await call('user.me', {});
    expect(fetchMock).toHaveBeenCalledTimes(2);
    expect(zhang.ok && zhang.data.openid).toBe('demo-member-zhang');
  });
});
