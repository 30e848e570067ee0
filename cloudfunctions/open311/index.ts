import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { open311CreateSchema, open311QuerySchema, type Open311Create, type Open311Query } from '../../src/shared/contract/open311';
import type { OrgUnit } from '../../src/shared/domain/org';
import { petitionStatusLabels } from '../../src/shared/domain/petition';
import { levelLabels } from '../../src/shared/domain/petition-ladder';
import { idOf } from '../_lib/platform/ids';
import { cachedOrgNames } from '../_lib/platform/org';
import { _, collections } from '../_lib/platform/runtime';
import { transact } from '../_lib/platform/transact';
import { warmCached } from '../_lib/platform/warm-cache';
import { table, tableIn } from '../_lib/platform/typed-db';
import { assignedNotices, holdersOf } from '../petition/notices';
import { newPetitionDoc } from '../petition/new-petition';
import type { PetitionDoc } from '../petition/petition-repo';
import type { Open311Partner } from './open311-docs';
import { keyHash } from './partner-key';
import { cachedPetitionCategories, cachedSettings } from '../petition/petition-repo';

// Open311 GeoReport v2 over CloudBase HTTP access: the city's 12345 hotline (or another case system) files cases
// into the ladder and reads their status back. Each partner has an API key (open311_partners, found by its hash).

/** The event CloudBase's HTTP access hands the function (and the emulator's /open311/v2/ path likewise). */
export interface HttpEvent {
  path?: string;
  httpMethod?: string;
  headers?: Record<string, string | undefined>;
  queryStringParameters?: Record<string, string | undefined> | null;
  body?: string | null;
  isBase64Encoded?: boolean;
}

export interface HttpReply {
  statusCode: number;
  headers: Record<string, string>;
  body: string;
  isBase64Encoded: false;
}

class Open311Error extends Error {
  constructor(
    readonly status: number,
    readonly code: number,
    description: string,
  ) {
    super(description);
  }
}

/** Nearest building within this distance of a case's lat/long is its place; farther, the community's intake. */
const NEAR_METRES = 150;
const MAX_BUILDINGS = 1000;
const MAX_LISTED = 100;
const DEFAULT_SPAN_MS = 90 * 24 * 3600 * 1000;
const PREFIX = /^.*?\/open311\/v2\//;

/** No mini-program actions: this function answers HTTP access only (test/unit/registry.test.ts lists it so). */
export const handlers: readonly never[] = [];

export async function main(event: HttpEvent): Promise<HttpReply> {
  try {
    const method = (event.httpMethod ?? 'GET').toUpperCase();
    const path = (event.path ?? '').replace(PREFIX, '');
    const query = event.queryStringParameters ?? {};
    if (method === 'GET' && path === 'services.json') return reply(200, await services());
    if (method === 'GET' && path === 'requests.json') {
      const q = parse(open311QuerySchema, query);
      return reply(200, await listRequests(await partnerOf(q.api_key), q));
    }
    const one = /^requests\/([0-9a-f]{1,64})\.json$/.exec(path);
    if (method === 'GET' && one) {
      const partner = await partnerOf(parse(z.object({ api_key: z.string().min(1) }), query).api_key);
      const found = await readOwn(partner, [one[1]!]);
      if (found.length === 0) throw new Open311Error(404, 404, 'service_request_id not found');
      return reply(200, found.map(view));
    }
    if (method === 'POST' && path === 'requests.json') {
      const input = parse(open311CreateSchema, { ...query, ...bodyOf(event) });
      return reply(201, await createRequest(await partnerOf(input.api_key), input));
    }
    throw new Open311Error(404, 404, `no such resource: ${method} ${path}`);
  } catch (err) {
    if (err instanceof Open311Error) return reply(err.status, [{ code: err.code, description: err.message }]);
    console.error('[open311]', err);
    return reply(500, [{ code: 500, description: 'internal error' }]);
  }
}

function reply(statusCode: number, body: unknown): HttpReply {
  return { statusCode, headers: { 'content-type': 'application/json; charset=utf-8' }, body: JSON.stringify(body), isBase64Encoded: false };
}

function parse<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const res = schema.safeParse(value);
  if (res.success) return res.data;
  const issue = res.error.issues[0];
  throw new Open311Error(400, 400, `${issue?.path.join('.') || 'body'}: ${issue?.message ?? 'invalid'}`);
}

/** JSON or form-encoded (the spec's own), possibly base64 as HTTP access delivers binary-looking bodies. */
function bodyOf(event: HttpEvent): Record<string, unknown> {
  if (!event.body) return {};
  const raw = event.isBase64Encoded ? Buffer.from(event.body, 'base64').toString('utf8') : event.body;
  const type = Object.entries(event.headers ?? {}).find(([k]) => k.toLowerCase() === 'content-type')?.[1] ?? '';
  if (type.includes('application/x-www-form-urlencoded')) return Object.fromEntries(new URLSearchParams(raw));
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw new Open311Error(400, 400, 'body is not valid JSON');
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Open311Error(400, 400, 'body must be a JSON object');
  return parsed as Record<string, unknown>;
}

/**
 * A partner is kept warm a minute, as org names are: a replaced key, or a partner switched off, stops working within
 * that minute (the admin is told so); a new key works at once (never looked up before, so never kept).
 */
const PARTNER_TTL_MS = 60_000;

async function partnerOf(apiKey: string): Promise<Open311Partner> {
  const hash = keyHash(apiKey);
  const found = await warmCached(`open311-partner:${hash}`, PARTNER_TTL_MS, async () => {
    const res = await table(collections.open311Partners).where({ keyHash: hash }).limit(1).get();
    return res[0] ?? null;
  });
  if (!found || !found.active) throw new Open311Error(403, 403, 'invalid api_key');
  return found;
}

async function services() {
  const categories = await cachedPetitionCategories();
  const names = new Map(categories.map((c) => [c._id, c.name]));
  return categories.map((c) => ({
    service_code: c._id,
    service_name: c.name,
    description: c.name,
    metadata: false,
    type: 'realtime',
    keywords: '',
    group: c.parentId ? (names.get(c.parentId) ?? '') : c.name,
  }));
}

type Place = Pick<PetitionDoc, 'streetId' | 'communityId' | 'gridId' | 'buildingId' | 'gridName' | 'location'>;

/**
 * Where a hotline case lands: the building named by `address_id`, else the nearest building with a map point
 * within NEAR_METRES of lat/long — both only in the partner's street; otherwise the partner's intake community.
 */
async function placeOf(partner: Open311Partner, input: Open311Create): Promise<Place> {
  const point =
    input.lat !== undefined && input.long !== undefined
      ? { latitude: input.lat, longitude: input.long, address: input.address_string || '热线转办位置' }
      : null;
  let building: Pick<OrgUnit, '_id' | 'name' | 'parentId' | 'path' | 'kind' | 'point' | 'retiredAt'> | null = null;
  if (input.address_id) {
    const res = await table(collections.orgUnits).where({ _id: input.address_id }).limit(1).get();
    const found = res[0];
    if (!found || found.kind !== 'building' || found.path[0] !== partner.streetId)
      throw new Open311Error(400, 400, 'address_id is not a building of this partner’s street');
    building = found;
  } else if (point) {
    const res = await table(collections.orgUnits)
      .where({ path: partner.streetId, kind: 'building' })
      .field({ _id: true, name: true, parentId: true, path: true, kind: true, point: true, retiredAt: true })
      .limit(MAX_BUILDINGS)
      .get();
    let best = NEAR_METRES;
    for (const b of res) {
      if (!b.point || b.retiredAt) continue;
      const d = metres(point.latitude, point.longitude, b.point.lat, b.point.lng);
      if (d <= best) [best, building] = [d, b];
    }
  }
  const detail = input.address_string || null;
  if (building && building.parentId) {
    const gridName = (await cachedOrgNames([building.parentId])).get(building.parentId) ?? null;
    return {
      streetId: building.path[0]!,
      communityId: building.path[1]!,
      gridId: building.parentId,
      buildingId: building._id,
      gridName,
      location: { buildingName: building.name, detail, point },
    };
  }
  return {
    streetId: partner.streetId,
    communityId: partner.communityId,
    gridId: null,
    buildingId: null,
    gridName: null,
    location: { buildingName: null, detail, point },
  };
}

function metres(lat1: number, lng1: number, lat2: number, lng2: number): number {
  const rad = Math.PI / 180;
  const x = (lng2 - lng1) * rad * Math.cos(((lat1 + lat2) / 2) * rad);
  const y = (lat2 - lat1) * rad;
  return Math.sqrt(x * x + y * y) * 6_371_000;
}

async function createRequest(partner: Open311Partner, input: Open311Create) {
  const category = (await cachedPetitionCategories()).find((c) => c._id === input.service_code);
  if (!category) throw new Open311Error(400, 400, `unknown service_code ${input.service_code}`);
  // The partner's id names the case: the same partner sending the same case again finds it, never a second one.
  const id = input.external_id ? idOf(['open311', partner._id, input.external_id], 32) : randomBytes(16).toString('hex');
  const place = await placeOf(partner, input);
  const { ladder } = await cachedSettings(place.streetId);
  const petition = newHotlineCase(id, partner, input, place, category, ladder);
  const holders = await holdersOf(petition.level, petition);
  await transact(
    async (tx, unit) => {
      // A repeat (or a concurrent one that won the race) finds the case there: it is that one, filed once.
      const same = await tableIn(tx, collections.petitions).get(id);
      if (same) return;
      await tableIn(tx, collections.petitions).add(petition);
      await unit.notify(assignedNotices(holders, petition, '12345热线转办：新诉求'));
    },
    { busy: 'BUSY' },
  );
  return [{ service_request_id: id, service_notice: '', account_id: input.account_id ?? null }];
}

type Category = Awaited<ReturnType<typeof cachedPetitionCategories>>[number];
type Ladder = Awaited<ReturnType<typeof cachedSettings>>['ladder'];

function newHotlineCase(id: string, partner: Open311Partner, input: Open311Create, place: Place, category: Category, ladder: Ladder): PetitionDoc {
  return newPetitionDoc({
    id,
    place,
    // The caller's phone stays with the case for its handlers (privacy.ts); the Open311 views never carry it.
    reporter: {
      reporterId: null,
      reporterName: [input.last_name, input.first_name].filter(Boolean).join('') || '热线来电人',
      reporterPhone: input.phone ?? null,
      reporterRoom: null,
      reporterIsResident: false,
      rosterKey: null,
      filedById: null,
      filedByName: null,
    },
    source: { partnerId: partner._id, partnerName: partner.name, externalId: input.external_id ?? null },
    category,
    ladder,
    urgency: 'normal',
    description: input.description,
    photos: [],
    // Not shown to neighbours: the hotline's callers did not ask for that.
    heldForReview: false,
    listed: false,
    filedBy: {
      id: `open311:${partner._id.slice(0, 12)}`,
      name: partner.name,
      note: input.external_id ? `${partner.name}转办，编号 ${input.external_id}` : `${partner.name}转办`,
    },
  });
}

async function readOwn(partner: Open311Partner, ids: string[]): Promise<PetitionDoc[]> {
  const res = await table(collections.petitions)
    .where({ _id: _.in(ids) })
    .limit(ids.length)
    .get();
  return res.filter((p) => p.source?.partnerId === partner._id);
}

async function listRequests(partner: Open311Partner, q: Open311Query) {
  let found: PetitionDoc[];
  if (q.service_request_id) found = await readOwn(partner, q.service_request_id);
  else {
    const end = q.end_date ?? new Date();
    const start = q.start_date ?? new Date(end.getTime() - DEFAULT_SPAN_MS);
    found = await table(collections.petitions)
      .where({ 'source.partnerId': partner._id, createdAt: _.and(_.gte(start), _.lte(end)) })
      .orderBy('createdAt', 'desc')
      .limit(MAX_LISTED)
      .get();
  }
  return found.map(view).filter((v) => (!q.status || v.status === q.status) && (!q.service_code || v.service_code === q.service_code));
}

/** A case as the partner reads it: no reporter name or phone, no photos (they are our cloud files). */
function view(p: PetitionDoc) {
  // Only a closed case is closed to the partner: 待验证 and 待评价 are open (status_notes names them).
  const closed = p.status === 'closed';
  const notes = [petitionStatusLabels[p.status], levelLabels[p.level] + (p.gridName ? `（${p.gridName}）` : '')];
  if (p.resolution) notes.push(p.resolution.text);
  return {
    service_request_id: p._id,
    external_id: p.source?.externalId ?? null,
    status: closed ? ('closed' as const) : ('open' as const),
    status_notes: notes.join(' · '),
    service_name: p.categoryName,
    service_code: p.categoryId,
    description: p.description,
    agency_responsible: p.gridName ?? levelLabels[p.level],
    service_notice: '',
    requested_datetime: p.createdAt.toISOString(),
    updated_datetime: p.updatedAt.toISOString(),
    expected_datetime: p.dueAt ? p.dueAt.toISOString() : null,
    address: [p.location.buildingName, p.location.detail].filter(Boolean).join(' ') || (p.location.point?.address ?? ''),
    address_id: p.buildingId,
    lat: p.location.point?.latitude ?? null,
    long: p.location.point?.longitude ?? null,
    media_url: null,
  };
}
