import { petitionChanges } from '../../cloudfunctions/report/stat-changes';
import type { PetitionDoc } from '../../cloudfunctions/petition/petition-repo';
import { defaultLadderConfig } from '../../src/shared/domain/petition-ladder';
import type { PetitionStep } from '../../src/shared/domain/petition-rules';

const HOUR = 3600_000;
const t0 = Date.parse('2026-03-02T01:00:00.000Z');
const at = (hours: number) => new Date(t0 + hours * HOUR);
const line = (event: PetitionStep['event'], hours: number, from: PetitionStep['from'], to: PetitionStep['to']): PetitionStep => ({
  event,
  by: 'someone',
  byName: '某人',
  at: at(hours),
  from,
  to,
  departmentId: null,
  note: null,
  automatic: false,
});

const pending = { status: 'pending', level: 'grid' } as const;
const accepted = { status: 'accepted', level: 'grid' } as const;
const resolved = { status: 'resolved', level: 'grid' } as const;

/** 王秀英's ramp taken by the grid an hour in and resolved 30 hours in; `urged` adds her 催办 lines in between. */
function ramp(urged: boolean): PetitionDoc {
  const history = [
    line('create', 0, null, pending),
    line('accept', 1, pending, accepted),
    ...(urged ? [line('urge', 20, accepted, accepted), line('urge', 26, accepted, accepted)] : []),
    line('resolve', 30, accepted, resolved),
  ];
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

describe('the stats fold and 催办', () => {
  it('counts nothing for an urge and holds the resolution to the deadline of the step before it', () => {
    const plain = petitionChanges(ramp(false), 0, defaultLadderConfig);
    const urged = petitionChanges(ramp(true), 0, defaultLadderConfig);
    expect(urged).toEqual(plain);
    expect(urged.map((c) => (c.kind === 'petition' ? c.event : c.kind))).toEqual(['create', 'accept', 'resolve']);
  });

  it('folds on after an urge already counted: the steps counted include the urge lines', () => {
    const doc = ramp(true);
    // The fold counted create, accept and the first urge; the second urge and the resolution are new.
    const later = petitionChanges(doc, 3, defaultLadderConfig);
    expect(later.map((c) => (c.kind === 'petition' ? c.event : c.kind))).toEqual(['resolve']);
    expect(later).toEqual(petitionChanges(ramp(false), 2, defaultLadderConfig));
  });
});
