import { buildingRowSchema, residentRowSchema } from '../../src/shared/contract/roster-rows';
import { normalUnit, rosterSortKey, splitTags } from '../../src/shared/domain/roster';

const row = (cells: Partial<Record<string, string>>) => ({ 姓名: '王秀英', 手机号: '', 楼栋: '2号楼', 单元: '', 房号: '302', 标签: '', ...cells });

describe('a roster row', () => {
  it('splits tags on 、 , ， ; and spaces, once each', () => {
    expect(splitTags('独居老人、低保')).toEqual(['独居老人', '低保']);
    expect(splitTags(' 独居老人,低保，党员;残疾 党员 ')).toEqual(['独居老人', '低保', '党员', '残疾']);
    expect(splitTags('')).toEqual([]);
  });

  it('takes a unit written with or without 单元', () => {
    expect(normalUnit('2单元')).toBe('2');
    expect(normalUnit(' 2 ')).toBe('2');
  });

  it('sorts 2号楼 before 10号楼 and room 9 before 10', () => {
    const key = (buildingName: string, room: string) => rosterSortKey({ buildingName, unit: '1', room, name: '甲' });
    expect(key('2号楼', '101') < key('10号楼', '101')).toBe(true);
    expect(key('2号楼', '9') < key('2号楼', '10')).toBe(true);
  });

  it('accepts a good resident row, phones with spaces or dashes, and no phone at all', () => {
    expect(residentRowSchema.parse(row({ 手机号: '138 0000-1001', 标签: '独居老人、低保', 单元: '1单元' }))).toEqual({
      姓名: '王秀英',
      手机号: '13800001001',
      楼栋: '2号楼',
      单元: '1',
      房号: '302',
      标签: ['独居老人', '低保'],
    });
    expect(residentRowSchema.parse(row({})).手机号).toBeNull();
  });

  it('says in Chinese what is wrong with a bad row', () => {
    const issues = (cells: Partial<Record<string, string>>) => residentRowSchema.safeParse(row(cells)).error?.issues.map((i) => i.message);
    expect(issues({ 姓名: ' ' })).toEqual(['姓名不能为空']);
    expect(issues({ 手机号: '1380000100' })).toEqual(['手机号应为 11 位数字']);
    expect(issues({ 房号: '' })).toEqual(['房号不能为空']);
    expect(issues({ 标签: '一二三四五六七八九十一' })).toEqual(['每个标签最多 10 个字']);
  });

  it('checks a buildings row: a grid, a name, 1–99 units', () => {
    expect(buildingRowSchema.parse({ 网格: '第一网格', 楼栋: '10号楼', 单元数: '3', 地址: '' })).toMatchObject({ 单元数: 3 });
    expect(buildingRowSchema.parse({ 网格: '第一网格', 楼栋: '10号楼', 单元数: '', 地址: '' }).单元数).toBeNull();
    for (const units of ['0', '100', '两'])
      expect(buildingRowSchema.safeParse({ 网格: '第一网格', 楼栋: '10号楼', 单元数: units, 地址: '' }).error?.issues[0]?.message).toBe(
        '单元数应为 1–99 的整数',
      );
  });
});
