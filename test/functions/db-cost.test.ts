// What each action of the main flows costs the database (issue 10), measured by the emulator's meter. The
// table goes to test-results/db-cost.json for the write-path work to compare; the counts are asserted
// where the code already meets its budget, so none of those can creep back over it.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../helpers/emulator';
import { useEmulator } from './call';
import { BUDGET, budgetOf, costTable, measureMainFlows, type ActionCost } from './cost-flows';

const env = useEmulator();

// Within budget today (a page read ≤ 3 requests, any other action ≤ 8). Add an action here once the
// write path brings it within its budget; the others are printed by the table as over budget.
const WITHIN_BUDGET = [
  'wish.listQueue',
  'wish.approve',
  'wish.listWall',
  'wish.claim',
  'wish.listTasks',
  'wish.checkIn',
  'wish.complete',
  'wish.listMine',
  'petition.listQueue',
  'petition.accept (community)',
  'petition.resolve',
  'petition.rate',
  'petition.listMine',
  'points.history',
  'mall.listItems',
  'points.issueCode',
  'merchant.scan',
  'points.reconcile',
  'points.ranking',
  'user.joinPlaces',
  'user.applications',
  'user.reviewJoin',
];

let costs: ActionCost[];
beforeAll(async () => {
  await env.emu.reset();
  costs = await measureMainFlows(env.emu);
  const dir = join(repoRoot, 'test-results');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'db-cost.json'), `${JSON.stringify({ budget: BUDGET, actions: costs }, null, 2)}\n`);
  console.log(costTable(costs).join('\n'));
}, 120_000);

const costOf = (label: string) => costs.find((c) => c.label === label)!;

test('every action of the main flows is measured, each read and write counted by the meter', () => {
  for (const action of ['wish.confirm', 'petition.accept (grid)', 'points.partyEntry', 'mall.order', 'merchant.charge', 'points.ranking']) {
    expect(costOf(action)).toBeDefined();
  }
  for (const cost of costs) {
    expect(cost.requests).toBeGreaterThan(0);
    expect(cost.examined).toBeGreaterThanOrEqual(cost.read);
  }
  expect(costOf('wish.create').written).toBeGreaterThan(0);
});

test('no query of the main flows is uncovered or flagged by the meter', () => {
  expect(costs.filter((c) => c.flagged > 0).map((c) => c.label)).toEqual([]);
});

test.each(WITHIN_BUDGET)('%s stays within its budget of DB requests', (label) => {
  expect(costOf(label).requests).toBeLessThanOrEqual(budgetOf(costOf(label)));
});
