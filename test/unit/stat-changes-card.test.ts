import { petitionChanges } from '../../cloudfunctions/report/stat-changes';
import type { PetitionDoc } from '../../cloudfunctions/petition/petition-repo';
import type { CardColor } from '../../src/shared/domain/petition-cards';
import { defaultLadderConfig } from '../../src/shared/domain/petition-ladder';
import type { PetitionStep } from '../../src/shared/domain/petition-rules';
import { deltasOf, sumCounters, summarizePetitions, type Counters } from '../../src/shared/domain/stats';

const HOUR = 3600_000;
const t0 = Date.parse('2026-03-02T01:00:00.000Z');
const at = (hours: number) => new Date(t0 + hours * HOUR);
type Where = NonNullable<PetitionStep['from']>;
const line = (event: PetitionStep['event'], hours: number, from: Where | null, to: Where, extra: Partial<PetitionStep> = {}): PetitionStep => ({
  event,
  by: 'system',
  byName: '系统',
  at: at(hours),
  from,
  to,
  departmentId: null,
  note: null,
  automatic: true,
  ...extra,
});
const card = (color: CardColor, hours: number, where: Where, departmentId: string | null = null) =>
  line('card', hours, where, where, { card: color, departmentId });

const pending = { status: 'pending', level: 'grid' } as const;
const accepted = { status: 'accepted', level: 'grid' } as const;
const resolved = { status: 'resolved', level: 'grid' } as const;
const atDept = { status: 'pending', level: 'department' } as const;

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

const counters = (history: PetitionStep[], counted = 0): Counters =>
  sumCounters(petitionChanges(doc(history), counted, defaultLadderConfig).flatMap((c) => Object.values(deltasOf(c))));

describe('the stats fold and 督办 cards', () => {
  const plain = [line('create', 0, null, pending), line('accept', 1, pending, accepted), line('resolve', 30, accepted, resolved)];
  const carded = [
    line('create', 0, null, pending),
    card('yellow', 12, pending),
    line('accept', 13, pending, accepted),
    card('yellow', 50, accepted),
    card('red', 60, accepted),
    line('resolve', 70, accepted, resolved),
  ];

  it('counts each card issued at its level, and nothing else changes (no gauge, no deadline)', () => {
    const c = counters(carded);
    expect(c['p.card.yellow.grid']).toBe(2);
    expect(c['p.card.red.grid']).toBe(1);
    const without = counters(carded.filter((s) => s.event !== 'card'));
    const rest = Object.fromEntries(Object.entries(c).filter(([k]) => !k.startsWith('p.card.')));
    expect(rest).toEqual(without);
    expect(Object.keys(counters(plain)).some((k) => k.includes('card'))).toBe(false);
  });

  it('counts a department’s cards under the department, and the dashboard sums them', () => {
    const history = [line('create', 0, null, pending), card('red', 5, atDept, 'dept-housing'), card('yellow', 6, atDept, 'dept-urban')];
    const sum = summarizePetitions(counters(history));
    expect(sum.cards.red).toMatchObject({ department: 1, grid: 0 });
    expect(sum.cards.yellow.department).toBe(1);
    expect(sum.departmentCards).toEqual([
      { id: 'dept-housing', yellow: 0, red: 1 },
      { id: 'dept-urban', yellow: 1, red: 0 },
    ]);
  });

  it('folds on after a card already counted, as the verify job recomputes from the start', () => {
    const all = counters(carded);
    const firstFold = counters(carded.slice(0, 3));
    const later = counters(carded, 3);
    const both = sumCounters([firstFold, later]);
    for (const k of Object.keys(all)) expect(both[k]).toBeCloseTo(all[k]);
  });
});
