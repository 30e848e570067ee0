import type { UserConfigExport } from '@tarojs/cli';

export default {
  logger: { quiet: false, stats: true },
  mini: {},
  h5: {
    // `taro build --type h5 --watch` serves on its own port; API calls still go to the emulator.
    devServer: { proxy: { '/__emulator': { target: process.env.LINLI_EMULATOR_URL ?? 'http://127.0.0.1:10086' } } },
  },
} satisfies UserConfigExport<'webpack5'>;
