import { describe, expect, it } from 'vitest';
import {
  allOccupations,
  markedRegionCodes,
  markOf,
  OCCUPATION_CODE_PATTERNS,
  occupationByCode,
  occupationMarksFor,
  occupationsOfKind,
  offersLevel,
  skillLevelLabel,
} from './occupations.ts';

describe('occupation catalogue', () => {
  it('has about 80 occupations and the other kinds', () => {
    expect(occupationsOfKind('occupation').length).toBeGreaterThanOrEqual(75);
    expect(occupationsOfKind('special_ability').length).toBeGreaterThan(0);
    expect(occupationsOfKind('special_operation').length).toBeGreaterThan(0);
    expect(occupationsOfKind('special_equipment').length).toBeGreaterThan(0);
  });

  it('has unique codes and names', () => {
    const all = allOccupations();
    expect(new Set(all.map((o) => o.code)).size).toBe(all.length);
    expect(new Set(all.map((o) => o.name)).size).toBe(all.length);
  });

  it('gives every code the shape of its kind', () => {
    for (const o of allOccupations()) expect(o.code).toMatch(OCCUPATION_CODE_PATTERNS[o.kind]);
  });

  it('gives occupations a non-empty, descending, duplicate-free subset of levels 5…1, other kinds none', () => {
    for (const o of allOccupations()) {
      if (o.kind !== 'occupation') {
        expect(o.levels).toEqual([]);
        continue;
      }
      expect(o.levels.length).toBeGreaterThan(0);
      expect(o.levels.every((l) => [1, 2, 3, 4, 5].includes(l))).toBe(true);
      expect([...o.levels].sort((a, b) => b - a)).toEqual(o.levels);
      expect(new Set(o.levels).size).toBe(o.levels.length);
    }
  });

  it.each([
    ['4-03-02-01', '中式烹调师'],
    ['4-03-02-02', '中式面点师'],
    ['6-31-01-03', '电工'],
    ['6-18-02-04', '焊工'],
    ['4-10-01-05', '养老护理员'],
    ['4-10-01-06', '家政服务员'],
    ['4-07-05-01', '保安员'],
    ['T-01-02', '低压电工作业'],
  ])('%s is %s', (code, name) => expect(occupationByCode(code)?.name).toBe(name));

  it.each([
    ['4-03-02-01', 5, true],
    ['4-10-01-02', 1, false], // 育婴员 stops at level 3
    ['T-01-02', null, true],
    ['T-01-02', 5, false],
    ['4-03-02-01', null, false],
    ['9-99-99-99', 5, false],
  ] as const)('offersLevel(%s, %s) → %s', (code, level, ok) => expect(offersLevel(code, level)).toBe(ok));

  it('labels levels', () => {
    expect(skillLevelLabel(5)).toBe('五级/初级工');
    expect(skillLevelLabel(1)).toBe('一级/高级技师');
  });
});

describe('急需紧缺 marks', () => {
  it('exist for the five seed regions', () => {
    expect(markedRegionCodes().sort()).toEqual(['140300', '140900', '141121', '231200', '371700']);
  });

  it('refer only to catalogue codes, each once per region', () => {
    for (const region of markedRegionCodes()) {
      const marks = occupationMarksFor(region);
      expect(marks.length).toBeGreaterThan(0);
      for (const m of marks) expect(occupationByCode(m.occupationCode), m.occupationCode).toBeDefined();
      expect(new Set(marks.map((m) => m.occupationCode)).size).toBe(marks.length);
    }
  });

  it.each([
    ['140302', '140300'], // a county of Yangquan uses the city catalogue
    ['141121', '141121'], // Wenshui has its own
    ['141102', null], // Lüliang itself publishes none here
  ] as const)('region %s uses the catalogue of %s', (region, source) => {
    expect(occupationMarksFor(region)).toEqual(source ? occupationMarksFor(source) : []);
  });

  it('marks Yangquan electricians urgent and short', () => {
    expect(markOf('140300', '6-31-01-03')).toEqual({ occupationCode: '6-31-01-03', urgent: true, shortage: true });
    expect(markOf('140300', '4-01-06-02')).toBeUndefined();
  });
});
