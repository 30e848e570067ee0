import { useEffect, useState } from 'react';
import { careModeOn, onCareModeChange } from '../services/care-mode';
import { onPersonaChange } from '../services/persona';

/** Whether 关怀模式 is on: the kept answer at once, then whatever the server or the person says. */
export function useCareMode(): boolean {
  const [on, setOn] = useState(careModeOn);
  useEffect(() => {
    const offMode = onCareModeChange(setOn);
    const offPersona = onPersonaChange(() => setOn(careModeOn()));
    return () => {
      offMode();
      offPersona();
    };
  }, []);
  return on;
}
