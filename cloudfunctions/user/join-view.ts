import type { z } from 'zod';
import type { joinApplicationSchema } from '../../src/shared/contract';
import type { JoinApplication } from '../../src/shared/domain/join';
import { disclose, type Disclosure } from '../../src/shared/domain/privacy';
import { cachedOrgNames } from '../_lib/platform/org';
import { collections } from '../_lib/platform/runtime';
import { table } from '../_lib/platform/typed-db';

export const joinApplications = () => table(collections.joinApplications);

type View = z.input<typeof joinApplicationSchema>;

/** Applications as `disclosure(app)` lets the viewer see their applicant; the place names in one (warm) read. */
export async function joinViews(apps: readonly JoinApplication[], disclosure: (app: JoinApplication) => Disclosure): Promise<View[]> {
  const names = await placeNames(apps);
  return apps.map((app) => joinViewWith(app, names, disclosure(app)));
}

/** The names of the places of `apps`, as a warm instance keeps them. */
export const placeNames = (apps: readonly Pick<JoinApplication, 'communityId' | 'gridId' | 'buildingId'>[]) =>
  cachedOrgNames(apps.flatMap((a) => [a.communityId, a.gridId, a.buildingId]));

/** One application with its place names at hand (a reply recorded inside a transaction is made without reading). */
export function joinViewWith(app: JoinApplication, names: Map<string, string>, disclosure: Disclosure): View {
  const name = (id: string) => names.get(id) ?? '';
  {
    const shown = disclose({ name: app.name, phone: app.phone, room: app.room }, disclosure);
    return {
      id: app._id,
      kind: app.kind,
      status: app.status,
      name: shown.name,
      phone: shown.phone ?? '',
      phoneVerified: app.phoneVerified,
      unit: shown.room === null ? '' : app.unit,
      room: shown.room ?? '',
      place: {
        communityId: app.communityId,
        communityName: name(app.communityId),
        gridId: app.gridId,
        gridName: name(app.gridId),
        buildingId: app.buildingId,
        buildingName: name(app.buildingId),
      },
      reason: app.reason,
      createdAt: new Date(app.createdAt).toISOString(),
      decidedAt: app.decidedAt ? new Date(app.decidedAt).toISOString() : null,
    };
  }
}

/** The applicant's own view of their application. */
export async function ownJoinView(app: JoinApplication | null): Promise<View | null> {
  return app ? (await joinViews([app], () => 'contact'))[0] : null;
}
