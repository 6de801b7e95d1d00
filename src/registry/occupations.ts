/**
 * 职业（工种）catalogue: national codes of the 职业分类大典 (2022), plus 专项职业能力, 特种作业 and
 * 特种设备作业 items, which have no levels. Demo-grade data: see `caution` in data/occupations.json.
 */
import catalogue from './data/occupations.json' with { type: 'json' };
import marks from './data/occupation-marks.json' with { type: 'json' };
import { cityCodeOf } from './regions.ts';

/** 5 初级工, 4 中级工, 3 高级工, 2 技师, 1 高级技师 (smaller is higher). */
export type SkillLevel = 1 | 2 | 3 | 4 | 5;

export const SKILL_LEVELS = [
  { level: 5, label: '五级/初级工' },
  { level: 4, label: '四级/中级工' },
  { level: 3, label: '三级/高级工' },
  { level: 2, label: '二级/技师' },
  { level: 1, label: '一级/高级技师' },
] as const satisfies readonly { level: SkillLevel; label: string }[];

export type OccupationKind = 'occupation' | 'special_ability' | 'special_operation' | 'special_equipment';

export const OCCUPATION_KINDS = [
  { kind: 'occupation', label: '职业（工种）' },
  { kind: 'special_ability', label: '专项职业能力' },
  { kind: 'special_operation', label: '特种作业' },
  { kind: 'special_equipment', label: '特种设备作业' },
] as const satisfies readonly { kind: OccupationKind; label: string }[];

export interface Occupation {
  code: string;
  name: string;
  kind: OccupationKind;
  /** Levels offered, highest number (初级) first; empty for kinds without levels. */
  levels: SkillLevel[];
  note?: string;
}

export interface OccupationMark {
  occupationCode: string;
  urgent: boolean;
  shortage: boolean;
}

/** Code shapes per kind: 4-03-02-01 (大典), Z-14-001 (demo 专项), T-01-02 (特种作业目录 1.2), E-N1 (特种设备). */
export const OCCUPATION_CODE_PATTERNS: Record<OccupationKind, RegExp> = {
  occupation: /^[1-8]-\d{2}-\d{2}-\d{2}$/,
  special_ability: /^Z-\d{2}-\d{3}$/,
  special_operation: /^T-\d{2}-\d{2}$/,
  special_equipment: /^E-[A-Z]\d?$/,
};

const OCCUPATIONS: readonly Occupation[] = Object.freeze(
  (catalogue.occupations as Occupation[]).map((o) => Object.freeze({ ...o, levels: [...o.levels] })),
);
const BY_CODE = new Map(OCCUPATIONS.map((o) => [o.code, o]));
const MARKS = marks.regions as Record<string, OccupationMark[]>;

export function allOccupations(): readonly Occupation[] {
  return OCCUPATIONS;
}

export function occupationByCode(code: string): Occupation | undefined {
  return BY_CODE.get(code);
}

export function occupationsOfKind(kind: OccupationKind): Occupation[] {
  return OCCUPATIONS.filter((o) => o.kind === kind);
}

/** True when the occupation is offered at this level (kinds without levels take `null`). */
export function offersLevel(code: string, level: SkillLevel | null): boolean {
  const o = BY_CODE.get(code);
  if (!o) return false;
  return level === null ? o.levels.length === 0 : o.levels.includes(level);
}

export function skillLevelLabel(level: SkillLevel): string {
  return SKILL_LEVELS.find((l) => l.level === level)!.label;
}

/** Region codes that publish their own 培训项目目录 marks (the seed cities, and 文水县). */
export function markedRegionCodes(): string[] {
  return Object.keys(MARKS);
}

/**
 * The 急需紧缺 marks of the catalogue that applies to a region: its own if it publishes one (文水县),
 * else its city's. Empty when none is known.
 */
export function occupationMarksFor(regionCode: string): OccupationMark[] {
  const own = MARKS[regionCode];
  if (own) return own.map((m) => ({ ...m }));
  const city = cityCodeOf(regionCode);
  return city && MARKS[city] ? MARKS[city].map((m) => ({ ...m })) : [];
}

export function markOf(regionCode: string, occupationCode: string): OccupationMark | undefined {
  return occupationMarksFor(regionCode).find((m) => m.occupationCode === occupationCode);
}
