import { roles, type Role } from '../shared/domain/roles';

/**
 * The people of the community itself, who hold points and shop there; street, department and district staff and
 * the admin work above it and have neither.
 */
const communityPeople: Role[] = ['resident', 'member', 'merchant', 'grid_worker', 'staff'];

/**
 * The pages each role works in; several roles see the union, in this order, less any link whose `except` role they
 * hold (a merchant does not apply to become one).
 */
const links: { text: string; note: string; url: string; roles: Role[]; except?: Role; badge?: 'pendingJoins' | 'pendingReports' }[] = [
  { text: '我的积分', note: '余额、明细与等级', url: '/pages/points/index', roles: communityPeople },
  { text: '积分码', note: '向爱心商家出示', url: '/pages/points-code/index', roles: ['resident', 'member'] },
  { text: '美德商铺', note: '用积分的好店，去评价', url: '/pages/shops/index', roles: communityPeople },
  { text: '积分超市', note: '用积分兑换生活用品', url: '/pages/mall/index', roles: ['resident', 'member'] },
  { text: '发心愿', note: '需要帮忙的小事', url: '/pages/wish-new/index', roles: ['resident'] },
  { text: '我的心愿', note: '进度与评价', url: '/pages/wish-mine/index', roles: ['resident'] },
  { text: '我的任务', note: '认领的心愿', url: '/pages/tasks/index', roles: ['member'] },
  { text: '反映问题', note: '身边的问题告诉网格员', url: '/pages/petition-new/index', roles: ['resident'] },
  { text: '我的诉求', note: '办理进度与评价', url: '/pages/petition-mine/index', roles: ['resident'] },
  {
    text: '诉求待办',
    note: '受理、办结、吹哨上报',
    url: '/package-petition/queue/index',
    roles: ['grid_worker', 'staff', 'street_staff', 'district_staff'],
  },
  { text: '督办台', note: '辖区未办结的诉求，亮牌、责令上报、改派', url: '/package-petition/supervise/index', roles: ['supervisor'] },
  { text: '部门收件箱', note: '街道召集的诉求，报到办理', url: '/package-petition/queue/index?level=department', roles: ['department_staff'] },
  { text: '红色代办', note: '替没有手机的居民反映问题', url: '/pages/petition-new/index?proxy=1', roles: ['grid_worker', 'staff'] },
  { text: '代办心愿', note: '替居民发布微心愿', url: '/pages/wish-new/index?proxy=1', roles: ['grid_worker', 'staff'] },
  { text: '我代办的诉求', note: '进展请转告居民', url: '/pages/petition-mine/index?kind=filed', roles: ['grid_worker', 'staff'] },
  { text: '我代办的心愿', note: '进展请转告居民', url: '/pages/wish-mine/index?kind=filed', roles: ['grid_worker', 'staff'] },
  {
    text: '三方议事',
    note: '社区、业委会、物业共商，居民每户一票',
    url: '/package-council/list/index',
    roles: [...communityPeople, 'owners_committee', 'property_rep'],
  },
  { text: '我的家庭', note: '代办人：子女替老人办事', url: '/package-family/home/index', roles: communityPeople },
  // 红黄蓝 (issue 16): the household sees its own card — its tier, why, and the visits (privacy.ts careTier).
  { text: '我家的走访', note: '网格员上门走访的记录', url: '/package-grid/household/index', roles: ['resident'] },
  { text: '今日走访', note: '红黄蓝住户到期走访、事件回访', url: '/package-grid/visits/index', roles: ['grid_worker'] },
  { text: '走访覆盖', note: '各网格红黄蓝走访：到期、已走访、逾期', url: '/package-grid/coverage/index', roles: ['staff'] },
  { text: '心愿审核', note: '新心愿待审核', url: '/package-grid/queue/index', roles: ['grid_worker', 'staff'] },
  { text: '入驻审核', note: '新居民申请加入', url: '/package-grid/joins/index', roles: ['grid_worker', 'staff'], badge: 'pendingJoins' },
  { text: '心愿派单', note: '无人认领的心愿', url: '/package-grid/queue/index?kind=dispatch', roles: ['grid_worker', 'staff'] },
  { text: '积分管理', note: '发放、领取、对账与结算', url: '/package-staff/hub/index', roles: ['staff'] },
  { text: '网格排名', note: '本月各网格按期办结率、满意率', url: '/package-report/ranking/index', roles: ['grid_worker', 'staff'] },
  { text: '扫码核销', note: '扫居民积分码抵扣积分', url: '/package-merchant/scan/index', roles: ['merchant'] },
  { text: '我的店铺', note: '店铺积分、评价码、核销记录', url: '/package-merchant/shop/index', roles: ['merchant'] },
  { text: '我的登记信息', note: '修改姓名门牌、搬家或退出社区', url: '/pages/profile/index', roles: communityPeople },
  // 管理员: the street's set-up (org tree, roster and building codes are built beside the roles and settings).
  { text: '组织架构', note: '社区、网格、楼栋', url: '/package-admin/tree/index', roles: ['admin'] },
  { text: '人口台账', note: '导入、查看、导出居民名册', url: '/package-admin/roster/index', roles: ['admin'] },
  { text: '角色任免', note: '任命网格员、工作人员，任免记录', url: '/package-admin/roles/index', roles: ['admin'] },
  { text: '楼栋码', note: '每栋楼的小程序码，打印张贴', url: '/package-admin/codes/index', roles: ['admin'] },
  { text: '系统设置', note: '积分超市、规则、类别等', url: '/package-admin/settings/index', roles: ['admin'] },
  { text: '党员报到', note: '党员到社区报到，成为志愿者', url: '/package-report/member/index', roles: ['resident'], except: 'member' },
  { text: '共建单位报到', note: '为所在单位报到，提供场地、志愿者等', url: '/package-report/unit/index', roles: ['resident'] },
  { text: '三张清单', note: '需求、资源、共建项目：认领与评价', url: '/package-projects/lists/index', roles: communityPeople },
  {
    text: '数据看板',
    note: '办结率、满意率、在办逾期、网格排名',
    url: '/package-report/dashboard/index',
    roles: ['staff', 'street_staff', 'district_staff', 'admin'],
  },
  // 数据导出 (issue 14): whoever sees the numbers of a place may take them away as a file.
  {
    text: '数据导出',
    note: '诉求心愿、积分流水、志愿时长，Excel / CSV',
    url: '/package-export/export/index',
    roles: ['staff', 'street_staff', 'district_staff', 'admin'],
  },
  { text: '民主评议', note: '党员自评互评，居民评议为自己服务的党员', url: '/package-review/rate/index', roles: ['resident', 'member'] },
  { text: '民主评议管理', note: '开启、结束半年评议，看进度', url: '/package-review/manage/index', roles: ['staff'] },
  { text: '报到审核', note: '党员和共建单位报到、年度考评', url: '/package-report/review/index', roles: ['staff'], badge: 'pendingReports' },
  { text: '商家入驻', note: '开店的居民申请成为爱心商家', url: '/package-merchant/apply/index', roles: ['resident'], except: 'merchant' },
  { text: '社区月报', note: '每月的诉求办理、排名与表彰', url: '/package-bulletin/archive/index', roles: communityPeople },
  { text: '我的数据', note: '看看社区存了我什么，导出或注销', url: '/pages/my-data/index', roles: [...roles] },
];

export type MeLink = (typeof links)[number];

/** The links a person with these roles sees on 我的. */
export function linksFor(held: readonly Role[]): MeLink[] {
  return links.filter((l) => l.roles.some((r) => held.includes(r)) && !(l.except && held.includes(l.except)));
}
