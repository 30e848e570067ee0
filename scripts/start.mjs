// `npm start`: the whole app as H5 on http://127.0.0.1:$PORT (default 10086), served by the local
// CloudBase emulator, which runs the built cloud functions. `npm run dev` (this script with --dev):
// the same, but the H5 app comes from Taro's dev server, rebuilding on every edit, and the emulator
// listens on PORT+1 behind it.
import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const dev = process.argv.includes('--dev');
const port = Number(process.env.PORT ?? 10086);
const taro = join(root, 'node_modules/@tarojs/cli/bin/taro');
const children = [];

function run(args, env = {}) {
  const child = spawn(process.execPath, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  children.push(child);
  child.on('exit', (code) => code && stop(code));
  return child;
}

function stop(code = 0) {
  for (const child of children) child.kill('SIGTERM');
  process.exit(code);
}
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));

function step(args) {
  if (spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' }).status !== 0) stop(1);
}

/** Resolves once the emulator answers (503 while it seeds the demo month). */
async function listening(url) {
  for (;;) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
}

step([join(root, 'scripts/build-cloud.mjs')]);
if (dev) {
  // The page comes from Taro's server, whose proxy passes the page's Origin on: the emulator serves that one too.
  const devOrigins = `http://127.0.0.1:${port},http://localhost:${port}`;
  run(['--enable-source-maps', join(root, 'dist/emulator/main.js')], { PORT: String(port + 1), LINLI_DEV_ORIGINS: devOrigins });
  run([taro, 'build', '--type', 'h5', '--watch'], { PORT: String(port), LINLI_EMULATOR_URL: `http://127.0.0.1:${port + 1}` });
} else {
  // The emulator first: on a fresh data directory it plays the demo month (about 10 s) while the H5 app builds.
  // It reads the app's files per request, so it serves the new build once it is there.
  run(['--enable-source-maps', join(root, 'dist/emulator/main.js')], { PORT: String(port), LINLI_H5_DIR: join(root, 'dist/h5') });
  console.log('Building the H5 app (about half a minute)…');
  step([taro, 'build', '--type', 'h5']);
  await listening(`http://127.0.0.1:${port}/__emulator/clock`);
  console.log(`\n  Linli 邻里 → http://127.0.0.1:${port}  (pick a 演示身份 persona on the 我的 page)\n`);
}
