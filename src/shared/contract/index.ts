import type { z } from 'zod';
// Before any schema parses: zod's messages in Chinese wherever the contract is loaded.
import './zod-locale';
import type { ActionSpec } from './action';
import { notifySubscribe, notifyTemplates } from './notify';
import {
  pointsApproveAward,
  pointsAward,
  pointsBalance,
  pointsDeduct,
  pointsHistory,
  pointsPendingAwards,
  pointsReconcile,
  pointsReverse,
} from './points';
import { mallCancel, mallFulfil, mallListItems, mallListOrders, mallOrder, mallSetItem } from './mall';
import { merchantApplications, merchantApply, merchantMine, merchantReview, merchantSetRules, merchantSuspend } from './merchant';
import {
  merchantCharge,
  merchantHistory,
  merchantRefund,
  merchantScan,
  merchantVerifyLevel,
  pointsConfirmHold,
  pointsIssueCode,
  pointsPendingHolds,
  pointsRejectHold,
} from './redeem';
import { shopGet, shopHistory, shopInspect, shopListVirtue, shopRate, shopList } from './shop';
import { pointsCloseMonth, pointsPartyEntries, pointsPartyEntry, pointsPartyItems, pointsRanking } from './party';
import { pointsFeeRelief, pointsRules, pointsSetRules } from './point-rules';
import {
  petitionAccept,
  petitionCategories,
  petitionConclude,
  petitionConvene,
  petitionCosign,
  petitionCreate,
  petitionDecide,
  petitionDismiss,
  petitionEscalate,
  petitionGet,
  petitionListMine,
  petitionListQueue,
  petitionPlaces,
  petitionRate,
  petitionReopen,
  petitionReport,
  petitionResolve,
  petitionSimilar,
  petitionSummon,
} from './petition';
import { userListMembers, userListPeople, userMe } from './user';
import { pointsGrantVirtue, pointsSetVirtueItem, pointsVirtueCatalogue } from './virtue';
import {
  wishApprove,
  wishCancel,
  wishCategories,
  wishCheckIn,
  wishClaim,
  wishComplete,
  wishConfirm,
  wishCreate,
  wishDispatch,
  wishGet,
  wishListMine,
  wishListQueue,
  wishListTasks,
  wishListWall,
  wishReject,
  wishRelease,
} from './wish';

export * from './action';
export * from './envelope';
export * from './errors';
export * from './common';
export * from './notify';
export * from './mall';
export * from './merchant';
export * from './party';
export * from './point-rules';
export * from './petition';
export * from './points';
export * from './redeem';
export * from './shop';
export * from './user';
export * from './virtue';
export * from './wish';

const all = [
  userMe,
  userListMembers,
  userListPeople,
  wishCategories,
  wishCreate,
  wishApprove,
  wishReject,
  wishListMine,
  wishListWall,
  wishListQueue,
  wishListTasks,
  wishGet,
  wishClaim,
  wishDispatch,
  wishRelease,
  wishCheckIn,
  wishComplete,
  wishConfirm,
  wishCancel,
  notifyTemplates,
  notifySubscribe,
  pointsBalance,
  pointsHistory,
  pointsAward,
  pointsDeduct,
  pointsReverse,
  pointsReconcile,
  pointsPendingAwards,
  pointsApproveAward,
  pointsPartyItems,
  pointsPartyEntry,
  pointsPartyEntries,
  pointsRanking,
  pointsCloseMonth,
  pointsVirtueCatalogue,
  pointsSetVirtueItem,
  pointsGrantVirtue,
  pointsFeeRelief,
  pointsRules,
  pointsSetRules,
  mallListItems,
  mallOrder,
  mallFulfil,
  mallCancel,
  mallListOrders,
  mallSetItem,
  petitionCategories,
  petitionCreate,
  petitionPlaces,
  petitionSimilar,
  petitionCosign,
  petitionAccept,
  petitionReport,
  petitionResolve,
  petitionDismiss,
  petitionEscalate,
  petitionSummon,
  petitionConvene,
  petitionDecide,
  petitionRate,
  petitionReopen,
  petitionConclude,
  petitionGet,
  petitionListMine,
  petitionListQueue,
  merchantApply,
  merchantApplications,
  merchantReview,
  merchantSuspend,
  merchantMine,
  merchantSetRules,
  pointsIssueCode,
  merchantScan,
  merchantCharge,
  merchantVerifyLevel,
  merchantRefund,
  merchantHistory,
  pointsPendingHolds,
  pointsConfirmHold,
  pointsRejectHold,
  shopGet,
  shopRate,
  shopInspect,
  shopListVirtue,
  shopList,
  shopHistory,
] as const;

type Registry = { [S in (typeof all)[number] as S['name']]: S };

/** Every action of every cloud function, by name: the one list clients, functions and the emulator share. */
export const actions = Object.fromEntries(all.map((spec) => [spec.name, spec])) as Registry;

export type ActionName = keyof Registry;
export type Input<A extends ActionName> = z.input<Registry[A]['input']>;
export type ParsedInput<A extends ActionName> = z.output<Registry[A]['input']>;
export type Output<A extends ActionName> = z.output<Registry[A]['output']>;

export function isActionName(name: string): name is ActionName {
  return Object.prototype.hasOwnProperty.call(actions, name);
}

export function actionsOfArea(area: string): ActionSpec[] {
  return all.filter((spec) => spec.name.startsWith(`${area}.`));
}
