import { asTarget, installWindow, removeWindow } from './fakes';

const requestSubscribeMessage = jest.fn();
jest.mock('@tarojs/taro', () => ({ __esModule: true, default: { requestSubscribeMessage: (o: unknown) => requestSubscribeMessage(o) } }));
const call = jest.fn();
jest.mock('../../../src/services/api', () => ({ call: (...args: unknown[]) => call(...args) }));
const askOnPage = jest.fn();
jest.mock('../../../src/services/consent-dialog', () => ({ askOnPage: (...args: unknown[]) => askOnPage(...args) }));

import { askConsent, askWorkNotices, prefetchTemplates, resetConsentForTests, workConsentMode } from '../../../src/services/consent';

const templates = {
  wishSubmitted: 'T-sub',
  wishProgress: 'T-progress',
  wishDispatched: 'T-dispatched',
  wishUnclaimed: 'T-unclaimed',
  petitionProgress: 'T-petition',
};
/** Lets the fire-and-forget chain (answer → notify.subscribe) run to its end. */
const settle = () => new Promise((done) => setTimeout(done, 0));
const subscribed = () => call.mock.calls.filter(([action]) => action === 'notify.subscribe').map(([, payload]) => payload.accepted);

beforeEach(async () => {
  resetConsentForTests();
  call.mockReset();
  requestSubscribeMessage.mockReset();
  askOnPage.mockReset();
  call.mockImplementation(async (action: string) =>
    action === 'notify.templates' ? { ok: true, data: { templates } } : { ok: true, data: { granted: 1 } },
  );
});
afterEach(removeWindow);

describe('on weapp', () => {
  beforeEach(() => asTarget('weapp'));

  it('asks WeChat synchronously in the tap, then reports only the accepted ids', async () => {
    await prefetchTemplates();
    requestSubscribeMessage.mockResolvedValue({ errMsg: 'requestSubscribeMessage:ok', 'T-progress': 'accept' });
    askConsent('wish.create');
    // Called before askConsent returned: WeChat refuses a request made after an await.
    expect(requestSubscribeMessage).toHaveBeenCalledWith({ tmplIds: ['T-progress'] });
    await settle();
    expect(subscribed()).toEqual([['T-progress']]);
    expect(call.mock.calls.find(([a]) => a === 'notify.subscribe')[2].requestId).toMatch(/^r-/);
  });

  it('reports nothing when the user rejects, and never throws when the dialog fails', async () => {
    await prefetchTemplates();
    requestSubscribeMessage.mockResolvedValue({ errMsg: 'requestSubscribeMessage:ok', 'T-dispatched': 'reject' });
    askConsent('wish.claim');
    await settle();
    requestSubscribeMessage.mockRejectedValue({ errMsg: 'requestSubscribeMessage:fail can only be invoked by user TAP gesture.' });
    jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    expect(() => askConsent('wish.claim')).not.toThrow();
    await settle();
    expect(subscribed()).toEqual([]);
  });

  it('a petition keeps its consent: the answer goes to petition.create’s payload, not to notify.subscribe', async () => {
    await prefetchTemplates();
    requestSubscribeMessage.mockResolvedValue({ errMsg: 'requestSubscribeMessage:ok', 'T-petition': 'accept' });
    const answer = askConsent('petition.create');
    expect(requestSubscribeMessage).toHaveBeenCalledWith({ tmplIds: ['T-petition'] });
    expect(await answer).toEqual(['T-petition']);
    requestSubscribeMessage.mockResolvedValue({ errMsg: 'requestSubscribeMessage:ok', 'T-petition': 'reject' });
    expect(await askConsent('petition.create')).toEqual([]);
    await settle();
    expect(subscribed()).toEqual([]);
  });

  it('answers undefined when nothing could be asked or the dialog failed (the case then goes by earlier grants)', async () => {
    expect(await askConsent('petition.create')).toBeUndefined();
    await prefetchTemplates();
    requestSubscribeMessage.mockRejectedValue({ errMsg: 'requestSubscribeMessage:fail can only be invoked by user TAP gesture.' });
    jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    expect(await askConsent('petition.create')).toBeUndefined();
    expect(await askConsent('wish.checkIn')).toBeUndefined();
  });

  it('微信提醒新的待办: a grid worker is asked, in the tap, for their work notices; the mode says long-term or one-time', async () => {
    const ids = { ...templates, petitionAssigned: 'T-assigned', joinSubmitted: 'T-join' };
    for (const staffLongTerm of [true, false]) {
      resetConsentForTests();
      call.mockImplementation(async (action: string) =>
        action === 'notify.templates' ? { ok: true, data: { templates: ids, staffLongTerm, staffKeys: [] } } : { ok: true, data: { granted: 2 } },
      );
      expect(workConsentMode()).toBeNull();
      await prefetchTemplates();
      expect(workConsentMode()).toBe(staffLongTerm ? 'longTerm' : 'once');
      requestSubscribeMessage.mockReset();
      requestSubscribeMessage.mockResolvedValue({
        errMsg: 'requestSubscribeMessage:ok',
        'T-sub': 'accept',
        'T-assigned': 'accept',
        'T-join': 'reject',
      });
      const asked = askWorkNotices(['grid_worker']);
      expect(requestSubscribeMessage).toHaveBeenCalledWith({ tmplIds: ['T-sub', 'T-assigned', 'T-join'] });
      await expect(asked).resolves.toBe(2);
    }
    expect(subscribed()).toEqual([
      ['T-sub', 'T-assigned'],
      ['T-sub', 'T-assigned'],
    ]);
  });

  it('asks nothing for actions without notices, nor before the ids are known (it loads them for next time)', async () => {
    askConsent('wish.checkIn');
    askConsent('wish.create');
    expect(requestSubscribeMessage).not.toHaveBeenCalled();
    expect(call).toHaveBeenCalledWith('notify.templates', {});
  });
});

describe('on H5 (stand-in confirm)', () => {
  beforeEach(() => {
    asTarget('h5');
    installWindow().set('linli.demoPersona', JSON.stringify({ openid: 'demo-resident-wang', name: '王秀英' }));
  });

  it('asks the first time, then reports the remembered answer without asking again', async () => {
    await prefetchTemplates();
    askOnPage.mockResolvedValue(true);
    askConsent('wish.create');
    await settle();
    askConsent('wish.create');
    await settle();
    expect(askOnPage).toHaveBeenCalledTimes(1);
    expect(askOnPage.mock.calls[0][0]).toBe('接收进度通知？');
    expect(subscribed()).toEqual([['T-progress'], ['T-progress']]);
  });

  it('remembers a refusal too, per template: a different notice is asked about separately', async () => {
    await prefetchTemplates();
    askOnPage.mockResolvedValue(false);
    askConsent('wish.create');
    await settle();
    askConsent('wish.create');
    await settle();
    askConsent('wish.claim');
    await settle();
    expect(askOnPage.mock.calls.map(([title]) => title)).toEqual(['接收进度通知？', '接收派单通知？']);
    expect(subscribed()).toEqual([]);
  });

  it('does not stack a second question while one is open', async () => {
    await prefetchTemplates();
    let answer: (yes: boolean) => void = () => undefined;
    askOnPage.mockReturnValue(new Promise<boolean>((done) => (answer = done)));
    askConsent('wish.create');
    askConsent('wish.create');
    expect(askOnPage).toHaveBeenCalledTimes(1);
    answer(true);
    await settle();
    expect(subscribed()).toEqual([['T-progress']]);
  });
});

describe('the template ids and a change of caller', () => {
  beforeEach(() => asTarget('weapp'));

  it('a fetch refused before a persona was picked does not leave the ids unloaded once one is', async () => {
    let refuse: (value: unknown) => void = () => undefined;
    call.mockImplementationOnce(() => new Promise((done) => (refuse = done)));
    const early = prefetchTemplates();
    // The persona is picked while the first (anonymous) request is still in flight: ask again.
    await prefetchTemplates(true);
    refuse({ ok: false, code: 'UNAUTHENTICATED', message: '' });
    await early;
    requestSubscribeMessage.mockResolvedValue({ errMsg: 'requestSubscribeMessage:ok' });
    askConsent('wish.create');
    expect(requestSubscribeMessage).toHaveBeenCalledWith({ tmplIds: ['T-progress'] });
  });
});
