// What each action of the main flows costs the database (issue 10), measured by the emulator's meter. The
// table goes to test-results/db-cost.json for the write-path work to compare; the counts are asserted
// where the code already meets its budget, so none of those can creep back over it.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../helpers/emulator';
import { useEmulator } from './call';
import { BUDGET, budgetOf, costTable, measureMainFlows, type ActionCost } from './cost-flows';

const env = useEmulator();

// Within budget today (a page read ≤ 3 requests, any other action ≤ 8), as a running community pays it: the
// second pass of the flows (cost-flows.ts measureMainFlows: the first pass, cold instances and accounts not yet
// opened, is printed beside it). Add an action here once the write path brings it within its budget; the
// others are printed by the table as over budget.
const WITHIN_BUDGET = [
  'wish.create',
  'wish.listQueue',
  'wish.approve',
  'wish.listWall',
  'wish.claim',
  'wish.listTasks',
  'wish.checkIn',
  'wish.complete',
  'wish.confirm',
  'wish.listMine',
  'petition.create',
  'petition.create (roster proxy)',
  'petition.listQueue',
  'petition.escalate',
  'petition.accept (community)',
  'petition.resolve',
  'petition.rate',
  'petition.listMine',
  'points.award',
  'points.deduct',
  'points.partyEntry',
  'points.award (virtue)',
  'points.history',
  'mall.listItems',
  'points.issueCode',
  'merchant.scan',
  'merchant.history',
  'points.reconcile',
  'points.ranking',
  'report.dashboard',
  'org.upsertUnit',
  'org.retireUnit',
  'org.buildingCode',
  'role.people',
  'role.grant',
  'role.revoke',
  'role.log',
  'post.publish',
  'post.list',
  'post.claim',
  'post.checkIn',
  'post.checkOut',
  'post.shifts',
  'post.rate',
  'post.memberStats',
  'post.correct',
  'post.leave',
  'post.close',
  'user.joinPlaces',
  'user.applications',
  'user.reviewJoin',
  'member.report',
  'member.mine',
  'member.list',
  'member.reviewReport',
  'unit.report',
  'unit.list',
  'unit.review',
  'unit.evaluate',
  // 我的数据: the calls record a job (the export: the caller, the job, its write; 注销: the caller, the duties in
  // two queries, start, the job, the user removed, the retry record, commit); the myData timer does the rest.
  'user.exportMine',
  'user.deleteMine',
  'helper.request',
  'helper.list',
  'helper.consent',
  'wish.create (grid worker)',
  'wish.listMine (filed)',
  'helper.end',
  'family.invite',
  'family.codes',
  'family.join',
  'family.members',
  'family.revoke',
  'notify.messages',
  'notify.unread',
  'notify.read',
];

// Over the budget still, each held at what its write path needs today so it cannot creep up unnoticed (warm
// pass). What the requests are, and why each is needed:
const OVER_BUDGET: Record<string, number> = {
  // caller; start, commit; the case (read, write); the reporter's credit (posting, balance); the reporter's consent
  // to be told (their grant, read when the notice is queued); the retry record. (The reporter's contacts are kept
  // on the case when filed; the issuer keeps no balance.) A resident's grant is one-time — given by a tap at any
  // moment, spent by any send — so it cannot be kept warm like staff's long-term ones, and no document read here
  // holds it. The retry record stays: a retry long after, with the case moved on, must get its own first reply
  // (petition-authz.test.ts), which the case's timeline line could not give back. Left: consent taken per case
  // with the filing (petition.create carrying what the tap accepted) or notices carried on the case itself.
  'petition.accept (grid)': 9,
  // caller; start, commit; the item (read, write: stock); the payment (posting, the buyer's balance read and
  // written: no overdraft); the order. The order is its own retry record (no request document on success). Each
  // of the nine is a document the order must read or write: under 8 needs the order and its posting to be one
  // document (the ledger's postings are immutable, an order's status moves) or the stock kept where the
  // payment writes anyway — neither is true of this data model.
  'mall.order': 9,
  // caller; start, commit; the shop's virtue balance, which keeps its desk (suspension, name, today's total: read,
  // and written once with the shop's credit); the resident's virtue balance (read and written with the payment:
  // no overdraft, the daily cap, the code's single use — the code is sealed and stored nowhere else); the
  // payment's posting; the charge, which is the call's retry record. 8 needs the charge and its posting to be one
  // document (the ledger's postings are immutable, a charge's status moves). A shop's first charge since desks
  // came reads and clears the shop's own day once more (the first pass).
  'merchant.charge': 9,
  // 入驻 by application: the caller (none yet); the roster rows of the person (the head only when there are some);
  // start, commit; the application inserted (no read first); the grid worker's consent (long-term grants kept
  // warm); the retry record carrying the notice; and whether a 注销 of this WeChat is still clearing its records
  // (the erasure job by id: joining again must wait for it, or the job would erase the new person's records).
  'user.join': 9,
  // 代办人 files for the parent: the caller; the binding (is it theirs, active?) and the parent's profile (their
  // home, phone and room as filed: a move of the parent must move where the helper files), two reads by id the
  // caller's own filing does not need; then what the caller's own wish or case costs (a case also reads the
  // building). Keeping the parent's home on the binding would save one, but a move would then file at the old home.
  'wish.create (helper)': 9,
  'petition.create (helper)': 10,
  // The org function's tree page: caller; the parent (scope, the page's header); a page of children; people, open
  // wishes and open petitions per child (three grouped counts, one per collection). 3 needs the counts kept as
  // tallies by the writers, in their transactions: a case opened or closed (红色代办 from the roster at 8,
  // wish.confirm at 8) and a person placed (user.reviewJoin at 8) would each pay one more request and go over;
  // counts kept warm would miss a change for a minute (org-tree.test.ts: a new wish counts at once).
  'org.tree': 6,
};

let costs: ActionCost[];
beforeAll(async () => {
  await env.emu.reset();
  costs = await measureMainFlows(env.emu);
  const dir = join(repoRoot, 'test-results');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'db-cost.json'), `${JSON.stringify({ budget: BUDGET, actions: costs }, null, 2)}\n`);
  console.log(costTable(costs).join('\n'));
}, 240_000);

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

test.each(Object.entries(OVER_BUDGET))('%s, over budget, costs no more than its %d DB requests', (label, most) => {
  expect(costOf(label).requests).toBeLessThanOrEqual(most);
});

test('a month’s first rating of a member (the first pass: their month tally is created) stays within budget too', () => {
  expect(costOf('post.rate').first).toBeLessThanOrEqual(BUDGET.action);
});

test('every action of the main flows is either within budget or held at what it needs', () => {
  const held = new Set([...WITHIN_BUDGET, ...Object.keys(OVER_BUDGET)]);
  expect(costs.map((c) => c.label).filter((label) => !held.has(label))).toEqual([]);
});
