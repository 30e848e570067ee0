import Taro from '@tarojs/taro';
import type { Output } from '../../shared/contract';

export type OrgUnitView = Output<'org.upsertUnit'>['unit'];

/** A unit the form page saved, and the parent it had before (a move), for the tree page to show without reading again. */
export interface UnitSaved {
  unit: OrgUnitView;
  previousParentId: string | null;
}

const UNIT_SAVED = 'org:unit-saved';

export function announceUnitSaved(change: UnitSaved): void {
  Taro.eventCenter.trigger(UNIT_SAVED, change);
}

export function onUnitSaved(listener: (change: UnitSaved) => void): () => void {
  Taro.eventCenter.on(UNIT_SAVED, listener);
  return () => Taro.eventCenter.off(UNIT_SAVED, listener);
}

/** 2026-12-04, the day in China. */
export function chinaDay(iso: string): string {
  return new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 10);
}
