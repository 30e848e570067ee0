// After the run (jest's globalTeardown): the module cache directory global-setup.js made goes.
const { rmSync } = require('node:fs');

module.exports = async function globalTeardown() {
  if (!process.env.LINLI_MODULE_CACHE_OWNED || !process.env.LINLI_MODULE_CACHE) return;
  rmSync(process.env.LINLI_MODULE_CACHE, { recursive: true, force: true });
};
