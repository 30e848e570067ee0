import { call } from '../services/api';
import { useRemote } from './use-remote';

/** 诉求类别树 and the departments a street can summon (`petition.categories`). */
export function usePetitionCategories() {
  return useRemote(() => call('petition.categories', {}));
}
