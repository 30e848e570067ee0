import { CODE_HASH, SERVER_ONLY, type Desired, type IndexSpec, type Part, type Plan, type Remote, type Step, type TriggerSpec } from './model';

const sameKeys = (a: IndexSpec, b: IndexSpec) =>
  JSON.stringify(Object.entries(a.keys)) === JSON.stringify(Object.entries(b.keys)) && !!a.unique === !!b.unique;
const sameTrigger = (a: TriggerSpec, b: TriggerSpec) => a.type === b.type && a.config.trim() === b.config.trim();

/** MongoDB's own index on _id: always there, never Linli's to drop. */
const BUILT_IN_INDEX = '_id_';

function planIndexes(desired: Desired, remote: Remote, plan: Plan): void {
  for (const { name, indexes } of desired.collections) {
    const there = remote.collections[name];
    if (!there) plan.steps.push({ part: 'indexes', kind: 'createCollection', collection: name });
    if (there?.permission !== SERVER_ONLY)
      plan.steps.push({ part: 'indexes', kind: 'setPermission', collection: name, from: there?.permission ?? null });
    const existing = new Map((there?.indexes ?? []).map((i) => [i.name, i]));
    for (const index of indexes) {
      const old = existing.get(index.name);
      if (old && sameKeys(old, index)) {
        plan.unchanged.push(`index ${name}.${index.name}`);
        continue;
      }
      // An index changes by being dropped and made again under its name (the cloud cannot alter one).
      if (old) plan.steps.push({ part: 'indexes', kind: 'dropIndex', collection: name, index: index.name, why: 'its keys changed' });
      plan.steps.push({ part: 'indexes', kind: 'createIndex', collection: name, index });
    }
    const wanted = new Set(indexes.map((i) => i.name));
    for (const old of there?.indexes ?? []) {
      if (old.name === BUILT_IN_INDEX || wanted.has(old.name)) continue;
      plan.steps.push({ part: 'indexes', kind: 'dropIndex', collection: name, index: old.name, why: 'no longer in database/indexes.json' });
    }
    if (there && there.permission === SERVER_ONLY) plan.unchanged.push(`collection ${name}`);
  }
  // A collection the file no longer names keeps its data: dropping one is a decision for a person, not a deploy.
  const named = new Set(desired.collections.map((c) => c.name));
  for (const name of Object.keys(remote.collections)) if (!named.has(name)) plan.foreign.push(`collection ${name}`);
}

function planFunctions(desired: Desired, remote: Remote, plan: Plan): void {
  for (const fn of desired.functions) {
    const there = remote.functions[fn.name];
    if (!there || there.env[CODE_HASH] !== fn.codeHash) plan.steps.push({ part: 'functions', kind: 'uploadFunction', fn, isNew: !there });
    else plan.unchanged.push(`function ${fn.name} (code)`);
    // The variables Linli sets; others someone set in the console are kept as they are.
    const env = { ...there?.env, ...fn.env };
    const changed = Object.keys(fn.env).filter((k) => there?.env[k] !== fn.env[k]);
    if (there?.timeout !== fn.timeout) changed.push('timeout');
    if (changed.length > 0) plan.steps.push({ part: 'functions', kind: 'configureFunction', name: fn.name, timeout: fn.timeout, env, changed });
    else plan.unchanged.push(`function ${fn.name} (config)`);
    const before = new Map((there?.triggers ?? []).map((t) => [t.name, t]));
    const create: TriggerSpec[] = [];
    for (const trigger of fn.triggers) {
      const old = before.get(trigger.name);
      if (old && sameTrigger(old, trigger)) {
        plan.unchanged.push(`trigger ${fn.name}.${trigger.name}`);
        continue;
      }
      // A timer changes by being deleted and created again under its name.
      if (old) plan.steps.push({ part: 'functions', kind: 'deleteTrigger', name: fn.name, trigger: trigger.name });
      create.push(trigger);
    }
    const wanted = new Set(fn.triggers.map((t) => t.name));
    for (const old of there?.triggers ?? [])
      if (!wanted.has(old.name)) plan.steps.push({ part: 'functions', kind: 'deleteTrigger', name: fn.name, trigger: old.name });
    if (create.length > 0) plan.steps.push({ part: 'functions', kind: 'createTriggers', name: fn.name, triggers: create });
  }
  // A function Linli deployed (it carries the code hash) that the repository no longer has goes; others stay.
  const named = new Set(desired.functions.map((f) => f.name));
  for (const [name, fn] of Object.entries(remote.functions)) {
    if (named.has(name)) continue;
    if (fn.env[CODE_HASH]) plan.steps.push({ part: 'functions', kind: 'deleteFunction', name });
    else plan.foreign.push(`function ${name}`);
  }
  // New code may need the documents reshaped: the migrate function runs after every upload, and whenever steps are
  // left unfinished (a deploy stopped during them); its steps are idempotent.
  const migrate = desired.functions.find((f) => f.name === 'migrate');
  const pending = (remote.migrationsPending ?? []).length > 0;
  if (migrate && (pending || plan.steps.some((s) => s.kind === 'uploadFunction')))
    plan.steps.push({ part: 'functions', kind: 'migrate', name: migrate.name });
  else if (migrate) plan.unchanged.push('migrations (all finished)');
}

function planApp(desired: Desired, remote: Remote, plan: Plan): void {
  if (!desired.app) return;
  const last = remote.app;
  if (last && last.version === desired.app.version && last.hash === desired.app.hash) plan.unchanged.push(`mini-program ${desired.app.version}`);
  else plan.steps.push({ part: 'app', kind: 'uploadApp', app: desired.app });
}

/**
 * What a deploy does to bring the cloud environment to the repository's state, in the order it does it: collections,
 * their permission and indexes first (new code may query a new index), then the functions (code, settings, timers),
 * the migrations, and the mini-program last (it calls the functions). Nothing in it when nothing differs: a second
 * run after a successful one plans no step.
 */
export function planDeploy(desired: Desired, remote: Remote, only: readonly Part[] = ['indexes', 'functions', 'app']): Plan {
  const plan: Plan = { steps: [], unchanged: [], foreign: [] };
  if (only.includes('indexes')) planIndexes(desired, remote, plan);
  if (only.includes('functions')) planFunctions(desired, remote, plan);
  if (only.includes('app')) planApp(desired, remote, plan);
  return plan;
}

/** One line per step, in Chinese and English names a contractor can check against the console. */
export function describeStep(step: Step): string {
  switch (step.kind) {
    case 'createCollection':
      return `create collection ${step.collection}`;
    case 'setPermission':
      return `set permission of ${step.collection} to ${SERVER_ONLY} (仅管理端可读写; was ${step.from ?? 'none'})`;
    case 'createIndex':
      return `create index ${step.collection}.${step.index.name} ${JSON.stringify(step.index.keys)}${step.index.unique ? ' unique' : ''}`;
    case 'dropIndex':
      return `drop index ${step.collection}.${step.index} (${step.why})`;
    case 'uploadFunction':
      return `${step.isNew ? 'create' : 'update'} function ${step.fn.name} (code ${step.fn.codeHash.slice(0, 12)}, 云端安装依赖)`;
    case 'configureFunction':
      return `configure function ${step.name}: timeout ${step.timeout} s; changed ${step.changed.join(', ')}`;
    case 'deleteTrigger':
      return `delete timer ${step.name}.${step.trigger}`;
    case 'createTriggers':
      return `create timers ${step.triggers.map((t) => `${step.name}.${t.name} "${t.config}"`).join(', ')}`;
    case 'deleteFunction':
      return `delete function ${step.name} (no longer in cloudfunctions/)`;
    case 'migrate':
      return `run the migrations (function ${step.name})`;
    case 'uploadApp':
      return `upload mini-program ${step.app.version} (${step.app.desc})`;
  }
}
