import { petitionChanges } from '../../cloudfunctions/report/stat-changes';
import type { PetitionDoc } from '../../cloudfunctions/petition/petition-repo';
import { defaultLadderConfig } from '../../src/shared/domain/petition-ladder';
import type { PetitionStep } from '../../src/shared/domain/petition-rules';
import { isOnTime, type PetitionChange } from '../../src/shared/domain/stats';

const HOUR = 3600_000;
const t0 = Date.parse('2026-03-02T01:00:00.000Z');
const at = (hours: number) => new Date(t0 + hours * HOUR);
const line = (event: PetitionStep['event'], hours: number, from: PetitionStep['from'], to: PetitionStep['to'], until?: number): PetitionStep => ({
  event,
  by: 'someone',
  byName: '某人',
  at: at(hours),
  from,
  to,
  departmentId: null,
  note: null,
  automatic: false,
  ...(until === undefined ? {} : { until: at(until) }),
});

const pending = { status: 'pending', level: 'grid' } as const;
const accepted = { status: 'accepted', level: 'grid' } as const;
const community = { status: 'pending', level: 'community' } as const;
const communityTaken = { status: 'accepted', level: 'community' } as const;
const resolved = { status: 'resolved', level: 'grid' } as const;

function doc(history: PetitionStep[]): PetitionDoc {
  return {
    streetId: 'street-qingshi',
    communityId: 'community-wutong',
    gridId: 'grid-1',
    categoryId: 'accessibility',
    urgency: 'normal',
    createdAt: at(0),
    rating: null,
    history,
  } as unknown as PetitionDoc;
}

const resolution = (h: PetitionStep[]) =>
  petitionChanges(doc(h), 0, defaultLadderConfig).find((c): c is PetitionChange => c.kind === 'petition' && c.event === 'resolve')!;
const events = (h: PetitionStep[]) => petitionChanges(doc(h), 0, defaultLadderConfig).map((c) => (c.kind === 'petition' ? c.event : c.kind));

// The grid takes the case an hour in: it has 72 hours to settle it (the ladder's deadline: hour 73).
const taken = [line('create', 0, null, pending), line('accept', 1, pending, accepted)];

describe('the stats fold and 延期申请', () => {
  it('holds a resolution after the ladder deadline but before an approved extension on time', () => {
    const late = [...taken, line('resolve', 90, accepted, resolved)];
    expect(isOnTime(resolution(late))).toBe(false);
    const extended = [
      ...taken,
      line('extendRequest', 60, accepted, accepted),
      line('extend', 62, accepted, accepted, 100),
      line('resolve', 90, accepted, resolved),
    ];
    expect(resolution(extended).dueAt).toEqual(at(100));
    expect(isOnTime(resolution(extended))).toBe(true);
    // Past the extended date too: late.
    const tooLate = [...taken, line('extend', 62, accepted, accepted, 100), line('resolve', 101, accepted, resolved)];
    expect(isOnTime(resolution(tooLate))).toBe(false);
  });

  it('counts nothing for a request or a refusal, and the deadline stays the ladder’s', () => {
    const refused = [
      ...taken,
      line('extendRequest', 60, accepted, accepted),
      line('extendRefused', 61, accepted, accepted),
      line('resolve', 70, accepted, resolved),
    ];
    expect(events(refused)).toEqual(['create', 'accept', 'resolve']);
    expect(petitionChanges(doc(refused), 0, defaultLadderConfig)).toEqual(
      petitionChanges(doc([...taken, line('resolve', 70, accepted, resolved)]), 0, defaultLadderConfig),
    );
    expect(events([...taken, line('extend', 62, accepted, accepted, 100), line('resolve', 90, accepted, resolved)])).toEqual([
      'create',
      'accept',
      'resolve',
    ]);
  });

  it('an extension of an earlier step moves nothing after the case moved on', () => {
    // Extended at the grid, then handed up: the community's step has the ladder's own clock (72 h from hour 20).
    const moved = [
      ...taken,
      line('extend', 10, accepted, accepted, 200),
      line('escalate', 20, accepted, community),
      line('accept', 21, community, communityTaken),
      line('resolve', 150, communityTaken, { status: 'resolved', level: 'community' }),
    ];
    expect(resolution(moved).dueAt).toEqual(at(21 + 72));
    expect(isOnTime(resolution(moved))).toBe(false);
  });

  it('folds on from a count that included the extension lines', () => {
    const h = [
      ...taken,
      line('extendRequest', 60, accepted, accepted),
      line('extend', 62, accepted, accepted, 100),
      line('resolve', 90, accepted, resolved),
    ];
    const later = petitionChanges(doc(h), 4, defaultLadderConfig);
    expect(later.map((c) => (c.kind === 'petition' ? c.event : c.kind))).toEqual(['resolve']);
    expect(later[0]).toMatchObject({ dueAt: at(100) });
  });
});
