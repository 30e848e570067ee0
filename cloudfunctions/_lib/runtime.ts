import cloud from 'wx-server-sdk';

// DYNAMIC_CURRENT_ENV: the function talks to the environment it is deployed in (locally: the emulator).
cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV as unknown as string });

export { cloud };

/** The SDK's own typings describe the old callback API; inside _lib we talk to it through this loose view. */
export type Loose = any;

// A missing document reads as null rather than an exception, so "not found" is an answer, not an error.
export const db: Loose = cloud.database({ throwOnNotFound: false } as Loose);
export const _ = db.command;

export const collections = {
  users: 'users',
  orgUnits: 'org_units',
  orgNames: 'org_names',
  categories: 'categories',
  wishes: 'wishes',
  requests: 'requests',
  notifications: 'notifications',
  subscriptions: 'subscriptions',
  postings: 'postings',
  balances: 'balances',
  reconciliations: 'reconciliations',
  ledgerCheckpoints: 'ledger_checkpoints',
  reconcileJobs: 'reconcile_jobs',
  partyTallies: 'party_tallies',
  pointRules: 'point_rules',
  pointItems: 'point_items',
  partyEntries: 'party_entries',
  partyMonths: 'party_months',
  mallItems: 'mall_items',
  mallOrders: 'mall_orders',
  petitions: 'petitions',
  petitionCosigns: 'petition_cosigns',
  petitionCategories: 'petition_categories',
  departments: 'departments',
  petitionSettings: 'petition_settings',
  merchantApplications: 'merchant_applications',
  shops: 'shops',
  pointsCodes: 'points_codes',
  merchantCharges: 'merchant_charges',
  merchantTallies: 'merchant_tallies',
  merchantChecks: 'merchant_checks',
  shopInspections: 'shop_inspections',
  shopRatings: 'shop_ratings',
  roleLog: 'role_log',
  rosterEntries: 'roster_entries',
  rosterHeads: 'roster_heads',
  rosterImports: 'roster_imports',
  posts: 'posts',
  postShifts: 'post_shifts',
  postRatings: 'post_ratings',
  postRatingTallies: 'post_rating_tallies',
  joinApplications: 'join_applications',
  memberReports: 'member_reports',
  unitReports: 'unit_reports',
  helperBindings: 'helper_bindings',
} as const;
