/**
 * Demo data for the five seed regions: institutions, evaluators, enterprises, persons and the identity
 * fixtures the local identity adapter answers with. Pure and deterministic: all chance comes from the
 * `rng` passed in (use `mulberry32(seed)`), all dates are fixed relative to DEMO_AS_OF.
 */
import { makeIdNumber, type Gender } from '../person/id-number.ts';
import { occupationByCode, type SkillLevel } from '../registry/occupations.ts';
import { countiesOf, fullRegionName } from '../registry/regions.ts';
import { ENTERPRISES, EQUIPMENT, EVALUATORS, FEMALE_CHARS, INSTITUTIONS, LEVEL_TITLE, MALE_CHARS, OTHER_EMPLOYERS, RARE_FEMALE, RARE_MALE, STREETS, SURNAMES } from './catalogue.ts';

/** The reference date of the demo: every date in it is consistent with "today" being this day. */
export const DEMO_AS_OF = '2025-06-30';

export const SEED_REGIONS = [
  { key: 'yangquan', code: '140300', cityCode: '140300', name: '阳泉市' },
  { key: 'xinzhou', code: '140900', cityCode: '140900', name: '忻州市' },
  { key: 'wenshui', code: '141121', cityCode: '141100', name: '文水县' },
  { key: 'heze', code: '371700', cityCode: '371700', name: '菏泽市' },
  { key: 'suihua', code: '231200', cityCode: '231200', name: '绥化市' },
] as const;
export type SeedKey = (typeof SEED_REGIONS)[number]['key'];

// The vocabularies are the person and institution domains' own; the demo only draws from them.
export type { PersonGroup, EmploymentStatus, Education } from '../person/person.ts';
export type { InstitutionKind } from '../registry/institution.ts';
import type { PersonGroup, EmploymentStatus, Education } from '../person/person.ts';
import type { InstitutionKind } from '../registry/institution.ts';
import { mulberry32, type Rng } from '../shared/random.ts';

export { mulberry32, type Rng };

export type InstitutionStatus = 'applied' | 'listed' | 'rectifying' | 'suspended' | 'removed';

export interface DemoVenue {
  name: string;
  kind: 'theory' | 'practical';
  areaM2: number;
}

export interface DemoTeacher {
  key: string;
  name: string;
  idNumber: string;
  gender: Gender;
  phone: string;
  occupationCode: string;
  qualification: string;
  certificateNo: string;
}

export interface LicensedOccupation {
  occupationCode: string;
  /** Empty for kinds without levels (专项职业能力, 特种作业, 特种设备). */
  levels: SkillLevel[];
}

export interface DemoInstitution {
  key: string;
  /** The seed region whose bureau selected it (140300, 141121, …): the data scope. */
  regionCode: string;
  countyCode: string;
  name: string;
  kind: InstitutionKind;
  creditCode: string;
  licenceNo: string;
  licenceValidFrom: string;
  licenceValidTo: string;
  contactPerson: string;
  contactPhone: string;
  address: string;
  status: InstitutionStatus;
  /** Null while only applied (no contract signed yet). */
  contractStart: string | null;
  contractEnd: string | null;
  venues: DemoVenue[];
  equipment: { name: string; quantity: number }[];
  teachers: DemoTeacher[];
  occupations: LicensedOccupation[];
}

export interface DemoEvaluator {
  key: string;
  regionCode: string;
  name: string;
  countyCode: string;
  creditCode: string;
  status: 'listed';
  /** `level` null for 专项职业能力 (no levels). */
  filings: { occupationCode: string; level: SkillLevel | null }[];
}

export interface DemoEnterprise {
  key: string;
  regionCode: string;
  name: string;
  creditCode: string;
  countyCode: string;
  hasTrainingCapacity: boolean;
  /** Index into `institutions` of the institution it delegates training to (same region, listed). */
  delegateInstitutionIndex: number | null;
  /** Share of the subsidy that goes to the delegate institution, institutionNum/den. */
  subsidySplit: { institutionNum: number; den: number } | null;
}

export interface DemoPerson {
  key: string;
  regionCode: string;
  name: string;
  idNumber: string;
  gender: Gender;
  birthDate: string;
  phone: string;
  /** County of household registration as registered here; also the region part of the ID number. */
  householdRegionCode: string;
  education: Education;
  groups: PersonGroup[];
  employmentStatus: EmploymentStatus;
  /** 就业创业证编码, when the person holds one. */
  employmentCardNo: string | null;
}

/** What the external identity systems (social insurance, pension, household) say about a person. */
export interface IdentityFixture {
  idNumber: string;
  drawsMonthlyPension: boolean;
  socialInsuranceEmployer: string | null;
  householdRegionCode: string;
}

export interface DemoData {
  asOf: string;
  institutions: DemoInstitution[];
  evaluators: DemoEvaluator[];
  enterprises: DemoEnterprise[];
  persons: DemoPerson[];
  identityFixtures: IdentityFixture[];
}

// ---------------------------------------------------------------------------------------------------
// Random helpers

const int = (rng: Rng, min: number, max: number) => min + Math.floor(rng() * (max - min + 1));
const pick = <T>(rng: Rng, items: readonly T[]): T => items[Math.floor(rng() * items.length)];
const chance = (rng: Rng, p: number) => rng() < p;

function weighted<T>(rng: Rng, items: readonly (readonly [T, number])[]): T {
  const total = items.reduce((s, [, w]) => s + w, 0);
  let r = rng() * total;
  for (const [item, w] of items) {
    r -= w;
    if (r < 0) return item;
  }
  return items[items.length - 1][0];
}

const DAY_MS = 86_400_000;
const toDay = (iso: string) => Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / DAY_MS;
const fromDay = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);
const dateBetween = (rng: Rng, from: string, to: string) => fromDay(int(rng, toDay(from), toDay(to)));
const addYears = (iso: string, years: number) => `${Number(iso.slice(0, 4)) + years}${iso.slice(4)}`;

// ---------------------------------------------------------------------------------------------------
// Codes

/** GB 32100-2015 character set (no I, O, Z, S, V). */
const USCC_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** The check character (18th) of a unified social credit code. */
export function creditCodeCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = USCC_CHARS.indexOf(first17[i]);
    if (v < 0) throw new Error(`creditCodeCheckChar: bad character ${first17[i]}`);
    sum += v * USCC_WEIGHTS[i];
  }
  return USCC_CHARS[(31 - (sum % 31)) % 31];
}

/** GB 11714 organisation code check character (9th of the organisation code). */
function orgCodeCheckChar(first8: string): string {
  const w = [3, 7, 9, 10, 5, 8, 4, 2];
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += parseInt(first8[i], 36) * w[i];
  const c = 11 - (sum % 11);
  return c === 10 ? 'X' : c === 11 ? '0' : String(c);
}

/** Registration authority + type: 52 民办非企业单位, 12 事业单位, 91 企业. */
export type CreditPrefix = '52' | '12' | '91';

function makeCreditCode(rng: Rng, prefix: CreditPrefix, regionCode: string): string {
  // Since 2015 newly registered bodies get organisation codes beginning MA; older ones are digits.
  const body = prefix === '12'
    ? Array.from({ length: 8 }, () => String(int(rng, 0, 9))).join('')
    : `MA${Array.from({ length: 6 }, () => USCC_CHARS[int(rng, 0, USCC_CHARS.length - 1)]).join('')}`;
  const first17 = `${prefix}${regionCode}${body}${orgCodeCheckChar(body)}`;
  return first17 + creditCodeCheckChar(first17);
}

const PHONE_PREFIXES = [
  '130', '131', '132', '133', '134', '135', '136', '137', '138', '139', '150', '151', '152', '153', '155', '156',
  '157', '158', '159', '166', '173', '175', '176', '177', '178', '180', '181', '182', '183', '185', '186', '187',
  '188', '189', '191', '198', '199',
];
const makePhone = (rng: Rng) => pick(rng, PHONE_PREFIXES) + String(int(rng, 0, 99_999_999)).padStart(8, '0');

// ---------------------------------------------------------------------------------------------------
// Names


function makeName(rng: Rng, gender: Gender, rare = false): string {
  const surname = weighted(rng, SURNAMES);
  const pool = gender === 'male' ? MALE_CHARS : FEMALE_CHARS;
  const given = Array.from(pool);
  if (rare) {
    const r = pick(rng, gender === 'male' ? RARE_MALE : RARE_FEMALE);
    return surname + (chance(rng, 0.5) ? r : pick(rng, given) + r);
  }
  const one = pick(rng, given);
  return surname + (chance(rng, 0.75) ? one + pick(rng, given) : one);
}


// ---------------------------------------------------------------------------------------------------

/** Counties usable as a household region: x7x codes are development zones, not on anyone's ID card. */
function householdCounties(seed: (typeof SEED_REGIONS)[number]): string[] {
  if (seed.code !== seed.cityCode) return [seed.code];
  return countiesOf(seed.cityCode).map((r) => r.code).filter((c) => c[4] !== '7');
}

class Uniq {
  private seen = new Set<string>();
  take(make: () => string): string {
    for (;;) {
      const v = make();
      if (!this.seen.has(v)) {
        this.seen.add(v);
        return v;
      }
    }
  }
}

const GROUP_WEIGHTS: readonly (readonly [PersonGroup, number])[] = [
  ['rural_migrant', 25], ['poverty_alleviated', 12], ['registered_unemployed', 12], ['graduate', 10],
  ['job_transfer', 8], ['hard_to_employ', 6], ['two_after', 5], ['veteran', 5], ['other', 8],
  ['urban_dibao', 4], ['disabled', 3], ['zero_employment_family', 2], ['pre_release', 1], ['drug_rehab', 1],
];

/** Second groups that commonly go with a first one. */
const SECOND_GROUP: Partial<Record<PersonGroup, PersonGroup[]>> = {
  poverty_alleviated: ['rural_migrant', 'urban_dibao'],
  rural_migrant: ['poverty_alleviated'],
  registered_unemployed: ['hard_to_employ', 'zero_employment_family'],
  hard_to_employ: ['disabled', 'registered_unemployed'],
  two_after: ['urban_dibao', 'poverty_alleviated'],
  disabled: ['hard_to_employ'],
};

function birthRange(group: PersonGroup): [string, string] {
  switch (group) {
    case 'graduate': return ['2000-01-01', '2003-12-31'];
    case 'two_after': return ['2005-01-01', '2006-12-31'];
    case 'veteran': return ['1975-01-01', '2001-12-31'];
    case 'pre_release':
    case 'drug_rehab': return ['1975-01-01', '1998-12-31'];
    default: return ['1966-01-01', '2000-12-31'];
  }
}

function educationFor(rng: Rng, group: PersonGroup, birthYear: number): Education {
  if (group === 'graduate') return weighted(rng, [['college', 5], ['bachelor', 4], ['master', 1]] as const);
  if (group === 'two_after') return weighted(rng, [['junior', 6], ['senior', 4]] as const);
  if (birthYear < 1975) return weighted(rng, [['primary', 3], ['junior', 6], ['senior', 2], ['vocational', 1]] as const);
  return weighted(rng, [['primary', 1], ['junior', 8], ['senior', 4], ['vocational', 4], ['college', 3], ['bachelor', 2]] as const);
}

function employmentFor(rng: Rng, groups: PersonGroup[]): EmploymentStatus {
  const has = (g: PersonGroup) => groups.includes(g);
  if (has('registered_unemployed') || has('hard_to_employ') || has('zero_employment_family')) return 'unemployed';
  if (has('job_transfer')) return 'employed';
  if (has('two_after') || has('pre_release') || has('drug_rehab')) return 'none';
  if (has('graduate')) return weighted(rng, [['none', 6], ['unemployed', 3], ['employed', 1]] as const);
  return weighted(rng, [['employed', 5], ['none', 3], ['unemployed', 2]] as const);
}

export function generateDemo(rng: Rng): DemoData {
  const ids = new Uniq();
  const credit = new Uniq();
  const phones = new Uniq();
  const cards = new Uniq();

  const idFor = (county: string, birthDate: string, gender: Gender) =>
    ids.take(() => makeIdNumber(county, birthDate, int(rng, 0, 499) * 2 + (gender === 'male' ? 1 : 0)));

  const institutions: DemoInstitution[] = [];
  const evaluators: DemoEvaluator[] = [];
  const enterprises: DemoEnterprise[] = [];
  const persons: DemoPerson[] = [];
  const identityFixtures: IdentityFixture[] = [];
  const institutionIndex: Record<string, number[]> = {};

  for (const seed of SEED_REGIONS) {
    const counties = householdCounties(seed);
    const address = (county: string) => `${fullRegionName(county)}${pick(rng, STREETS)}${int(rng, 1, 299)}号`;

    // Institutions
    institutionIndex[seed.key] = [];
    INSTITUTIONS[seed.key].forEach((spec, i) => {
      const key = `${seed.key}-inst-${i + 1}`;
      const licenceFrom = dateBetween(rng, '2022-01-01', '2023-12-31');
      const contracted = spec.status !== 'applied';
      // Wenshui selects for a 3-year service (renewed yearly); the others' agreements here cover 2025–2026, so that
      // the demo's cohorts (2026) are covered (an expired agreement blocks opening).
      const [contractStart, contractEnd] = !contracted ? [null, null]
        : seed.key === 'wenshui' ? ['2024-01-01', '2026-12-31'] : ['2025-01-01', '2026-12-31'];
      const practical = spec.occupations.map(([code]) => occupationByCode(code)!).filter((o) => o.kind !== 'special_ability');
      const venues: DemoVenue[] = [
        { name: '理论教室一', kind: 'theory', areaM2: spec.smallTheoryRoom ? 45 : int(rng, 60, 150) },
        ...(chance(rng, 0.5) ? [{ name: '理论教室二', kind: 'theory' as const, areaM2: int(rng, 50, 100) }] : []),
        ...practical.slice(0, 3).map((o) => ({ name: `${o.name}实训室`, kind: 'practical' as const, areaM2: int(rng, 80, 400) })),
      ];
      const equipmentNames = new Set<string>(['多媒体教学设备']);
      for (const [code] of spec.occupations) for (const e of EQUIPMENT[code] ?? []) equipmentNames.add(e);
      const teachableCodes = spec.occupations.map(([c]) => c);
      const teachers: DemoTeacher[] = Array.from({ length: int(rng, 3, 5) }, (_, t) => {
        const gender: Gender = chance(rng, 0.55) ? 'male' : 'female';
        const birthDate = dateBetween(rng, '1965-01-01', '1995-12-31');
        const occupationCode = teachableCodes[t % teachableCodes.length];
        const occ = occupationByCode(occupationCode)!;
        const level = pick(rng, [1, 2, 3] as const);
        const qualification = occ.kind === 'occupation'
          ? (chance(rng, 0.5) ? `职业技能等级证书 ${LEVEL_TITLE[level]}（${occ.name}）` : `${LEVEL_TITLE[level].split('/')[1]}（${occ.name}）职业资格证书`)
          : occ.kind === 'special_ability' ? `${occ.name}专项职业能力证书；高级讲师` : `${occ.name}操作证；安全培训教师资格`;
        return {
          key: `${key}-t${t + 1}`,
          name: makeName(rng, gender),
          idNumber: idFor(pick(rng, counties), birthDate, gender),
          gender,
          phone: phones.take(() => makePhone(rng)),
          occupationCode,
          qualification,
          certificateNo: `S${seed.cityCode}${String(int(rng, 0, 9_999_999)).padStart(7, '0')}${int(rng, 15, 24)}${level}${String(int(rng, 1, 99_999)).padStart(5, '0')}`,
        };
      });
      const licencePrefix = { private_school: '人社民', enterprise_center: '人社民', technical_college: '人社技', vocational_college: '教职', public_training_base: '人社公', university: '教高' }[spec.kind];
      const creditPrefix: CreditPrefix = spec.kind === 'private_school' ? '52' : spec.kind === 'enterprise_center' ? '91' : '12';
      institutionIndex[seed.key].push(institutions.length);
      institutions.push({
        key,
        regionCode: seed.code,
        countyCode: spec.county,
        name: spec.name,
        kind: spec.kind,
        creditCode: credit.take(() => makeCreditCode(rng, creditPrefix, spec.county)),
        licenceNo: `${licencePrefix}${spec.county}${String(int(rng, 1, 9_999_999)).padStart(7, '0')}`,
        licenceValidFrom: licenceFrom,
        licenceValidTo: fromDay(toDay(addYears(licenceFrom, 5)) - 1),
        contactPerson: makeName(rng, chance(rng, 0.5) ? 'male' : 'female'),
        contactPhone: phones.take(() => makePhone(rng)),
        address: address(spec.county),
        status: spec.status,
        contractStart,
        contractEnd,
        venues,
        equipment: [...equipmentNames].map((name) => ({ name, quantity: name === '多媒体教学设备' ? int(rng, 1, 3) : int(rng, 2, 20) })),
        teachers,
        occupations: spec.occupations.map(([occupationCode, levels]) => ({ occupationCode, levels: [...levels] })),
      });
    });

    // Evaluators: the first files everything the region's institutions teach, the second a part of it.
    const taught = new Map<string, Set<SkillLevel>>();
    for (const spec of INSTITUTIONS[seed.key]) {
      for (const [code, levels] of spec.occupations) {
        if (occupationByCode(code)!.kind === 'special_operation' || occupationByCode(code)!.kind === 'special_equipment') continue;
        const s = taught.get(code) ?? new Set<SkillLevel>();
        for (const l of levels) s.add(l);
        taught.set(code, s);
      }
    }
    EVALUATORS[seed.key].forEach((spec, i) => {
      const filings: DemoEvaluator['filings'] = [];
      const offset = int(rng, 0, 1);
      let k = 0;
      for (const [code, levels] of taught) {
        if (i > 0 && k++ % 2 !== offset) continue;
        if (levels.size === 0) filings.push({ occupationCode: code, level: null });
        for (const level of [...levels].sort((a, b) => b - a)) filings.push({ occupationCode: code, level });
      }
      evaluators.push({
        key: `${seed.key}-eval-${i + 1}`,
        regionCode: seed.code,
        name: spec.name,
        countyCode: spec.county,
        creditCode: credit.take(() => makeCreditCode(rng, spec.prefix, spec.county)),
        status: 'listed',
        filings,
      });
    });

    // Enterprises
    ENTERPRISES[seed.key].forEach((spec, i) => {
      enterprises.push({
        key: `${seed.key}-ent-${i + 1}`,
        regionCode: seed.code,
        name: spec.name,
        creditCode: credit.take(() => makeCreditCode(rng, '91', spec.county)),
        countyCode: spec.county,
        hasTrainingCapacity: spec.hasTrainingCapacity,
        delegateInstitutionIndex: spec.delegate ? institutionIndex[seed.key][spec.delegate[0]] : null,
        subsidySplit: spec.delegate ? { institutionNum: spec.delegate[1], den: 10 } : null,
      });
    });
    const regionEnterprises = ENTERPRISES[seed.key].map((e) => e.name);

    // Persons: 60 per region. Some fixed positions carry the cases the rules must meet.
    for (let n = 0; n < 60; n++) {
      const index = persons.length;
      const pensioner = index % 75 === 3; // draws a monthly pension: refused (SPEC §4.1)
      const householdMismatch = index % 60 === 11; // household system says another county
      const rareName = index % 50 === 7;

      const first = pensioner ? 'other' : weighted(rng, GROUP_WEIGHTS);
      const groups: PersonGroup[] = [first];
      const second = SECOND_GROUP[first];
      if (second && chance(rng, 0.25)) groups.push(pick(rng, second));

      let gender: Gender = chance(rng, 0.5) ? 'male' : 'female';
      if (first === 'veteran' && chance(rng, 0.9)) gender = 'male';
      const [from, to] = pensioner ? ['1966-01-01', '1969-12-31'] : birthRange(first);
      const birthDate = dateBetween(rng, from, to);
      const county = pick(rng, counties);
      const employmentStatus = pensioner ? 'none' : employmentFor(rng, groups);
      // 就业创业证 is issued on registering unemployment or as a graduate; pensioners have left the labour market.
      const hasCard = !pensioner && (employmentStatus === 'unemployed' ? chance(rng, 0.9) : chance(rng, 0.2));
      const cardFromYear = Math.min(2025, Math.max(2019, Number(birthDate.slice(0, 4)) + 18));
      const idNumber = idFor(county, birthDate, gender);

      persons.push({
        key: `${seed.key}-p${String(n + 1).padStart(3, '0')}`,
        regionCode: seed.code,
        name: makeName(rng, gender, rareName),
        idNumber,
        gender,
        birthDate,
        phone: phones.take(() => makePhone(rng)),
        householdRegionCode: county,
        education: educationFor(rng, first, Number(birthDate.slice(0, 4))),
        groups,
        employmentStatus,
        employmentCardNo: hasCard
          ? cards.take(() => `${county}${int(rng, cardFromYear, 2025)}${String(int(rng, 1, 99_999_999)).padStart(8, '0')}`)
          : null,
      });

      let fixtureHousehold = county;
      if (householdMismatch) {
        const others = (counties.length > 1 ? counties : countiesOf(seed.cityCode).map((r) => r.code)).filter((c) => c !== county && c[4] !== '7');
        fixtureHousehold = pick(rng, others);
      }
      identityFixtures.push({
        idNumber,
        drawsMonthlyPension: pensioner,
        socialInsuranceEmployer: employmentStatus === 'employed'
          ? (chance(rng, 0.6) ? pick(rng, regionEnterprises) : `${seed.name.replace(/[市县]$/, '')}${pick(rng, OTHER_EMPLOYERS)}`)
          : null,
        householdRegionCode: fixtureHousehold,
      });
    }
  }

  return { asOf: DEMO_AS_OF, institutions, evaluators, enterprises, persons, identityFixtures };
}
