import type { z } from 'zod';
import type { Role } from '../domain/roles';

/**
 * One action of one cloud function: its input and output schemas and who may call it.
 * `roles` is checked before the use case runs; an action with no roles can be called by no one
 * (deny by default). `'registered'` means any registered user, whatever their roles; `'public'` admits a
 * WeChat user without a record too (the welcome, the join flow and what a newcomer may browse).
 */
export interface ActionSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  name: `${string}.${string}`;
  summary: string;
  readonly input: I;
  readonly output: O;
  roles: readonly Role[] | 'registered' | 'public';
  /** Mutating actions accept a requestId and replay the first reply on a retry. */
  mutates: boolean;
}

/**
 * What a contract file declares: the schemas as functions that build them. A cloud function's cold start would
 * otherwise build every schema of its area (hundreds of zod objects) to answer one action; each is built the
 * first time `input` or `output` is read, then kept.
 */
export type ActionDeclaration<I extends z.ZodType, O extends z.ZodType> = Omit<ActionSpec<I, O>, 'input' | 'output'> & {
  input: () => I;
  output: () => O;
};

/** Keeps the literal name (`'wish.create'`), so the registry can key input and output types by it. */
export function defineAction<N extends `${string}.${string}`, I extends z.ZodType, O extends z.ZodType>(
  declared: ActionDeclaration<I, O> & { name: N },
): ActionSpec<I, O> & { name: N } {
  const { input, output, ...spec } = declared;
  const built: { input?: I; output?: O } = {};
  return {
    ...spec,
    get input() {
      return (built.input ??= input());
    },
    get output() {
      return (built.output ??= output());
    },
  };
}

/**
 * Actions served by another area's function: `role.*` changes people's profiles, which the `user` function owns
 * (and the cold start of a function of its own would buy nothing); `member.*` and `unit.*` (双报到) are served by `report`;
 * `helper.*` (代办人) binds people, whose profiles `user` owns; `family.*` (家庭邀请码) places people at a home;
 * `hotline.*` (热线对接) is the district admin's, as the org tree is — the open311 function itself answers HTTP only;
 * `care.*` (红黄蓝走访) works on the households of the 人口台账, which `roster` owns; `list.*` (三张清单) are the
 * `project` function's lists of needs, resources and projects.
 */
const servedBy: Record<string, string> = {
  role: 'user',
  member: 'report',
  unit: 'report',
  helper: 'user',
  family: 'user',
  hotline: 'org',
  care: 'roster',
  list: 'project',
};

/** The cloud function an action belongs to: `wish.create` → `wish`, `role.grant` → `user`. */
export function areaOf(action: string): string {
  const prefix = action.slice(0, action.indexOf('.'));
  return servedBy[prefix] ?? prefix;
}
