import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { desiredCollections, desiredFunctions } from '../../scripts/deploy/desired';
import { CODE_HASH, SERVER_ONLY, type Desired, type Remote, type Step, type TriggerSpec } from '../../scripts/deploy/model';
import { describeStep, planDeploy } from '../../scripts/deploy/plan';
import { applyStep, readRemote, type Ci, type Manager } from '../../scripts/deploy/remote';
import { functionEnv, missingReport, readSettings, settingSpecs, templateKeys } from '../../scripts/deploy/settings';

const repoRoot = resolve(__dirname, '../..');

/** An in-memory cloud environment behind the same calls the deploy makes to manager-node and miniprogram-ci. */
/** `migrate`: what the migrate function answers, call after call (then done); the reply is `{ ok, data | code, message }`. */
function fakeCloud(migrate: unknown[] = []) {
  /** The steps the deployed migrate function has not finished (what `migrate.status` answers). */
  const migrating = { pending: ['001-work-grids'] };
  const collections = new Map<string, { indexes: Map<string, { keys: [string, string][]; unique: boolean }>; permission: string | null }>();
  const functions = new Map<string, { timeout: number; env: Record<string, string>; triggers: Map<string, string>; uploads: number }>();
  const calls: string[] = [];
  const manager: Manager = {
    database: {
      listCollections: async ({ MgoLimit = 100, MgoOffset = 0 } = {}) => {
        const names = [...collections.keys()];
        return {
          Collections: names.slice(MgoOffset, MgoOffset + MgoLimit).map((CollectionName) => ({ CollectionName })),
          Pager: { Total: names.length },
        };
      },
      describeCollection: async (name) => ({
        Indexes: [...collections.get(name)!.indexes].map(([Name, i]) => ({
          Name,
          Keys: i.keys.map(([n, d]) => ({ Name: n, Direction: d })),
          Unique: i.unique,
        })),
      }),
      createCollectionIfNotExists: async (name) => {
        calls.push(`createCollection ${name}`);
        if (!collections.has(name))
          collections.set(name, { indexes: new Map([['_id_', { keys: [['_id', '1']], unique: true }]]), permission: 'PRIVATE' });
      },
      updateCollection: async (name, info) => {
        const c = collections.get(name)!;
        for (const d of info.DropIndexes ?? []) {
          calls.push(`dropIndex ${name}.${d.IndexName}`);
          c.indexes.delete(d.IndexName);
        }
        for (const i of info.CreateIndexes ?? []) {
          calls.push(`createIndex ${name}.${i.IndexName}`);
          if (c.indexes.has(i.IndexName)) throw new Error('index exists');
          c.indexes.set(i.IndexName, { keys: i.MgoKeySchema.MgoIndexKeys.map((k) => [k.Name, k.Direction]), unique: i.MgoKeySchema.MgoIsUnique });
        }
      },
    },
    permission: {
      describeResourcePermission: async ({ resources = [] }) => ({
        PermissionList: resources.map((r) => ({ Resource: r, Permission: collections.get(r)?.permission ?? undefined })),
      }),
      modifyResourcePermission: async ({ resource, permission }) => {
        calls.push(`permission ${resource}`);
        collections.get(resource)!.permission = permission;
      },
    },
    functions: {
      listFunctions: async (limit = 100, offset = 0) => [...functions.keys()].slice(offset, offset + limit).map((FunctionName) => ({ FunctionName })),
      getFunctionDetail: async (name) => {
        const f = functions.get(name)!;
        return {
          Timeout: f.timeout,
          Environment: { Variables: Object.entries(f.env).map(([Key, Value]) => ({ Key, Value })) },
          Triggers: [...f.triggers].map(([TriggerName, cron]) => ({ TriggerName, Type: 'timer', TriggerDesc: JSON.stringify({ cron }) })),
        };
      },
      updateFunctionConfig: async ({ name, timeout, envVariables }) => {
        calls.push(`configure ${name}`);
        Object.assign(functions.get(name)!, { timeout, env: { ...envVariables } });
      },
      deleteFunctionTrigger: async (name, trigger) => {
        calls.push(`deleteTrigger ${name}.${trigger}`);
        functions.get(name)!.triggers.delete(trigger);
      },
      deleteFunction: async (name) => {
        calls.push(`deleteFunction ${name}`);
        functions.delete(name);
      },
      invokeFunction: async (name, params) => {
        if (params?.action === 'migrate.status') return { RetMsg: JSON.stringify({ ok: true, data: { pending: migrating.pending } }) };
        calls.push(`invoke ${name}`);
        const reply = (migrate.shift() ?? { ok: true, data: { done: true, ran: [] } }) as { ok: boolean; data?: { done?: boolean } };
        if (reply.ok && reply.data?.done) migrating.pending = [];
        return { RetMsg: JSON.stringify(reply) };
      },
    },
  };
  const ci: Ci = {
    upload: async ({ version }) => void calls.push(`uploadApp ${version}`),
    cloud: {
      uploadFunction: async ({ name, remoteNpmInstall }) => {
        calls.push(`uploadFunction ${name}`);
        expect(remoteNpmInstall).toBe(true);
        const f = functions.get(name) ?? { timeout: 3, env: {}, triggers: new Map<string, string>(), uploads: 0 };
        f.uploads += 1;
        functions.set(name, f);
      },
      createTimeTrigger: async ({ functionName, triggersConfig }) => {
        const f = functions.get(functionName)!;
        for (const t of triggersConfig) {
          calls.push(`createTrigger ${functionName}.${t.name}`);
          if (f.triggers.has(t.name)) return '请检查传入的 triggersConfig 是否符合格式';
          f.triggers.set(t.name, t.config);
        }
        return '创建定时触发器成功';
      },
    },
  };
  return { manager, ci, calls, collections, functions };
}

const target = { envId: 'linli-prod', project: {}, robot: 1 };

async function deploy(cloud: ReturnType<typeof fakeCloud>, desired: Desired): Promise<Step[]> {
  const plan = planDeploy(desired, await readRemote(cloud.manager, null), ['indexes', 'functions']);
  for (const step of plan.steps) await applyStep(step, cloud.manager, cloud.ci, target);
  return plan.steps;
}

const timer = (name: string, config: string): TriggerSpec => ({ name, type: 'timer', config });
const fn = (name: string, code: string, triggers: TriggerSpec[] = [], timeout = 20) => ({
  name,
  dir: `/built/${name}`,
  timeout,
  env: { LINLI_CODE_SECRET: 's'.repeat(32), [CODE_HASH]: code },
  triggers,
  codeHash: code,
});

const base = (): Desired => ({
  collections: [
    { name: 'wishes', indexes: [{ name: 'status_created', keys: { status: 1, createdAt: -1 } }] },
    { name: 'users', indexes: [] },
  ],
  functions: [
    fn('wish', 'h1', [timer('sweep', '0 0 * * * * *')]),
    fn('report', 'r1', [timer('stats', '0 * * * * * *'), timer('verify', '0 0 4 * * * *')]),
  ],
  app: null,
});

describe('the deploy plan against the cloud environment (a fake of manager-node and miniprogram-ci)', () => {
  test('an empty environment gets every collection, server-only permission, index, function, setting and timer', async () => {
    const cloud = fakeCloud();
    const steps = await deploy(cloud, base());
    expect(steps.map((s) => s.kind)).toEqual([
      'createCollection',
      'setPermission',
      'createIndex',
      'createCollection',
      'setPermission',
      'uploadFunction',
      'configureFunction',
      'createTriggers',
      'uploadFunction',
      'configureFunction',
      'createTriggers',
    ]);
    expect(cloud.collections.get('wishes')!.permission).toBe(SERVER_ONLY);
    expect(cloud.functions.get('report')).toMatchObject({ timeout: 20, env: { [CODE_HASH]: 'r1' } });
    expect([...cloud.functions.get('report')!.triggers.keys()]).toEqual(['stats', 'verify']);
  });

  test('running it twice changes nothing the second time', async () => {
    const cloud = fakeCloud();
    await deploy(cloud, base());
    cloud.calls.length = 0;
    expect(await deploy(cloud, base())).toEqual([]);
    expect(cloud.calls).toEqual([]);
    const again = planDeploy(base(), await readRemote(cloud.manager, null));
    expect(again.unchanged).toEqual(expect.arrayContaining(['index wishes.status_created', 'collection users', 'trigger report.verify']));
  });

  test('a new index is planned as one index; nothing else moves', async () => {
    const cloud = fakeCloud();
    await deploy(cloud, base());
    const next = base();
    next.collections[1].indexes.push({ name: 'community_name', keys: { communityId: 1, name: 1 } });
    const steps = await deploy(cloud, next);
    expect(steps).toEqual([{ part: 'indexes', kind: 'createIndex', collection: 'users', index: next.collections[1].indexes[0] }]);
  });

  test('an index whose keys changed is dropped and made again; one gone from the file is dropped; _id_ stays', async () => {
    const cloud = fakeCloud();
    await deploy(cloud, base());
    const next = base();
    next.collections[0].indexes = [{ name: 'status_created', keys: { status: 1, createdAt: 1 } }];
    next.collections[1].indexes = [];
    await deploy(cloud, base());
    cloud.calls.length = 0;
    await deploy(cloud, next);
    expect(cloud.calls).toEqual(['dropIndex wishes.status_created', 'createIndex wishes.status_created']);
    const gone = base();
    gone.collections[0].indexes = [];
    cloud.calls.length = 0;
    await deploy(cloud, gone);
    expect(cloud.calls).toEqual(['dropIndex wishes.status_created']);
    expect([...cloud.collections.get('wishes')!.indexes.keys()]).toEqual(['_id_']);
  });

  test('a changed timer is deleted and created again; a removed one is deleted; the code is not uploaded again', async () => {
    const cloud = fakeCloud();
    await deploy(cloud, base());
    const next = base();
    next.functions[1].triggers = [timer('stats', '0 */2 * * * * *')];
    cloud.calls.length = 0;
    const steps = await deploy(cloud, next);
    expect(steps.map(describeStep)).toEqual([
      'delete timer report.stats',
      'delete timer report.verify',
      'create timers report.stats "0 */2 * * * * *"',
    ]);
    expect(cloud.functions.get('report')!.uploads).toBe(1);
    expect(Object.fromEntries(cloud.functions.get('report')!.triggers)).toEqual({ stats: '0 */2 * * * * *' });
  });

  test('new code is uploaded and its hash recorded; a new timeout or variable is set without an upload', async () => {
    const cloud = fakeCloud();
    await deploy(cloud, base());
    const next = base();
    next.functions[0] = fn('wish', 'h2', [timer('sweep', '0 0 * * * * *')]);
    next.functions[1] = { ...next.functions[1], timeout: 60, env: { ...next.functions[1].env, LINLI_TMPL_WISH_PROGRESS: 't-1' } };
    const steps = await deploy(cloud, next);
    expect(steps.map((s) => (s.kind === 'configureFunction' ? `${s.kind} ${s.name} ${s.changed.join(',')}` : `${s.kind}`))).toEqual([
      'uploadFunction',
      `configureFunction wish ${CODE_HASH}`,
      'configureFunction report LINLI_TMPL_WISH_PROGRESS,timeout',
    ]);
    expect(cloud.functions.get('wish')!.uploads).toBe(2);
    expect(cloud.functions.get('report')!.timeout).toBe(60);
  });

  test('a function removed from the repository is deleted; one Linli never deployed is left alone', async () => {
    const cloud = fakeCloud();
    await deploy(cloud, base());
    cloud.functions.set('someone-elses', { timeout: 3, env: {}, triggers: new Map(), uploads: 1 });
    const next = base();
    next.functions = next.functions.filter((f) => f.name !== 'report');
    const plan = planDeploy(next, await readRemote(cloud.manager, null));
    expect(plan.steps.map(describeStep)).toEqual(['delete function report (no longer in cloudfunctions/)']);
    expect(plan.foreign).toEqual(['function someone-elses']);
  });

  test('a collection the file no longer names keeps its data', async () => {
    const cloud = fakeCloud();
    await deploy(cloud, base());
    const next = base();
    next.collections = next.collections.filter((c) => c.name !== 'users');
    const plan = planDeploy(next, await readRemote(cloud.manager, null));
    expect(plan.steps).toEqual([]);
    expect(plan.foreign).toEqual(['collection users']);
  });

  test('after an upload the migrations run until the migrate function says they are done', async () => {
    const cloud = fakeCloud();
    const next = base();
    next.functions.push(fn('migrate', 'm1'));
    const steps = await deploy(cloud, next);
    expect(steps.at(-1)).toEqual({ part: 'functions', kind: 'migrate', name: 'migrate' });
    expect(cloud.calls.at(-1)).toBe('invoke migrate');
    expect((await deploy(cloud, next)).map((s) => s.kind)).toEqual([]);
  });

  test('each call of migrate does a page of work: the deploy calls again until done, and stops on a failure with its message', async () => {
    const notYet = { ok: true, data: { done: false, ran: [{ id: '001-work-grids', changed: 100, finished: false }] } };
    const cloud = fakeCloud([notYet, notYet]);
    const next = base();
    next.functions.push(fn('migrate', 'm1'));
    await deploy(cloud, next);
    expect(cloud.calls.filter((c) => c === 'invoke migrate')).toHaveLength(3);

    const failing = fakeCloud([notYet, { ok: false, code: 'INTERNAL', message: '迁移失败：Error: boom' }]);
    await expect(deploy(failing, next)).rejects.toThrow('迁移失败: 迁移失败：Error: boom');
    expect(failing.calls.filter((c) => c === 'invoke migrate')).toHaveLength(2);

    // The deploy stopped during the migrations: the next one uploads nothing, yet finishes them.
    failing.calls.length = 0;
    expect((await deploy(failing, next)).map((s) => s.kind)).toEqual(['migrate']);
    expect(failing.calls).toEqual(['invoke migrate']);
    expect(await deploy(failing, next)).toEqual([]);
  });

  test('--only plans one part; the mini-program is uploaded when its build or version changed', () => {
    const empty: Remote = { collections: {}, functions: {}, app: null };
    const desired = { ...base(), app: { dir: '/repo', version: '1.2.0', desc: 'x', hash: 'a1' } };
    expect(new Set(planDeploy(desired, empty, ['indexes']).steps.map((s) => s.part))).toEqual(new Set(['indexes']));
    expect(planDeploy(desired, empty, ['app']).steps.map((s) => s.kind)).toEqual(['uploadApp']);
    expect(planDeploy(desired, { ...empty, app: { version: '1.2.0', hash: 'a1' } }, ['app']).steps).toEqual([]);
    expect(planDeploy(desired, { ...empty, app: { version: '1.2.0', hash: 'b2' } }, ['app']).steps).toHaveLength(1);
  });
});

describe('what the repository asks for', () => {
  test('every collection of database/indexes.json with its indexes; a geo index keeps its 2dsphere key', async () => {
    const collections = desiredCollections(repoRoot);
    const geo = collections.find((c) => c.name === 'petitions')!.indexes.find((i) => Object.values(i.keys).includes('2dsphere'))!;
    expect(geo).toBeDefined();
    const cloud = fakeCloud();
    const desired = { collections: [{ name: 'petitions', indexes: [geo] }], functions: [], app: null };
    await deploy(cloud, desired);
    expect(cloud.collections.get('petitions')!.indexes.get(geo.name)!.keys).toEqual(Object.entries(geo.keys).map(([k, d]) => [k, String(d)]));
    expect(await deploy(cloud, desired)).toEqual([]);
    expect(collections.length).toBeGreaterThan(40);
    const users = collections.find((c) => c.name === 'users')!;
    expect(users.indexes.find((i) => i.name === 'building_room')).toEqual({ name: 'building_room', keys: { buildingId: 1, room: 1 } });
  });

  test('each built function: its timers and timeout from config.json, the settings, a hash of its code', () => {
    const root = mkdtempSync(join(tmpdir(), 'linli-deploy-'));
    const dir = join(root, 'dist/cloudfunctions/report');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'index.js'), 'exports.main = async () => 1;');
    writeFileSync(join(dir, 'package.json'), '{"dependencies":{"wx-server-sdk":"4.0.2"}}');
    writeFileSync(join(dir, 'config.json'), JSON.stringify({ timeout: 20, triggers: [{ name: 'stats', type: 'timer', config: '0 * * * * * *' }] }));
    mkdirSync(join(root, 'dist/cloudfunctions/_junk'));
    const [report, ...rest] = desiredFunctions(root, { LINLI_CODE_SECRET: 'k'.repeat(32) });
    expect(rest).toEqual([]);
    expect(report).toMatchObject({ name: 'report', timeout: 20, triggers: [timer('stats', '0 * * * * * *')] });
    expect(report.env).toEqual({ LINLI_CODE_SECRET: 'k'.repeat(32), [CODE_HASH]: report.codeHash });
    writeFileSync(join(dir, 'index.js'), 'exports.main = async () => 2;');
    expect(desiredFunctions(root, {})[0].codeHash).not.toBe(report.codeHash);
  });
});

describe('settings', () => {
  const full = Object.fromEntries(settingSpecs.map((s) => [s.key, s.key === 'LINLI_CODE_SECRET' ? 'x'.repeat(40) : `v-${s.key}`]));

  test('each missing setting is named with where to get it', () => {
    const { missing } = readSettings({ ...full, LINLI_UPLOAD_KEY: '', TENCENTCLOUD_SECRETKEY: undefined }, ['indexes', 'functions', 'app']);
    expect(missing.map((m) => m.key)).toEqual(['LINLI_UPLOAD_KEY', 'TENCENTCLOUD_SECRETKEY']);
    const said = missingReport(missing);
    expect(said).toContain('小程序代码上传');
    expect(said).toContain('console.cloud.tencent.com/cam/capi');
  });

  test('a part needs only its own settings; a short sealing key is refused', () => {
    expect(readSettings({ TARO_APP_CLOUD_ENV: 'e', TENCENTCLOUD_SECRETID: 'i', TENCENTCLOUD_SECRETKEY: 'k' }, ['indexes']).missing).toEqual([]);
    expect(readSettings({ ...full, LINLI_CODE_SECRET: 'short' }, ['functions']).missing.map((m) => m.what)).toEqual([
      expect.stringContaining('太短'),
    ]);
  });

  test('the functions get the sealing key, every template id and, while rotating, the previous key', () => {
    const { values } = readSettings({ ...full, LINLI_CODE_SECRET_PREVIOUS: 'p'.repeat(40) }, ['functions']);
    expect(Object.keys(functionEnv(values)).sort()).toEqual(['LINLI_CODE_SECRET', 'LINLI_CODE_SECRET_PREVIOUS', ...templateKeys].sort());
  });

  test('the template ids are exactly those the functions read', async () => {
    const { readFileSync } = await import('node:fs');
    const source = readFileSync(join(repoRoot, 'cloudfunctions/_lib/platform/templates.ts'), 'utf8');
    expect([...source.matchAll(/templateId\('(LINLI_TMPL_[A-Z_]+)'/g)].map((m) => m[1]).sort()).toEqual([...templateKeys].sort());
  });
});
