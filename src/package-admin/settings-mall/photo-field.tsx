import { Image, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { FormField } from '../../components/form-field';
import { uploadPhoto } from '../../services/upload';

export interface ItemPhoto {
  /** What is sent: the item's own picture, a new upload, or null (none). */
  fileID: string | null;
  /** What is shown: a temporary link or the local file just chosen. */
  src: string | null;
}

/** One picture for a shelf item: shown, replaced (uploaded at once, so saving sends only its file id) or taken off. */
export function PhotoField({ value, onChange, onBusy }: { value: ItemPhoto; onChange: (p: ItemPhoto) => void; onBusy: (busy: boolean) => void }) {
  const [state, setState] = useState<'idle' | 'uploading' | 'failed'>('idle');

  async function choose() {
    let localPath: string;
    try {
      localPath = (await Taro.chooseImage({ count: 1, sizeType: ['compressed'] })).tempFilePaths[0];
    } catch {
      return; // closed the picker
    }
    setState('uploading');
    onBusy(true);
    const res = await uploadPhoto(localPath);
    onBusy(false);
    setState(res.ok ? 'idle' : 'failed');
    if (res.ok) onChange({ fileID: res.fileID, src: localPath });
    else void Taro.showToast({ title: res.message, icon: 'none' });
  }

  return (
    <FormField
      label="图片"
      hint={state === 'uploading' ? '上传中…' : state === 'failed' ? '上传失败，请再选一次' : '可选；居民在积分超市看到的商品图片'}
    >
      <View className="mall-photo">
        {value.src && <Image className="mall-photo__img" src={value.src} mode="aspectFill" />}
        <Text className="mall-photo__action" onClick={() => void choose()}>
          {value.src ? '更换图片' : '上传图片'}
        </Text>
        {value.src && (
          <Text className="mall-photo__action is-warn" onClick={() => onChange({ fileID: null, src: null })}>
            去掉图片
          </Text>
        )}
      </View>
    </FormField>
  );
}
