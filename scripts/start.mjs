// `npm start`: the whole app as H5 on http://127.0.0.1:$PORT (default 10086), backed by the local
// CloudBase emulator running the built cloud functions. The H5 build watches src/ and rebuilds.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const port = process.env.PORT ?? '10086';
const h5Dir = join(root, 'dist/h5');
const children = [];

function run(cmd, args, env = {}) {
  const child = spawn(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  children.push(child);
  child.on('exit', (code) => {
    if (code) {
      console.error(`${cmd} ${args.join(' ')} exited with ${code}`);
      stop(code);
    }
  });
  return child;
}

function stop(code = 0) {
  for (const child of children) child.kill('SIGTERM');
  process.exit(code);
}
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));

if (spawnSync(process.execPath, [join(root, 'scripts/build-cloud.mjs')], { cwd: root, stdio: 'inherit' }).status !== 0) process.exit(1);

console.log('Building the H5 app (first build takes ~20 s; later edits rebuild by themselves)…');
rmSync(join(h5Dir, 'index.html'), { force: true });
run(process.execPath, [join(root, 'node_modules/@tarojs/cli/bin/taro'), 'build', '--type', 'h5', '--watch']);

const started = Date.now();
const timer = setInterval(() => {
  if (!existsSync(join(h5Dir, 'index.html')) || Date.now() - statSync(join(h5Dir, 'index.html')).mtimeMs < 1000) return;
  clearInterval(timer);
  console.log(`H5 build ready in ${Math.round((Date.now() - started) / 1000)} s`);
  run(process.execPath, ['--enable-source-maps', join(root, 'dist/emulator/main.js')], { PORT: port, LINLI_H5_DIR: h5Dir });
  console.log(`\n  Linli 邻里 → http://127.0.0.1:${port}  (pick a 演示身份 persona on the 我的 page)\n`);
}, 500);
