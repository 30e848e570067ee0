/** Who a user is in the community. One person may hold several roles (a resident who is also a party member). */
export const roles = ['resident', 'member', 'grid_worker', 'staff', 'merchant', 'admin'] as const;
export type Role = (typeof roles)[number];

/** 中文称谓, for the UI and for error messages. */
export const roleLabels: Record<Role, string> = {
  resident: '居民',
  member: '党员/志愿者',
  grid_worker: '网格员',
  staff: '社区工作人员',
  merchant: '爱心商家',
  admin: '管理员',
};
