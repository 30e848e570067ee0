import { BOM, csvField, csvFile, csvLine } from '../../src/shared/domain/csv';

describe('CSV for Excel', () => {
  it('leaves plain fields alone and writes numbers as numbers', () => {
    expect(csvLine(['王秀英', 5, -3, 1.5, null, undefined, ''])).toBe('王秀英,5,-3,1.5,,,');
  });

  it('quotes a field with a comma, a quote or a line break, doubling its quotes', () => {
    expect(csvField('搬桌椅,扫地')).toBe('"搬桌椅,扫地"');
    expect(csvField('他说"谢谢"')).toBe('"他说""谢谢"""');
    expect(csvField('第一行\n第二行')).toBe('"第一行\n第二行"');
    expect(csvField('a\r\nb')).toBe('"a\r\nb"');
    expect(csvField(' 前后空格 ')).toBe('" 前后空格 "');
  });

  it('keeps a typed formula from running when the file is opened', () => {
    expect(csvField('=1+1')).toBe("'=1+1");
    expect(csvField('+8613800001001')).toBe("'+8613800001001");
    expect(csvField('-5')).toBe("'-5");
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField('=HYPERLINK("x","y")')).toBe('"\'=HYPERLINK(""x"",""y"")"');
  });

  it('starts with a BOM and ends every line with CRLF', () => {
    const file = csvFile(
      ['姓名', '积分'],
      [
        ['王秀英', 5],
        ['张,建国', 10],
      ],
    );
    expect(file.startsWith(BOM)).toBe(true);
    expect(file).toBe(`${BOM}姓名,积分\r\n王秀英,5\r\n"张,建国",10\r\n`);
    expect(Buffer.from(file, 'utf8').subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  });
});
