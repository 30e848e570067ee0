import { AGREE_BUTTON_ID, answerPrivacy, listenForPrivacyAuthorization, onPrivacyAsk } from '../../../src/services/privacy';

describe('WeChat privacy authorisation through Linli’s popup', () => {
  it('shows the popup when WeChat asks, and hands the answer back to WeChat', () => {
    let ask: ((resolve: (a: unknown) => void) => void) | null = null;
    listenForPrivacyAuthorization({ onNeedPrivacyAuthorization: (handler) => void (ask = handler as typeof ask) });
    const shown: boolean[] = [];
    const stop = onPrivacyAsk((asking) => shown.push(asking));
    const resolve = jest.fn();
    ask!(resolve);
    expect(shown).toEqual([true]);
    answerPrivacy(true);
    expect(resolve).toHaveBeenCalledWith({ event: 'agree', buttonId: AGREE_BUTTON_ID });
    expect(shown).toEqual([true, false]);

    const again = jest.fn();
    ask!(again);
    answerPrivacy(false);
    expect(again).toHaveBeenCalledWith({ event: 'disagree' });
    stop();
  });

  it('a page opened while WeChat is waiting shows the popup at once', () => {
    let ask: ((resolve: (a: unknown) => void) => void) | null = null;
    listenForPrivacyAuthorization({ onNeedPrivacyAuthorization: (handler) => void (ask = handler as typeof ask) });
    ask!(jest.fn());
    const listener = jest.fn();
    const stop = onPrivacyAsk(listener);
    expect(listener).toHaveBeenCalledWith(true);
    answerPrivacy(true);
    stop();
  });

  it('without the API (H5, old clients) nothing is asked', () => {
    expect(() => listenForPrivacyAuthorization(undefined)).not.toThrow();
    expect(() => listenForPrivacyAuthorization({})).not.toThrow();
  });
});
