// Geo through the real wx-server-sdk: db.Geo values stored and read back, the geoNear / geoWithin /
// geoIntersects commands and the aggregate geoNear stage, with a 2dsphere index declared as on the cloud.
// Points on one meridian are a known distance apart: 0.01° of latitude is 6,378,100 m × π / 18,000 ≈ 1,113.2 m
// on MongoDB's sphere.
import path from 'node:path';
import { startHarness, type Harness } from './sdk-harness';

const indexesFile = path.join(__dirname, 'fixtures', 'geo-indexes.json');
const LNG = 120.15;
const LAT = 30.28;
const M_PER_DEG = (6378.1 * 1000 * Math.PI) / 180;

let h: Harness;
let db: any;
let _: any;
beforeAll(async () => {
  h = await startHarness({ indexesFile });
  db = h.db;
  _ = db.command;
});
afterAll(() => h.close());

const ids = (res: { data?: { _id: unknown }[]; list?: { _id: unknown }[] }) => (res.data ?? res.list ?? []).map((d) => d._id);
const failure = (p: Promise<unknown>) =>
  p.then(
    () => 'resolved',
    (err: Error) => String(err.message),
  );

/** Cases north of the centre along its meridian, `dLat` degrees away (0.001° ≈ 111 m). */
const cases = [
  { _id: 'c-far', dLat: 0.05, category: 'water', status: 'open' },
  { _id: 'c-500', dLat: 0.0045, category: 'water', status: 'open' },
  { _id: 'c-100', dLat: 0.0009, category: 'water', status: 'open' },
  { _id: 'c-300', dLat: 0.0027, category: 'lights', status: 'open' },
  { _id: 'c-900', dLat: 0.0081, category: 'water', status: 'closed' },
];

beforeEach(async () => {
  h.engine.load({ cases: [], plain: [], twin: [] });
  for (const c of cases) {
    await db.collection('cases').add({ data: { _id: c._id, category: c.category, status: c.status, location: db.Geo.Point(LNG, LAT + c.dLat) } });
  }
});

describe('db.Geo values', () => {
  it('stores a Point as GeoJSON and reads it back as a db.Geo.Point', async () => {
    expect(h.engine.find('cases', { _id: 'c-100' })[0].location).toEqual({ type: 'Point', coordinates: [LNG, LAT + 0.0009] });
    const { data } = await db.collection('cases').doc('c-100').get();
    // db.Geo.Point is a factory; the SDK turns the stored GeoJSON back into its Point class.
    expect(data.location.constructor.name).toBe('Point');
    expect([data.location.longitude, data.location.latitude]).toEqual([LNG, LAT + 0.0009]);
  });

  it('stores a LineString and a Polygon as the SDK encodes them and reads them back', async () => {
    const p = (lng: number, lat: number) => db.Geo.Point(lng, lat);
    const route = db.Geo.LineString([p(120, 30), p(120.01, 30.01)]);
    const block = db.Geo.Polygon([db.Geo.LineString([p(120, 30), p(120.01, 30), p(120.01, 30.01), p(120, 30)])]);
    await db.collection('plain').add({ data: { _id: 'shapes', route, block } });
    expect(h.engine.find('plain', { _id: 'shapes' })[0]).toMatchObject({
      route: {
        type: 'LineString',
        coordinates: [
          [120, 30],
          [120.01, 30.01],
        ],
      },
      block: {
        type: 'Polygon',
        coordinates: [
          [
            [120, 30],
            [120.01, 30],
            [120.01, 30.01],
            [120, 30],
          ],
        ],
      },
    });
    const { data } = await db.collection('plain').doc('shapes').get();
    expect(data.route.constructor.name).toBe('LineString');
    expect(data.block.constructor.name).toBe('Polygon');
  });
});

describe('geoNear', () => {
  const centre = () => db.Geo.Point(LNG, LAT);

  it('answers the documents within maxDistance metres, nearest first', async () => {
    const res = await db
      .collection('cases')
      .where({ location: _.geoNear({ geometry: centre(), maxDistance: 1000 }) })
      .get();
    expect(ids(res)).toEqual(['c-100', 'c-300', 'c-500', 'c-900']);
  });

  it('keeps minDistance, other conditions, skip and limit, and yields to an explicit order', async () => {
    const near = (opts: object) => _.geoNear({ geometry: centre(), ...opts });
    const water = await db
      .collection('cases')
      .where({ category: 'water', status: 'open', location: near({ maxDistance: 10_000 }) })
      .get();
    expect(ids(water)).toEqual(['c-100', 'c-500', 'c-far']);
    const ring = await db
      .collection('cases')
      .where({ location: near({ minDistance: 200, maxDistance: 1000 }) })
      .get();
    expect(ids(ring)).toEqual(['c-300', 'c-500', 'c-900']);
    const page = await db
      .collection('cases')
      .where({ location: near({}) })
      .skip(1)
      .limit(2)
      .get();
    expect(ids(page)).toEqual(['c-300', 'c-500']);
    const ordered = await db
      .collection('cases')
      .where({ location: near({ maxDistance: 1000 }) })
      .orderBy('_id', 'desc')
      .get();
    expect(ids(ordered)).toEqual(['c-900', 'c-500', 'c-300', 'c-100']);
    expect(
      await db
        .collection('cases')
        .where({ location: near({ maxDistance: 400 }) })
        .count(),
    ).toMatchObject({ total: 2 });
  });

  it('measures on MongoDB’s sphere: 0.0045° of latitude is 500.9 m, inside 501.9 m and outside 499.9 m', async () => {
    const within = (maxDistance: number) =>
      db
        .collection('cases')
        .where({ _id: 'c-500', location: _.geoNear({ geometry: centre(), maxDistance }) })
        .get();
    expect(ids(await within(0.0045 * M_PER_DEG + 1))).toEqual(['c-500']);
    expect(ids(await within(0.0045 * M_PER_DEG - 1))).toEqual([]);
  });

  it('fails without a 2dsphere index on the field, as MongoDB does', async () => {
    await db.collection('plain').add({ data: { tag: 'a', spot: db.Geo.Point(LNG, LAT) } });
    const err = await failure(
      db
        .collection('plain')
        .where({ spot: _.geoNear({ geometry: centre(), maxDistance: 10 }) })
        .get(),
    );
    expect(err).toContain('unable to find index for $geoNear query');
    expect(err).toContain('2dsphere index on "spot" of plain');
  });

  it('must be a top-level condition, and only one', async () => {
    const near = () => _.geoNear({ geometry: centre(), maxDistance: 1000 });
    expect(
      await failure(
        db
          .collection('cases')
          .where(_.or([{ location: near() }, { category: 'water' }]))
          .get(),
      ),
    ).toContain('geo near must be top-level expr');
    expect(
      await failure(
        db
          .collection('cases')
          .where(_.and([{ location: near() }, { location: near() }]))
          .get(),
      ),
    ).toContain('Too many geoNear expressions');
  });

  it('is a covered query for the meter through the 2dsphere index', async () => {
    h.meter.length = 0;
    await db
      .collection('cases')
      .where({ location: _.geoNear({ geometry: centre(), maxDistance: 1000 }) })
      .get();
    expect(h.meter.at(-1)).toMatchObject({ action: 'database.getDocument', read: 4 });
    expect(h.meter.at(-1)?.uncovered).toBeUndefined();
    // geoWithin runs without an index, as in MongoDB, but then scans: the meter flags it.
    await db
      .collection('plain')
      .where({ spot: _.geoWithin({ centerSphere: [centre(), 0.001] }) })
      .get();
    expect(h.meter.at(-1)?.uncovered).toBeDefined();
    await db
      .collection('cases')
      .where({ location: _.geoWithin({ centerSphere: [centre(), 0.001] }) })
      .get();
    expect(h.meter.at(-1)?.uncovered).toBeUndefined();
  });
});

describe('geoWithin a centerSphere', () => {
  it('geoWithin a centerSphere (radius in radians) keeps the documents inside the cap', async () => {
    const radians = 600 / (6378.1 * 1000);
    const res = await db
      .collection('cases')
      .where({ location: _.geoWithin({ centerSphere: [db.Geo.Point(LNG, LAT), radians] }) })
      .orderBy('_id', 'asc')
      .get();
    expect(ids(res)).toEqual(['c-100', 'c-300', 'c-500']);
    const raw = await db
      .collection('cases')
      .where({ location: _.geoWithin({ centerSphere: [[LNG, LAT], radians] }), category: 'lights' })
      .get();
    expect(ids(raw)).toEqual(['c-300']);
  });

  it('geoWithin a centerSphere holds a LineString only when all of it is inside', async () => {
    const p = (dLat: number) => db.Geo.Point(LNG, LAT + dLat);
    await db.collection('cases').add({ data: { _id: 'route-in', location: db.Geo.LineString([p(0), p(0.002)]) } });
    await db.collection('cases').add({ data: { _id: 'route-out', location: db.Geo.LineString([p(0), p(0.02)]) } });
    const res = await db
      .collection('cases')
      .where({ _id: _.in(['route-in', 'route-out']), location: _.geoWithin({ centerSphere: [db.Geo.Point(LNG, LAT), 1000 / 6378100] }) })
      .get();
    expect(ids(res)).toEqual(['route-in']);
  });
});

describe('geoWithin a polygon and geoIntersects', () => {
  const p = (dLng: number, dLat: number) => db.Geo.Point(LNG + dLng, LAT + dLat);
  /** A closed ring through the given [dLng, dLat] corners, relative to the centre. */
  const ring = (...corners: [number, number][]) => db.Geo.LineString([...corners, corners[0]].map(([x, y]) => p(x, y)));
  /** The square of half-width 0.001° of longitude between two latitudes north of the centre. */
  const band = (from: number, to: number) => ring([-0.001, from], [0.001, from], [0.001, to], [-0.001, to]);
  const where = (cond: object) => db.collection('cases').where(cond).orderBy('_id', 'asc').get();

  it('geoWithin a Polygon keeps the stored Points inside it, with other conditions', async () => {
    expect(ids(await where({ location: _.geoWithin({ geometry: db.Geo.Polygon([band(0.002, 0.006)]) }) }))).toEqual(['c-300', 'c-500']);
    expect(ids(await where({ category: 'water', location: _.geoWithin({ geometry: db.Geo.Polygon([band(0.002, 0.006)]) }) }))).toEqual(['c-500']);
    // A triangle whose long side crosses the meridian at 0.005°: c-900 is in its bounding box but outside it.
    const triangle = db.Geo.Polygon([ring([-0.01, 0], [0.01, 0], [-0.01, 0.01])]);
    expect(ids(await where({ location: _.geoWithin({ geometry: triangle }) }))).toEqual(['c-100', 'c-300', 'c-500']);
    // A hole is outside the polygon.
    const holed = db.Geo.Polygon([band(0, 0.006), band(0.002, 0.003)]);
    expect(ids(await where({ location: _.geoWithin({ geometry: holed }) }))).toEqual(['c-100', 'c-500']);
  });

  it('geoWithin a MultiPolygon keeps the Points inside any of its polygons', async () => {
    const two = db.Geo.MultiPolygon([db.Geo.Polygon([band(0, 0.001)]), db.Geo.Polygon([band(0.008, 0.06)])]);
    expect(ids(await where({ location: _.geoWithin({ geometry: two }) }))).toEqual(['c-100', 'c-900', 'c-far']);
  });

  describe('of stored lines and polygons', () => {
    /** The square from 0.02° to 0.04° north of the centre, 0.01° of longitude either side: no case lies in it. */
    const square = () => ring([-0.01, 0.02], [0.01, 0.02], [0.01, 0.04], [-0.01, 0.04]);
    /** A hole in the square's middle, 0.028° to 0.032° north. */
    const hole = () => ring([-0.002, 0.028], [0.002, 0.028], [0.002, 0.032], [-0.002, 0.032]);
    const line = (...at: [number, number][]) => db.Geo.LineString(at.map(([x, y]) => p(x, y)));
    const shapes = () => ({
      'line-in': line([-0.005, 0.025], [0.005, 0.025]),
      'line-out': line([-0.005, 0.025], [0.02, 0.025]),
      'line-through-hole': line([0, 0.025], [0, 0.035]),
      'block-in': db.Geo.Polygon([ring([-0.005, 0.021], [0.005, 0.021], [0.005, 0.024], [-0.005, 0.024])]),
      'block-over': db.Geo.Polygon([ring([0.005, 0.021], [0.015, 0.021], [0.015, 0.024])]),
      'block-around-hole': db.Geo.Polygon([ring([-0.004, 0.026], [0.004, 0.026], [0.004, 0.034], [-0.004, 0.034])]),
      'block-same': db.Geo.Polygon([square()]),
      'points-edge': db.Geo.MultiPoint([p(0, 0.02), p(0, 0.025)]),
      'points-out': db.Geo.MultiPoint([p(0, 0.025), p(0, 0.045)]),
      'lines-in': db.Geo.MultiLineString([line([-0.005, 0.025], [0.005, 0.025]), line([-0.005, 0.035], [0.005, 0.035])]),
      'lines-out': db.Geo.MultiLineString([line([-0.005, 0.025], [0.005, 0.025]), line([-0.005, 0.035], [0.005, 0.045])]),
      'blocks-in': db.Geo.MultiPolygon([
        db.Geo.Polygon([ring([-0.005, 0.021], [0.005, 0.021], [0.005, 0.024])]),
        db.Geo.Polygon([ring([-0.005, 0.036], [0.005, 0.036], [0.005, 0.039])]),
      ]),
      'blocks-out': db.Geo.MultiPolygon([
        db.Geo.Polygon([ring([-0.005, 0.021], [0.005, 0.021], [0.005, 0.024])]),
        db.Geo.Polygon([ring([-0.005, 0.036], [0.005, 0.036], [0.005, 0.041])]),
      ]),
    });
    beforeEach(async () => {
      for (const [_id, location] of Object.entries(shapes())) await db.collection('cases').add({ data: { _id, kind: 'shape', location } });
    });
    const within = async (geometry: unknown) => ids(await where({ kind: 'shape', location: _.geoWithin({ geometry }) }));

    it('geoWithin a Polygon keeps the lines, polygons and Multi* wholly inside it, its boundary included', async () => {
      expect(await within(db.Geo.Polygon([square()]))).toEqual([
        'block-around-hole',
        'block-in',
        'block-same',
        'blocks-in',
        'line-in',
        'line-through-hole',
        'lines-in',
        'points-edge',
      ]);
    });

    it('geoWithin a Polygon with a hole leaves out what crosses or encloses the hole', async () => {
      // block-same is the square without its hole: it covers the hole.
      expect(await within(db.Geo.Polygon([square(), hole()]))).toEqual(['block-in', 'blocks-in', 'line-in', 'lines-in', 'points-edge']);
    });

    it('geoWithin an L-shaped Polygon leaves out a line and a polygon whose vertices are inside but which cross the notch', async () => {
      const notched = db.Geo.Polygon([ring([-0.01, 0.02], [0.01, 0.02], [0.01, 0.025], [-0.004, 0.025], [-0.004, 0.04], [-0.01, 0.04])]);
      await db.collection('cases').add({ data: { _id: 'line-across-notch', kind: 'notch', location: line([0.008, 0.022], [-0.008, 0.038]) } });
      await db
        .collection('cases')
        .add({ data: { _id: 'line-in-arm', kind: 'notch', location: line([0.008, 0.022], [-0.008, 0.022], [-0.008, 0.038]) } });
      const bridge = db.Geo.Polygon([ring([0.008, 0.021], [0.009, 0.021], [-0.008, 0.039], [-0.009, 0.039])]);
      await db.collection('cases').add({ data: { _id: 'block-across-notch', kind: 'notch', location: bridge } });
      const res = await where({ kind: 'notch', location: _.geoWithin({ geometry: notched }) });
      expect(ids(res)).toEqual(['line-in-arm']);
    });

    it('geoWithin a MultiPolygon keeps a shape inside one of its polygons', async () => {
      const two = db.Geo.MultiPolygon([
        db.Geo.Polygon([band(0, 0.001)]),
        db.Geo.Polygon([ring([-0.006, 0.0205], [0.006, 0.0205], [0.006, 0.026], [-0.006, 0.026])]),
      ]);
      expect(await within(two)).toEqual(['block-in', 'line-in']);
    });

    it('differs from MongoDB, as the README says: a line on the boundary, a shape across two touching polygons', async () => {
      await db.collection('cases').add({ data: { _id: 'line-on-edge', kind: 'edge', location: line([-0.01, 0.02], [0.01, 0.02]) } });
      await db.collection('cases').add({ data: { _id: 'line-across-halves', kind: 'edge', location: line([-0.005, 0.025], [0.005, 0.025]) } });
      const halves = db.Geo.MultiPolygon([
        db.Geo.Polygon([ring([-0.01, 0.02], [0, 0.02], [0, 0.04], [-0.01, 0.04])]),
        db.Geo.Polygon([ring([0, 0.02], [0.01, 0.02], [0.01, 0.04], [0, 0.04])]),
      ]);
      // MongoDB would answer both: each is within the square, and the two halves make the square.
      expect(ids(await where({ kind: 'edge', location: _.geoWithin({ geometry: db.Geo.Polygon([square()]) }) }))).toEqual(['line-across-halves']);
      expect(ids(await where({ kind: 'edge', location: _.geoWithin({ geometry: halves }) }))).toEqual([]);
    });

    it('geoWithin a centerSphere keeps a polygon only when all of it is inside the cap', async () => {
      // From 0.0225° north: block-in's corners are ≈ 500 m away, line-in's ends ≈ 555 m, points-edge's ≈ 278 m;
      // block-over reaches 0.015° of longitude east (≈ 1.44 km), block-same's corners ≈ 1.4 km.
      const res = await where({ kind: 'shape', location: _.geoWithin({ centerSphere: [db.Geo.Point(LNG, LAT + 0.0225), 600 / 6378100] }) });
      expect(ids(res)).toEqual(['block-in', 'line-in', 'points-edge']);
    });
  });

  it('geoIntersects a Polygon keeps the stored Points, LineStrings and Polygons that touch or cross it', async () => {
    const add = (_id: string, location: unknown) => db.collection('cases').add({ data: { _id, location } });
    // Crosses the band from west to east with no vertex inside it.
    await add('line-across', db.Geo.LineString([p(-0.01, 0.004), p(0.01, 0.004)]));
    await add('line-beside', db.Geo.LineString([p(0.002, 0), p(0.002, 0.01)]));
    // Overlaps the band's eastern edge; contains none of the cases.
    await add('block-overlap', db.Geo.Polygon([ring([0.0005, 0.0035], [0.005, 0.0035], [0.005, 0.0038], [0.0005, 0.0038])]));
    await add('block-apart', db.Geo.Polygon([ring([0.003, 0.003], [0.004, 0.003], [0.004, 0.004])]));
    const res = await where({ location: _.geoIntersects({ geometry: db.Geo.Polygon([band(0.002, 0.006)]) }) });
    expect(ids(res)).toEqual(['block-overlap', 'c-300', 'c-500', 'line-across']);
  });

  it('geoIntersects a Point or a LineString keeps the stored shapes it falls in or crosses', async () => {
    await db.collection('cases').add({ data: { _id: 'block', location: db.Geo.Polygon([band(0, 0.001)]) } });
    expect(ids(await where({ location: _.geoIntersects({ geometry: p(0.0005, 0.0005) }) }))).toEqual(['block']);
    const crossing = db.Geo.LineString([p(-0.01, 0.0002), p(0.01, 0.0002)]);
    expect(ids(await where({ location: _.geoIntersects({ geometry: crossing }) }))).toEqual(['block']);
    const northward = db.Geo.LineString([p(-0.001, 0.0027), p(0.001, 0.0027)]);
    expect(ids(await where({ location: _.geoIntersects({ geometry: northward }) }))).toEqual(['c-300']);
  });

  it('are covered by the 2dsphere index, and flagged as a scan without it', async () => {
    const shape = db.Geo.Polygon([band(0, 0.01)]);
    h.meter.length = 0;
    await where({ location: _.geoWithin({ geometry: shape }) });
    expect(h.meter.at(-1)?.uncovered).toBeUndefined();
    await where({ location: _.geoIntersects({ geometry: shape }) });
    expect(h.meter.at(-1)?.uncovered).toBeUndefined();
    await db.collection('plain').add({ data: { _id: 'spot', spot: p(0, 0.0005) } });
    const plain = await db
      .collection('plain')
      .where({ spot: _.geoIntersects({ geometry: shape }) })
      .get();
    expect(ids(plain)).toEqual(['spot']);
    expect(h.meter.at(-1)?.uncovered).toBeDefined();
  });

  it('refuse a geometry MongoDB refuses: geoWithin a Point, a ring that is not closed', async () => {
    expect(await failure(where({ location: { $geoWithin: { $geometry: { type: 'Point', coordinates: [LNG, LAT] } } } }))).toContain(
      '$geoWithin.$geometry must be a Polygon or MultiPolygon, not a Point',
    );
    const open = {
      type: 'Polygon',
      coordinates: [
        [
          [LNG, LAT],
          [LNG + 0.01, LAT],
          [LNG, LAT + 0.01],
        ],
      ],
    };
    expect(await failure(where({ location: { $geoIntersects: { $geometry: open } } }))).toContain('closed rings');
  });
});

describe('aggregate geoNear', () => {
  it('puts each document’s distance in distanceField, nearest first, with query, includeLocs and later stages', async () => {
    const $ = db.command.aggregate;
    const res = await db
      .collection('cases')
      .aggregate()
      .geoNear({
        near: db.Geo.Point(LNG, LAT),
        spherical: true,
        distanceField: 'distance',
        maxDistance: 1000,
        query: { status: 'open' },
        includeLocs: 'where',
      })
      .project({ _id: 1, distance: 1, where: 1, category: 1 })
      .end();
    expect(ids(res)).toEqual(['c-100', 'c-300', 'c-500']);
    const [first] = res.list;
    expect(first.distance).toBeCloseTo(0.0009 * M_PER_DEG, 3);
    // aggregate results are not converted by the SDK: the location is the stored GeoJSON.
    expect(first.where).toEqual({ type: 'Point', coordinates: [LNG, LAT + 0.0009] });
    const grouped = await db
      .collection('cases')
      .aggregate()
      .geoNear({ near: db.Geo.Point(LNG, LAT), distanceField: 'km', distanceMultiplier: 0.001, key: 'location' })
      .group({ _id: '$category', nearest: $.min('$km') })
      .sort({ _id: 1 })
      .end();
    expect(grouped.list.map((g: { _id: string; nearest: number }) => [g._id, Math.round(g.nearest * 1000)])).toEqual([
      ['lights', 301],
      ['water', 100],
    ]);
  });

  it('needs a 2dsphere index, a key when there are several, and to be the first stage', async () => {
    const stage = (extra: object = {}) => ({ near: db.Geo.Point(LNG, LAT), distanceField: 'd', ...extra });
    expect(await failure(db.collection('plain').aggregate().geoNear(stage()).end())).toContain('unable to find index for $geoNear query');
    await db.collection('twin').add({ data: { _id: 't1', home: db.Geo.Point(LNG, LAT), work: db.Geo.Point(LNG, LAT + 0.01) } });
    expect(await failure(db.collection('twin').aggregate().geoNear(stage()).end())).toContain('more than one 2dsphere index');
    const work = await db
      .collection('twin')
      .aggregate()
      .geoNear(stage({ key: 'work' }))
      .end();
    expect(Math.round(work.list[0].d)).toBe(Math.round(0.01 * M_PER_DEG));
    expect(await failure(db.collection('cases').aggregate().match({ status: 'open' }).geoNear(stage()).end())).toContain(
      '$geoNear is only valid as the first stage',
    );
  });
});
