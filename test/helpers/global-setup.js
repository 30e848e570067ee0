// Before any test file runs (jest's globalSetup): one directory for the run where every emulator the tests start
// keeps what its function instances learned loading their modules (LINLI_MODULE_CACHE; emulator/src/module-cache.ts),
// so a file's emulator starts its instances from what the files before it found. Fresh each run (an `npm install`
// in between cannot leave a stale answer); global-teardown.js removes it.
const { mkdtempSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');

module.exports = async function globalSetup() {
  if (process.env.LINLI_MODULE_CACHE) return;
  // The jest workers, and the emulators they spawn, inherit the environment.
  process.env.LINLI_MODULE_CACHE = mkdtempSync(join(tmpdir(), 'cloudbase-emulator-modules-'));
  process.env.LINLI_MODULE_CACHE_OWNED = '1';
};
