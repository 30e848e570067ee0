import { call } from '../services/api';
import { useRemote } from './use-remote';

/** The caller's profile (`user.me`): name, roles and place, kept for the session and asked anew when the persona changes. */
export function useMe() {
  return useRemote((again) => call('user.me', {}, { fresh: again }));
}
