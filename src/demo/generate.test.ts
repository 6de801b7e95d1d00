import { describe, expect, it } from 'vitest';
import { validateIdNumber } from '../person/id-number.ts';
import { occupationByCode, offersLevel } from '../registry/occupations.ts';
import { cityCodeOf, isKnownRegion, isWithin, regionByCode } from '../registry/regions.ts';
import { EDUCATION_LEVELS, EMPLOYMENT_STATUSES, PERSON_GROUPS } from '../person/person.ts';
import { creditCodeCheckChar, DEMO_AS_OF, generateDemo, mulberry32, SEED_REGIONS } from './generate.ts';

const demo = generateDemo(mulberry32(20250630));
const seedCodes = SEED_REGIONS.map((s) => s.code);
const allIdNumbers = [...demo.persons.map((p) => p.idNumber), ...demo.institutions.flatMap((i) => i.teachers.map((t) => t.idNumber))];
const creditCodes = [...demo.institutions, ...demo.evaluators, ...demo.enterprises].map((x) => x.creditCode);

describe('mulberry32', () => {
  it('is deterministic per seed and uniform in [0, 1)', () => {
    const a = mulberry32(7);
    const b = mulberry32(7);
    const xs = Array.from({ length: 1000 }, () => a());
    expect(Array.from({ length: 1000 }, () => b())).toEqual(xs);
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(xs.reduce((s, x) => s + x, 0) / xs.length).toBeCloseTo(0.5, 1);
    expect(mulberry32(8)()).not.toBe(mulberry32(7)());
  });
});

describe('generateDemo', () => {
  it('is deterministic for a given seed', () => {
    expect(generateDemo(mulberry32(20250630))).toEqual(demo);
  });

  it('differs between seeds', () => {
    expect(generateDemo(mulberry32(1)).persons.map((p) => p.idNumber)).not.toEqual(demo.persons.map((p) => p.idNumber));
  });

  it.each([1, 2, 3, 99, 123456])('gives valid, unique ID numbers and credit codes with seed %d', (seed) => {
    const d = generateDemo(mulberry32(seed));
    const ids = [...d.persons.map((p) => p.idNumber), ...d.institutions.flatMap((i) => i.teachers.map((t) => t.idNumber))];
    for (const id of ids) expect(validateIdNumber(id, { asOf: DEMO_AS_OF, isKnownRegion }).warnings).toEqual([]);
    expect(new Set(ids).size).toBe(ids.length);
    const codes = [...d.institutions, ...d.evaluators, ...d.enterprises].map((x) => x.creditCode);
    expect(new Set(codes).size).toBe(codes.length);
  });
});

describe('persons', () => {
  it('number about 300, 60 in each seed region', () => {
    expect(demo.persons).toHaveLength(300);
    for (const code of seedCodes) expect(demo.persons.filter((p) => p.regionCode === code)).toHaveLength(60);
  });

  it('have valid ID numbers whose birth date, gender and region match the record', () => {
    for (const p of demo.persons) {
      const r = validateIdNumber(p.idNumber, { asOf: DEMO_AS_OF, isKnownRegion });
      expect(r.birthDate).toBe(p.birthDate);
      expect(r.gender).toBe(p.gender);
      expect(r.regionCode).toBe(p.householdRegionCode);
    }
  });

  it('are born 1966–2006 in a county of their seed region, never a development zone', () => {
    for (const p of demo.persons) {
      expect(p.birthDate >= '1966-01-01' && p.birthDate <= '2006-12-31').toBe(true);
      expect(regionByCode(p.householdRegionCode)?.level).toBe('county');
      expect(isWithin(p.householdRegionCode, p.regionCode)).toBe(true);
      expect(p.householdRegionCode[4]).not.toBe('7');
    }
  });

  it('have unique ID numbers, phones of the form 1[3-9]xxxxxxxxx and Chinese names', () => {
    expect(new Set(allIdNumbers).size).toBe(allIdNumbers.length);
    for (const p of demo.persons) {
      expect(p.phone).toMatch(/^1[3-9]\d{9}$/);
      expect(p.name).toMatch(/^[\u4e00-\u9fff\u3400-\u4dbf]{2,4}$/);
    }
  });

  it('include names with rare characters', () => {
    expect(demo.persons.filter((p) => /[堃喆赟玥䶮]/.test(p.name)).length).toBeGreaterThanOrEqual(4);
  });

  it('use only the exported groups, statuses and education codes', () => {
    const groups = new Set<string>(Object.keys(PERSON_GROUPS));
    const statuses = new Set<string>(Object.keys(EMPLOYMENT_STATUSES));
    const education = new Set<string>(Object.keys(EDUCATION_LEVELS));
    for (const p of demo.persons) {
      expect(p.groups.length).toBeGreaterThan(0);
      expect(new Set(p.groups).size).toBe(p.groups.length);
      for (const g of p.groups) expect(groups.has(g)).toBe(true);
      expect(statuses.has(p.employmentStatus)).toBe(true);
      expect(education.has(p.education)).toBe(true);
    }
  });

  it('are consistent: graduates hold a college degree, registered unemployed are unemployed', () => {
    for (const p of demo.persons) {
      if (p.groups[0] === 'graduate') expect(['college', 'bachelor', 'master']).toContain(p.education);
      if (p.groups.includes('registered_unemployed')) expect(p.employmentStatus).toBe('unemployed');
    }
  });

  it('cover most key groups', () => {
    const seen = new Set(demo.persons.flatMap((p) => p.groups));
    expect(seen.size).toBeGreaterThanOrEqual(10);
  });

  it('some hold a unique employment card number of 18 digits starting with their county', () => {
    const cards = demo.persons.filter((p) => p.employmentCardNo !== null);
    expect(cards.length).toBeGreaterThan(30);
    for (const p of cards) expect(p.employmentCardNo!).toMatch(new RegExp(`^${p.householdRegionCode}\\d{12}$`));
    expect(new Set(cards.map((p) => p.employmentCardNo)).size).toBe(cards.length);
  });
});

describe('identity fixtures', () => {
  it('exist once per person', () => {
    expect(demo.identityFixtures.map((f) => f.idNumber)).toEqual(demo.persons.map((p) => p.idNumber));
  });

  it('have a few monthly-pension drawers, all born before 1970', () => {
    const pensioners = demo.identityFixtures.filter((f) => f.drawsMonthlyPension);
    expect(pensioners.length).toBeGreaterThanOrEqual(3);
    expect(pensioners.length).toBeLessThanOrEqual(10);
    for (const f of pensioners) expect(f.idNumber.slice(6, 10) < '1970').toBe(true);
  });

  it('have a few household regions differing from the registration, within the same city', () => {
    const byId = new Map(demo.persons.map((p) => [p.idNumber, p]));
    const differ = demo.identityFixtures.filter((f) => f.householdRegionCode !== byId.get(f.idNumber)!.householdRegionCode);
    expect(differ.length).toBeGreaterThanOrEqual(3);
    for (const f of differ) {
      expect(isKnownRegion(f.householdRegionCode)).toBe(true);
      expect(cityCodeOf(f.householdRegionCode)).toBe(cityCodeOf(byId.get(f.idNumber)!.householdRegionCode));
    }
  });

  it('name an employer only for the employed', () => {
    const byId = new Map(demo.persons.map((p) => [p.idNumber, p]));
    for (const f of demo.identityFixtures) {
      if (f.socialInsuranceEmployer !== null) expect(byId.get(f.idNumber)!.employmentStatus).toBe('employed');
    }
  });
});

describe('institutions', () => {
  it('number about a dozen, 2–3 per seed region, the first of each listed', () => {
    expect(demo.institutions.length).toBeGreaterThanOrEqual(12);
    for (const code of seedCodes) {
      const mine = demo.institutions.filter((i) => i.regionCode === code);
      expect(mine.length).toBeGreaterThanOrEqual(2);
      expect(mine.length).toBeLessThanOrEqual(3);
      expect(mine[0].status).toBe('listed');
    }
  });

  it('are mostly listed, with exactly one applied, one rectifying and one suspended', () => {
    const count = (s: string) => demo.institutions.filter((i) => i.status === s).length;
    expect([count('applied'), count('rectifying'), count('suspended')]).toEqual([1, 1, 1]);
    expect(count('listed')).toBe(demo.institutions.length - 3);
  });

  it('have credit codes of valid form and check character, in their county', () => {
    for (const x of [...demo.institutions, ...demo.evaluators, ...demo.enterprises]) {
      expect(x.creditCode).toMatch(/^(52|12|91)\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/);
      expect(x.creditCode.slice(2, 8)).toBe(x.countyCode);
      expect(creditCodeCheckChar(x.creditCode.slice(0, 17))).toBe(x.creditCode[17]);
    }
    expect(new Set(creditCodes).size).toBe(creditCodes.length);
  });

  it('are in a county of their region, with licence valid on the demo date and a contract unless only applied', () => {
    for (const i of demo.institutions) {
      expect(isWithin(i.countyCode, i.regionCode)).toBe(true);
      expect(i.licenceValidFrom <= DEMO_AS_OF && DEMO_AS_OF <= i.licenceValidTo).toBe(true);
      if (i.status === 'applied') expect(i.contractStart).toBeNull();
      else expect(i.contractStart! <= DEMO_AS_OF && DEMO_AS_OF <= i.contractEnd!).toBe(true);
      expect(i.contactPhone).toMatch(/^1[3-9]\d{9}$/);
      expect(i.address.length).toBeGreaterThan(8);
    }
  });

  it('have a theory room, practical rooms, equipment and teachers', () => {
    for (const i of demo.institutions) {
      expect(i.venues.some((v) => v.kind === 'theory')).toBe(true);
      expect(i.venues.some((v) => v.kind === 'practical')).toBe(true);
      expect(i.venues.every((v) => Number.isInteger(v.areaM2) && v.areaM2 > 0)).toBe(true);
      expect(i.equipment.length).toBeGreaterThan(0);
      expect(i.teachers.length).toBeGreaterThanOrEqual(3);
      for (const t of i.teachers) {
        expect(validateIdNumber(t.idNumber, { asOf: DEMO_AS_OF }).gender).toBe(t.gender);
        expect(i.occupations.map((o) => o.occupationCode)).toContain(t.occupationCode);
        expect(t.qualification).not.toBe('');
        expect(t.certificateNo).not.toBe('');
      }
    }
  });

  it('license only catalogue occupations at levels the catalogue offers', () => {
    for (const i of demo.institutions) {
      for (const o of i.occupations) {
        expect(occupationByCode(o.occupationCode), o.occupationCode).toBeDefined();
        if (o.levels.length === 0) expect(offersLevel(o.occupationCode, null)).toBe(true);
        for (const l of o.levels) expect(offersLevel(o.occupationCode, l)).toBe(true);
      }
    }
  });
});

describe('evaluators and enterprises', () => {
  it('two listed evaluators per region, filing catalogue occupations at offered levels', () => {
    for (const code of seedCodes) expect(demo.evaluators.filter((e) => e.regionCode === code)).toHaveLength(2);
    for (const e of demo.evaluators) {
      expect(e.status).toBe('listed');
      expect(e.filings.length).toBeGreaterThan(0);
      for (const f of e.filings) expect(offersLevel(f.occupationCode, f.level)).toBe(true);
    }
  });

  it('2–3 enterprises per region; a delegation names a listed institution of the same region and a split', () => {
    for (const code of seedCodes) {
      const n = demo.enterprises.filter((e) => e.regionCode === code).length;
      expect(n >= 2 && n <= 3).toBe(true);
    }
    for (const e of demo.enterprises) {
      if (e.delegateInstitutionIndex === null) {
        expect(e.subsidySplit).toBeNull();
        expect(e.hasTrainingCapacity).toBe(true);
        continue;
      }
      const inst = demo.institutions[e.delegateInstitutionIndex];
      expect(inst.regionCode).toBe(e.regionCode);
      expect(inst.status).toBe('listed');
      expect(e.subsidySplit!.institutionNum).toBeGreaterThan(0);
      expect(e.subsidySplit!.institutionNum).toBeLessThan(e.subsidySplit!.den);
    }
  });
});
