import type { MerchantApplication } from '../../src/shared/domain/merchant';
import { photoUrls } from '../_lib/platform/files';
import { idOf } from '../_lib/platform/ids';
import { collections } from '../_lib/platform/runtime';
import { table } from '../_lib/platform/typed-db';

export const applications = () => table(collections.merchantApplications);

/** One application per person: a rejected one is sent again under the same id, so there is never a second. */
export function applicationIdOf(openid: string): string {
  return `app-${idOf([openid], 24)}`;
}

export async function findApplication(id: string): Promise<MerchantApplication | null> {
  return applications().get(id);
}

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);

/** Applications as the contract shows them, with a temporary link to each licence photo. */
export async function applicationViews(apps: readonly MerchantApplication[]) {
  const urls = await photoUrls(apps.map((a) => a.licence));
  return apps.map((a) => ({
    id: a._id,
    applicantName: a.applicantName,
    shopName: a.shopName,
    address: a.address,
    category: a.category,
    licence: a.licence,
    licenceUrl: urls.get(a.licence) ?? null,
    contact: a.contact,
    status: a.status,
    flagged: a.flagged,
    reason: a.reason,
    shopId: a.shopId,
    createdAt: new Date(a.createdAt).toISOString(),
    decidedAt: iso(a.decidedAt),
  }));
}

export async function applicationView(app: MerchantApplication) {
  const [view] = await applicationViews([app]);
  return view;
}
