import type { Input, Output } from '../shared/contract';
import type { LatLng } from './gcj02';

/** A grid of the caller's community with its buildings, as `petition.places` lists them. */
export type PlaceGrid = Output<'petition.places'>['grids'][number];

/** Where the problem is, as the form holds it. A point is always GCJ-02 and always found, never typed. */
export type Place = { kind: 'building'; gridId: string; buildingId: string; detail: string } | { kind: 'point'; fix: LatLng | null; address: string };

type Location = Input<'petition.create'>['location'];

/** The first place offered: the caller's own building; someone without one (a grid worker) starts in their grid. */
export function firstPlace(me: { gridId: string | null; buildingId: string | null }): Place {
  return { kind: 'building', gridId: me.gridId ?? '', buildingId: me.buildingId ?? '', detail: '' };
}

/**
 * The grids the caller may pick from: the whole community, except that a grid worker filing for a resident
 * (红色代办) files in their own grid only, as the server requires.
 */
export function gridsOffered(grids: PlaceGrid[], proxyGridId: string | null): PlaceGrid[] {
  return proxyGridId ? grids.filter((g) => g.id === proxyGridId) : grids;
}

/** The grid on screen and the building picked in it; a building outside the grids offered is not picked. */
export function buildingChoice(place: { gridId: string; buildingId: string }, grids: PlaceGrid[]) {
  const grid = grids.find((g) => g.id === place.gridId) ?? grids[0] ?? null;
  const building = grid?.buildings.find((b) => b.id === place.buildingId) ?? null;
  return { grid, building };
}

// Six decimals are a tenth of a metre: more is noise from the sensor.
const round = (degrees: number) => Math.round(degrees * 1e6) / 1e6;

/**
 * The contract's location, or what is still missing, said the way the field asks for it. `onMap` says
 * whether a map picker exists (weapp) besides the current position.
 */
export function locationInput(place: Place, grids: PlaceGrid[], onMap: boolean): { location: Location } | { missing: string } {
  if (place.kind === 'building') {
    const { building } = buildingChoice(place, grids);
    if (!building) return { missing: '请选择楼栋' };
    const detail = place.detail.trim();
    return { location: { kind: 'building', buildingId: building.id, ...(detail ? { detail } : {}) } };
  }
  if (!place.fix) return { missing: onMap ? '请取得当前位置，或在地图上选点' : '请取得当前位置，或改选楼栋' };
  const point = { latitude: round(place.fix.latitude), longitude: round(place.fix.longitude), address: place.address.trim() };
  return { location: { kind: 'point', point } };
}
