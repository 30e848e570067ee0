import type { WishCategory } from '../../../src/shared/domain/wish';

/** 心愿类别 and the points a member may be offered for each (the community can tune these later). */
export const demoCategories: WishCategory[] = [
  { _id: 'elderly', name: '助老陪伴', minPoints: 5, maxPoints: 30, order: 1, awardMode: 'hourly', perHour: 10 },
  { _id: 'repair', name: '家电维修', minPoints: 5, maxPoints: 20, order: 2 },
  { _id: 'errand', name: '代买代办', minPoints: 2, maxPoints: 10, order: 3 },
  { _id: 'tutoring', name: '学业辅导', minPoints: 5, maxPoints: 30, order: 4 },
  { _id: 'other', name: '其他', minPoints: 1, maxPoints: 10, order: 9 },
];
