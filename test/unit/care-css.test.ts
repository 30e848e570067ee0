// The generated half of 关怀模式 (config/postcss-care-mode.js): every rule that sets text gets a `.care` copy.
import postcss from 'postcss';

const care = require('../../config/postcss-care-mode.js') as postcss.PluginCreator<unknown> & { careFont: (px: number) => number };

const run = (css: string) => postcss([care()]).process(css, { from: undefined }).css;
const rule = (css: string, selector: string) => {
  let found: Record<string, string> | null = null;
  postcss.parse(css).walkRules((r) => {
    if (r.selector === selector) {
      found = {};
      r.walkDecls((d) => void (found![d.prop] = d.value));
    }
  });
  return found;
};

test('small text grows to 18 px (36 design px) at least, every size grows and the order of sizes is kept', () => {
  let last = 0;
  for (let px = 10; px <= 120; px += 2) {
    const grown = care.careFont(px);
    expect(grown).toBeGreaterThanOrEqual(36);
    expect(grown).toBeGreaterThan(px);
    expect(grown).toBeGreaterThanOrEqual(last);
    last = grown;
  }
  expect(care.careFont(32)).toBeGreaterThanOrEqual(44); // a card title reaches 22 px
});

test('a rule gets a .care copy with a larger font, a line that fits it and darker greys', () => {
  const out = run('.tag { font-size: 22px; line-height: 36px; color: rgba(0, 0, 0, 0.55); padding: 2px 14px; }');
  expect(rule(out, '.tag')).toEqual({ 'font-size': '22px', 'line-height': '36px', color: 'rgba(0, 0, 0, 0.55)', padding: '2px 14px' });
  expect(rule(out, '.care .tag')).toEqual({ 'font-size': '36px', 'line-height': '47px', color: 'rgba(0, 0, 0, 0.8)' });
});

test('copies keep the cascade: the white hero button stays white over the darker primary green', () => {
  const out = run('.btn.btn--primary { background: #07c160; color: #fff; } .btn.wall__post { background: #fff; color: #07c160; }');
  expect(rule(out, '.care .btn.btn--primary')).toEqual({ background: '#067d3f', color: '#fff' });
  expect(rule(out, '.care .btn.wall__post')).toEqual({ background: '#fff', color: '#067d3f' });
  expect(out.indexOf('.care .btn.wall__post')).toBeGreaterThan(out.indexOf('.care .btn.btn--primary'));
});

test('leaves alone the page itself, hand-written care rules, animations and rules without text', () => {
  const out = run(
    'page, body { font-size: 30px; } .page.care .x { font-size: 44px; } @keyframes spin { to { color: #07c160; } } .box { margin: 24px; }' +
      ' .a, page { font-size: 24px; }',
  );
  expect(out).not.toMatch(/\.care page|\.care body|\.care \.page\.care|\.care \.box|\.care to/);
  expect(rule(out, '.care .a')).toEqual({ 'font-size': '36px' });
});
