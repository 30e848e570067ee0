/**
 * Who a user is in the community. One person may hold several roles (a resident who is also a party member).
 * `staff` are community staff; the petition ladder above the community has its own: street (街道), a district
 * department (职能部门: 住建, 城管, …) and the district (区级). Those belong to no community. A `supervisor` (督办员)
 * watches the open cases of a street or of the whole district and may card or order them (petition-supervision.ts).
 * An `owners_committee` member (业委会委员) and a `property_rep` (物业代表) sit in 三方议事 with the community's staff
 * (council.ts): appointed to a community, optionally to one residential estate (小区) of it (`councilEstate`).
 */
export const roles = [
  'resident',
  'member',
  'grid_worker',
  'staff',
  'merchant',
  'admin',
  'street_staff',
  'department_staff',
  'district_staff',
  'supervisor',
  'owners_committee',
  'property_rep',
] as const;
export type Role = (typeof roles)[number];

/** 中文称谓, for the UI and for error messages. */
export const roleLabels: Record<Role, string> = {
  resident: '居民',
  member: '党员/志愿者',
  grid_worker: '网格员',
  staff: '社区工作人员',
  merchant: '爱心商家',
  admin: '管理员',
  street_staff: '街道工作人员',
  department_staff: '职能部门工作人员',
  district_staff: '区级工作人员',
  supervisor: '督办员',
  owners_committee: '业委会委员',
  property_rep: '物业代表',
};
