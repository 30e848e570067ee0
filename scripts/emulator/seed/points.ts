// 梧桐社区's points catalogue: the 积分超市 shelf, the 美德信用 civic behaviours and the 党员积分 "1+1−1"
// items, and its point rules (no expiry until an admin sets one).
import { defaultPointRules } from '../../../src/shared/domain/point-rules';
import type { MallItem } from '../../../src/shared/domain/mall';
import type { PointItem } from '../../../src/shared/domain/point-items';
import { mallPicturePath, mallPictures } from './mall-pictures';

type Shelf = Pick<MallItem, '_id' | 'name' | 'description' | 'price' | 'asset' | 'stock'>;

const shelf: Shelf[] = [
  { _id: 'mall-rice', name: '东北大米 5 斤', description: '社区共建单位捐赠', price: 50, asset: 'volunteer', stock: 20 },
  { _id: 'mall-oil', name: '花生油 1.8 升', description: '', price: 80, asset: 'volunteer', stock: 10 },
  { _id: 'mall-eggs', name: '鲜鸡蛋一盒（30 枚）', description: '每周三到货', price: 30, asset: 'volunteer', stock: 30 },
  { _id: 'mall-detergent', name: '洗衣液 2 公斤', description: '', price: 40, asset: 'virtue', stock: 15 },
  { _id: 'mall-tissue', name: '抽纸一提', description: '', price: 15, asset: 'virtue', stock: 40 },
  { _id: 'mall-haircut', name: '理发券（周记理发）', description: '爱心商家提供，限本社区使用', price: 20, asset: 'virtue', stock: 5 },
];

type Entry = Pick<PointItem, '_id' | 'asset' | 'kind' | 'name' | 'points' | 'maxPoints'>;

const catalogue: Entry[] = [
  { _id: 'virtue-petition', asset: 'virtue', kind: 'civic', name: '有效诉求反映', points: 5, maxPoints: 5 },
  { _id: 'virtue-activity', asset: 'virtue', kind: 'civic', name: '参加社区活动', points: 3, maxPoints: 3 },
  { _id: 'virtue-volunteer', asset: 'virtue', kind: 'civic', name: '参与志愿服务', points: 5, maxPoints: 5 },
  { _id: 'virtue-sorting', asset: 'virtue', kind: 'civic', name: '垃圾分类示范户', points: 2, maxPoints: 2 },
  { _id: 'virtue-neighbour', asset: 'virtue', kind: 'civic', name: '邻里互助', points: 3, maxPoints: 3 },
  { _id: 'virtue-brave', asset: 'virtue', kind: 'civic', name: '见义勇为', points: 20, maxPoints: 20 },
  { _id: 'party-base', asset: 'party', kind: 'base', name: '月度基础分', points: 60, maxPoints: 60 },
  { _id: 'party-volunteer', asset: 'party', kind: 'bonus', name: '志愿服务', points: 5, maxPoints: 20 },
  { _id: 'party-community', asset: 'party', kind: 'bonus', name: '社区工作', points: 5, maxPoints: 20 },
  { _id: 'party-brave', asset: 'party', kind: 'bonus', name: '见义勇为', points: 10, maxPoints: 50 },
  { _id: 'party-absent', asset: 'party', kind: 'deduction', name: '无故缺席组织生活', points: 5, maxPoints: 10 },
  { _id: 'party-conduct', asset: 'party', kind: 'deduction', name: '违反社区公约', points: 10, maxPoints: 30 },
];

/** The mall's pictures as stored files, and the fileID each item keeps (null: drawn without one). */
export function mallFiles(fileIdOf: (cloudPath: string) => string) {
  const pictures = mallPictures();
  const files = [...pictures].map(([id, data]) => ({ cloudPath: mallPicturePath(id), data }));
  const photoOf = (id: string) => (pictures.has(id) ? fileIdOf(mallPicturePath(id)) : null);
  return { files, photoOf };
}

export function pointsSeed(communityId: string, now: Date, photoOf: (itemId: string) => string | null): Record<string, Record<string, unknown>[]> {
  return {
    mall_items: shelf.map((item, i) => ({ ...item, photo: photoOf(item._id), communityId, active: true, order: i + 1, updatedAt: now })),
    point_items: catalogue.map((item, i) => ({ ...item, communityId, active: true, order: i + 1, updatedAt: now })),
    point_rules: [{ _id: communityId, ...defaultPointRules }],
  };
}
