// The emulator on its own: any folder of cloud functions, e.g. from a project's root
//   node <this package>/dist/main.js --functions cloudfunctions --indexes database/indexes.json
// No seed is built in (`none`: a fresh store holds only the index file's collections); an app passes its own from
// its entry (Linli's: scripts/emulator/linli.ts). `--help` lists the flags and their environment variables.
import { resolve } from 'node:path';
import { runCli } from './cli';
import { DEFAULT_CONTENT_RULES } from './defaults';

runCli({
  defaults: {
    dataDir: resolve('.cloudbase-emulator'),
    functionsDir: resolve('cloudfunctions'),
    indexesFile: resolve('database/indexes.json'),
    contentRulesFile: DEFAULT_CONTENT_RULES,
  },
});
