/**
 * The order people count org units in: 第二网格 before 第十网格, 2号楼 before 10号楼. Names mix Chinese and
 * Arabic numerals and neither code-point nor pinyin order gets that right, so numbers compare by value.
 */
const digits: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** 一 … 九十九 as a number (the numbers grids and buildings are named with); anything else as is. */
function chineseNumber(text: string): number {
  const [tens, ones] = text.split('十') as [string, string | undefined];
  if (ones === undefined) return digits[tens] ?? 0;
  return (tens ? (digits[tens] ?? 0) : 1) * 10 + (ones ? (digits[ones] ?? 0) : 0);
}

/**
 * Made on first use: building a Chinese collator loads its ICU tables (~5 ms), which every cold start of a function
 * importing this paid before it answered anything (petition and user were 1.15× a bare SDK require, not ≤ 1.1×).
 */
let collator: Intl.Collator | undefined;

/** The name with its Chinese numerals written in Arabic ones, for a numeric-aware comparison. */
function sortKey(name: string): string {
  return name.replace(/[零〇一二两三四五六七八九十]+/g, (n) => String(chineseNumber(n)));
}

export function compareUnitNames(a: string, b: string): number {
  collator ??= new Intl.Collator('zh-CN', { numeric: true });
  return collator.compare(sortKey(a), sortKey(b));
}
