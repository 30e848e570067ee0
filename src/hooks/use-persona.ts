import { useEffect, useState } from 'react';
import { currentPersona, onPersonaChange, type Persona } from '../services/persona';

/** The demo persona acting on H5 (always null on weapp), re-rendering when someone switches. */
export function usePersona(): Persona | null {
  const [persona, setPersona] = useState(currentPersona);
  useEffect(() => onPersonaChange(setPersona), []);
  return persona;
}
