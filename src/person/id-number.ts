/**
 * 公民身份号码 (GB 11643-1999): 6-digit region, 8-digit birth date, 3-digit sequence (odd = male),
 * MOD 11-2 check character. Pure: the caller passes the reference date and the region lookup.
 */
import { invalid } from '../shared/errors.ts';

export type Gender = 'male' | 'female';

export interface IdNumberInfo {
  ok: true;
  /** Normalised: trimmed, check character `X` upper-case. */
  idNumber: string;
  /** YYYY-MM-DD */
  birthDate: string;
  gender: Gender;
  /** First six digits: the household region at the time the number was issued. */
  regionCode: string;
  warnings: string[];
}

export interface IdNumberOptions {
  /** Reference date YYYY-MM-DD (no clock here): a birth date after it is refused. */
  asOf: string;
  /** Field name for the validation error (default `idNumber`). */
  field?: string;
  /** Region lookup; when given, an unknown code only warns, because retired codes stay valid on old cards. */
  isKnownRegion?: (code: string) => boolean;
}

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARS = '10X98765432';
const MIN_YEAR = 1900;

/** Province prefixes of GB/T 2260 (11–65) plus 台湾 71, 香港 81, 澳门 82, and 83 (港澳台居民居住证). */
export function isValidProvincePrefix(prefix: string): boolean {
  if (!/^\d{2}$/.test(prefix)) return false;
  const n = Number(prefix);
  return (n >= 11 && n <= 65) || n === 71 || (n >= 81 && n <= 83);
}

/** The MOD 11-2 check character of the first 17 digits. */
export function idCheckChar(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new Error(`idCheckChar: 17 digits expected, got ${JSON.stringify(first17)}`);
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i];
  return CHECK_CHARS[sum % 11];
}

/** Parses YYYYMMDD or YYYY-MM-DD into a real calendar date, or null (round trip through Date.UTC refuses 30 Feb). */
function parseDate(s: string): { y: number; m: number; d: number; iso: string } | null {
  const m = /^(\d{4})-?(\d{2})-?(\d{2})$/.exec(s);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = new Date(Date.UTC(y, mo - 1, d));
  if (t.getUTCFullYear() !== y || t.getUTCMonth() !== mo - 1 || t.getUTCDate() !== d) return null;
  return { y, m: mo, d, iso: `${m[1]}-${m[2]}-${m[3]}` };
}

/**
 * Validates an 18-character ID number. Throws `invalid(field, message)` with a plain Chinese message;
 * returns the parsed facts otherwise.
 */
export function validateIdNumber(input: unknown, options: IdNumberOptions): IdNumberInfo {
  const field = options.field ?? 'idNumber';
  const asOf = parseDate(options.asOf);
  if (!asOf) throw invalid('asOf', `参考日期无效：${options.asOf}`);

  if (typeof input !== 'string' || input.trim() === '') throw invalid(field, '身份证号码不能为空');
  const id = input.trim().toUpperCase();
  if (id.length !== 18) {
    const hint = id.length === 15 ? '（15位旧号码请换用18位号码）' : '';
    throw invalid(field, `身份证号码应为18位，实为${id.length}位${hint}`);
  }
  if (!/^\d{17}[\dX]$/.test(id)) throw invalid(field, '身份证号码格式错误：前17位应为数字，第18位应为数字或X');

  const province = id.slice(0, 2);
  if (!isValidProvincePrefix(province)) throw invalid(field, `省份代码无效：${province}`);

  const birth = parseDate(id.slice(6, 14));
  if (!birth) throw invalid(field, `出生日期无效：${id.slice(6, 14)}`);
  if (birth.y < MIN_YEAR) throw invalid(field, `出生日期无效：${birth.iso}早于${MIN_YEAR}年`);
  if (birth.iso > asOf.iso) throw invalid(field, `出生日期无效：${birth.iso}晚于${asOf.iso}`);

  // The expected character is not revealed: a typo in the first 17 digits would otherwise be "fixed"
  // by changing the 18th to match, yielding someone else's valid number.
  if (idCheckChar(id.slice(0, 17)) !== id[17]) throw invalid(field, '校验码错误，请核对身份证号码');

  const regionCode = id.slice(0, 6);
  const warnings: string[] = [];
  if (options.isKnownRegion && !options.isKnownRegion(regionCode)) {
    warnings.push(`行政区划代码${regionCode}不在现行区划表中（可能是已撤销的旧代码），请核对`);
  }
  return {
    ok: true,
    idNumber: id,
    birthDate: birth.iso,
    gender: Number(id[16]) % 2 === 1 ? 'male' : 'female',
    regionCode,
    warnings,
  };
}

/** True when `validateIdNumber` would accept the number (warnings ignored). */
export function isValidIdNumber(input: unknown, asOf: string): boolean {
  try {
    validateIdNumber(input, { asOf });
    return true;
  } catch {
    return false;
  }
}

/**
 * Builds a valid ID number (demo data, tests). `sequence3` is 0–999; its parity gives the gender
 * (odd male, even female).
 */
export function makeIdNumber(regionCode: string, birthDate: string, sequence3: number): string {
  if (!/^\d{6}$/.test(regionCode)) throw new Error(`makeIdNumber: region code must be 6 digits: ${regionCode}`);
  const birth = parseDate(birthDate);
  if (!birth) throw new Error(`makeIdNumber: invalid birth date ${birthDate}`);
  if (!Number.isInteger(sequence3) || sequence3 < 0 || sequence3 > 999) {
    throw new Error(`makeIdNumber: sequence must be an integer 0–999: ${sequence3}`);
  }
  const first17 = `${regionCode}${birth.iso.replaceAll('-', '')}${String(sequence3).padStart(3, '0')}`;
  return first17 + idCheckChar(first17);
}

/** 140302199001011234 → 1403**********1234 (first 4, last 4; shorter inputs are hidden entirely). */
export function maskIdNumber(id: string): string {
  const s = id.trim();
  if (s.length <= 8) return '*'.repeat(s.length);
  return s.slice(0, 4) + '*'.repeat(s.length - 8) + s.slice(-4);
}

/** 13912345678 → 139****5678. */
export function maskPhone(phone: string): string {
  const s = phone.trim();
  if (s.length < 8) return '*'.repeat(s.length);
  return s.slice(0, 3) + '*'.repeat(s.length - 7) + s.slice(-4);
}

/**
 * 张三 → 张*, 张三丰 → 张*丰, 欧阳娜娜 → 欧**娜. Works on code points, so a rare character outside the BMP
 * counts as one.
 */
export function maskName(name: string): string {
  const chars = Array.from(name.trim());
  if (chars.length <= 1) return chars.length ? '*' : '';
  if (chars.length === 2) return `${chars[0]}*`;
  return chars[0] + '*'.repeat(chars.length - 2) + chars[chars.length - 1];
}
