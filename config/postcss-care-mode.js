// 关怀模式 (care mode), written once for every page: for each rule of the app's styles that sets a small font,
// a tight line or a pale colour, this adds the same rule under `.care` (the class PageShell puts on every page's
// root) with the larger font, a line that fits it and a darker colour. Sizes are 750-wide design px, as in the
// sources (pxtransform turns them into rpx or rem afterwards): 36 is 18 px on a 375-wide phone.
// Layout changes (one column, taller buttons, hidden secondary text) are written by hand in src/styles/_care.scss.

/** The smallest text in care mode: 18 px. */
const MIN_FONT = 36;

/** Every font grows by 40 %, at least to MIN_FONT; large figures grow by at most 20 (they already read well). */
function careFont(px) {
  return Math.max(MIN_FONT, Math.min(Math.round(px * 1.4), px + 20));
}

/** A line at least 1.3 times the new font, so grown text never overlaps. */
function careLine(px, font) {
  return Math.max(px, Math.round(font * 1.3));
}

/** WeUI's pale greys and light brand colours, darkened to pass WCAG AA (4.5:1) on white and on the grey page. */
const careColors = {
  'rgba(0, 0, 0, 0.9)': '#000',
  'rgba(0, 0, 0, 0.55)': 'rgba(0, 0, 0, 0.8)',
  'rgba(0, 0, 0, 0.5)': 'rgba(0, 0, 0, 0.8)',
  'rgba(0, 0, 0, 0.45)': 'rgba(0, 0, 0, 0.75)',
  'rgba(0, 0, 0, 0.4)': 'rgba(0, 0, 0, 0.7)',
  'rgba(0, 0, 0, 0.3)': 'rgba(0, 0, 0, 0.6)',
  '#07c160': '#067d3f',
  '#06ad56': '#056834',
  '#fa9d3b': '#a85800',
  '#fa5151': '#c9271f',
  '#c87d0a': '#8f5600',
  '#576b95': '#3c4f78',
  '#7f7f7f': '#4d4d4d',
  '#888': '#4d4d4d',
  '#999': '#555',
  '#b2b2b2': '#666',
};
const colorProps = new Set(['color', 'background', 'background-color', 'border-color', 'border', 'border-left', 'border-top', 'border-bottom']);
const careColorRe = new RegExp(
  Object.keys(careColors)
    .map((c) => c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('|'),
  'gi',
);

const PX = /^(\d+(?:\.\d+)?)px$/;
const careClass = /\.care(?![\w-])/;
/** The page itself (`page`, `body`): `.care` sits inside it, so a care copy would match nothing. */
const outsidePage = /^(page|body|html|:root)\b/;

function insideKeyframes(rule) {
  for (let p = rule.parent; p; p = p.parent) if (p.type === 'atrule' && /keyframes$/i.test(p.name)) return true;
  return false;
}

/**
 * The care copy of one rule: its font size grown, its line fitted to the new font, its colours darkened, and its
 * other text declarations as they are. Every rule that sets any of them gets a copy, so among the copies the
 * cascade is the original one (a white button on the green hero stays white: its copy outranks the primary
 * button's copy as the rule outranks the rule).
 */
function careDeclarations(rule) {
  const out = [];
  let font = null;
  rule.each((decl) => {
    if (decl.type !== 'decl' || decl.prop !== 'font-size') return;
    const m = PX.exec(decl.value);
    font = m ? careFont(Number(m[1])) : null;
    out.push({ prop: 'font-size', value: font ? `${font}px` : decl.value });
  });
  rule.each((decl) => {
    if (decl.type !== 'decl') return;
    if (decl.prop === 'line-height') {
      const m = PX.exec(decl.value);
      out.push({ prop: 'line-height', value: font && m ? `${careLine(Number(m[1]), font)}px` : decl.value });
    }
    if (colorProps.has(decl.prop)) {
      out.push({ prop: decl.prop, value: decl.value.replace(careColorRe, (c) => careColors[c.toLowerCase()] ?? c) });
    }
  });
  return out;
}

module.exports = () => ({
  postcssPlugin: 'postcss-care-mode',
  // Once runs before pxtransform's declaration visitor, so the copies are in design px and get converted like the rest.
  Once(root, { Rule, Declaration }) {
    root.walkRules((rule) => {
      if (careClass.test(rule.selector) || insideKeyframes(rule)) return;
      const selectors = rule.selectors.filter((s) => !outsidePage.test(s.trim()));
      if (selectors.length === 0) return;
      const decls = careDeclarations(rule);
      if (decls.length === 0) return;
      const care = new Rule({ selector: selectors.map((s) => `.care ${s.trim()}`).join(',\n') });
      for (const d of decls) care.append(new Declaration(d));
      rule.after(care);
    });
  },
});
module.exports.postcss = true;
module.exports.careFont = careFont;
