/** The seeded personas the function tests act as (scripts/emulator/seed/index.ts). */
export const wang = 'demo-resident-wang'; // 王秀英, resident, grid-1, 2号楼
export const li = 'demo-resident-li'; // 李明, resident, grid-2
export const zhang = 'demo-member-zhang'; // 张建国, party member, grid-1
export const liu = 'demo-grid-liu'; // 刘芳, grid worker of grid-1
export const zhao = 'demo-grid-zhao'; // 赵强, grid worker of grid-2
export const sun = 'demo-staff-sun'; // 孙丽, community staff
export const gao = 'demo-staff-gao'; // 高敏, community staff who is also a resident and party member, grid-3
export const stranger = 'o-not-registered';
export const chen = 'demo-member-chen'; // 陈静, party member, grid-2
export const members = [zhang, chen, 'demo-member-huang', 'demo-member-ma', 'demo-member-yang', 'demo-member-zhu'];
export const merchant = 'demo-merchant-zhou'; // 周海, resident + merchant of 周记便利店 (shop-zhouji)
export const fang = 'demo-merchant-fang'; // 方丽娟, resident + merchant of 方记早餐铺 (shop-fangji), grid-1
export const tang = 'demo-resident-tang'; // 唐卫东, resident with a pending merchant application (唐记水果店)
export const admin = 'demo-admin-wu'; // 吴磊, admin (street)
export const qian = 'demo-street-qian'; // 钱伟, street_staff (青石街道)
export const he = 'demo-dept-housing-he'; // 何建华, department_staff (区住建局)
export const xu = 'demo-dept-urban-xu'; // 许斌, department_staff (区城管局)
export const feng = 'demo-dept-heating-feng'; // 冯涛, department_staff (区供热办)
export const luo = 'demo-district-luo'; // 罗敏, district_staff (明德区)
export const song = 'demo-supervisor-song'; // 宋嘉, supervisor (督办员) of 青石街道
export const zheng = 'demo-supervisor-zheng'; // 郑和平, supervisor (督办员) of the district

/** Every seeded persona with its roles, for the action × role matrix. */
export const everyone: Record<string, string[]> = {
  [wang]: ['resident'],
  [li]: ['resident'],
  [zhang]: ['resident', 'member'],
  [chen]: ['resident', 'member'],
  [liu]: ['grid_worker'],
  [zhao]: ['grid_worker'],
  [sun]: ['staff'],
  [gao]: ['resident', 'member', 'staff'],
  [merchant]: ['resident', 'merchant'],
  [fang]: ['resident', 'merchant'],
  [tang]: ['resident'],
  [admin]: ['admin'],
  [qian]: ['street_staff'],
  [he]: ['department_staff'],
  [luo]: ['district_staff'],
  [song]: ['supervisor'],
  [zheng]: ['supervisor'],
};
