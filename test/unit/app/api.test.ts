import { eventSchema } from '../../../src/shared/contract/envelope';
import { errorMessages } from '../../../src/shared/contract/errors';
import { asTarget, fakeTransports, installWindow } from './fakes';

const callFunction = jest.fn();
jest.mock('@tarojs/taro', () => ({ __esModule: true, default: { cloud: { callFunction: (...args: unknown[]) => callFunction(...args) } } }));

// Imported after the mock is declared (jest hoists jest.mock above imports anyway).
import { call } from '../../../src/services/api';
import { newRequestId } from '../../../src/services/request-id';

const wang = { openid: 'demo-resident-wang', name: '王秀英', roles: ['resident'], orgUnits: [], note: '' };

const fetchMock = fakeTransports(callFunction);

const answer = (status: number, body: unknown) => ({ ok: status < 400, status, json: async () => body, text: async () => JSON.stringify(body) });

describe('on weapp', () => {
  beforeEach(() => asTarget('weapp'));

  it('calls the cloud function named by the action area with {action, payload, requestId}', async () => {
    callFunction.mockResolvedValue({ result: { ok: true, data: { wish: { id: 'w1' } } } });
    const reply = await call('wish.claim', { wishId: 'w1' }, { requestId: 'r-abc-123456' });
    expect(reply).toEqual({ ok: true, data: { wish: { id: 'w1' } } });
    expect(callFunction).toHaveBeenCalledWith({ name: 'wish', data: { action: 'wish.claim', payload: { wishId: 'w1' }, requestId: 'r-abc-123456' } });
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('leaves requestId out of reads', async () => {
    callFunction.mockResolvedValue({ result: { ok: true, data: { items: [] } } });
    await call('wish.categories', {});
    expect(callFunction.mock.calls[0][0].data).toEqual({ action: 'wish.categories', payload: {} });
  });

  it('passes a failure reply through untouched, code and message', async () => {
    const failure = { ok: false, code: 'WISH_ALREADY_CLAIMED', message: errorMessages.WISH_ALREADY_CLAIMED };
    callFunction.mockResolvedValue({ result: failure });
    expect(await call('wish.claim', { wishId: 'w1' })).toEqual(failure);
  });

  it('maps a function that ran and failed (errCode) to INTERNAL "service unavailable"', async () => {
    callFunction.mockRejectedValue({ errCode: -504002, errMsg: 'functions execute fail' });
    expect(await call('wish.get', { wishId: 'w1' })).toEqual({ ok: false, code: 'INTERNAL', message: errorMessages.INTERNAL });
  });

  it('maps a request that never arrived (no errCode) to INTERNAL "check the network"', async () => {
    callFunction.mockRejectedValue(new Error('request:fail timeout'));
    const reply = await call('wish.get', { wishId: 'w1' });
    expect(reply).toMatchObject({ ok: false, code: 'INTERNAL' });
    expect(reply.ok === false && reply.message).toContain('网络');
  });

  it('treats an answer that is not a reply envelope as a crash, never as data', async () => {
    callFunction.mockResolvedValue({ result: { hello: 'world' } });
    expect(await call('user.me', {})).toEqual({ ok: false, code: 'INTERNAL', message: errorMessages.INTERNAL });
    callFunction.mockResolvedValue({ result: { ok: false, code: 42 } });
    expect(await call('user.me', {})).toMatchObject({ ok: false, code: 'INTERNAL' });
  });
});

describe('on H5', () => {
  beforeEach(() => {
    asTarget('h5');
    installWindow();
  });

  it('posts to the emulator gateway as the chosen persona and never touches Taro.cloud', async () => {
    window.localStorage.setItem('linli.demoPersona', JSON.stringify(wang));
    fetchMock.mockResolvedValue(answer(200, { ok: true, data: { items: [], nextOffset: null } }));
    const reply = await call('wish.listMine', { offset: 0 });
    expect(reply).toEqual({ ok: true, data: { items: [], nextOffset: null } });
    const [url, init] = fetchMock.mock.calls[0];
    expect(url).toBe('/__emulator/invoke/wish');
    expect(init.method).toBe('POST');
    expect(init.headers['X-Linli-OpenId']).toBe('demo-resident-wang');
    expect(JSON.parse(init.body)).toEqual({ action: 'wish.listMine', payload: { offset: 0 } });
    expect(callFunction).not.toHaveBeenCalled();
  });

  it('sends no identity header before a persona is chosen', async () => {
    fetchMock.mockResolvedValue(answer(200, { ok: false, code: 'UNAUTHENTICATED', message: errorMessages.UNAUTHENTICATED }));
    expect(await call('user.me', {})).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' });
    expect(fetchMock.mock.calls[0][1].headers).not.toHaveProperty('X-Linli-OpenId');
  });

  it('maps a lost network to INTERNAL "check the network", and an HTTP error to INTERNAL "service unavailable"', async () => {
    fetchMock.mockRejectedValue(new TypeError('Failed to fetch'));
    const lost = await call('wish.create', { title: '帮忙', description: '需要帮忙的事情', categoryId: 'repair' }, { requestId: 'r-lost-0001' });
    expect(lost.ok === false && lost.message).toContain('网络');
    fetchMock.mockResolvedValue(answer(500, { errCode: -1, errMsg: 'boom' }));
    expect(await call('user.me', {})).toEqual({ ok: false, code: 'INTERNAL', message: errorMessages.INTERNAL });
  });
});

it('the requestId it sends is one the functions accept', async () => {
  asTarget('weapp');
  callFunction.mockResolvedValue({ result: { ok: true, data: {} } });
  await call('notify.subscribe', { accepted: [] }, { requestId: newRequestId() });
  expect(eventSchema.safeParse(callFunction.mock.calls[0][0].data).success).toBe(true);
});
