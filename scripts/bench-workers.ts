// `npm run bench -- workers`: what running each function in its own worker costs: the first (cold) and warm
// user.me, the first call of every function, and the emulator's memory once they all have run.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot, startEmulator } from '../test/helpers/emulator';
import { memoryMiB } from './bench-proc';

const ms = (n: number) => `${n.toFixed(1)} ms`;
const fig = (name: string, value: string) => console.log(`${name.padEnd(58)} ${value}`);

async function timed(fn: () => Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
}

function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

export async function workers(): Promise<void> {
  const emu = await startEmulator();
  const wang = 'demo-resident-wang';
  const me = () => emu.invoke('user', { action: 'user.me', payload: {} }, wang);
  try {
    fig('workers: emulator RSS, listening', `${memoryMiB(emu.pid).rss.toFixed(0)} MiB`);
    fig('workers: cold user.me (first call of the function)', ms(await timed(me)));
    const warm: number[] = [];
    for (let i = 0; i < 100; i++) warm.push(await timed(me));
    fig('workers: warm user.me ×100 (p50 / p95)', `${ms(percentile(warm, 50))} / ${ms(percentile(warm, 95))}`);
    const names = readdirSync(join(repoRoot, 'dist/cloudfunctions')).filter((n) => n !== 'user' && n !== 'migrate');
    const firsts: number[] = [];
    // An action no function has: each answers with its validation error, having loaded its code (and the SDK).
    for (const name of names) firsts.push(await timed(() => emu.invoke(name, { action: `${name}.none`, payload: {} }, wang)));
    fig(`workers: first call of each other function (${names.length}; median / max)`, `${ms(percentile(firsts, 50))} / ${ms(Math.max(...firsts))}`);
    fig(`workers: emulator RSS, every function warm`, `${memoryMiB(emu.pid).rss.toFixed(0)} MiB`);
  } finally {
    await emu.stop();
  }
}
