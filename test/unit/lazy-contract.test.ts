import { z } from 'zod';
import {
  actions,
  councilTopicSchema,
  defineAction,
  householdSchema,
  meSchema,
  orgNodeSchema,
  petitionDetailSchema,
  petitionViewSchema,
  projectViewSchema,
  wishDetailSchema,
  wishViewSchema,
} from '../../src/shared/contract';

// A cloud function answers one action per call: its cold start must not build the schemas of all the others.
describe('action schemas are built on first use', () => {
  it('defineAction builds input and output when first read, and once', () => {
    const built = { input: 0, output: 0 };
    const spec = defineAction({
      name: 'test.lazy',
      summary: '',
      input: () => (built.input++, z.object({ a: z.string() })),
      output: () => (built.output++, z.object({})),
      roles: 'registered',
      mutates: false,
    });
    expect(built).toEqual({ input: 0, output: 0 });
    expect(spec.input.safeParse({ a: 'x' }).success).toBe(true);
    expect(spec.input.safeParse({}).success).toBe(false);
    expect(built).toEqual({ input: 1, output: 0 });
    expect(spec.output).toBe(spec.output);
    expect(built).toEqual({ input: 1, output: 1 });
  });

  it('every action of the contract is declared that way', () => {
    const eager = Object.values(actions).filter((spec) =>
      (['input', 'output'] as const).some((key) => Object.getOwnPropertyDescriptor(spec, key)?.get === undefined),
    );
    expect(eager.map((spec) => spec.name)).toEqual([]);
  });

  it('the large views many actions share are built on first use too: a cold start pays for none it does not answer', () => {
    const views = {
      councilTopicSchema,
      householdSchema,
      meSchema,
      orgNodeSchema,
      petitionDetailSchema,
      petitionViewSchema,
      projectViewSchema,
      wishDetailSchema,
      wishViewSchema,
    };
    for (const [name, schema] of Object.entries(views)) expect([name, schema instanceof z.ZodLazy]).toEqual([name, true]);
    // Built, a view still refuses what it does not name and an extended one still has its base's fields.
    expect(wishDetailSchema.safeParse({}).success).toBe(false);
    expect(z.toJSONSchema(petitionDetailSchema)).toMatchObject({ properties: { id: { type: 'string' }, timeline: { type: 'array' } } });
  });
});
