/** A star level: reached from `min` points upward. Lists are ordered from the lowest level. */
export interface StarLevel {
  readonly stars: number;
  readonly name: string;
  readonly min: number;
}

/** The highest level whose threshold `value` reaches (the lowest one for anything below it). */
export function levelFor<L extends StarLevel>(levels: readonly L[], value: number): L {
  return [...levels].reverse().find((l) => value >= l.min) ?? levels[0];
}
