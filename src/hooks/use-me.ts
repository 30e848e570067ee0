import { call } from '../services/api';
import { useRemote } from './use-remote';

/** The caller's profile (`user.me`): name, roles and place, refetched when the persona changes. */
export function useMe() {
  return useRemote(() => call('user.me', {}));
}
