import { describe, expect, it } from 'vitest';
import { AppError } from '../shared/errors.ts';
import { calculate, packResolver } from './calculate.ts';
import { parseCase } from './case-file.ts';
import { getPack } from './packs/index.ts';
import { caseResolver, layered, tableResolver, type ParameterRow } from './parameters.ts';

const rows: ParameterRow[] = [
  { key: 'std', value: 100, from: '2024-01-01', source: 'a' },
  { key: 'std', value: 150, from: '2024-07-01', source: 'b' },
  { key: 'std', value: 300, from: '2024-01-01', occupation: 'w', source: 'c' },
  { key: 'std', value: 400, from: '2024-01-01', occupation: 'w', level: 4, source: 'd' },
  { key: 'old', value: 1, from: '2020-01-01', to: '2020-12-31', source: 'e' },
];

describe('parameter resolution', () => {
  const r = tableResolver(rows);
  it('takes the value in force on asOf, latest first', () => {
    expect(r('std', {}, '2024-03-01')).toBe(100);
    expect(r('std', {}, '2024-07-01')).toBe(150);
    expect(r('std', {}, '2023-12-31')).toBeUndefined();
    expect(r('old', {}, '2020-12-31')).toBe(1);
    expect(r('old', {}, '2021-01-01')).toBeUndefined();
  });
  it('prefers the most specific scope', () => {
    expect(r('std', { occupation: 'w', level: 4 }, '2024-08-01')).toBe(400);
    expect(r('std', { occupation: 'w', level: 5 }, '2024-08-01')).toBe(300);
    expect(r('std', { occupation: 'v', level: 4 }, '2024-08-01')).toBe(150);
  });
  it('layers: the case file overrides the table', () => {
    const l = layered(caseResolver({ std: 7 }), r);
    expect(l('std', { occupation: 'w' }, '2024-08-01')).toBe(7);
    expect(l('other', {}, '2024-08-01')).toBeUndefined();
  });
  it('a pack resolves its own stated values and leaves referred ones unset', () => {
    const yq = packResolver(getPack('yangquan-2024'));
    expect(yq('orderFirstDailyFen', {}, '2024-12-01')).toBe(15000);
    expect(yq('orderFirstDailyFen', {}, '2026-10-16')).toBeUndefined();
    expect(yq('entrepreneurshipPerPersonFen', {}, '2024-12-01')).toBeUndefined();
  });
  it('an injected resolver (the future database table) feeds the calculator', () => {
    const c = parseCase({
      policy: 'heze-2024', kind: 'training', asOf: '2024-12-01',
      cohort: { programType: 'employment_skills', occupation: 'w', level: 4, startDate: '2024-11-01', days: 5, lessons: 40, approvedHeadcount: 1, verifiedHeadcount: 1 },
      trainees: [{ id: 'T1', passed: true, employed: false, attendanceRate: 1 }],
    });
    const db = tableResolver([{ key: 'standardPerPersonFen', value: 88000, from: '2024-10-01', occupation: 'w', source: '菏人社字〔2024〕x号' }]);
    expect(calculate(c, db).totalFen).toBe(88000);
    let caught: unknown;
    try {
      calculate(c);
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(AppError);
    expect((caught as AppError).code).toBe('unset_parameter');
    expect((caught as AppError).message).toContain('standardPerPersonFen');
  });
});
