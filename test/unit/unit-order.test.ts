import { compareUnitNames } from '../../src/shared/domain/unit-order';

describe('org units in counting order', () => {
  it('orders grids named with Chinese numerals by value', () => {
    const grids = ['第十网格', '第三网格', '第十二网格', '第一网格', '第二十网格', '第二网格'];
    expect([...grids].sort(compareUnitNames)).toEqual(['第一网格', '第二网格', '第三网格', '第十网格', '第十二网格', '第二十网格']);
  });

  it('orders buildings named with Arabic numerals by value, then by name', () => {
    const buildings = ['10号楼', '2号楼', '1号楼', '东区3号楼', '东区12号楼', '9号楼'];
    expect([...buildings].sort(compareUnitNames)).toEqual(['1号楼', '2号楼', '9号楼', '10号楼', '东区3号楼', '东区12号楼']);
  });
});
