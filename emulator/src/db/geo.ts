// Geo queries as @cloudbase/database sends them and MongoDB's 2dsphere answers them. The SDK stores db.Geo.*
// values as GeoJSON (`{type: 'Point', coordinates: [longitude, latitude]}`, LineString, Polygon, Multi*) and
// sends the commands as `$nearSphere: {$geometry, $maxDistance, $minDistance}` (geoNear),
// `$geoWithin: {$geometry}` or `{$centerSphere: [[lng, lat], radians]}` (geoWithin) and
// `$geoIntersects: {$geometry}` (geoIntersects); aggregate().geoNear() is a `$geoNear` stage.
//
// Distances are great-circle (haversine) distances on MongoDB's sphere, so they are the metres the cloud
// answers. Containment in a polygon and intersection are @turf's (boolean-point-in-polygon, boolean-within,
// boolean-intersects), not hand-written: turf joins vertices with straight lines in longitude/latitude where
// MongoDB follows great circles (an east–west edge of 10 km at 30° N bows about 1 m apart, of 100 km about
// 110 m), for the query's polygon and a stored line's or polygon's edges alike.
import { booleanIntersects } from '@turf/boolean-intersects';
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import { booleanWithin } from '@turf/boolean-within';
import type { Geometry as GeoJson, MultiPolygon, Polygon } from 'geojson';
import type { QueryOperator } from 'mingo/core';
import { resolve } from 'mingo/util';
import { isPlainObject, type Doc } from './ejson';
import { invalidParam, requestFailed } from './errors';

/** MongoDB's `kRadiusOfEarthInMeters` (src/mongo/db/geo/geoconstants.h). */
export const EARTH_RADIUS_M = 6378.1 * 1000;

export type LngLat = [number, number];

const GEO_TYPES = new Set(['Point', 'LineString', 'Polygon', 'MultiPoint', 'MultiLineString', 'MultiPolygon']);

interface Geometry {
  type: string;
  coordinates: unknown;
}

export function isGeometry(value: unknown): value is Geometry {
  return isPlainObject(value) && typeof value.type === 'string' && GEO_TYPES.has(value.type) && Array.isArray(value.coordinates);
}

function isLngLat(value: unknown): value is LngLat {
  return (
    Array.isArray(value) &&
    value.length === 2 &&
    typeof value[0] === 'number' &&
    typeof value[1] === 'number' &&
    Math.abs(value[0]) <= 180 &&
    Math.abs(value[1]) <= 90
  );
}

/** The point of a GeoJSON Point, or an error in MongoDB's words. */
export function pointOf(value: unknown, what: string): LngLat {
  if (isGeometry(value) && value.type === 'Point' && isLngLat(value.coordinates)) return value.coordinates;
  throw invalidParam(`${what} must be a GeoJSON Point with [longitude, latitude] in range`);
}

/** Every vertex of a geometry. */
function vertices(geometry: Geometry): LngLat[] {
  const walk = (c: unknown): LngLat[] => (isLngLat(c) ? [c] : Array.isArray(c) ? c.flatMap(walk) : []);
  return walk(geometry.coordinates);
}

const rad = (deg: number) => (deg * Math.PI) / 180;

/** Great-circle distance in metres (haversine). */
export function haversine([lng1, lat1]: LngLat, [lng2, lat2]: LngLat): number {
  const dLat = rad(lat2 - lat1);
  const dLng = rad(lng2 - lng1);
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(rad(lat1)) * Math.cos(rad(lat2)) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(a)));
}

export interface Near {
  field: string;
  center: LngLat;
  min: number;
  max: number;
}

function distanceBound(value: unknown, name: string, fallback: number): number {
  if (value === undefined || value === null) return fallback;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) throw invalidParam(`${name} must be a non-negative number`);
  return value;
}

/** The `{$geometry, $maxDistance, $minDistance}` of a $nearSphere condition. */
export function nearOf(field: string, spec: unknown): Near {
  if (!isPlainObject(spec)) throw invalidParam('$nearSphere needs {$geometry, $maxDistance, $minDistance}');
  return {
    field,
    center: pointOf(spec.$geometry, '$nearSphere.$geometry'),
    min: distanceBound(spec.$minDistance, '$minDistance', 0),
    max: distanceBound(spec.$maxDistance, '$maxDistance', Infinity),
  };
}

/**
 * The distance in metres from `center` to the geometry stored in a document. The emulator measures to Points
 * only (the cloud measures to the nearest point of any geometry); another stored shape fails the request
 * rather than being placed wrongly.
 */
export function distanceTo(center: LngLat, stored: unknown, field: string): number | undefined {
  if (!isGeometry(stored)) return undefined;
  if (stored.type !== 'Point' || !isLngLat(stored.coordinates)) {
    throw requestFailed(`the local emulator measures geoNear distances to Point fields only; "${field}" holds a ${stored.type}`);
  }
  return haversine(center, stored.coordinates);
}

/** The `$nearSphere` condition of a query (top level), which orders the results by distance. */
export function nearCondition(query: Doc): Near | undefined {
  for (const [field, cond] of Object.entries(query)) {
    if (isPlainObject(cond) && '$nearSphere' in cond) return nearOf(field, cond.$nearSphere);
    if (field === '$and' && Array.isArray(cond)) {
      for (const branch of cond) {
        const near = isPlainObject(branch) ? nearCondition(branch) : undefined;
        if (near) return near;
      }
    }
  }
  return undefined;
}

/** The documents of `docs` ordered by their distance from `near` (nearest first, ties in input order). */
export function byDistance<T extends Doc>(docs: readonly T[], near: Near): { doc: T; distance: number }[] {
  return docs
    .map((doc) => ({ doc, distance: distanceTo(near.center, resolve(doc, near.field), near.field) ?? Infinity }))
    .sort((a, b) => a.distance - b.distance);
}

const $nearSphere: QueryOperator = (selector, value) => {
  const near = nearOf(selector, value);
  return (obj) => {
    const d = distanceTo(near.center, resolve(obj, selector), selector);
    return d !== undefined && d >= near.min && d <= near.max;
  };
};

/** A linear ring as MongoDB accepts it: at least four positions, the last equal to the first. */
function isRing(value: unknown): value is LngLat[] {
  if (!Array.isArray(value) || value.length < 4 || !value.every(isLngLat)) return false;
  const [first, last] = [value[0] as LngLat, value[value.length - 1] as LngLat];
  return first[0] === last[0] && first[1] === last[1];
}

const isPolygonRings = (value: unknown) => Array.isArray(value) && value.length > 0 && value.every(isRing);

/** The coordinates of each GeoJSON type, checked as MongoDB checks a query's `$geometry`. */
function wellFormed(geometry: Geometry): boolean {
  const c = geometry.coordinates;
  const line = (v: unknown) => Array.isArray(v) && v.length >= 2 && v.every(isLngLat);
  const many = (each: (v: unknown) => boolean) => Array.isArray(c) && c.length > 0 && c.every(each);
  switch (geometry.type) {
    case 'Point':
      return isLngLat(c);
    case 'LineString':
      return line(c);
    case 'Polygon':
      return isPolygonRings(c);
    case 'MultiPoint':
      return many(isLngLat);
    case 'MultiLineString':
      return many(line);
    case 'MultiPolygon':
      return many(isPolygonRings);
    default:
      return false;
  }
}

/** A query's `$geometry`, well formed, or an error in MongoDB's words. */
function queryGeometry(value: unknown, op: string): GeoJson {
  if (!isGeometry(value) || !wellFormed(value)) {
    throw invalidParam(
      `${op}.$geometry must be GeoJSON (Point, LineString, Polygon with closed rings of 4+ positions, Multi*) with [longitude, latitude] in range`,
    );
  }
  return value as GeoJson;
}

/** A stored value that turf can read: a well-formed GeoJSON geometry (anything else matches nothing, as in MongoDB). */
function storedGeometry(value: unknown): GeoJson | undefined {
  return isGeometry(value) && wellFormed(value) ? (value as GeoJson) : undefined;
}

/**
 * `$geoWithin`: `{$geometry: Polygon | MultiPolygon}` keeps the stored geometries entirely inside it (its
 * boundary counts as inside); `{$centerSphere: [[lng, lat], radians]}` keeps stored geometries whose every vertex
 * is inside the cap (a cap smaller than a hemisphere holds the great-circle arcs between its points, so this is
 * exact for lines and polygons too, as MongoDB answers them since 3.6).
 */
const $geoWithin: QueryOperator = (selector, value) => {
  if (!isPlainObject(value)) throw invalidParam('$geoWithin needs $geometry or $centerSphere');
  if (value.$geometry !== undefined) return withinShape(selector, value.$geometry);
  const sphere = value.$centerSphere;
  if (!Array.isArray(sphere) || sphere.length !== 2 || !isLngLat(sphere[0]) || typeof sphere[1] !== 'number' || sphere[1] < 0) {
    throw invalidParam('$centerSphere must be [[longitude, latitude], radius in radians]');
  }
  const [center, radians] = sphere as [LngLat, number];
  if (radians >= Math.PI / 2) throw notLocal('geoWithin with a centerSphere of a hemisphere or more', 'a smaller radius');
  const radius = radians * EARTH_RADIUS_M;
  return (obj) => {
    const stored = resolve(obj, selector);
    if (!isGeometry(stored)) return false;
    const points = vertices(stored);
    return points.length > 0 && points.every((p) => haversine(center, p) <= radius);
  };
};

function withinShape(selector: string, spec: unknown): ReturnType<QueryOperator> {
  const shape = queryGeometry(spec, '$geoWithin');
  if (shape.type !== 'Polygon' && shape.type !== 'MultiPolygon') {
    throw invalidParam(`$geoWithin.$geometry must be a Polygon or MultiPolygon, not a ${shape.type}`);
  }
  // turf answers every stored type against a MultiPolygon (against a Polygon it refuses a MultiLineString).
  const area: MultiPolygon = shape.type === 'Polygon' ? { type: 'MultiPolygon', coordinates: [shape.coordinates] } : shape;
  return (obj) => {
    const stored = storedGeometry(resolve(obj, selector));
    return stored !== undefined && isWithin(stored, area);
  };
}

/**
 * Points (of a Point or MultiPoint) on the boundary are inside, as in MongoDB. Lines and polygons are turf's
 * `booleanWithin`, which differs from MongoDB at the edges: a line lying wholly on the boundary, or a shape
 * spanning two touching polygons of a MultiPolygon, is not within for turf. turf checks a polygon's edges against
 * the area's holes but not a hole lying wholly inside the polygon, which enclosesAHole does.
 */
function isWithin(stored: GeoJson, area: MultiPolygon): boolean {
  switch (stored.type) {
    case 'Point':
      return booleanPointInPolygon(stored.coordinates, area);
    case 'MultiPoint':
      return stored.coordinates.every((p) => booleanPointInPolygon(p, area));
    case 'Polygon':
    case 'MultiPolygon':
      return booleanWithin(stored, area) && !enclosesAHole(stored, area);
    default:
      return booleanWithin(stored, area);
  }
}

/** Whether a hole of the area lies inside the stored polygon (its edges already inside the area, so not crossing it). */
function enclosesAHole(stored: Polygon | MultiPolygon, area: MultiPolygon): boolean {
  return area.coordinates.some((rings) =>
    rings.slice(1).some((hole) => hole.some((p) => booleanPointInPolygon(p, stored, { ignoreBoundary: true }))),
  );
}

/** `$geoIntersects: {$geometry}`: stored geometries (Point, LineString, Polygon, Multi*) that touch or cross it. */
const $geoIntersects: QueryOperator = (selector, value) => {
  if (!isPlainObject(value) || value.$geometry === undefined) throw invalidParam('$geoIntersects needs $geometry');
  const shape = queryGeometry(value.$geometry, '$geoIntersects');
  return (obj) => {
    const stored = storedGeometry(resolve(obj, selector));
    return stored !== undefined && booleanIntersects(stored, shape);
  };
};

function notLocal(what: string, instead: string): Error {
  return requestFailed(`${what} is not available in the local emulator; use ${instead} locally`);
}

export const GEO_QUERY_OPERATORS = { $nearSphere, $geoWithin, $geoIntersects };

/** The fields a query asks for by distance or shape, for the 2dsphere index check. */
export function geoFields(query: Doc): { field: string; op: string }[] {
  const out: { field: string; op: string }[] = [];
  for (const [field, cond] of Object.entries(query)) {
    if ((field === '$and' || field === '$or' || field === '$nor') && Array.isArray(cond)) {
      for (const branch of cond) if (isPlainObject(branch)) out.push(...geoFields(branch));
    } else if (isPlainObject(cond)) {
      for (const op of ['$nearSphere', '$geoWithin', '$geoIntersects']) if (op in cond) out.push({ field, op });
    }
  }
  return out;
}

/** MongoDB's refusal of a $nearSphere / $geoNear without a geospatial index on the field. */
export function noGeoIndex(coll: string, field: string): Error {
  return requestFailed(`unable to find index for $geoNear query: declare a 2dsphere index on "${field}" of ${coll} in database/indexes.json`);
}
