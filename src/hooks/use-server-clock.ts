import { useEffect, useState } from 'react';
import { serverNow } from '../utils/petition-clock';

/**
 * The server's clock, ticking: counts on from the `serverTime` a read reported, so countdowns never trust
 * the phone's date. Null until the first read.
 */
export function useServerClock(serverTime: string | undefined, tickMs = 30_000): number | null {
  const [readAt, setReadAt] = useState(() => Date.now());
  const [phoneNow, setPhoneNow] = useState(readAt);
  useEffect(() => {
    const at = Date.now();
    setReadAt(at);
    setPhoneNow(at);
  }, [serverTime]);
  useEffect(() => {
    const timer = setInterval(() => setPhoneNow(Date.now()), tickMs);
    return () => clearInterval(timer);
  }, [tickMs]);
  return serverTime ? serverNow(serverTime, readAt, Math.max(readAt, phoneNow)) : null;
}
