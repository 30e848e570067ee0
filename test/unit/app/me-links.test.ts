import { linksFor } from '../../../src/utils/me-links';

const texts = (roles: Parameters<typeof linksFor>[0]) => linksFor(roles).map((l) => l.text);

describe('我的 shows each role the pages it can use', () => {
  it.each([['street_staff'], ['department_staff'], ['district_staff'], ['admin']] as const)('%s sees no points or shops of its own', (role) => {
    expect(texts([role])).not.toContain('我的积分');
    expect(texts([role])).not.toContain('美德商铺');
    expect(texts([role])).not.toContain('积分码');
  });

  it('a resident sees their points, code, shops and the ways to ask for help', () => {
    expect(texts(['resident'])).toEqual(expect.arrayContaining(['我的积分', '积分码', '美德商铺', '积分超市', '发心愿', '反映问题', '商家入驻']));
  });

  it('a resident reaches their own household’s care card (红黄蓝), and only a resident', () => {
    expect(linksFor(['resident']).find((l) => l.text === '我家的走访')?.url).toBe('/package-grid/household/index');
    for (const role of ['grid_worker', 'staff', 'admin', 'street_staff'] as const) expect(texts([role])).not.toContain('我家的走访');
  });

  it('a merchant does not apply to become one', () => {
    expect(texts(['resident', 'merchant'])).not.toContain('商家入驻');
    expect(texts(['resident', 'merchant'])).toContain('扫码核销');
  });

  it('a department officer sees the inbox and 我的数据 only', () => {
    expect(texts(['department_staff'])).toEqual(['部门收件箱', '我的数据']);
  });

  it.each([['street_staff'], ['department_staff'], ['district_staff'], ['admin']] as const)('%s sees entries to their work instead', (role) => {
    expect(texts([role]).length).toBeGreaterThan(0);
  });

  it('the admin reaches every admin page: the tree, the roster, roles, building codes and the settings', () => {
    expect(linksFor(['admin']).map((l) => l.url)).toEqual([
      '/package-admin/tree/index',
      '/package-admin/roster/index',
      '/package-admin/roles/index',
      '/package-admin/codes/index',
      '/package-admin/settings/index',
      '/package-report/dashboard/index',
      '/package-export/export/index',
      '/pages/my-data/index',
    ]);
  });

  it('数据看板 is for those who answer for a place (maySeeStats): staff, street and district staff, the admin — not grid workers', () => {
    for (const role of ['staff', 'street_staff', 'district_staff', 'admin'] as const) expect(texts([role])).toContain('数据看板');
    for (const role of ['resident', 'member', 'merchant', 'grid_worker', 'department_staff'] as const)
      expect(texts([role])).not.toContain('数据看板');
  });

  it('staff of a community, a street or the district, and the admin, export their numbers; others do not', () => {
    for (const role of ['staff', 'street_staff', 'district_staff', 'admin'] as const) expect(texts([role])).toContain('数据导出');
    for (const role of ['resident', 'member', 'merchant', 'grid_worker', 'department_staff'] as const)
      expect(texts([role])).not.toContain('数据导出');
  });

  it('everyone, whatever their roles, reaches 我的数据 (see, export, delete)', () => {
    for (const role of ['resident', 'member', 'merchant', 'grid_worker', 'staff', 'admin', 'street_staff', 'district_staff'] as const)
      expect(texts([role])).toContain('我的数据');
  });

  it('a 督办员 reaches the 督办台, and nobody else does', () => {
    expect(texts(['supervisor'])).toContain('督办台');
    for (const role of ['resident', 'grid_worker', 'staff', 'street_staff', 'district_staff', 'admin'] as const)
      expect(texts([role])).not.toContain('督办台');
  });
});
