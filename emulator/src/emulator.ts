import { mkdirSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { DevExtras, Seed } from './app';
import { Clock, realNow } from './clock';
import { loadRules } from './content-check';
import { CloudDatabase } from './db';
import { FileStore } from './file-store';
import { FunctionRunner } from './function-runner';
import { Meter } from './meter';
import { Outbox } from './outbox';
import { SDK_PATH, type GatewayDeps } from './sdk-gateway';
import { createEmulatorServer } from './server';
import { allowedOrigins } from './request-guard';
import { TriggerScheduler } from './triggers';
import { UrlSigner } from './url-signer';

export interface EmulatorConfig {
  /** 0 picks a free port. */
  port: number;
  dataDir: string;
  functionsDir: string;
  h5Dir?: string;
  indexesFile: string;
  contentRulesFile: string;
  /** Origins of pages besides our own that may call us: the H5 dev server's (env LINLI_DEV_ORIGINS). */
  devOrigins: string[];
  /** env LINLI_CONTENT_RULES: inline JSON or a path, replacing contentRulesFile. */
  contentRulesOverride?: string;
  /** The cloud environment id the functions see as ENV. */
  env: string;
  appid: string;
  triggerTickMs: number;
  /** One timeout for every function instead of each one's config.json `timeout` (env LINLI_FUNCTION_TIMEOUT_MS). */
  functionTimeoutMs?: number;
  /** How long a function's worker stays warm with nothing to run (env LINLI_IDLE_FUNCTION_MS; default 5 min). */
  idleFunctionMs?: number;
  /** How many function workers stay warm at most (env LINLI_WARM_FUNCTIONS; default 20). */
  warmFunctions?: number;
  /** How many instances of one function run at once at most (env LINLI_FUNCTION_INSTANCES; default one per core, at least 2). */
  functionInstances?: number;
  /**
   * What a fresh data dir (and a reset) starts from, passed in by the app (Linli's demo community, with or without
   * its month of history); none: no data at all, only the index file's collections.
   */
  seed?: Seed;
  /** The app's answers on the dev surface (personas, API description). */
  dev?: DevExtras;
}

/** The local CloudBase: one process holding the store, the clock, the HTTP server and the functions (a worker thread each). */
export class Emulator {
  readonly clock: Clock;
  readonly meter = new Meter(1000);
  readonly db: CloudDatabase;
  readonly files: FileStore;
  readonly signer: UrlSigner;
  readonly outbox: Outbox;
  readonly runner: FunctionRunner;
  readonly scheduler: TriggerScheduler;
  readonly gatewayDeps: GatewayDeps;
  url = '';
  /** True while a seed's history (Linli's demo month) plays: only the functions' own SDK and storage calls are served meanwhile. */
  seeding = false;
  /** Set once listening, when our own origin (its port) is known. */
  allowedOrigins: ReadonlySet<string> = new Set();
  private readonly server: Server;

  constructor(readonly config: EmulatorConfig) {
    mkdirSync(config.dataDir, { recursive: true });
    this.clock = new Clock(config.dataDir);
    // The functions run in workers that read the clock themselves; this thread's Date follows it too (the seed).
    this.clock.install();
    const now = () => this.clock.now();
    this.db = new CloudDatabase({
      file: join(config.dataDir, 'db.sqlite'),
      now,
      indexesFile: config.indexesFile,
      onMeter: (e) => this.meter.onDb(e),
    });
    this.files = new FileStore(config.dataDir, config.env);
    this.signer = new UrlSigner(config.dataDir, now);
    this.outbox = new Outbox(config.dataDir);
    this.runner = new FunctionRunner({
      functionsDir: config.functionsDir,
      env: config.env,
      appid: config.appid,
      meter: this.meter,
      timeoutMs: config.functionTimeoutMs,
      clock: this.clock.shared,
      idleMs: config.idleFunctionMs,
      maxWarm: config.warmFunctions,
      instances: config.functionInstances,
    });
    this.scheduler = new TriggerScheduler({ runner: this.runner, now, tickMs: config.triggerTickMs });
    this.gatewayDeps = {
      env: config.env,
      db: this.db,
      runner: this.runner,
      files: this.files,
      signer: this.signer,
      meter: this.meter,
      openapi: { rules: () => loadRules(config.contentRulesOverride, config.contentRulesFile), outbox: this.outbox, now },
      baseUrl: () => this.url,
    };
    this.server = createEmulatorServer(this);
  }

  async start(): Promise<string> {
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(this.config.port, '127.0.0.1', resolve);
    });
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    this.allowedOrigins = allowedOrigins(this.url, this.config.devOrigins);
    this.pointSdkHere();
    if (!this.db.isEmpty()) await this.migrate();
    else if (this.config.seed) await this.seed();
    this.scheduler.rebase();
    this.scheduler.start();
    return this.url;
  }

  /**
   * A data directory written by an older release is brought up to date before anyone calls: the `migrate`
   * function runs, as the deploy runs it (no caller), until it says every step is done. A new seed is already in
   * today's shape; its steps run the first time it is started again, finding nothing to change.
   */
  private async migrate(): Promise<void> {
    if (!this.runner.exists('migrate')) return;
    this.seeding = true;
    try {
      for (let call = 0; call < 1000; call += 1) {
        const { result } = await this.runner.invoke({ name: 'migrate', event: { action: 'migrate.run' }, caller: { source: 'tcb_console' } });
        const reply = result as { ok?: boolean; data?: { done?: boolean; ran?: { id: string; changed: number }[] }; message?: string };
        if (!reply.ok) throw new Error(`migrations failed: ${reply.message ?? JSON.stringify(result)}`);
        const changed = (reply.data?.ran ?? []).filter((r) => r.changed > 0);
        if (changed.length > 0) console.log(`[emulator] migrated: ${changed.map((r) => `${r.id} (${r.changed} changed)`).join(', ')}`);
        if (reply.data?.done) return;
      }
      throw new Error('migrations not done after 1000 calls');
    } finally {
      this.seeding = false;
    }
  }

  /** Back to the seed: data, files, outbox, meter and clock. */
  async reset(): Promise<void> {
    // A seed's history moves the clock itself and runs the timers at its own steps: none may fire in between.
    this.scheduler.stop();
    this.clock.reset();
    // Files and outbox first: the seed stores its own (Linli's: the mall's pictures; the month's photos and notices).
    this.files.clear();
    this.outbox.clear();
    await this.seed();
    this.meter.clear();
    this.scheduler.rebase();
    this.scheduler.start();
  }

  async stop(): Promise<void> {
    this.scheduler.stop();
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
    this.server.closeAllConnections();
    await closed;
    await this.runner.stop();
    this.db.close();
  }

  private async seed(): Promise<void> {
    const seed = this.config.seed;
    if (!seed) return this.db.load({});
    const now = this.clock.now();
    const history = seed.history;
    // With a history, the data was set up before it began.
    const setUp = history ? now - history.days * 24 * 3600 * 1000 : now;
    const data = seed.data(new Date(setUp), (cloudPath) => this.files.fileIdOf(cloudPath));
    this.db.load(data.collections);
    for (const f of data.files) this.files.create(f.cloudPath, f.data);
    if (!history) return;
    this.seeding = true;
    const offset = this.clock.offsetMs;
    try {
      await this.playHistory(history, setUp);
    } catch (err) {
      // Not half a history: an empty store is seeded again at the next start. The clock goes back to where it was.
      this.db.load({});
      this.clock.advance(offset - this.clock.offsetMs);
      throw err;
    } finally {
      this.seeding = false;
    }
  }

  /**
   * The seed's history (Linli's: the demo month, scripts/emulator/seed/month.ts): its calls go through the function
   * runner as the app's do, while the clock walks from `from` to now and the timer triggers run at each step. The
   * clock ends where it was (its offset restored), the firings due on the way there included.
   */
  private async playHistory(history: NonNullable<Seed['history']>, from: number): Promise<void> {
    const started = realNow();
    const offset = this.clock.offsetMs;
    const end = this.clock.now();
    await this.scheduler.check(() => this.clock.set(from));
    this.scheduler.rebase();
    // The timers run on a three-hour beat of the history's clock (what became due since fires once, as after any
    // clock jump): firing all of them at every step would triple its time for nothing it shows.
    let fired = from;
    const summary = await history.play(
      {
        invoke: async (name, event, openid) => (await this.runner.invoke({ name, event, caller: { openid, source: 'wx_client' } })).result,
        moveTo: async (at) => {
          if (at - fired < 3 * 3600_000) return this.clock.set(at);
          fired = at;
          await this.scheduler.check(() => this.clock.set(at));
        },
        // A data dir whose store was emptied keeps its files: the history draws the same pictures at the same paths.
        store: (cloudPath, data) => this.files.create(cloudPath, data) ?? this.files.fileIdOf(cloudPath),
      },
      end,
    );
    await this.scheduler.check(() => this.clock.advance(offset - this.clock.offsetMs));
    const uncovered = this.meter.last().flatMap((r) => r.uncovered);
    if (uncovered.length > 0) console.warn("[emulator] the seed's history ran queries no index covers:", JSON.stringify(uncovered));
    // The meter is for the developer's own calls.
    this.meter.clear();
    const seconds = ((realNow() - started) / 1000).toFixed(1);
    console.log(`[emulator] seed history played: ${summary.calls} calls in ${summary.steps} steps, ${seconds} s`);
  }

  /**
   * What makes the unmodified SDK talk only to us: dummy keys (we do not check signatures), TENCENTCLOUD=true
   * (else each request first probes Tencent's metadata host), and TCB_CONTEXT_CNFG naming our endpoint. The SDK
   * reads TCB_ENV / TCB_SEQID / TCB_SOURCE only when TCB_CONTEXT_KEYS lists them.
   */
  private pointSdkHere(): void {
    for (const key of ['TENCENTCLOUD_SESSIONTOKEN', 'TCB_SESSIONTOKEN', 'WX_API_TOKEN', 'CBR_ENV_ID', 'SUMERU_ENV']) {
      delete process.env[key];
    }
    // The workers (function-worker.ts) copy this environment. TENCENTCLOUD_RUNENV=SCF is what a function sees on
    // the cloud: @cloudbase/node-sdk then uses Node's own HTTP agent rather than agentkeepalive's, tags its requests
    // `scf` and expects SCF_NAMESPACE and TENCENTCLOUD_REGION; its endpoint stays TCB_CONTEXT_CNFG's URL, here.
    Object.assign(process.env, {
      TENCENTCLOUD_RUNENV: 'SCF',
      SCF_NAMESPACE: this.config.env,
      TENCENTCLOUD_REGION: 'ap-shanghai',
      TENCENTCLOUD_SECRETID: 'local-emulator',
      TENCENTCLOUD_SECRETKEY: 'local-emulator',
      TENCENTCLOUD: 'true',
      TCB_CONTEXT_CNFG: JSON.stringify({ URL: `${this.url}${SDK_PATH}` }),
      TCB_CONTEXT_KEYS: 'TCB_ENV,TCB_SEQID,TCB_SOURCE',
      TCB_ENV: this.config.env,
    });
  }
}
