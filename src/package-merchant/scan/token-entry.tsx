import { Button, Textarea, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { ActionButton } from '../../components/action-button';
import { FormField } from '../../components/form-field';

/**
 * How the merchant gets a resident's points code: the camera on WeChat; on H5, which has no scanner,
 * the token text (shown small under the QR) pasted or typed in.
 */
export function TokenEntry({ busy, onToken }: { busy: boolean; onToken: (token: string) => void }) {
  const [text, setText] = useState('');

  async function scan() {
    try {
      const { result } = await Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode'] });
      onToken(result.trim());
    } catch {
      // The scanner was closed: nothing to do.
    }
  }

  if (process.env.TARO_ENV === 'weapp') {
    return (
      <View className="merchant-actions">
        <Button className={`btn btn--primary${busy ? ' is-disabled' : ''}`} disabled={busy} loading={busy} onClick={scan}>
          扫一扫居民积分码
        </Button>
      </View>
    );
  }
  return (
    <>
      <FormField label="积分码" hint="粘贴居民积分码下方的一串文字">
        <Textarea
          className="scan__paste"
          value={text}
          maxlength={200}
          placeholder="LL2.…"
          placeholderClass="input-placeholder"
          onInput={(e) => setText(e.detail.value)}
        />
      </FormField>
      <View className="merchant-actions">
        <ActionButton disabled={text.trim().length < 10} busy={busy} onClick={() => onToken(text.trim())}>
          读取积分码
        </ActionButton>
      </View>
    </>
  );
}
