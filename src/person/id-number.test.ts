import { describe, expect, it } from 'vitest';
import { AppError } from '../shared/errors.ts';
import cases from './id-number.cases.json' with { type: 'json' };
import {
  idCheckChar,
  isValidIdNumber,
  isValidProvincePrefix,
  makeIdNumber,
  maskIdNumber,
  maskName,
  maskPhone,
  validateIdNumber,
} from './id-number.ts';

const known = new Set(cases.knownRegions);
const options = { asOf: cases.asOf, isKnownRegion: (c: string) => known.has(c) };

function errorOf(fn: () => unknown): AppError {
  try {
    fn();
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('expected an AppError');
}

describe('validateIdNumber accepts valid numbers and reads birth date, gender, region', () => {
  it.each(cases.valid)('$name', (c) => {
    const r = validateIdNumber(c.input, options);
    expect(r).toMatchObject({ ok: true, idNumber: c.idNumber, birthDate: c.birthDate, gender: c.gender, regionCode: c.regionCode });
    expect(r.warnings).toHaveLength(c.warnings);
  });
});

describe('validateIdNumber refuses invalid numbers with a plain Chinese message', () => {
  it.each(cases.invalid)('$name', (c) => {
    const e = errorOf(() => validateIdNumber(c.input, options));
    expect(e.code).toBe('validation');
    expect(e.details.field).toBe('idNumber');
    expect(e.message).toContain(c.message);
  });
});

describe('validateIdNumber details', () => {
  it('names the field the caller supplies', () => {
    const e = errorOf(() => validateIdNumber('140302199001011234', { ...options, field: 'trainees.3.idNumber' }));
    expect(e.details.field).toBe('trainees.3.idNumber');
    expect(e.message).toMatch(/^trainees\.3\.idNumber: /);
  });

  it('does not reveal the expected check character', () => {
    const e = errorOf(() => validateIdNumber('140302199001011234', options));
    expect(e.message).not.toContain('X');
  });

  it('without a region lookup gives no warning', () => {
    expect(validateIdNumber('140399198505051117', { asOf: cases.asOf }).warnings).toEqual([]);
  });

  it('refuses non-string input', () => {
    expect(errorOf(() => validateIdNumber(140302199001011230, options)).message).toContain('不能为空');
    expect(errorOf(() => validateIdNumber(null, options)).message).toContain('不能为空');
  });

  it('refuses an invalid reference date rather than guessing', () => {
    expect(errorOf(() => validateIdNumber('14030219900101123X', { asOf: '2025-02-30' })).details.field).toBe('asOf');
  });

  it('isValidIdNumber is the boolean form', () => {
    expect(isValidIdNumber('14030219900101123X', '2025-06-30')).toBe(true);
    expect(isValidIdNumber('140302199001011234', '2025-06-30')).toBe(false);
  });
});

describe('province prefixes', () => {
  it.each([
    ['11', true], ['14', true], ['65', true], ['71', true], ['81', true], ['82', true], ['83', true],
    ['10', false], ['66', false], ['70', false], ['72', false], ['80', false], ['84', false], ['91', false], ['1', false],
  ] as const)('%s → %s', (p, ok) => expect(isValidProvincePrefix(p)).toBe(ok));
});

describe('makeIdNumber', () => {
  it.each([
    ['140302', '1990-01-01', 123, '14030219900101123X'],
    ['371721', '1988-12-31', 2, '371721198812310022'],
    ['141121', '1966-08-15', 1, '141121196608150012'],
  ] as const)('%s %s %d → %s', (region, birth, seq, expected) => {
    expect(makeIdNumber(region, birth, seq)).toBe(expected);
  });

  it('round-trips through validation with the gender of the sequence parity', () => {
    for (let seq = 0; seq < 1000; seq += 37) {
      const id = makeIdNumber('231202', '1975-03-09', seq);
      const r = validateIdNumber(id, options);
      expect(r.gender).toBe(seq % 2 === 1 ? 'male' : 'female');
      expect(r.birthDate).toBe('1975-03-09');
    }
  });

  it.each([
    ['14030', '1990-01-01', 1],
    ['140302', '1990-02-30', 1],
    ['140302', '1990-01-01', 1000],
    ['140302', '1990-01-01', -1],
    ['140302', '1990-01-01', 1.5],
  ] as const)('refuses bad input %s %s %d', (region, birth, seq) => {
    expect(() => makeIdNumber(region, birth, seq)).toThrow();
  });

  it('idCheckChar needs 17 digits', () => {
    expect(idCheckChar('14030219900101123')).toBe('X');
    expect(() => idCheckChar('1403021990010112')).toThrow();
  });
});

describe('masking', () => {
  it.each([
    ['140302199001011234', '1403**********1234'],
    ['14030219900101123X', '1403**********123X'],
    ['1234', '****'],
  ])('maskIdNumber(%s) → %s', (input, out) => expect(maskIdNumber(input)).toBe(out));

  it.each([
    ['13912345678', '139****5678'],
    ['123', '***'],
  ])('maskPhone(%s) → %s', (input, out) => expect(maskPhone(input)).toBe(out));

  it.each([
    ['张三丰', '张*丰'],
    ['张三', '张*'],
    ['欧阳娜娜', '欧**娜'],
    ['王', '*'],
    ['', ''],
    ['刘䶮', '刘*'],
    ['𠮷田优', '𠮷*优'],
  ])('maskName(%s) → %s', (input, out) => expect(maskName(input)).toBe(out));
});
