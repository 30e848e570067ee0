import { Image, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { uploadPhoto } from '../../services/upload';
import './index.scss';

export interface Photo {
  localPath: string;
  fileID: string | null;
  state: 'uploading' | 'done' | 'failed';
}

interface Props {
  photos: Photo[];
  onChange: (update: (photos: Photo[]) => Photo[]) => void;
  max: number;
}

/** Up to `max` photos, each uploaded as soon as it is chosen so submitting only sends file ids. */
export function PhotoPicker({ photos, onChange, max }: Props) {
  async function upload(photo: Photo) {
    const res = await uploadPhoto(photo.localPath);
    // A photo that cannot be made small enough is taken off: trying it again would fail the same way.
    onChange((all) =>
      !res.ok && res.tooLarge
        ? all.filter((p) => p.localPath !== photo.localPath)
        : all.map((p) => (p.localPath === photo.localPath ? { ...p, state: res.ok ? 'done' : 'failed', fileID: res.ok ? res.fileID : null } : p)),
    );
    if (!res.ok) void Taro.showToast({ title: res.message, icon: 'none' });
  }

  function retry(photo: Photo) {
    onChange((all) => all.map((p) => (p.localPath === photo.localPath ? { ...p, state: 'uploading' } : p)));
    void upload(photo);
  }

  async function choose() {
    try {
      const res = await Taro.chooseImage({ count: Math.min(9, max - photos.length), sizeType: ['compressed'] });
      const added: Photo[] = res.tempFilePaths.map((localPath) => ({ localPath, fileID: null, state: 'uploading' }));
      onChange((all) => [...all, ...added].slice(0, max));
      added.forEach((p) => void upload(p));
    } catch {
      // The user closed the picker: nothing to do.
    }
  }

  return (
    <View className="photo-picker">
      {photos.map((p) => (
        <View key={p.localPath} className={`photo-picker__item is-${p.state}`}>
          <Image className="photo-picker__img" src={p.localPath} mode="aspectFill" />
          {p.state !== 'done' && <Text className="photo-picker__state">{p.state === 'uploading' ? '上传中…' : '上传失败'}</Text>}
          {p.state === 'failed' && (
            <Text className="photo-picker__retry" onClick={() => retry(p)}>
              重试
            </Text>
          )}
          <Text className="photo-picker__remove" onClick={() => onChange((all) => all.filter((x) => x.localPath !== p.localPath))}>
            ×
          </Text>
        </View>
      ))}
      {photos.length < max && (
        <View className="photo-picker__add" onClick={choose}>
          <Text className="photo-picker__plus">+</Text>
        </View>
      )}
    </View>
  );
}

/** The file ids of the photos that finished uploading, and whether any is still on its way. */
export function uploaded(photos: Photo[]): { fileIDs: string[]; uploading: boolean } {
  return { fileIDs: photos.flatMap((p) => (p.fileID ? [p.fileID] : [])), uploading: photos.some((p) => p.state === 'uploading') };
}
