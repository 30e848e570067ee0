import { mimeOf } from '../src/http-util';

describe('media types of served files (mime-types)', () => {
  it('names the H5 build, uploads and exports as browsers expect, with a charset for text', () => {
    expect(mimeOf('dist/h5/index.html')).toBe('text/html; charset=utf-8');
    expect(mimeOf('js/app.4f2a.JS')).toMatch(/^(application|text)\/javascript; charset=utf-8$/);
    expect(mimeOf('uploads/o-wang/坡道.png')).toBe('image/png');
    expect(mimeOf('exports/cases.xlsx')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(mimeOf('exports/cases.csv')).toBe('text/csv; charset=utf-8');
  });

  it('sends bytes of an unknown kind as bytes', () => {
    expect(mimeOf('a/file.unknownext')).toBe('application/octet-stream');
    expect(mimeOf('README')).toBe('application/octet-stream');
  });
});
