import cloud from 'wx-server-sdk';

// DYNAMIC_CURRENT_ENV: the function talks to the environment it is deployed in (locally: the emulator).
cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV as unknown as string });

export { cloud };

/** The SDK's own typings describe the old callback API; inside _lib we talk to it through this loose view. */
export type Loose = any;

export const db: Loose = cloud.database();
export const _ = db.command;

export const collections = {
  users: 'users',
  orgUnits: 'org_units',
  categories: 'categories',
  wishes: 'wishes',
  requests: 'requests',
  notifications: 'notifications',
  subscriptions: 'subscriptions',
} as const;
