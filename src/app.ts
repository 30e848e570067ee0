import Taro from '@tarojs/taro';
import type { PropsWithChildren } from 'react';
import './app.scss';

// WeChat Cloud must be initialised once before any callFunction/uploadFile; H5 has no Taro.cloud.
if (process.env.TARO_ENV === 'weapp') {
  Taro.cloud.init({ env: process.env.TARO_APP_CLOUD_ENV || undefined, traceUser: true });
}

function App({ children }: PropsWithChildren) {
  return children;
}

export default App;
