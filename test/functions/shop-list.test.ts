import { ok, useEmulator } from './call';
import { merchant, sun } from './personas';

const env = useEmulator();
const { call } = env;

describe('staff see every shop of their community', () => {
  it('lists seeded and suspended shops with their status, so they can be inspected or resumed', async () => {
    const names = ok(await call(sun, 'shop.list')).items.map((s: any) => [s.id, s.status]);
    expect(names).toEqual(
      expect.arrayContaining([
        ['shop-zhouji', 'active'],
        ['shop-fangji', 'active'],
      ]),
    );
    ok(await call(sun, 'merchant.suspend', { shopId: 'shop-zhouji', suspend: true, reason: '价格不实，整改中' }, 'suspend-zhouji-1'));
    const zhouji = ok(await call(sun, 'shop.list')).items.find((s: any) => s.id === 'shop-zhouji');
    expect(zhouji).toMatchObject({ status: 'suspended', suspendReason: '价格不实，整改中', ownerName: '周海' });
    expect((await env.emu.meter()).flatMap((r) => r.uncovered)).toEqual([]);
  });

  it('is for community staff only', async () => {
    expect(await call(merchant, 'shop.list')).toMatchObject({ ok: false, code: 'FORBIDDEN_ROLE' });
  });
});
