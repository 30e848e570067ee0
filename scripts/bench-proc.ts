// What the bench reads of a running process (the emulator's, a bare server's) from Linux's /proc.
import { existsSync, readFileSync } from 'node:fs';

/**
 * CPU time the process has used so far (user + system, ms; /proc ticks of 10 ms), or NaN off Linux; with
 * `mainThread`, its main thread's alone.
 */
export function cpuMsOf(pid: number | undefined, mainThread = false): number {
  const file = mainThread ? `/proc/${pid}/task/${pid}/stat` : `/proc/${pid}/stat`;
  if (!pid || !existsSync(file)) return NaN;
  const fields = readFileSync(file, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/** The process's resident memory now and at its peak, MiB. */
export function memoryMiB(pid: number | undefined): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(status)?.[1]);
  return { rss: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024 };
}
