/**
 * Policy engine benchmark: a synthetic province-year of 1,000,000 trainees in 40,000 cohorts across the five
 * packs and their programme types, each trainee with a few history entries, full explanation lines and
 * reasons. Deterministic (mulberry32). Cases are generated in batches outside the timed section, in the
 * engine's parsed form (JSON parsing is the CLI's/API's cost, not the engine's); only `calculate` is timed.
 */
import { calculate } from '../src/policy/calculate.ts';
import { ratio } from '../src/policy/fraction.ts';
import type { CaseParameters, Group, HistoryEntry, ProgramType, Trainee, TrainingCase } from '../src/policy/policy.ts';

const mulberry32 = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

interface Profile {
  policy: string;
  asOf: string;
  startDate: string;
  programTypes: ProgramType[];
  parameters: CaseParameters;
}

const PROFILES: Profile[] = [
  { policy: 'yangquan-2024', asOf: '2025-06-01', startDate: '2025-04-07', programTypes: ['order', 'project', 'enterprise_upgrade', 'apprenticeship', 'employment_skills'], parameters: { standardPerPersonFen: 90000 } },
  { policy: 'xinzhou-2024', asOf: '2024-09-01', startDate: '2024-07-01', programTypes: ['order', 'project', 'employment_skills'], parameters: { standardPerPersonFen: 80000 } },
  { policy: 'wenshui-2023', asOf: '2024-06-01', startDate: '2024-04-08', programTypes: ['employment_skills', 'order'], parameters: { dailyStandardFen: 12000, generalDailyStandardFen: 8000 } },
  { policy: 'heze-2024', asOf: '2025-01-01', startDate: '2024-11-04', programTypes: ['employment_skills', 'entrepreneurship'], parameters: { standardPerPersonFen: [{ value: 120000, level: 4 }, { value: 100000 }] } },
  { policy: 'suihua-2019', asOf: '2024-06-01', startDate: '2024-04-08', programTypes: ['employment_skills', 'enterprise_pre_job', 'entrepreneurship', 'practical_skills'], parameters: { standardPerPersonFen: 100000 } },
];

const OCCUPATIONS = ['4-03-02-01', '6-31-01-03', '4-10-01-01', '6-29-01-01', '4-01-02-01', '5-01-01-01'];
const GROUP_POOL: Group[] = ['rural_migrant', 'poor_labour', 'registered_unemployed', 'graduate', 'hard_to_employ', 'veteran'];
const ATTENDANCE = [ratio(95, 100), ratio(7, 10), ratio(69, 100), ratio(1, 1), ratio(9, 10), ratio(85, 100)];

const makeCohort = (rnd: () => number, index: number, size: number): TrainingCase => {
  const prof = PROFILES[index % PROFILES.length];
  const programType = prof.programTypes[Math.floor(rnd() * prof.programTypes.length)];
  const occupation = OCCUPATIONS[Math.floor(rnd() * OCCUPATIONS.length)];
  const level = 3 + Math.floor(rnd() * 3);
  const days = 3 + Math.floor(rnd() * 40);
  const trainees: Trainee[] = new Array(size);
  for (let i = 0; i < size; i++) {
    const history: HistoryEntry[] = [];
    const h = Math.floor(rnd() * 4); // 0–3 entries, about 1.5 on average
    for (let k = 0; k < h; k++) {
      history.push({
        date: `${2021 + Math.floor(rnd() * 4)}-0${1 + Math.floor(rnd() * 9)}-15`,
        kind: rnd() < 0.7 ? 'training' : 'certificate',
        occupation: OCCUPATIONS[Math.floor(rnd() * OCCUPATIONS.length)],
        level: 2 + Math.floor(rnd() * 4),
      });
    }
    const ai = Math.floor(rnd() * ATTENDANCE.length);
    const att = ATTENDANCE[ai];
    trainees[i] = {
      id: `C${index}-T${i}`,
      passed: rnd() < 0.9,
      employed: rnd() < 0.85,
      attendanceRate: att.num / att.den,
      attendance: att,
      groups: [GROUP_POOL[Math.floor(rnd() * GROUP_POOL.length)]],
      skillUpgradeSubsidy: rnd() < 0.02,
      voucherBound: rnd() < 0.98,
      verified: rnd() < 0.97,
      history,
    };
  }
  return {
    policy: prof.policy,
    kind: 'training',
    asOf: prof.asOf,
    parameters: prof.parameters,
    cohort: {
      programType,
      occupation,
      level,
      startDate: prof.startDate,
      days,
      lessons: days * 6,
      approvedHeadcount: size,
      verifiedHeadcount: size - Math.floor(rnd() * 3),
      missingRecordingHalfDays: rnd() < 0.1 ? 1 + Math.floor(rnd() * 3) : 0,
      years: 1,
      capacityReduction: false,
    },
    trainees,
  };
};

export interface PolicyBenchResult {
  trainees: number;
  cohorts: number;
  seconds: number;
  traineesPerSecond: number;
  peakMiB: number;
  totalFen: number;
  lines: number;
}

export const runPolicyBench = (
  opts: { trainees?: number; cohorts?: number; seed?: number; batch?: number; warmup?: boolean } = {},
): PolicyBenchResult => {
  // A short untimed warm-up so the figure measures the optimised engine, not the JIT's first minutes.
  if (opts.warmup !== false) runPolicyBench({ trainees: 50_000, cohorts: 2_000, seed: 1, warmup: false });
  const cohorts = opts.cohorts ?? 40_000;
  const trainees = opts.trainees ?? 1_000_000;
  const batch = opts.batch ?? 500;
  const rnd = mulberry32(opts.seed ?? 20241016);
  const size = Math.floor(trainees / cohorts);
  let extra = trainees - size * cohorts; // spread the remainder over the first cohorts
  let ns = 0n;
  let totalFen = 0;
  let lines = 0;
  let done = 0;
  for (let start = 0; start < cohorts; start += batch) {
    const cases: TrainingCase[] = [];
    for (let i = start; i < Math.min(cohorts, start + batch); i++) {
      cases.push(makeCohort(rnd, i, size + (extra > 0 ? 1 : 0)));
      if (extra > 0) extra--;
    }
    const t0 = process.hrtime.bigint();
    for (const c of cases) {
      const d = calculate(c);
      totalFen += d.totalFen;
      lines += d.lines.length;
      done += d.persons.length;
    }
    ns += process.hrtime.bigint() - t0;
  }
  const seconds = Number(ns) / 1e9;
  return {
    trainees: done,
    cohorts,
    seconds,
    traineesPerSecond: Math.round(done / seconds),
    peakMiB: Math.round(process.resourceUsage().maxRSS / 1024),
    totalFen,
    lines,
  };
};
