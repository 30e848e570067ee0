/// <reference types="@tarojs/taro" />

declare module '*.png';
declare module '*.svg';
declare module '*.scss';

declare namespace NodeJS {
  interface ProcessEnv {
    NODE_ENV: 'development' | 'production' | 'test';
    /** Which build this bundle is; replaced at build time, so the other transport drops out of the bundle. */
    TARO_ENV: 'weapp' | 'h5';
    /** WeChat Cloud environment id (from `.env.*`); empty means the DevTools' default environment. */
    TARO_APP_CLOUD_ENV?: string;
  }
}

/** Native custom components used from Taro pages on weapp (registered in app.config usingComponents). */
declare namespace JSX {
  interface IntrinsicElements {
    'wish-status': { status: string; label: string; care?: boolean };
  }
}
