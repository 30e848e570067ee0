// @linli/cloudbase-emulator: what an app's own entry (and its tests) use. The CLI is main.ts.
export type { DevExtras, Seed, SeedData, SeedHistory, SeedWorld } from './app';
export { configOf, runCli, settingsOf, USAGE, type CliDefaults, type CliOptions, type Settings } from './cli';
export { DEFAULT_CONTENT_RULES } from './defaults';
export { Emulator, type EmulatorConfig } from './emulator';
export type { InvocationRecord } from './meter';
export type { CustomerServiceMessage, OutboxMessage } from './outbox';
export type { TriggerFiring } from './triggers';
