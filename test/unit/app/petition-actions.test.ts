import type { PetitionLevel } from '../../../src/shared/domain/petition-ladder';
import type { PetitionStatus } from '../../../src/shared/domain/petition';
import type { Role } from '../../../src/shared/domain/roles';
import { actionsFor, holdsCase, levelsReached, mayCosign, mayRate, type PetitionDetail, type Viewer } from '../../../src/utils/petition-actions';

const NOW = '2026-11-22T10:00:00.000Z';
const units: Record<PetitionLevel, string> = {
  grid: '第一网格',
  community: '梧桐社区',
  street: '青石街道',
  department: '区住建局',
  district: '明德区',
};

type Step = PetitionDetail['timeline'][number];
const step = (event: Step['event'], level: PetitionLevel, status: PetitionStatus = 'pending'): Step => ({
  event,
  level,
  status,
  by: '某人',
  at: NOW,
  note: null,
  automatic: false,
  departmentName: level === 'department' ? units.department : null,
});

/** 王秀英's ramp at `level`, `status`, having passed through `path` (the levels before it). */
function petition(level: PetitionLevel, status: PetitionStatus, more: Partial<PetitionDetail> = {}, path: PetitionLevel[] = []): PetitionDetail {
  const levels = [...path, level];
  const timeline = [step('create', levels[0]), ...levels.slice(1).map((l) => step('escalate', l))];
  return {
    id: 'p1',
    categoryId: 'accessibility',
    categoryName: '无障碍设施',
    description: '无障碍坡道坏了',
    urgency: 'normal',
    photos: [],
    location: { buildingName: '2号楼', detail: null, point: null },
    gridName: '第一网格',
    reporter: { name: '王秀英', phone: null, room: null, proxy: false, filedBy: null },
    status,
    level,
    holder: { level, unitName: units[level], handlerName: null },
    dueAt: '2026-11-23T10:00:00.000Z',
    overdue: false,
    feedback: { dueAt: '2026-11-29T10:00:00.000Z', at: null, overdue: false },
    cosignCount: 0,
    cosigned: false,
    urgeCount: 0,
    card: null,
    urge: null,
    extendedUntil: null,
    extension: null,
    mayExtend: null,
    decidesExtension: false,
    mine: false,
    rates: null,
    resolution: null,
    councilTopicId: null,
    verifies: null,
    verification: null,
    rating: null,
    reopens: 0,
    outcome: null,
    heldForReview: false,
    createdAt: NOW,
    updatedAt: NOW,
    timeline,
    serverTime: NOW,
    ...more,
  };
}

const viewer = (roles: Role[], gridName: string | null = null, communityName = '梧桐社区'): Viewer => ({ roles, gridName, communityName });
const liu = viewer(['grid_worker'], '第一网格');
const zhao = viewer(['grid_worker'], '第二网格');
const sun = viewer(['staff']);
const qian = viewer(['street_staff'], null, '');
const he = viewer(['department_staff'], null, '');
const luo = viewer(['district_staff'], null, '');

describe('the steps a holder is offered', () => {
  it('at the grid: its own grid worker accepts, blows the whistle or dismisses; no one else acts', () => {
    expect(actionsFor(petition('grid', 'pending'), liu, false)).toEqual(['accept', 'escalate', 'dismiss']);
    expect(actionsFor(petition('grid', 'accepted'), liu, false)).toEqual(['resolve', 'escalate']);
    expect(actionsFor(petition('grid', 'pending'), zhao, false)).toEqual([]);
    expect(actionsFor(petition('grid', 'pending'), sun, false)).toEqual([]);
  });

  it('at the community: three-party council only for property matters, and its decision', () => {
    const p = petition('community', 'pending', {}, ['grid']);
    expect(actionsFor(p, sun, false)).toEqual(['accept', 'escalate', 'dismiss']);
    expect(actionsFor(p, sun, true)).toEqual(['accept', 'convene', 'escalate', 'dismiss']);
    expect(actionsFor(petition('community', 'council', {}, ['grid']), sun, true)).toEqual(['decide', 'escalate']);
    expect(actionsFor(p, viewer(['staff'], null, '银杏社区'), true)).toEqual([]);
    expect(actionsFor(p, liu, false)).toEqual([]);
  });

  it('at the street: summons a department or hands over to the district', () => {
    const p = petition('street', 'accepted', {}, ['grid', 'community']);
    expect(actionsFor(p, qian, false)).toEqual(['resolve', 'summon', 'escalate']);
    expect(actionsFor(petition('street', 'pending'), qian, false)).toEqual(['accept', 'summon', 'escalate', 'dismiss']);
  });

  it('a summoned department reports rather than accepts; the district is the top and cannot escalate', () => {
    expect(actionsFor(petition('department', 'pending', {}, ['grid', 'community', 'street']), he, false)).toEqual(['report', 'escalate', 'dismiss']);
    expect(actionsFor(petition('district', 'pending', {}, ['grid', 'community', 'street']), luo, false)).toEqual(['accept', 'dismiss']);
    expect(actionsFor(petition('district', 'accepted'), luo, false)).toEqual(['resolve']);
  });

  it('community review after a second 不满意: send it back or uphold the result', () => {
    expect(actionsFor(petition('community', 'review', { reopens: 2 }, ['grid']), sun, false)).toEqual(['conclude', 'reopen']);
  });

  it('nothing while the resident rates, or once closed', () => {
    expect(actionsFor(petition('community', 'resolved'), sun, false)).toEqual([]);
    expect(actionsFor(petition('community', 'closed'), sun, false)).toEqual([]);
  });

  it('matches the grid and the community by name, above them by role', () => {
    expect(holdsCase(liu, petition('grid', 'pending'))).toBe(true);
    expect(holdsCase(viewer(['grid_worker'], null), petition('grid', 'pending'))).toBe(false);
    expect(holdsCase(viewer(['staff'], null, ''), petition('community', 'pending'))).toBe(false);
    expect(holdsCase(qian, petition('street', 'pending'))).toBe(true);
    expect(holdsCase(qian, petition('district', 'pending'))).toBe(false);
  });
});

describe('levels the case has stood at', () => {
  it('in ladder order, once each, a department only when one was summoned', () => {
    const timeline = [
      step('create', 'grid'),
      step('escalate', 'community'),
      step('escalate', 'street'),
      step('escalate', 'district'),
      step('reopen', 'grid'),
    ];
    expect(levelsReached(timeline)).toEqual(['grid', 'community', 'street', 'district']);
  });
});

describe('the resident’s own steps', () => {
  const now = Date.parse(NOW);
  it('rates a resolution of their own, within the window', () => {
    const resolved = petition('community', 'resolved', { mine: true, rates: 'reporter', dueAt: '2026-11-29T10:00:00.000Z' });
    expect(mayRate(resolved, ['resident'], now)).toBe(true);
    expect(mayRate({ ...resolved, rates: 'proxy' }, ['grid_worker'], now)).toBe(true);
    // The filer of a case for a registered resident: it is theirs to follow, not to rate.
    expect(mayRate({ ...resolved, rates: null }, ['grid_worker'], now)).toBe(false);
    expect(mayRate(resolved, ['resident'], Date.parse('2026-11-29T10:00:00.000Z'))).toBe(false);
    expect(mayRate({ ...resolved, status: 'accepted' }, ['resident'], now)).toBe(false);
  });

  it('backs (我也遇到) an open case of someone else, once, unless it is held for review', () => {
    const open = petition('grid', 'pending');
    expect(mayCosign(open, ['resident'])).toBe(true);
    expect(mayCosign({ ...open, mine: true }, ['resident'])).toBe(false);
    expect(mayCosign({ ...open, cosigned: true }, ['resident'])).toBe(false);
    expect(mayCosign({ ...open, heldForReview: true }, ['resident'])).toBe(false);
    expect(mayCosign({ ...open, status: 'resolved' }, ['resident'])).toBe(false);
    expect(mayCosign(open, ['grid_worker'])).toBe(false);
  });
});
