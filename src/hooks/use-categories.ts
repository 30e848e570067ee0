import { call } from '../services/api';
import { useRemote } from './use-remote';

/** 心愿类别 with their points ranges (`wish.categories`). */
export function useCategories() {
  return useRemote(() => call('wish.categories', {}));
}
