import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import * as contract from '../../src/shared/contract';
import { actions, areaOf, type ActionSpec } from '../../src/shared/contract';
import type { Handler } from '../../cloudfunctions/_lib/platform/handler';

// The registry is built from each contract file's own list, and each function names its handlers: nothing
// keeps those lists in step but this. An action without a handler answers UNKNOWN_ACTION in production.
const root = join(__dirname, '../..');

/** The cloud functions as scripts/build-cloud.mjs finds them: every folder with an index.ts, but _lib. */
const areas = readdirSync(join(root, 'cloudfunctions'), { withFileTypes: true })
  .filter((d) => d.isDirectory() && !d.name.startsWith('_') && existsSync(join(root, 'cloudfunctions', d.name, 'index.ts')))
  .map((d) => d.name);

function handlersOf(area: string): Handler[] {
  return (require(join(root, 'cloudfunctions', area, 'index.ts')) as { handlers: Handler[] }).handlers;
}

function isSpec(value: unknown): value is ActionSpec {
  return typeof value === 'object' && value !== null && 'name' in value && 'input' in value && 'output' in value && 'roles' in value;
}

describe('the action registry', () => {
  const handled = areas.flatMap((area) => handlersOf(area).map((handler) => ({ area, handler })));

  it('finds the functions and their handlers', () => {
    expect(areas.sort()).toEqual([
      'council',
      'mall',
      'merchant',
      'migrate',
      'notify',
      'open311',
      'org',
      'petition',
      'points',
      'post',
      'project',
      'report',
      'review',
      'roster',
      'shop',
      'user',
      'wish',
    ]);
    // open311 answers CloudBase HTTP access (Open311 GeoReport v2), not mini-program actions: it has none; nor has
    // migrate, run by the deploy and the emulator (no caller).
    const actionless = ['open311', 'migrate'];
    for (const area of areas) if (!actionless.includes(area)) expect(handlersOf(area).length).toBeGreaterThan(0);
    for (const area of actionless) expect(handlersOf(area)).toEqual([]);
  });

  it('holds every action a contract file declares', () => {
    const declared = (Object.values(contract) as unknown[]).filter(isSpec);
    expect(declared.length).toBeGreaterThan(0);
    for (const spec of declared) expect(actions[spec.name as keyof typeof actions]).toBe(spec);
  });

  it('every action has exactly one handler, in the function of its area', () => {
    for (const name of Object.keys(actions)) {
      const owners = handled.filter(({ handler }) => handler.spec.name === name).map(({ area }) => area);
      expect({ name, owners }).toEqual({ name, owners: [areaOf(name)] });
    }
  });

  it('every handler serves an action of the registry (the very spec), in its own area', () => {
    for (const { area, handler } of handled) {
      const { name } = handler.spec;
      expect({ name, area: areaOf(name), registered: actions[name as keyof typeof actions] === handler.spec }).toEqual({
        name,
        area,
        registered: true,
      });
    }
  });
});
