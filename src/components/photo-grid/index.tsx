import { Image, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import './index.scss';

interface Photo {
  fileID: string;
  url: string | null;
}

/** Thumbnails that open the full-screen viewer (swipe between them), as WeChat chats do. */
export function PhotoGrid({ photos }: { photos: Photo[] }) {
  const urls = photos.flatMap((p) => (p.url ? [p.url] : []));
  if (urls.length === 0) return null;
  return (
    <View className="photo-grid">
      {urls.map((url) => (
        <Image
          key={url}
          className="photo-grid__item"
          src={url}
          mode="aspectFill"
          onClick={(e) => {
            e.stopPropagation();
            void Taro.previewImage({ urls, current: url });
          }}
        />
      ))}
    </View>
  );
}
