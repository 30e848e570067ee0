import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { parseEnv } from 'node:util';
import { desiredApp, desiredCollections, desiredFunctions } from './desired';
import { parts, type Desired, type Part, type Remote } from './model';
import { describeStep, planDeploy } from './plan';
import { applyStep, readRemote, type Ci, type Manager } from './remote';
import { functionEnv, missingReport, readSettings } from './settings';

/**
 * `npm run deploy [-- --dry-run] [--only functions|indexes|app] [--state remote.json]`: builds, reads the cloud
 * environment, plans what differs from the repository (plan.ts), prints the plan, carries it out step by step and
 * prints what it created, updated and left alone. A second run plans nothing. `--dry-run` touches no network: it plans
 * against an empty environment (or the snapshot given by `--state`, as `--save-state` wrote it) and stops.
 */

interface Args {
  dryRun: boolean;
  only: Part[];
  state: string | null;
  saveState: string | null;
}

function parseArgs(argv: readonly string[]): Args {
  const args: Args = { dryRun: false, only: [...parts], state: null, saveState: null };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    if (arg === '--dry-run') args.dryRun = true;
    else if (arg === '--only') {
      const chosen = (argv[++i] ?? '').split(',').filter(Boolean);
      const unknown = chosen.filter((p) => !(parts as readonly string[]).includes(p));
      if (chosen.length === 0 || unknown.length > 0) throw new Error(`--only 只能是 ${parts.join(' | ')}（可用逗号连写）`);
      args.only = chosen as Part[];
    } else if (arg === '--state') args.state = argv[++i] ?? null;
    else if (arg === '--save-state') args.saveState = argv[++i] ?? null;
    else throw new Error(`不认识的参数 ${arg}。用法: npm run deploy -- [--dry-run] [--only functions|indexes|app] [--state 文件]`);
  }
  return args;
}

const root = join(__dirname, '../..');
/**
 * The official tools live in scripts/deploy's own package (installed by scripts/deploy.mjs on first use): ~300 MB
 * that the app, its tests and CI never need. Seen through the few calls remote.ts names.
 */
const tool = createRequire(join(root, 'scripts/deploy/package.json'));
/** The last mini-program upload from this machine (WeChat offers no way to read the uploaded version back). */
const lastAppFile = join(root, '.deploy/last-app.json');

function run(command: string, args: string[]): void {
  const done = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  if (done.status !== 0) throw new Error(`${command} ${args.join(' ')} 失败`);
}

function lastCommit(): string {
  const log = spawnSync('git', ['log', '-1', '--format=%h %s'], { cwd: root, encoding: 'utf8' });
  return (log.stdout || 'Linli').trim().slice(0, 60);
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const file = join(root, '.env.production');
  const env = { ...(existsSync(file) ? parseEnv(readFileSync(file, 'utf8')) : {}), ...process.env };
  const settings = readSettings(env, args.only);
  if (settings.missing.length > 0) {
    console.error(missingReport(settings.missing));
    if (!args.dryRun) process.exit(2);
    console.error('(--dry-run: 照样列出计划)\n');
  }

  if (args.only.includes('functions')) run('npm', ['run', 'build:cloud']);
  if (args.only.includes('app')) run('npm', ['run', 'build:weapp']);
  const desired: Desired = {
    collections: args.only.includes('indexes') ? desiredCollections(root) : [],
    functions: args.only.includes('functions') ? desiredFunctions(root, functionEnv(settings.values)) : [],
    app: args.only.includes('app') ? desiredApp(root, lastCommit()) : null,
  };
  const lastApp = existsSync(lastAppFile) ? (JSON.parse(readFileSync(lastAppFile, 'utf8')) as Remote['app']) : null;

  let remote: Remote;
  let manager: Manager | null = null;
  if (args.state) remote = JSON.parse(readFileSync(args.state, 'utf8')) as Remote;
  else if (args.dryRun) remote = { collections: {}, functions: {}, app: null };
  else {
    type ManagerClass = new (o: Record<string, string>) => unknown;
    const loaded = tool('@cloudbase/manager-node') as ManagerClass & { default?: ManagerClass };
    const CloudBase = loaded.default ?? loaded;
    manager = new CloudBase({
      secretId: settings.values.TENCENTCLOUD_SECRETID,
      secretKey: settings.values.TENCENTCLOUD_SECRETKEY,
      envId: settings.values.TARO_APP_CLOUD_ENV,
    }) as unknown as Manager;
    remote = await readRemote(manager, lastApp);
  }
  if (args.saveState) writeFileSync(args.saveState, `${JSON.stringify(remote, null, 2)}\n`);

  const plan = planDeploy(desired, remote, args.only);
  console.log(`\n部署计划 (${args.only.join(', ')}; 环境 ${settings.values.TARO_APP_CLOUD_ENV ?? '?'}): ${plan.steps.length} 步`);
  plan.steps.forEach((s, i) => console.log(`  ${i + 1}. ${describeStep(s)}`));
  console.log(`不变: ${plan.unchanged.length} 项${plan.foreign.length ? `; 不属于 Linli, 不动: ${plan.foreign.join(', ')}` : ''}`);
  if (args.dryRun) {
    if (!args.state) console.log('(--dry-run 未连接云端, 按空环境列出; 用 --state 给出 --save-state 存下的快照可对比真实环境)');
    return;
  }
  if (plan.steps.length === 0) {
    console.log('云端已是最新, 什么也没改。');
    return;
  }

  const ci = tool('miniprogram-ci') as Ci & { Project: new (o: Record<string, unknown>) => unknown };
  const project = new ci.Project({
    appid: settings.values.LINLI_APPID,
    type: 'miniProgram',
    projectPath: root,
    privateKeyPath: settings.values.LINLI_UPLOAD_KEY,
    ignores: ['node_modules/**/*'],
  });
  const target = { envId: settings.values.TARO_APP_CLOUD_ENV, project, robot: 1 };
  for (const [i, step] of plan.steps.entries()) {
    process.stdout.write(`  ${i + 1}/${plan.steps.length} ${describeStep(step)} … `);
    await applyStep(step, manager!, ci, target);
    console.log('完成');
    if (step.kind === 'uploadApp') {
      mkdirSync(join(root, '.deploy'), { recursive: true });
      writeFileSync(lastAppFile, `${JSON.stringify({ version: step.app.version, hash: step.app.hash })}\n`);
    }
  }
  const created = plan.steps.filter((s) => s.kind.startsWith('create') || (s.kind === 'uploadFunction' && s.isNew)).length;
  console.log(`\n部署完成: 新建 ${created} 项, 更新 ${plan.steps.length - created} 项, 不变 ${plan.unchanged.length} 项。`);
}

main().catch((error: unknown) => {
  console.error(`\n部署中止: ${error instanceof Error ? error.message : String(error)}`);
  console.error('已完成的步骤不会重复; 修正后重新运行 npm run deploy, 它只做剩下的。');
  process.exit(1);
});
