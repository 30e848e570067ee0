// 人口台账: the roster a community keeps in Excel, imported as roster entries (not users: issue 13 links them).

/** What a file holds: residents (姓名, 手机号, 楼栋, 单元, 房号, 标签) or the buildings (网格, 楼栋, 单元数, 地址). */
export const rosterKinds = ['residents', 'buildings'] as const;
export type RosterKind = (typeof rosterKinds)[number];

export const rosterLimits = {
  /** A roster file larger than this is refused before it is read. */
  maxBytes: 5 * 1024 * 1024,
  /** Data rows of a residents file (a community of ~20,000 people). */
  maxRows: 20_000,
  /** Data rows of a buildings file: it is applied in one transaction. */
  maxBuildingRows: 300,
  /** Bad rows listed in an answer; the count says how many there are in all. */
  errorsShown: 100,
} as const;

/** A bad row of a file: its line in the sheet (the header is line 1) and what to fix. */
export interface RowError {
  line: number;
  reason: string;
}

/** The Chinese column headers of each kind of file, by field. */
export const rosterHeaders = {
  residents: { name: '姓名', phone: '手机号', building: '楼栋', unit: '单元', room: '房号', tags: '标签' },
  buildings: { grid: '网格', building: '楼栋', units: '单元数', address: '地址' },
} as const satisfies Record<RosterKind, Record<string, string>>;

/** Columns a file of each kind cannot do without. */
export const requiredHeaders: Record<RosterKind, readonly string[]> = {
  residents: ['姓名', '楼栋', '房号'],
  buildings: ['网格', '楼栋'],
};

/** Tags staff use in their sheets today; others are kept as written. */
export const knownTags = ['独居老人', '空巢老人', '残疾', '低保', '党员', '退役军人', '重点关注'] as const;

/** 独居老人、低保 / 独居老人,低保 / 独居老人，低保 → ['独居老人', '低保']: unique, in the order written. */
export function splitTags(cell: string): string[] {
  const tags = cell
    .split(/[、,，;；\s]+/)
    .map((t) => t.trim())
    .filter(Boolean);
  return [...new Set(tags)];
}

/** 1 → "1", "1单元" → "1": the unit number as staff write it, without the word. */
export function normalUnit(cell: string): string {
  return cell.trim().replace(/单元$/, '');
}

/**
 * Where an entry sorts in the roster: building, unit and room (numbers padded so 2 comes before 10), then the
 * name. Also the list's page cursor.
 */
export function rosterSortKey(e: { buildingName: string; unit: string; room: string; name: string }): string {
  const pad = (s: string) => s.replace(/\d+/g, (d) => d.padStart(6, '0'));
  return [pad(e.buildingName), pad(e.unit), pad(e.room), e.name].join('|');
}

/** The id a person of the 人口台账 who has not joined is filed under (红色代办 wishes; the filer's reach check). */
export function rosterResidentId(key: string): string {
  return `roster:${key}`;
}
