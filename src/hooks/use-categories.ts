import { call } from '../services/api';
import { useRemote } from './use-remote';

/** 心愿类别 with their points ranges (`wish.categories`), kept for the session. */
export function useCategories() {
  return useRemote((again) => call('wish.categories', {}, { fresh: again }));
}
