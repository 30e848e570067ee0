// The petition ladder of the demo: the category tree, the district's departments, the street's deadlines
// (the defaults, spelled out so they can be tuned by hand), and the staff above the community.
import type { UserProfile } from '../../../src/shared/domain/org';
import { defaultLadderConfig } from '../../../src/shared/domain/petition-ladder';
import type { Department, PetitionCategory } from '../../../src/shared/domain/petition-rules';

export const DISTRICT_NAME = '明德区';

export const departments: Department[] = [
  { _id: 'dept-housing', name: '区住建局', order: 1 },
  { _id: 'dept-urban', name: '区城管局', order: 2 },
  { _id: 'dept-market', name: '区市场监管局', order: 3 },
  { _id: 'dept-heating', name: '区供热办', order: 4 },
];

type CategorySpec = [id: string, name: string, departmentId: string | null, extra?: Partial<PetitionCategory>];

/** Top-level kinds of problem, each with the department a street summons for it, and a few sub-kinds. */
const tree: [CategorySpec, CategorySpec[]][] = [
  [
    ['environment', '环境卫生', 'dept-urban'],
    [
      ['garbage', '垃圾清运', 'dept-urban'],
      ['noise', '噪音扰民', 'dept-urban'],
    ],
  ],
  [
    ['facilities', '公共设施', 'dept-housing'],
    [
      ['streetlight', '路灯照明', 'dept-urban'],
      ['road', '道路破损', 'dept-housing'],
      ['elevator', '电梯故障', 'dept-market'],
    ],
  ],
  [['safety', '安全隐患', 'dept-housing'], [['fire-lane', '消防通道占用', 'dept-urban']]],
  [['dispute', '矛盾纠纷', null, { private: true }], []],
  [
    ['property', '物业供暖', 'dept-heating', { council: true }],
    [
      ['heating', '供暖不热', 'dept-heating', { council: true }],
      ['property-service', '物业服务', 'dept-housing', { council: true }],
    ],
  ],
  [['accessibility', '无障碍设施', 'dept-housing'], []],
  [['other', '其他', null], []],
];

export const petitionCategories: PetitionCategory[] = tree.flatMap(([[id, name, departmentId, extra], children], i) => {
  const parent: PetitionCategory = { _id: id, name, parentId: null, order: (i + 1) * 10, departmentId, council: false, private: false, ...extra };
  return [
    parent,
    ...children.map(([cid, cname, cdept, cextra], j) => ({
      ...parent,
      _id: cid,
      name: cname,
      parentId: id,
      order: parent.order + j + 1,
      departmentId: cdept,
      ...cextra,
    })),
  ];
});

interface LadderPerson {
  _id: string;
  name: string;
  phone: string;
  role: 'street_staff' | 'department_staff' | 'district_staff' | 'supervisor';
  departmentId?: string;
  /** A 督办员's area: the street (青石街道) or the district. */
  supervisorScope?: 'street' | 'district';
  birthYear: number;
  note: string;
}

/** Staff above the community: they belong to no community (and the department and district ones to no street). */
export const ladderPeople: LadderPerson[] = [
  { _id: 'demo-street-qian', name: '钱伟', phone: '13800007001', role: 'street_staff', birthYear: 1980, note: '青石街道综治中心，统筹上报的诉求' },
  {
    _id: 'demo-dept-housing-he',
    name: '何建华',
    phone: '13800008001',
    role: 'department_staff',
    departmentId: 'dept-housing',
    birthYear: 1978,
    note: '区住建局，被召集时报到办理',
  },
  {
    _id: 'demo-dept-urban-xu',
    name: '许斌',
    phone: '13800008002',
    role: 'department_staff',
    departmentId: 'dept-urban',
    birthYear: 1986,
    note: '区城管局，被召集时报到办理',
  },
  {
    _id: 'demo-dept-heating-feng',
    name: '冯涛',
    phone: '13800008003',
    role: 'department_staff',
    departmentId: 'dept-heating',
    birthYear: 1975,
    note: '区供热办，被召集时报到办理',
  },
  {
    _id: 'demo-district-luo',
    name: '罗敏',
    phone: '13800009001',
    role: 'district_staff',
    birthYear: 1972,
    note: `${DISTRICT_NAME}督办中心，区级办结`,
  },
  {
    _id: 'demo-supervisor-song',
    name: '宋嘉',
    phone: '13800007101',
    role: 'supervisor',
    supervisorScope: 'street',
    birthYear: 1983,
    note: '青石街道督办员，督办本街道未办结的诉求',
  },
  {
    _id: 'demo-supervisor-zheng',
    name: '郑和平',
    phone: '13800009101',
    role: 'supervisor',
    supervisorScope: 'district',
    birthYear: 1970,
    note: `${DISTRICT_NAME}网格化服务管理中心督办员，督办全区`,
  },
];

export const onStreet = (p: LadderPerson) => p.role === 'street_staff' || p.supervisorScope === 'street';

/** Staff above the community, at their street (street staff and its 督办员) or at none. */
export function ladderUsers(streetId: string): UserProfile[] {
  return ladderPeople.map((person) => {
    const { note: _note, role, ...p } = person;
    return {
      ...p,
      roles: [role],
      streetId: onStreet(person) ? streetId : '',
      communityId: '',
      gridId: null,
      buildingId: null,
      room: null,
    };
  });
}

export function petitionSeed(streetId: string) {
  return {
    petition_categories: petitionCategories.map((c) => ({ ...c })),
    departments: departments.map((d) => ({ ...d })),
    // The street's ladder settings: deadlines per level × urgency, the feedback promise, the credit.
    petition_settings: [{ _id: streetId, districtName: DISTRICT_NAME, ladder: structuredClone(defaultLadderConfig) }],
  };
}
