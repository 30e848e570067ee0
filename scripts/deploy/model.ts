/**
 * What a deployment is made of, as the deploy compares it: the repository's wish (desired.ts) and what the cloud
 * environment holds (remote.ts reads it), both in these shapes, so the plan between them is a pure function.
 */

/** A key's direction, or `2dsphere` for a geo index (petitions' `geo`: 附近的相似诉求). */
export type IndexKeys = Record<string, 1 | -1 | '2dsphere'>;

export interface IndexSpec {
  name: string;
  keys: IndexKeys;
  unique?: boolean;
}

export interface TriggerSpec {
  name: string;
  type: 'timer';
  /** CloudBase's seven-field cron: second minute hour day month weekday year. */
  config: string;
}

export interface FunctionSpec {
  name: string;
  /** The built, deployable folder (dist/cloudfunctions/<name>). */
  dir: string;
  /** Seconds (the cloud's default is 3). */
  timeout: number;
  /** Every variable Linli sets on the function (the code hash among them). */
  env: Record<string, string>;
  triggers: TriggerSpec[];
  /** sha256 of the bundle and its package.json: recorded on the function as LINLI_CODE_HASH. */
  codeHash: string;
}

export interface AppSpec {
  /** The built mini-program (project root with project.config.json). */
  dir: string;
  version: string;
  desc: string;
  /** sha256 over the built mini-program's files: an unchanged build is not uploaded again. */
  hash: string;
}

export interface Desired {
  collections: { name: string; indexes: IndexSpec[] }[];
  functions: FunctionSpec[];
  app: AppSpec | null;
}

export interface RemoteFunction {
  timeout: number;
  env: Record<string, string>;
  triggers: TriggerSpec[];
}

/** What the cloud environment holds now (and the last upload of the app this machine made). */
export interface Remote {
  collections: Record<string, { indexes: IndexSpec[]; permission: string | null }>;
  functions: Record<string, RemoteFunction>;
  app: { version: string; hash: string } | null;
  /** Migration steps the migrate function has not finished (asked with `migrate.status`; none without it). */
  migrationsPending?: string[];
}

/** The permission every collection has: only the functions (the admin side) read and write; clients never do. */
export const SERVER_ONLY = 'ADMINONLY';

/** The variable that says which build a function runs, and marks it as deployed by this tool. */
export const CODE_HASH = 'LINLI_CODE_HASH';

export const parts = ['indexes', 'functions', 'app'] as const;
export type Part = (typeof parts)[number];

export type Step =
  | { part: 'indexes'; kind: 'createCollection'; collection: string }
  | { part: 'indexes'; kind: 'setPermission'; collection: string; from: string | null }
  | { part: 'indexes'; kind: 'createIndex'; collection: string; index: IndexSpec }
  | { part: 'indexes'; kind: 'dropIndex'; collection: string; index: string; why: string }
  | { part: 'functions'; kind: 'uploadFunction'; fn: FunctionSpec; isNew: boolean }
  | { part: 'functions'; kind: 'configureFunction'; name: string; timeout: number; env: Record<string, string>; changed: string[] }
  | { part: 'functions'; kind: 'deleteTrigger'; name: string; trigger: string }
  | { part: 'functions'; kind: 'createTriggers'; name: string; triggers: TriggerSpec[] }
  | { part: 'functions'; kind: 'deleteFunction'; name: string }
  | { part: 'functions'; kind: 'migrate'; name: string }
  | { part: 'app'; kind: 'uploadApp'; app: AppSpec };

export interface Plan {
  steps: Step[];
  /** What was compared and needs nothing (for the "left alone" list). */
  unchanged: string[];
  /** What is there but not Linli's to change (collections and functions the repository does not name). */
  foreign: string[];
}
