import { Button, Input, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { ActionButton } from '../../components/action-button';
import { FormField } from '../../components/form-field';
import { shopIdFromQr, shopIdFromTyped } from '../../shared/domain/merchant-shop';
import { rateShopUrl } from '../../utils/merchant';

const rate = (shopId: string) => void Taro.navigateTo({ url: rateShopUrl(shopId) });

/** Opens the rating page of the shop whose 评价码 the resident scans in the shop. */
async function scanShop() {
  try {
    const { result } = await Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode'] });
    const shopId = shopIdFromQr(result);
    if (shopId) rate(shopId);
    else void Taro.showToast({ title: '这不是店铺评价码', icon: 'none' });
  } catch {
    // The scanner was closed: nothing to do.
  }
}

/**
 * How a resident gets to a shop's rating page from its 评价码: the camera on WeChat; on H5, which has no
 * scanner, the text printed under the code typed or pasted in (as the merchant does with a points code).
 */
export function ShopCodeEntry() {
  const [text, setText] = useState('');
  const [error, setError] = useState('');

  if (process.env.TARO_ENV === 'weapp') {
    return (
      <View className="shops__scan">
        <Button className="btn btn--default" onClick={scanShop}>
          扫店铺评价码
        </Button>
      </View>
    );
  }

  function open() {
    const shopId = shopIdFromTyped(text);
    if (shopId) rate(shopId);
    else setError('这不是店铺评价码，请核对店内评价码下方的文字');
  }

  return (
    <View className="shop-code">
      <FormField label="店铺评价码" error={error} hint="输入店内评价码下方的文字，如 LLSHOP.shop-xxx">
        <Input
          className="shop-code__input"
          value={text}
          maxlength={80}
          placeholder="LLSHOP.…"
          placeholderClass="input-placeholder"
          onInput={(e) => {
            setText(e.detail.value);
            setError('');
          }}
          onConfirm={open}
        />
      </FormField>
      <View className="shops__scan">
        <ActionButton kind="default" disabled={text.trim().length === 0} onClick={open}>
          去评价这家店
        </ActionButton>
      </View>
    </View>
  );
}
