import type { Role } from '../shared/domain/roles';
import { forgetGuest } from './guest';

/** A seeded demo user as the emulator lists them (`GET /__emulator/personas`). Dev/H5 only. */
export interface Persona {
  openid: string;
  name: string;
  roles: Role[];
  orgUnits: { id: string; kind: string; name: string }[];
  note: string;
}

const STORAGE_KEY = 'linli.demoPersona';
type Listener = (persona: Persona | null) => void;
const listeners = new Set<Listener>();

/**
 * On WeChat the caller is whoever is signed in to WeChat, so there is nothing to choose and this is null.
 * On H5 it is the demo persona picked in the switcher, remembered across reloads.
 */
export function currentPersona(): Persona | null {
  if (process.env.TARO_ENV !== 'h5') return null;
  try {
    const raw = window.localStorage.getItem(STORAGE_KEY);
    return raw ? (JSON.parse(raw) as Persona) : null;
  } catch {
    return null;
  }
}

export function choosePersona(persona: Persona | null): void {
  forgetGuest();
  if (persona) window.localStorage.setItem(STORAGE_KEY, JSON.stringify(persona));
  else window.localStorage.removeItem(STORAGE_KEY);
  listeners.forEach((listener) => listener(persona));
}

export function onPersonaChange(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export async function fetchPersonas(): Promise<Persona[]> {
  const res = await fetch('/__emulator/personas');
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
  return (await res.json()) as Persona[];
}

/** Whether this build needs someone to pick a persona before it can call anything. */
export const needsPersona = process.env.TARO_ENV === 'h5';
