// Linli's local CloudBase: the emulator package (@linli/cloudbase-emulator, emulator/) run with Linli's functions,
// index file and demo community. scripts/build-cloud.mjs builds it into dist/emulator/main.js; `npm start` runs it.
// The emulator knows nothing of Linli: what is Linli's — the seed, which function an action goes to, the personas
// and the API the dev surface shows — is passed in here.
import { DEFAULT_CONTENT_RULES, runCli, type Seed } from '@linli/cloudbase-emulator';
import { resolve } from 'node:path';
import { z } from 'zod';
import { actions } from '../../src/shared/contract';
import { areaOf } from '../../src/shared/contract/action';
import { demoSeed } from './seed';
import { MONTH_DAYS, playMonth } from './seed/month';

/** dist/emulator/main.js → the repository root. */
const repo = resolve(__dirname, '../..');

/** The demo community alone: what tests start from (LINLI_SEED=bare). */
const bare: Seed = { data: (at, fileIdOf) => demoSeed(at, fileIdOf) };

/**
 * The community with a month of history played through the functions (the default): set up three days before the
 * month began, each persona's action called on the function its area names, as the app calls it.
 */
const month: Seed = {
  ...bare,
  history: {
    days: MONTH_DAYS + 3,
    play: (world, end) =>
      playMonth(
        {
          invoke: (openid, action, payload, requestId) => world.invoke(areaOf(action), { action, payload, requestId }, openid),
          moveTo: (at) => world.moveTo(at),
          store: (cloudPath, data) => world.store(cloudPath, data),
        },
        end,
      ),
  },
};

/** GET /__emulator/api: every action's summary, roles and JSON Schemas of its input and output. */
function apiSchemas() {
  const schema = (s: z.ZodType, io: 'input' | 'output') => {
    try {
      return z.toJSONSchema(s, { io, unrepresentable: 'any' });
    } catch (err) {
      return { description: `not representable as JSON Schema: ${(err as Error).message}` };
    }
  };
  return Object.fromEntries(
    Object.values(actions).map((spec) => [
      spec.name,
      { summary: spec.summary, roles: spec.roles, mutates: spec.mutates, input: schema(spec.input, 'input'), output: schema(spec.output, 'output') },
    ]),
  );
}

runCli({
  name: 'Linli',
  defaults: {
    dataDir: resolve(repo, '.linli-data'),
    functionsDir: resolve(repo, 'dist/cloudfunctions'),
    indexesFile: resolve(repo, 'database/indexes.json'),
    contentRulesFile: DEFAULT_CONTENT_RULES,
  },
  seeds: { month, bare },
  defaultSeed: 'month',
  dev: { personas: () => demoSeed(new Date()).personas, api: apiSchemas },
});
