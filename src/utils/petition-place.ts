import type { Input } from '../shared/contract';

/** A map point as the form holds it: typed text until it is sent. */
export interface MapPoint {
  latitude: string;
  longitude: string;
  address: string;
}

export type Place = { kind: 'building'; detail: string } | { kind: 'point'; point: MapPoint };

export const emptyPoint: MapPoint = { latitude: '', longitude: '', address: '' };

type Location = Input<'petition.create'>['location'];

/**
 * The contract's location, or what is still missing, said before anything is sent. `buildingId` is the
 * caller's own building; `onMap` says whether a map picks the point (weapp) or coordinates are typed (H5).
 */
export function locationInput(place: Place, buildingId: string | null, onMap: boolean): { location: Location } | { missing: string } {
  if (place.kind === 'building') {
    if (!buildingId) return { missing: '请在地图上选点' };
    const detail = place.detail.trim();
    return { location: { kind: 'building', buildingId, ...(detail ? { detail } : {}) } };
  }
  const { latitude, longitude, address } = place.point;
  const lat = Number(latitude);
  const lng = Number(longitude);
  const valid = latitude.trim() !== '' && longitude.trim() !== '' && Math.abs(lat) <= 90 && Math.abs(lng) <= 180;
  if (!valid) return { missing: onMap ? '请打开地图选点' : '请填写正确的经纬度，或点「用当前位置」' };
  return { location: { kind: 'point', point: { latitude: lat, longitude: lng, address: address.trim() } } };
}
