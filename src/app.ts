import Taro from '@tarojs/taro';
import { useEffect, type PropsWithChildren } from 'react';
import { prefetchTemplates } from './services/consent';
import { onPersonaChange } from './services/persona';
import './app.scss';

// WeChat Cloud must be initialised once before any callFunction/uploadFile; H5 has no Taro.cloud.
if (process.env.TARO_ENV === 'weapp') {
  Taro.cloud.init({ env: process.env.TARO_APP_CLOUD_ENV || undefined, traceUser: true });
}

function App({ children }: PropsWithChildren) {
  // Subscription template ids must be at hand when a tap asks for consent (nothing may be awaited first).
  // On H5 nothing can be read before a demo persona is picked, so they are fetched again once one is.
  useEffect(() => {
    void prefetchTemplates();
    return onPersonaChange(() => void prefetchTemplates());
  }, []);
  return children;
}

export default App;
