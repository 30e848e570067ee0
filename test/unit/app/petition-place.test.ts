import { buildingChoice, firstPlace, gridsOffered, locationInput, type PlaceGrid } from '../../../src/utils/petition-place';

const grids: PlaceGrid[] = [
  {
    id: 'grid-1',
    name: '第一网格',
    buildings: [
      { id: 'building-1', name: '1号楼' },
      { id: 'building-2', name: '2号楼' },
    ],
  },
  { id: 'grid-2', name: '第二网格', buildings: [{ id: 'building-4', name: '4号楼' }] },
];
const inBuilding = (gridId: string, buildingId: string, detail = '') => ({ kind: 'building' as const, gridId, buildingId, detail });

describe('the place a report starts from', () => {
  it('is the caller’s own building; without one, their grid with no building picked yet', () => {
    expect(firstPlace({ gridId: 'grid-1', buildingId: 'building-2' })).toEqual(inBuilding('grid-1', 'building-2'));
    expect(firstPlace({ gridId: 'grid-2', buildingId: null })).toEqual(inBuilding('grid-2', ''));
    expect(firstPlace({ gridId: null, buildingId: null })).toEqual(inBuilding('', ''));
  });

  it('offers the whole community, but a grid worker filing for a resident only their own grid', () => {
    expect(gridsOffered(grids, null)).toEqual(grids);
    expect(gridsOffered(grids, 'grid-2').map((g) => g.id)).toEqual(['grid-2']);
  });

  it('shows the chosen grid, or the first one offered, and picks a building only inside it', () => {
    expect(buildingChoice(inBuilding('grid-2', 'building-4'), grids)).toEqual({ grid: grids[1], building: grids[1]!.buildings[0] });
    expect(buildingChoice(inBuilding('', ''), grids)).toEqual({ grid: grids[0], building: null });
    // A building from a grid no longer offered (the worker turned 代办 on) is not picked.
    expect(buildingChoice(inBuilding('grid-1', 'building-2'), gridsOffered(grids, 'grid-2')).building).toBeNull();
    expect(buildingChoice(inBuilding('grid-1', 'building-1'), [])).toEqual({ grid: null, building: null });
  });
});

describe('the location sent with a report', () => {
  it('a building picked in the list, with an optional spot', () => {
    expect(locationInput(inBuilding('grid-1', 'building-2', ' 1单元门口 '), grids, false)).toEqual({
      location: { kind: 'building', buildingId: 'building-2', detail: '1单元门口' },
    });
    expect(locationInput(inBuilding('grid-2', 'building-4'), grids, false)).toEqual({ location: { kind: 'building', buildingId: 'building-4' } });
    expect(locationInput(inBuilding('grid-2', ''), grids, false)).toEqual({ missing: '请选择楼栋' });
    // Before the list has come, nothing is picked yet.
    expect(locationInput(inBuilding('grid-1', 'building-2'), [], false)).toEqual({ missing: '请选择楼栋' });
  });

  it('a position found by the phone, rounded to a tenth of a metre; never one that was not found', () => {
    const fix = { latitude: 34.26812345678, longitude: 108.94876543219 };
    expect(locationInput({ kind: 'point', fix, address: ' 东门停车场 ' }, grids, false)).toEqual({
      location: { kind: 'point', point: { latitude: 34.268123, longitude: 108.948765, address: '东门停车场' } },
    });
    expect(locationInput({ kind: 'point', fix: null, address: '东门' }, grids, false)).toEqual({ missing: '请取得当前位置，或改选楼栋' });
    expect(locationInput({ kind: 'point', fix: null, address: '' }, grids, true)).toEqual({ missing: '请取得当前位置，或在地图上选点' });
  });
});
