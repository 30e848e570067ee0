import type { WishStatus } from '../../shared/domain/wish';

/** The colour family of a status chip: what the resident should feel about it at a glance. */
export type Tone = 'waiting' | 'open' | 'active' | 'done' | 'stopped';

const tones: Record<WishStatus, Tone> = {
  submitted: 'waiting',
  approved: 'open',
  claimed: 'active',
  in_service: 'active',
  done: 'waiting',
  confirmed: 'done',
  rejected: 'stopped',
  cancelled: 'stopped',
};

// WeUI palette: orange waits, green is open to act on, blue is under way, grey is over, red stopped.
const palette: Record<Tone, { color: string; background: string }> = {
  waiting: { color: '#c87d0a', background: '#fff5e0' },
  open: { color: '#07c160', background: '#e8f8ef' },
  active: { color: '#1485ee', background: '#e6f2fd' },
  done: { color: '#4c4c4c', background: '#ededed' },
  stopped: { color: '#fa5151', background: '#fdeceb' },
};

// 关怀模式: the same families, the text dark enough to read at a glance (WCAG AA on the chip's background).
const carePalette: Record<Tone, { color: string; background: string }> = {
  waiting: { color: '#8f5600', background: '#fff5e0' },
  open: { color: '#067d3f', background: '#e8f8ef' },
  active: { color: '#0b5fb0', background: '#e6f2fd' },
  done: { color: '#262626', background: '#ededed' },
  stopped: { color: '#c9271f', background: '#fdeceb' },
};

export function toneOf(status: string): Tone {
  return (tones as Record<string, Tone | undefined>)[status] ?? 'waiting';
}

/** Inline style for a chip; both the H5 chip and the native weapp component use it, so colours live here only. */
export function chipStyle(status: string, care = false): string {
  const { color, background } = (care ? carePalette : palette)[toneOf(status)];
  return `color:${color};background-color:${background}`;
}
