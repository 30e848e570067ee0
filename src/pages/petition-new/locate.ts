import Taro from '@tarojs/taro';
import { wgs84ToGcj02, type LatLng } from '../../utils/gcj02';

export interface Found extends LatLng {
  /** Metres, as the phone or browser reports it. */
  accuracy: number | null;
}

/**
 * Where the phone is, in GCJ-02 on both targets. WeChat gives GCJ-02 itself; a browser gives WGS-84 only
 * (Taro's H5 getLocation refuses any other type), so the point is converted here.
 */
export async function currentPosition(): Promise<Found> {
  if (process.env.TARO_ENV === 'weapp') {
    const res = await Taro.getLocation({ type: 'gcj02' });
    return { latitude: res.latitude, longitude: res.longitude, accuracy: res.accuracy ?? null };
  }
  // The browser's own timeout: without one a prompt nobody answers would leave the field waiting for ever.
  const res = await Taro.getLocation({ type: 'wgs84', highAccuracyExpireTime: 15_000 });
  return { ...wgs84ToGcj02(res), accuracy: res.accuracy ?? null };
}

/** WeChat's map picker: a point and the name of the place, or null when the person closed the map. */
export async function pickOnMap(): Promise<{ fix: LatLng; name: string } | null> {
  try {
    const res = await Taro.chooseLocation({});
    return { fix: { latitude: res.latitude, longitude: res.longitude }, name: res.name || res.address };
  } catch (error) {
    if (/cancel/.test((error as { errMsg?: string }).errMsg ?? '')) return null;
    throw error;
  }
}
