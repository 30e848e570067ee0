import { call } from '../services/api';
import { useRemote } from './use-remote';

/** 诉求类别树 and the departments a street can summon (`petition.categories`), kept for the session. */
export function usePetitionCategories() {
  return useRemote((again) => call('petition.categories', {}, { fresh: again }));
}
