import { createFunction } from '../_lib/platform/handler';
import { cosign, similar } from './cosign';
import { createPetition } from './create-petition';
import { accept, conclude, convene, decide, dismiss, escalate, reopen, report, resolve, summon } from './handle-petition';
import { categories, getPetition, listMine, listQueue } from './list-petitions';
import { setCategory } from './set-category';
import { places } from './places';
import { rate } from './rate-petition';
import { issueCard, listSupervised, orderEscalate, orderReassign, reassignChoices } from './supervise';
import { sweep } from './sweep';
import { urge } from './urge';
import { decideExtension, requestExtension } from './extension';
import { confirm, verify } from './verify-petition';

// 微诉求: 网格预警 → 社区吹哨 → 街道统筹 → 部门报到 → 区级办结, one action per step, and the ladder's timer.
/** One handler per petition.* action of the contract, and none besides (test/unit/registry.test.ts). */
export const handlers = [
  categories,
  setCategory,
  createPetition,
  places,
  similar,
  cosign,
  urge,
  requestExtension,
  decideExtension,
  accept,
  report,
  resolve,
  dismiss,
  escalate,
  summon,
  convene,
  decide,
  verify,
  confirm,
  rate,
  reopen,
  conclude,
  getPetition,
  listMine,
  listQueue,
  listSupervised,
  issueCard,
  orderEscalate,
  orderReassign,
  reassignChoices,
];

export const main = createFunction('petition', handlers, { sweep });
