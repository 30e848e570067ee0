import type { z } from 'zod';
// Before any schema parses: zod's messages in Chinese wherever the contract is loaded.
import './zod-locale';
import { areaOf, type ActionSpec } from './action';
import { bulletinActions } from './bulletin';
import { categoryActions } from './categories';
import { councilActions } from './council';
import { familyActions } from './family';
import { helperActions } from './helper';
import { mallActions } from './mall';
import { merchantActions } from './merchant';
import { notifyActions } from './notify';
import { hotlineActions } from './hotline';
import { orgActions } from './org';
import { partyActions } from './party';
import { petitionActions } from './petition';
import { pointRuleActions } from './point-rules';
import { pointsActions } from './points';
import { postActions } from './post';
import { projectActions } from './project';
import { redeemActions } from './redeem';
import { reportActions } from './report';
import { reviewActions } from './review';
import { roleActions } from './role';
import { rosterActions } from './roster';
import { careActions } from './care';
import { shopActions } from './shop';
import { statsActions } from './stats';
import { statsCheckActions } from './stats-check';
import { exportActions } from './export';
import { userActions } from './user';
import { virtueActions } from './virtue';
import { wishActions } from './wish';

export * from './action';
export * from './envelope';
export * from './errors';
export * from './common';
export * from './bulletin';
export * from './categories';
export * from './council';
export * from './family';
export * from './helper';
export * from './notify';
export * from './hotline';
export * from './org';
export * from './mall';
export * from './merchant';
export * from './party';
export * from './point-rules';
export * from './petition';
export * from './points';
export * from './post';
export * from './project';
export * from './redeem';
export * from './report';
export * from './review';
export * from './role';
export * from './roster';
export * from './care';
export * from './shop';
export * from './stats';
export * from './stats-check';
export * from './export';
export * from './user';
export * from './virtue';
export * from './wish';

// Each area file lists what it declares; a new area file is added here once, its actions never are.
const all = [
  ...userActions,
  ...wishActions,
  ...notifyActions,
  ...pointsActions,
  ...partyActions,
  ...virtueActions,
  ...pointRuleActions,
  ...mallActions,
  ...petitionActions,
  ...merchantActions,
  ...redeemActions,
  ...shopActions,
  ...statsActions,
  ...bulletinActions,
  ...statsCheckActions,
  ...exportActions,
  ...orgActions,
  ...hotlineActions,
  ...roleActions,
  ...categoryActions,
  ...rosterActions,
  ...careActions,
  ...postActions,
  ...projectActions,
  ...reportActions,
  ...helperActions,
  ...familyActions,
  ...reviewActions,
  ...councilActions,
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
  return all.filter((spec) => areaOf(spec.name) === area);
}
