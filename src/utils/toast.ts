import Taro from '@tarojs/taro';

/** WeChat cuts a toast with an icon to 7 characters; longer text goes without the icon. */
const ICON_MAX = 7;

/** A short answer to a step that changed a list: a tick on success, plain text (long enough to read) otherwise. */
export function toastResult({ ok, text }: { ok: boolean; text: string }): void {
  const icon = ok && Array.from(text).length <= ICON_MAX ? 'success' : 'none';
  void Taro.showToast({ title: text, icon, duration: ok ? 1500 : 3000 });
}
