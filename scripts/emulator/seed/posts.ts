// 梧桐社区's service posts (岗位认领), as staff published them and members claimed them: one building head post
// already taken, and two posts with room for more, so a member who opens 岗位认领 finds posts to claim and a
// neighbour on each. No shift is seeded: shifts earn points, and points are only ever posted by the ledger.
import type { PostHolder, PostSchedule, PostType, ServicePost } from '../../../src/shared/domain/post';
import { assertValidSchedule } from '../../../src/shared/domain/post';

interface Place {
  streetId: string;
  communityId: string;
}

interface PostSpec {
  _id: string;
  type: PostType;
  title: string;
  description: string;
  gridId: string;
  building: { id: string; name: string } | null;
  gridName: string;
  slots: number;
  schedule: PostSchedule;
  pointsPerHour: number;
  holders: { openid: string; name: string }[];
}

const weekdayMornings: PostSchedule = { days: [1, 2, 3, 4, 5], start: '08:00', end: '12:00', maxHours: 3 };

const specs: PostSpec[] = [
  {
    _id: 'post-demo-building-2-head',
    type: 'building_head',
    title: '2号楼楼栋长',
    description: '收集楼里的急难愁盼，每天傍晚巡一遍楼道',
    gridId: 'grid-1',
    building: { id: 'building-2', name: '2号楼' },
    gridName: '第一网格',
    slots: 1,
    schedule: { days: [1, 2, 3, 4, 5, 6, 0], start: '17:00', end: '20:00', maxHours: 2 },
    pointsPerHour: 10,
    holders: [{ openid: 'demo-member-huang', name: '黄志刚' }],
  },
  {
    _id: 'post-demo-grid-1-elder',
    type: 'elder_helper',
    title: '第一网格助老陪伴岗',
    description: '工作日上午陪独居老人聊天、代买代办、陪同就医',
    gridId: 'grid-1',
    building: null,
    gridName: '第一网格',
    slots: 3,
    schedule: weekdayMornings,
    pointsPerHour: 10,
    holders: [{ openid: 'demo-member-huang', name: '黄志刚' }],
  },
  {
    _id: 'post-demo-grid-2-civility',
    type: 'civility',
    title: '第二网格文明劝导岗',
    description: '劝导楼道堆物、高空抛物和不文明养犬',
    gridId: 'grid-2',
    building: null,
    gridName: '第二网格',
    slots: 2,
    schedule: weekdayMornings,
    pointsPerHour: 8,
    holders: [{ openid: 'demo-member-ma', name: '马丽华' }],
  },
];

/** The posts in the shape `post.publish` writes and `post.claim` extends; published by 孙丽 a week before `now`. */
export function postSeed(place: Place, now: Date): Record<string, Record<string, unknown>[]> {
  const published = new Date(now.getTime() - 7 * 24 * 60 * 60 * 1000);
  const posts = specs.map((s): ServicePost => {
    assertValidSchedule(s.schedule);
    const holders: PostHolder[] = s.holders.map((h) => ({ ...h, since: published, openShiftId: null, dutySince: null }));
    return {
      _id: s._id,
      type: s.type,
      title: s.title,
      description: s.description,
      ...place,
      gridId: s.gridId,
      buildingId: s.building?.id ?? null,
      placeName: s.building?.name ?? s.gridName,
      slots: s.slots,
      holders,
      holderIds: holders.map((h) => h.openid),
      free: s.slots - holders.length,
      schedule: s.schedule,
      pointsPerHour: s.pointsPerHour,
      status: 'open',
      createdBy: 'demo-staff-sun',
      createdAt: published,
      updatedAt: published,
    };
  });
  return { posts: posts.map((p) => ({ ...p })) };
}
