import { z } from 'zod';
import { actions, areaOf, errorCodes, errorMessages, eventSchema, replySchema } from '../../src/shared/contract';

describe('contract', () => {
  const specs = Object.values(actions);

  it('names every action <area>.<verb> after its key', () => {
    for (const [name, spec] of Object.entries(actions)) {
      expect(spec.name).toBe(name);
      expect(name).toMatch(/^[a-z]+\.[a-zA-Z]+$/);
      expect(eventSchema.safeParse({ action: name }).success).toBe(true);
    }
    expect(new Set(specs.map((s) => areaOf(s.name)))).toEqual(
      new Set([
        'user',
        'wish',
        'notify',
        'points',
        'mall',
        'petition',
        'merchant',
        'shop',
        'org',
        'roster',
        'post',
        'report',
        'review',
        'project',
        'council',
      ]),
    );
  });

  it('every action names who may call it (deny by default: never an empty list)', () => {
    for (const spec of specs) expect(spec.roles === 'registered' || spec.roles === 'public' || spec.roles.length > 0).toBe(true);
  });

  it('only the join flow and what a newcomer may browse answer a caller without a record', () => {
    const open = specs.filter((s) => s.roles === 'public').map((s) => s.name);
    expect(open.sort()).toEqual(
      [
        'family.join',
        'notify.templates',
        'shop.listVirtue',
        'user.join',
        'user.joinPlaces',
        'user.joinStatus',
        'wish.categories',
        'wish.listWall',
      ].sort(),
    );
  });

  it('every input and output converts to JSON Schema (what the emulator publishes at /__emulator/api)', () => {
    for (const spec of specs) {
      expect(z.toJSONSchema(spec.input, { io: 'input' })).toHaveProperty('type', 'object');
      expect(z.toJSONSchema(spec.output)).toHaveProperty('type', 'object');
    }
  });

  it('inputs reject fields they do not name, so a payload cannot smuggle an identity', () => {
    expect(actions['wish.listMine'].input.safeParse({ openid: 'someone' }).success).toBe(false);
  });

  it('every error code has a Chinese message', () => {
    for (const code of errorCodes) expect(errorMessages[code]).toMatch(/[\u4e00-\u9fa5]/);
  });

  it('the reply envelope is data or a known code', () => {
    const reply = replySchema(z.object({ n: z.number() }));
    expect(reply.safeParse({ ok: true, data: { n: 1 } }).success).toBe(true);
    expect(reply.safeParse({ ok: false, code: 'BAD_INPUT', message: '填写有误' }).success).toBe(true);
    expect(reply.safeParse({ ok: false, code: 'MADE_UP', message: 'x' }).success).toBe(false);
  });

  it('requestIds are short opaque tokens', () => {
    expect(eventSchema.safeParse({ action: 'wish.create', requestId: 'req-0001-abcd' }).success).toBe(true);
    expect(eventSchema.safeParse({ action: 'wish.create', requestId: 'x' }).success).toBe(false);
    expect(eventSchema.safeParse({ action: 'wish.create', requestId: 'a b c d e f g h' }).success).toBe(false);
  });
});
