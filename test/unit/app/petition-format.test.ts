import type { PetitionLevel } from '../../../src/shared/domain/petition-ladder';
import { afterPetitionFailure } from '../../../src/utils/petition-hints';
import { categoryGroups, groupOf, type PetitionCategory } from '../../../src/utils/petition-categories';
import { countdown, serverNow, spanText } from '../../../src/utils/petition-clock';
import { ladderRungs } from '../../../src/utils/petition-rungs';
import { actionLabel, dueWhat, placeText, statusLabel, stepTitle } from '../../../src/utils/petition-text';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

describe('countdowns on the server clock', () => {
  it('counts on from the server time of the read by what the phone counted since, whatever the phone’s date', () => {
    const phoneReadAt = Date.parse('2020-01-01T00:00:00Z');
    expect(serverNow('2026-11-22T10:00:00.000Z', phoneReadAt, phoneReadAt + 5 * MINUTE)).toBe(Date.parse('2026-11-22T10:05:00.000Z'));
    // A phone clock set back meanwhile never makes time run backwards.
    expect(serverNow('2026-11-22T10:00:00.000Z', phoneReadAt, phoneReadAt - HOUR)).toBe(Date.parse('2026-11-22T10:00:00.000Z'));
  });

  it('says spans the way people read them', () => {
    expect(spanText(30_000)).toBe('不到1分钟');
    expect(spanText(15 * MINUTE)).toBe('15分钟');
    expect(spanText(5 * HOUR + 20 * MINUTE)).toBe('5小时20分');
    expect(spanText(5 * HOUR)).toBe('5小时');
    expect(spanText(2 * DAY + 3 * HOUR + 59 * MINUTE)).toBe('2天3小时');
    expect(spanText(-(6 * DAY))).toBe('6天');
  });

  it('what is left, or how late it is', () => {
    const due = '2026-11-29T10:00:00.000Z';
    expect(countdown(due, Date.parse(due) - (5 * DAY + 23 * HOUR + 59 * MINUTE))).toEqual({ overdue: false, text: '还剩 5天23小时' });
    expect(countdown(due, Date.parse(due))).toEqual({ overdue: true, text: '已超时 不到1分钟' });
    expect(countdown(due, Date.parse(due) + 5 * HOUR)).toEqual({ overdue: true, text: '已超时 5小时' });
  });
});

describe('the ladder as drawn', () => {
  const at = (h: number) => new Date(Date.UTC(2026, 10, 22, h)).toISOString();
  const step = (level: PetitionLevel, h: number, automatic = false) => ({ level, at: at(h), automatic });

  it('marks where the case stands, where it was, what it skipped, and arrivals by the timer', () => {
    const timeline = [step('grid', 1), step('community', 2, true), step('community', 3), step('street', 4), step('district', 5)];
    const rungs = ladderRungs({ level: 'district', timeline });
    expect(rungs.map((r) => [r.level, r.state])).toEqual([
      ['grid', 'passed'],
      ['community', 'passed'],
      ['street', 'passed'],
      ['department', 'skipped'],
      ['district', 'current'],
    ]);
    // A step taken at a level (受理) is not an arrival: the community was reached by the timer at 2 o’clock.
    expect(rungs[1]).toMatchObject({ arrivedAt: at(2), automatic: true });
    expect(rungs[3]).toMatchObject({ arrivedAt: null, automatic: false });
  });

  it('after a reopen, the last arrival counts and higher rungs stay passed', () => {
    const rungs = ladderRungs({ level: 'grid', timeline: [step('grid', 1), step('community', 2), step('grid', 6)] });
    expect(rungs.map((r) => r.state)).toEqual(['current', 'passed', 'ahead', 'ahead', 'ahead']);
    expect(rungs[0].arrivedAt).toBe(at(6));
  });
});

describe('words on the petition pages', () => {
  it('status: a department’s pending case waits for 报到; a dismissed case says so', () => {
    expect(statusLabel({ status: 'pending', outcome: null, level: 'grid' })).toBe('待受理');
    expect(statusLabel({ status: 'pending', outcome: null, level: 'department' })).toBe('待报到');
    expect(statusLabel({ status: 'closed', outcome: 'dismissed', level: 'grid' })).toBe('不予受理');
    expect(statusLabel({ status: 'closed', outcome: 'rated', level: 'grid' })).toBe('已办结');
  });

  it('吹哨 below the street, 上报区级 above it', () => {
    expect(actionLabel('escalate', 'grid')).toBe('吹哨上报');
    expect(actionLabel('escalate', 'street')).toBe('上报区级');
    expect(actionLabel('report', 'department')).toBe('报到受理');
  });

  it('timeline headlines name where a hand-over went and where a step was taken', () => {
    expect(stepTitle({ event: 'escalate', level: 'community', departmentName: null, automatic: false })).toBe('吹哨上报 → 社区');
    expect(stepTitle({ event: 'summon', level: 'department', departmentName: '区住建局', automatic: false })).toBe('召集部门 → 区住建局');
    expect(stepTitle({ event: 'accept', level: 'community', departmentName: null, automatic: false })).toBe('社区 · 受理');
    expect(stepTitle({ event: 'create', level: 'grid', departmentName: null, automatic: false })).toBe('提交诉求 → 网格');
    expect(stepTitle({ event: 'rate', level: 'community', departmentName: null, automatic: false })).toBe('评价');
    expect(stepTitle({ event: 'escalate', level: 'community', departmentName: null, automatic: true })).toBe('超时自动上报 → 社区');
    expect(stepTitle({ event: 'urge', level: 'department', departmentName: '区住建局', automatic: false })).toBe('居民催办 · 区住建局');
  });

  it('what is due next', () => {
    expect(dueWhat({ status: 'pending', level: 'department' })).toBe('报到');
    expect(dueWhat({ status: 'accepted', level: 'grid' })).toBe('办结');
    expect(dueWhat({ status: 'resolved', level: 'grid' })).toBe('评价');
    expect(dueWhat({ status: 'closed', level: 'grid' })).toBeNull();
  });

  it('the place: grid, building and spot, or the map point’s address', () => {
    expect(placeText({ gridName: '第一网格', location: { buildingName: '2号楼', detail: '1单元门口', point: null } })).toBe(
      '第一网格 · 2号楼 1单元门口',
    );
    expect(
      placeText({ gridName: null, location: { buildingName: null, detail: null, point: { latitude: 1, longitude: 2, address: '东门停车场' } } }),
    ).toBe('东门停车场');
  });
});

describe('the category tree', () => {
  const c = (id: string, parentId: string | null, extra: Partial<PetitionCategory> = {}): PetitionCategory => ({
    id,
    name: id,
    parentId,
    council: false,
    private: false,
    cardLimits: null,
    departmentId: null,
    order: 0,
    ...extra,
  });
  const flat = [
    c('facilities', null),
    c('streetlight', 'facilities'),
    c('road', 'facilities'),
    c('dispute', null, { private: true }),
    c('orphan', 'gone'),
  ];

  it('groups sub-kinds under their kind, in the server’s order; a lost child stands alone', () => {
    const groups = categoryGroups(flat);
    expect(groups.map((g) => [g.parent.id, g.children.map((x) => x.id)])).toEqual([
      ['facilities', ['streetlight', 'road']],
      ['dispute', []],
      ['orphan', []],
    ]);
    expect(groupOf(groups, 'road')?.parent.id).toBe('facilities');
    expect(groupOf(groups, 'facilities')?.parent.id).toBe('facilities');
    expect(groupOf(groups, '')).toBeUndefined();
  });
});

describe('after a failed petition step', () => {
  it('a case that moved under the user is reloaded and explained; app-wide codes keep their hints', () => {
    expect(afterPetitionFailure('PETITION_NOT_HOLDER')).toMatchObject({ refresh: true, hint: expect.stringContaining('刷新') });
    expect(afterPetitionFailure('PETITION_PHOTOS_REQUIRED')).toMatchObject({ refresh: false, hint: expect.stringContaining('处理前') });
    expect(afterPetitionFailure('INTERNAL')).toMatchObject({ refresh: false, hint: expect.stringContaining('不会重复提交') });
    expect(afterPetitionFailure('SOMETHING_ELSE')).toEqual({ hint: null, refresh: false });
  });
});
