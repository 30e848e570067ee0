import { mkdirSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { demoSeed } from '../seed';
import { Clock } from './clock';
import { loadRules } from './content-check';
import { CloudDatabase } from './db';
import { FileStore } from './file-store';
import { FunctionRunner } from './function-runner';
import { installInvocationEnv } from './invocation-env';
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
  functionTimeoutMs: number;
}

/** The local CloudBase: one process holding the store, the clock, the functions and the HTTP server. */
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
  /** Set once listening, when our own origin (its port) is known. */
  allowedOrigins: ReadonlySet<string> = new Set();
  private readonly server: Server;

  constructor(readonly config: EmulatorConfig) {
    mkdirSync(config.dataDir, { recursive: true });
    this.clock = new Clock(config.dataDir);
    this.clock.install();
    installInvocationEnv();
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
    });
    this.scheduler = new TriggerScheduler({ runner: this.runner, now, tickMs: config.triggerTickMs });
    this.gatewayDeps = {
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
    if (this.db.isEmpty()) this.seed();
    this.scheduler.rebase();
    this.scheduler.start();
    return this.url;
  }

  /** Back to the seed: data, files, outbox, meter and clock. */
  async reset(): Promise<void> {
    this.clock.reset();
    // Files first: the seed stores its own (the mall's pictures).
    this.files.clear();
    this.seed();
    this.outbox.clear();
    this.meter.clear();
    this.scheduler.rebase();
  }

  async stop(): Promise<void> {
    this.scheduler.stop();
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
    this.server.closeAllConnections();
    await closed;
    this.db.close();
  }

  private seed(): void {
    const seed = demoSeed(new Date(this.clock.now()), (cloudPath) => this.files.fileIdOf(cloudPath));
    this.db.load(seed.collections);
    for (const f of seed.files) this.files.create(f.cloudPath, f.data);
  }

  /**
   * What makes the unmodified SDK talk only to us: dummy keys (we do not check signatures), TENCENTCLOUD=true
   * (else each request first probes Tencent's metadata host), and TCB_CONTEXT_CNFG naming our endpoint. The SDK
   * reads TCB_ENV / TCB_SEQID / TCB_SOURCE only when TCB_CONTEXT_KEYS lists them.
   */
  private pointSdkHere(): void {
    for (const key of [
      'TENCENTCLOUD_RUNENV',
      'TENCENTCLOUD_SESSIONTOKEN',
      'TCB_SESSIONTOKEN',
      'SCF_NAMESPACE',
      'WX_API_TOKEN',
      'CBR_ENV_ID',
      'SUMERU_ENV',
    ]) {
      delete process.env[key];
    }
    Object.assign(process.env, {
      TENCENTCLOUD_SECRETID: 'local-emulator',
      TENCENTCLOUD_SECRETKEY: 'local-emulator',
      TENCENTCLOUD: 'true',
      TCB_CONTEXT_CNFG: JSON.stringify({ URL: `${this.url}${SDK_PATH}` }),
      TCB_CONTEXT_KEYS: 'TCB_ENV,TCB_SEQID,TCB_SOURCE',
      TCB_ENV: this.config.env,
    });
  }
}
