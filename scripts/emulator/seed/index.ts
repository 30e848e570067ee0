// The demo community every fresh emulator starts from: 青石街道 / 梧桐社区, three grids, and one
// persona per role (plus an elderly resident), so every flow can be walked through by hand.
import { createHash } from 'node:crypto';
import type { OrgUnit, UserProfile } from '../../../src/shared/domain/org';
import type { Role } from '../../../src/shared/domain/roles';
import { guardOf } from '../../../cloudfunctions/org/name-guard';
import { demoCategories } from './categories';
import { merchantSeed } from './merchants';
import { ladderPeople, ladderUsers, onStreet, petitionSeed } from './petitions';
import { mallFiles, pointsSeed } from './points';
import { postSeed } from './posts';

/** The demo 12345 hotline's Open311 API key (README: Open311). Never a real key: the emulator's seed only. */
export const DEMO_OPEN311_KEY = 'demo-12345-hotline-key';

export interface Persona {
  openid: string;
  name: string;
  roles: Role[];
  orgUnits: { id: string; kind: OrgUnit['kind']; name: string }[];
  note: string;
}

export interface Seed {
  collections: Record<string, Record<string, unknown>[]>;
  /** Files the seed's records point at (the mall's pictures), stored under their cloud path. */
  files: { cloudPath: string; data: Buffer }[];
  personas: Persona[];
}

/** A fileID in the emulator's default environment; the emulator passes its own. */
const localFileId = (cloudPath: string) => `cloud://linli-local/${cloudPath}`;

const street: OrgUnit = { _id: 'street-qingshi', kind: 'street', name: '青石街道', parentId: null, path: [] };
const community: OrgUnit = { _id: 'community-wutong', kind: 'community', name: '梧桐社区', parentId: street._id, path: [street._id] };
const grids: OrgUnit[] = [1, 2, 3].map((n) => ({
  _id: `grid-${n}`,
  kind: 'grid',
  name: `第${'一二三'[n - 1]}网格`,
  parentId: community._id,
  path: [street._id, community._id],
}));
const buildings: OrgUnit[] = grids.flatMap((grid, g) =>
  [1, 2, 3].map((i) => {
    const no = g * 3 + i;
    return { _id: `building-${no}`, kind: 'building', name: `${no}号楼`, parentId: grid._id, path: [street._id, community._id, grid._id] };
  }),
);

type PersonaSpec = Omit<UserProfile, 'streetId' | 'communityId'> & { note: string };

const people: PersonaSpec[] = [
  {
    _id: 'demo-resident-wang',
    name: '王秀英',
    phone: '13800001001',
    roles: ['resident'],
    gridId: 'grid-1',
    buildingId: 'building-2',
    room: '1单元302',
    birthYear: 1946,
    note: '独居老人，不太会用手机，常请人帮忙',
  },
  {
    _id: 'demo-resident-li',
    name: '李明',
    phone: '13800001002',
    roles: ['resident'],
    gridId: 'grid-2',
    buildingId: 'building-5',
    room: '2单元601',
    birthYear: 1988,
    note: '上班族居民',
  },
  {
    _id: 'demo-member-zhang',
    name: '张建国',
    phone: '13800002001',
    roles: ['resident', 'member'],
    gridId: 'grid-1',
    buildingId: 'building-1',
    room: '3单元201',
    birthYear: 1975,
    skills: ['助老陪伴', '代买代办'],
    note: '在职党员，已到社区双报到',
  },
  {
    _id: 'demo-member-chen',
    name: '陈静',
    phone: '13800002002',
    roles: ['resident', 'member'],
    gridId: 'grid-2',
    buildingId: 'building-4',
    room: '1单元101',
    birthYear: 1960,
    skills: ['助老陪伴', '健康咨询'],
    note: '退休党员，社区志愿者',
  },
  {
    _id: 'demo-member-huang',
    name: '黄志刚',
    phone: '13800002003',
    roles: ['resident', 'member'],
    gridId: 'grid-1',
    buildingId: 'building-3',
    room: '2单元402',
    birthYear: 1983,
    skills: ['水电维修', '家电维修'],
    note: '在职党员，会修水电',
  },
  {
    _id: 'demo-member-ma',
    name: '马丽华',
    phone: '13800002004',
    roles: ['resident', 'member'],
    gridId: 'grid-2',
    buildingId: 'building-6',
    room: '1单元201',
    birthYear: 1958,
    skills: ['学业辅导', '读书读报'],
    note: '退休教师，志愿辅导功课',
  },
  {
    _id: 'demo-member-yang',
    name: '杨帆',
    phone: '13800002005',
    roles: ['resident', 'member'],
    gridId: 'grid-3',
    buildingId: 'building-8',
    room: '3单元101',
    birthYear: 1996,
    skills: ['代买代办', '手机教学'],
    note: '青年志愿者',
  },
  {
    _id: 'demo-member-zhu',
    name: '朱红梅',
    phone: '13800002006',
    roles: ['resident', 'member'],
    gridId: 'grid-3',
    buildingId: 'building-9',
    room: '1单元602',
    birthYear: 1970,
    skills: ['邻里调解', '助老陪伴'],
    note: '楼栋长，党员',
  },
  {
    _id: 'demo-grid-liu',
    name: '刘芳',
    phone: '13800003001',
    roles: ['grid_worker'],
    gridId: 'grid-1',
    workGrids: ['grid-1'],
    buildingId: null,
    room: null,
    birthYear: 1985,
    note: '第一网格网格员',
  },
  {
    _id: 'demo-grid-zhao',
    name: '赵强',
    phone: '13800003002',
    roles: ['grid_worker'],
    gridId: 'grid-2',
    workGrids: ['grid-2'],
    buildingId: null,
    room: null,
    birthYear: 1990,
    note: '第二网格网格员',
  },
  {
    _id: 'demo-staff-sun',
    name: '孙丽',
    phone: '13800004001',
    roles: ['staff'],
    gridId: null,
    buildingId: null,
    room: null,
    birthYear: 1982,
    note: '梧桐社区工作人员',
  },
  {
    _id: 'demo-staff-gao',
    name: '高敏',
    phone: '13800004002',
    roles: ['resident', 'member', 'staff'],
    gridId: 'grid-3',
    buildingId: 'building-7',
    room: '2单元301',
    birthYear: 1991,
    skills: ['政策咨询'],
    note: '梧桐社区工作人员，住在本社区，也是党员：自己的事须由同事办理',
  },
  {
    _id: 'demo-merchant-zhou',
    name: '周海',
    phone: '13800005001',
    roles: ['resident', 'merchant'],
    gridId: 'grid-3',
    buildingId: 'building-7',
    room: '底商12号',
    birthYear: 1979,
    shopId: 'shop-zhouji',
    note: '爱心商家「周记便利店」店主',
  },
  {
    _id: 'demo-merchant-fang',
    name: '方丽娟',
    phone: '13800005002',
    roles: ['resident', 'merchant'],
    gridId: 'grid-1',
    buildingId: 'building-3',
    room: '底商3号',
    birthYear: 1984,
    shopId: 'shop-fangji',
    note: '爱心商家「方记早餐铺」店主',
  },
  {
    _id: 'demo-resident-tang',
    name: '唐卫东',
    phone: '13800005003',
    roles: ['resident'],
    gridId: 'grid-2',
    buildingId: 'building-6',
    room: '底商8号',
    birthYear: 1977,
    note: '开水果店，商家入驻申请待社区审核',
  },
  {
    _id: 'demo-admin-wu',
    name: '吴磊',
    phone: '13800006001',
    roles: ['admin'],
    gridId: null,
    buildingId: null,
    room: null,
    birthYear: 1987,
    note: '街道系统管理员',
  },
];

const units = [street, community, ...grids, ...buildings];
const unitById = new Map(units.map((u) => [u._id, u]));

/** 高敏 joined the community office lately and has not accepted the work notices yet. */
const notYetSubscribed = new Set(['demo-staff-gao']);

/**
 * Grid workers and staff have accepted the work-notice templates long-term (长期订阅, open to 政务民生
 * mini-programs); residents and members grant one-time consent on their own taps in the app.
 */
function staffSubscriptions(users: UserProfile[], now: Date) {
  const templates = ['wish-submitted', 'wish-unclaimed', 'petition-assigned', 'join-submitted', 'report-submitted'];
  return users
    .filter((u) => !notYetSubscribed.has(u._id))
    .filter((u) => u.roles.some((r) => r === 'grid_worker' || r === 'staff' || r.endsWith('_staff')))
    .flatMap((u) =>
      templates.map((templateId) => ({ _id: `${u._id}:${templateId}`, openid: u._id, templateId, remaining: 0, longTerm: true, updatedAt: now })),
    );
}

export function demoSeed(now: Date = new Date(), fileIdOf: (cloudPath: string) => string = localFileId): Seed {
  const mall = mallFiles(fileIdOf);
  const users: UserProfile[] = [
    ...people.map(({ note: _note, ...p }) => ({ ...p, streetId: street._id, communityId: community._id })),
    ...ladderUsers(street._id),
  ];
  const personas: Persona[] = people.map((p) => {
    const ids = [p.gridId, p.buildingId].filter((id): id is string => id !== null);
    // An admin's scope is the street; others without a grid work for the whole community.
    const own = ids.length ? ids : [p.roles.includes('admin') ? street._id : community._id];
    return {
      openid: p._id,
      name: p.name,
      roles: p.roles,
      orgUnits: own.map((id) => {
        const u = unitById.get(id)!;
        return { id: u._id, kind: u.kind, name: u.name };
      }),
      note: p.note,
    };
  });
  // Staff above the community: the street's are shown at the street, departments and the district at no unit.
  for (const p of ladderPeople) {
    const orgUnits = onStreet(p) ? [{ id: street._id, kind: street.kind, name: street.name }] : [];
    personas.push({ openid: p._id, name: p.name, roles: [p.role], orgUnits, note: p.note });
  }
  return {
    collections: {
      org_units: units.map((u) => ({ ...u })),
      org_names: units.map((u) => ({ ...guardOf(u) })),
      users: users.map((u) => ({ ...u, createdAt: now })),
      categories: demoCategories.map((c) => ({ ...c })),
      subscriptions: staffSubscriptions(users, now),
      // The demo account is of the 政务民生 category: staff are asked for long-term consent (notify/subscribe-mode.ts).
      notify_settings: [{ _id: 'subscribe', staffLongTerm: true, updatedAt: now, updatedBy: 'demo-admin-wu' }],
      ...pointsSeed(community._id, now, mall.photoOf),
      ...petitionSeed(street._id),
      // The 12345 hotline's Open311 key (demo only): cases it files without a building land at 梧桐社区.
      open311_partners: [
        {
          _id: 'o311-12345',
          name: '12345热线',
          streetId: street._id,
          communityId: community._id,
          keyHash: createHash('sha256').update(DEMO_OPEN311_KEY).digest('hex'),
          keyTail: DEMO_OPEN311_KEY.slice(-4),
          keyIssuedAt: now,
          active: true,
          createdAt: now,
          log: [],
        },
      ],
      ...merchantSeed({ streetId: street._id, communityId: community._id }, now),
      ...postSeed({ streetId: street._id, communityId: community._id }, now),
    },
    files: mall.files,
    personas,
  };
}
