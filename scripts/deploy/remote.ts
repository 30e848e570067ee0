import type { IndexSpec, Remote, RemoteFunction, Step, TriggerSpec } from './model';

/**
 * The two official tools, seen through the few calls the deploy makes (so a test can stand in for them):
 * `@cloudbase/manager-node` for collections, indexes, permissions and function settings, and `miniprogram-ci` for
 * uploading the mini-program, the functions (with cloud-side dependency install) and their timers.
 */
export interface Manager {
  database: {
    listCollections(options?: {
      MgoLimit?: number;
      MgoOffset?: number;
    }): Promise<{ Collections: { CollectionName: string }[]; Pager: { Total: number } }>;
    describeCollection(name: string): Promise<{ Indexes?: { Name: string; Keys: { Name?: string; Direction?: string }[]; Unique: boolean }[] }>;
    createCollectionIfNotExists(name: string): Promise<unknown>;
    updateCollection(
      name: string,
      info: {
        CreateIndexes?: { IndexName: string; MgoKeySchema: { MgoIndexKeys: { Name: string; Direction: string }[]; MgoIsUnique: boolean } }[];
        DropIndexes?: { IndexName: string }[];
      },
    ): Promise<unknown>;
  };
  permission: {
    describeResourcePermission(o: {
      resourceType: 'collection';
      resources?: string[];
    }): Promise<{ PermissionList: { Resource?: string; Permission?: string }[] }>;
    modifyResourcePermission(o: { resourceType: 'collection'; resource: string; permission: 'ADMINONLY' }): Promise<unknown>;
  };
  functions: {
    listFunctions(limit?: number, offset?: number): Promise<Record<string, string>[]>;
    getFunctionDetail(name: string): Promise<{
      Timeout: number;
      Environment?: { Variables?: { Key: string; Value: string }[] };
      Triggers?: { TriggerName: string; Type: string; TriggerDesc: string }[];
    }>;
    updateFunctionConfig(fn: { name: string; timeout: number; envVariables: Record<string, string> }): Promise<unknown>;
    deleteFunctionTrigger(name: string, triggerName: string): Promise<unknown>;
    deleteFunction(name: string): Promise<unknown>;
    invokeFunction(name: string, params?: Record<string, unknown>): Promise<{ RetMsg?: string }>;
  };
}

export interface Ci {
  upload(o: { project: unknown; version: string; desc: string; robot: number; setting?: Record<string, boolean> }): Promise<unknown>;
  cloud: {
    uploadFunction(o: { project: unknown; env: string; name: string; path: string; remoteNpmInstall: boolean }): Promise<unknown>;
    createTimeTrigger(o: { project: unknown; envId: string; functionName: string; triggersConfig: TriggerSpec[] }): Promise<string>;
  };
}

const PAGE = 100;

/** A key's direction as the cloud reports it ("1", "-1", "2dsphere"). */
const directionOf = (d: string | undefined): IndexSpec['keys'][string] => (d === '2dsphere' ? '2dsphere' : Number(d) === -1 ? -1 : 1);

/** A timer trigger's cron as the cloud reports it (TriggerDesc is `{"cron":"…"}` JSON, or the cron itself). */
function cronOf(desc: string): string {
  try {
    const parsed = JSON.parse(desc) as { cron?: string };
    return parsed.cron ?? desc;
  } catch {
    return desc;
  }
}

/** What the cloud environment holds now, read through the manager (reads only). */
export async function readRemote(manager: Manager, lastApp: Remote['app']): Promise<Remote> {
  const names: string[] = [];
  for (let offset = 0; ; offset += PAGE) {
    const page = await manager.database.listCollections({ MgoLimit: PAGE, MgoOffset: offset });
    names.push(...page.Collections.map((c) => c.CollectionName));
    if (page.Collections.length < PAGE || names.length >= page.Pager.Total) break;
  }
  const permissions = new Map<string, string>();
  if (names.length > 0) {
    const { PermissionList } = await manager.permission.describeResourcePermission({ resourceType: 'collection', resources: names });
    for (const p of PermissionList) if (p.Resource && p.Permission) permissions.set(p.Resource, p.Permission);
  }
  const collections: Remote['collections'] = {};
  for (const name of names) {
    const { Indexes = [] } = await manager.database.describeCollection(name);
    const indexes: IndexSpec[] = Indexes.map((i) => ({
      name: i.Name,
      keys: Object.fromEntries(i.Keys.map((k) => [k.Name ?? '', directionOf(k.Direction)])),
      ...(i.Unique ? { unique: true } : {}),
    }));
    collections[name] = { indexes, permission: permissions.get(name) ?? null };
  }
  const functions: Record<string, RemoteFunction> = {};
  for (let offset = 0; ; offset += PAGE) {
    const page = await manager.functions.listFunctions(PAGE, offset);
    for (const listed of page) {
      const name = listed.FunctionName;
      const detail = await manager.functions.getFunctionDetail(name);
      functions[name] = {
        timeout: detail.Timeout,
        env: Object.fromEntries((detail.Environment?.Variables ?? []).map((v) => [v.Key, v.Value])),
        triggers: (detail.Triggers ?? [])
          .filter((t) => t.Type === 'timer')
          .map((t) => ({ name: t.TriggerName, type: 'timer' as const, config: cronOf(t.TriggerDesc) })),
      };
    }
    if (page.length < PAGE) break;
  }
  const migrationsPending = functions.migrate ? await pendingMigrations(manager) : [];
  return { collections, functions, app: lastApp, migrationsPending };
}

export interface Target {
  envId: string;
  /** A miniprogram-ci Project for the repository (appid, private key, project path). */
  project: unknown;
  robot: number;
}

/** Carries out one step of the plan. Each is safe to repeat (a rerun after a failure plans what is left). */
export async function applyStep(step: Step, manager: Manager, ci: Ci, target: Target): Promise<void> {
  switch (step.kind) {
    case 'createCollection':
      await manager.database.createCollectionIfNotExists(step.collection);
      return;
    case 'setPermission':
      await manager.permission.modifyResourcePermission({ resourceType: 'collection', resource: step.collection, permission: 'ADMINONLY' });
      return;
    case 'createIndex':
      await manager.database.updateCollection(step.collection, {
        CreateIndexes: [
          {
            IndexName: step.index.name,
            MgoKeySchema: {
              MgoIndexKeys: Object.entries(step.index.keys).map(([Name, d]) => ({ Name, Direction: String(d) })),
              MgoIsUnique: !!step.index.unique,
            },
          },
        ],
      });
      return;
    case 'dropIndex':
      await manager.database.updateCollection(step.collection, { DropIndexes: [{ IndexName: step.index }] });
      return;
    case 'uploadFunction':
      await ci.cloud.uploadFunction({ project: target.project, env: target.envId, name: step.fn.name, path: step.fn.dir, remoteNpmInstall: true });
      return;
    case 'configureFunction':
      await manager.functions.updateFunctionConfig({ name: step.name, timeout: step.timeout, envVariables: step.env });
      return;
    case 'deleteTrigger':
      await manager.functions.deleteFunctionTrigger(step.name, step.trigger);
      return;
    case 'createTriggers': {
      const said = await ci.cloud.createTimeTrigger({
        project: target.project,
        envId: target.envId,
        functionName: step.name,
        triggersConfig: step.triggers,
      });
      if (said !== '创建定时触发器成功') throw new Error(`创建定时触发器失败 (${step.name}): ${said}`);
      return;
    }
    case 'deleteFunction':
      await manager.functions.deleteFunction(step.name);
      return;
    case 'migrate':
      await runMigrations(manager, step.name);
      return;
    case 'uploadApp':
      await ci.upload({
        project: target.project,
        version: step.app.version,
        desc: step.app.desc,
        robot: target.robot,
        setting: { es6: false, minify: true },
      });
      return;
  }
}

/** The migration steps not finished yet, as the deployed migrate function says (it reads its records). */
async function pendingMigrations(manager: Manager): Promise<string[]> {
  const answer = await manager.functions.invokeFunction('migrate', { action: 'migrate.status' });
  const reply = JSON.parse(answer.RetMsg ?? '{}') as { ok?: boolean; data?: { pending?: string[] } };
  // An older migrate function that does not know the question: run the migrations to be safe.
  return reply.ok ? (reply.data?.pending ?? []) : ['unknown'];
}

/** Invokes the migrate function until it says every step is done (each call does a bounded page of work). */
async function runMigrations(manager: Manager, name: string): Promise<void> {
  for (let call = 0; call < 1000; call += 1) {
    const answer = await manager.functions.invokeFunction(name, { action: 'migrate.run' });
    // The function's reply (cloudfunctions/migrate): { ok: true, data: { done, ran } } or { ok: false, code, message }.
    const reply = JSON.parse(answer.RetMsg ?? '{}') as { ok?: boolean; data?: { done?: boolean }; message?: string };
    if (!reply.ok) throw new Error(`迁移失败: ${reply.message ?? answer.RetMsg}`);
    if (reply.data?.done) return;
  }
  throw new Error('迁移在 1000 次调用后仍未完成: 请查看 migrate 函数的日志后重新运行 npm run deploy');
}
