import Taro, { useDidShow } from '@tarojs/taro';
import { useEffect, useRef, type PropsWithChildren } from 'react';
import { refreshUnread } from './hooks/use-unread';
import { recheckCareMode } from './services/care-mode';
import { prefetchTemplates } from './services/consent';
import { listenForPrivacyAuthorization } from './services/privacy';
import { onPersonaChange } from './services/persona';
import { forget } from './services/session-cache';
import './app.scss';

// WeChat Cloud must be initialised once before any callFunction/uploadFile; H5 has no Taro.cloud.
if (process.env.TARO_ENV === 'weapp') {
  Taro.cloud.init({ env: process.env.TARO_APP_CLOUD_ENV || undefined, traceUser: true });
  // Before the first private API WeChat asks for consent through Linli's popup (components/privacy-popup).
  listenForPrivacyAuthorization(Taro as unknown as Parameters<typeof listenForPrivacyAuthorization>[0]);
}

function App({ children }: PropsWithChildren) {
  // Subscription template ids must be at hand when a tap asks for consent (nothing may be awaited first).
  // On H5 nothing can be read before a demo persona is picked, so they are fetched again once one is.
  useEffect(() => {
    void prefetchTemplates();
    return onPersonaChange(() => {
      void prefetchTemplates(true);
      void refreshUnread();
    });
  }, []);
  // Kept answers (who I am, categories) hold while the app is open: back from the background, someone may have
  // changed them meanwhile (a shop application approved adds the merchant role), so they are asked again.
  // The launch is a show too, and answers asked for by then are fresh.
  const launched = useRef(false);
  useDidShow(() => {
    recheckCareMode();
    if (launched.current) forget();
    launched.current = true;
    // 消息: the unread count on the 我的 tab, wherever the app opens (one count; a guest is simply refused).
    void refreshUnread();
  });
  return children;
}

export default App;
