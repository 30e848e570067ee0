import { getUnlimited, qrModules, wxacodeText } from '../../emulator/src/wxacode';
import type { UserProfile } from '../../src/shared/domain/org';
import { managesUnit, printsCodesOf, sameName, sceneOf, seesUnit, streetOf, treeRoots } from '../../src/shared/domain/org-tree';

type Viewer = Pick<UserProfile, 'roles' | 'streetId' | 'communityId' | 'gridId' | 'workGrids' | 'adminScope'>;
const person = (roles: Viewer['roles'], more: Partial<Viewer> = {}): Viewer => ({ roles, streetId: 's1', communityId: 'c1', gridId: null, ...more });

const street = { _id: 's1', kind: 'street' as const, path: [] };
const community = { _id: 'c1', kind: 'community' as const, path: ['s1'] };
const otherCommunity = { _id: 'c2', kind: 'community' as const, path: ['s1'] };
const grid = { _id: 'g1', kind: 'grid' as const, path: ['s1', 'c1'] };
const building = { _id: 'b1', kind: 'building' as const, path: ['s1', 'c1', 'g1'] };
const farBuilding = { _id: 'b9', kind: 'building' as const, path: ['s2', 'c9', 'g9'] };

describe('who sees and changes which part of the org tree', () => {
  it('a grid worker sees their grid and its buildings only, and changes nothing', () => {
    const worker = person(['grid_worker'], { gridId: 'g1', workGrids: ['g1'] });
    expect([street, community, grid, building].map((u) => seesUnit(worker, u))).toEqual([false, false, true, true]);
    expect(managesUnit(worker, building)).toBe(false);
    expect(printsCodesOf(worker, building)).toBe(true);
    expect(treeRoots(worker)).toEqual({ kind: 'grid', ids: ['g1'] });
  });

  it('community staff see their community, not the next one; street staff the street', () => {
    expect(seesUnit(person(['staff']), grid)).toBe(true);
    expect(seesUnit(person(['staff']), otherCommunity)).toBe(false);
    expect(seesUnit(person(['staff']), street)).toBe(false);
    expect(seesUnit(person(['street_staff']), otherCommunity)).toBe(true);
    expect(seesUnit(person(['street_staff']), farBuilding)).toBe(false);
    expect(printsCodesOf(person(['street_staff']), building)).toBe(false);
  });

  it('an admin manages their street; a district admin every street; nobody else manages', () => {
    expect(managesUnit(person(['admin']), building)).toBe(true);
    expect(managesUnit(person(['admin']), farBuilding)).toBe(false);
    expect(managesUnit(person(['admin'], { adminScope: 'district' }), farBuilding)).toBe(true);
    expect(managesUnit(person(['staff', 'street_staff']), building)).toBe(false);
    expect(treeRoots(person(['admin'], { adminScope: 'district' }))).toBe('all-streets');
    expect(treeRoots(person(['admin']))).toEqual({ kind: 'street', ids: ['s1'] });
    expect(streetOf(farBuilding)).toBe('s2');
  });

  it('sibling names compare without spaces, width or case', () => {
    expect(sameName(' 1号楼', '1号楼')).toBe(true);
    expect(sameName('Ａ座', 'a座')).toBe(true);
    expect(sameName('1号楼', '2号楼')).toBe(false);
  });

  it('a building id is the scene of its code only if it fits WeChat’s 32 characters', () => {
    expect(sceneOf('b-0123456789ab')).toBe('b-0123456789ab');
    expect(() => sceneOf('b'.repeat(33))).toThrow(/楼栋码/);
  });
});

describe('the wxacode.getUnlimited stand-in', () => {
  it('answers a PNG of the QR code of page and scene, about the width asked', () => {
    const answer = getUnlimited({ scene: 'building-1', page: 'pages/join/index', check_path: false, width: 430 });
    if (!('buffer' in answer)) throw new Error(JSON.stringify(answer));
    expect(answer.contentType).toBe('image/png');
    expect(answer.buffer.subarray(1, 4).toString()).toBe('PNG');
    expect(qrModules(wxacodeText('pages/join/index', 'building-1')).length).toBeGreaterThanOrEqual(21);
  });

  it('refuses what WeChat refuses: a missing or over-long scene, a page starting with /', () => {
    expect(getUnlimited({ page: 'pages/join/index' })).toMatchObject({ errcode: 40169 });
    expect(getUnlimited({ scene: 'x'.repeat(33), page: 'pages/join/index' })).toMatchObject({ errcode: 40169 });
    expect(getUnlimited({ scene: 'b1', page: '/pages/join/index' })).toMatchObject({ errcode: 41030 });
  });
});
