import { wgs84ToGcj02 } from '../../../src/utils/gcj02';

// Reference pairs published with the eviltransform formula (googollee/eviltransform's test suite).
const references = [
  { place: '上海', wgs: { latitude: 31.1774276, longitude: 121.5272106 }, gcj: { latitude: 31.17530398364597, longitude: 121.531541859215 } },
  { place: '深圳', wgs: { latitude: 22.543847, longitude: 113.912316 }, gcj: { latitude: 22.540796131694766, longitude: 113.9171764808363 } },
  { place: '北京', wgs: { latitude: 39.911954, longitude: 116.377817 }, gcj: { latitude: 39.91334545536069, longitude: 116.38404722455657 } },
];

describe('WGS-84 → GCJ-02', () => {
  it.each(references)('$place lands on the published GCJ-02 point (within 1e-6°, about 10 cm)', ({ wgs, gcj }) => {
    const got = wgs84ToGcj02(wgs);
    expect(Math.abs(got.latitude - gcj.latitude)).toBeLessThan(1e-6);
    expect(Math.abs(got.longitude - gcj.longitude)).toBeLessThan(1e-6);
  });

  it('moves a point in China by a few hundred metres, never more than a kilometre', () => {
    const wgs = { latitude: 34.2658, longitude: 108.9541 };
    const got = wgs84ToGcj02(wgs);
    const metres = Math.hypot(
      (got.latitude - wgs.latitude) * 111_000,
      (got.longitude - wgs.longitude) * 111_000 * Math.cos((wgs.latitude * Math.PI) / 180),
    );
    expect(metres).toBeGreaterThan(100);
    expect(metres).toBeLessThan(1000);
  });

  it('leaves a point outside China where it is', () => {
    expect(wgs84ToGcj02({ latitude: 51.5007, longitude: -0.1246 })).toEqual({ latitude: 51.5007, longitude: -0.1246 });
    expect(wgs84ToGcj02({ latitude: -33.8568, longitude: 151.2153 })).toEqual({ latitude: -33.8568, longitude: 151.2153 });
  });
});
