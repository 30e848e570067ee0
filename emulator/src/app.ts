/**
 * What an application brings to the emulator besides its folder of functions: the data a fresh store starts from
 * (a seed, optionally with history played through the functions) and extras for its dev surface. The emulator
 * imports nothing of the app; the app's own entry builds the Emulator with these (Linli's: scripts/emulator/linli.ts).
 */

/** Documents by collection, and stored files, for a fresh store. */
export interface SeedData {
  collections: Record<string, Record<string, unknown>[]>;
  /** Files the documents point at, stored under their cloud path. */
  files: { cloudPath: string; data: Buffer }[];
}

/** How a played history reaches the emulator: calls as clients make them, a clock it moves, storage. */
export interface SeedWorld {
  /** Calls function `name` with `event` as the client `openid` (none: anonymous); resolves to what main returned. */
  invoke(name: string, event: unknown, openid: string | undefined): Promise<unknown>;
  /** Moves the clock to `at` (ms), running the timer triggers that fall due on the way now and then. */
  moveTo(at: number): Promise<void>;
  /** Stores a file; resolves to its file id (the same path again: the stored one's). */
  store(cloudPath: string, data: Buffer): string;
}

export interface SeedHistory {
  /** How long before now the data is set up: the history then plays from that moment to now. */
  days: number;
  /** Plays the history up to `end` (ms); the clock ends where it was. */
  play(world: SeedWorld, end: number): Promise<{ calls: number; steps: number }>;
}

export interface Seed {
  /** The data as set up at `at`; `fileIdOf` names a stored file in this emulator's environment. */
  data(at: Date, fileIdOf: (cloudPath: string) => string): SeedData;
  history?: SeedHistory;
}

/** Extras of the dev surface (`/__emulator/…`) only the app can answer. */
export interface DevExtras {
  /** GET /__emulator/personas: whom a developer can act as (default: none). */
  personas?(): unknown;
  /** GET /__emulator/api: the app's API described (default: nothing). */
  api?(): unknown;
}
