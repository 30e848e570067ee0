// 梧桐社区's merchants: two approved shops (周记便利店, 方记早餐铺) and one application waiting for the staff.
import { createHash } from 'node:crypto';
import type { MerchantApplication, Shop } from '../../../src/shared/domain/merchant';

interface Place {
  streetId: string;
  communityId: string;
}

type ShopSpec = Pick<Shop, '_id' | 'name' | 'address' | 'category' | 'contact' | 'ownerId' | 'ownerName'>;

const shops: ShopSpec[] = [
  {
    _id: 'shop-zhouji',
    name: '周记便利店',
    address: '梧桐社区7号楼底商12号',
    category: 'grocery',
    contact: '13800005001',
    ownerId: 'demo-merchant-zhou',
    ownerName: '周海',
  },
  {
    _id: 'shop-fangji',
    name: '方记早餐铺',
    address: '梧桐社区3号楼底商3号',
    category: 'food',
    contact: '13800005002',
    ownerId: 'demo-merchant-fang',
    ownerName: '方丽娟',
  },
];

/** The id merchant.apply gives a person's application (cloudfunctions/merchant/applications.ts). */
const applicationIdOf = (openid: string) => `app-${createHash('sha256').update(openid).digest('hex').slice(0, 24)}`;

export function merchantSeed(place: Place, now: Date): Record<string, Record<string, unknown>[]> {
  const pending: Omit<MerchantApplication, '_id' | keyof Place> = {
    applicantId: 'demo-resident-tang',
    applicantName: '唐卫东',
    shopName: '唐记水果店',
    address: '梧桐社区6号楼底商8号',
    category: 'fruit',
    licence: 'cloud://linli-local.seed/licences/tangji.png',
    contact: '13800005003',
    status: 'pending',
    flagged: false,
    reason: null,
    shopId: null,
    createdAt: now,
    decidedAt: null,
    decidedBy: null,
  };
  return {
    shops: shops.map((s) => ({
      ...s,
      ...place,
      status: 'active',
      suspendReason: null,
      applicationId: null,
      ratingSum: 0,
      ratingCount: 0,
      createdAt: now,
      updatedAt: now,
    })),
    merchant_applications: [{ _id: applicationIdOf(pending.applicantId), ...pending, ...place }],
  };
}
