/**
 * The case file of SPEC §5.2 (a public contract: extend, never change). Parsing turns JSON into the
 * engine's typed case, or fails with `AppError('validation')` whose message and `details.field` name the
 * dotted path (`trainees.2.attendanceRate`).
 *
 * Extensions (all optional, with the default that keeps §5.2 files meaning what they meant):
 * trainee `voucherBound` (true), `verified` (true); cohort `missingRecordingHalfDays` (0), `years` (1),
 * `capacityReduction` (false); history entry `certificateType` (skill_level); `parameters` values may be a
 * list of `{ value, occupation?, level?, programType?, certificateType? }`; `"level": null` means no level (a
 * special certificate has none).
 *
 * Size limits (a case is one cohort or one batch of certificates, not a data dump): strings ≤ 200 characters,
 * ids ≤ 64, ≤ 10,000 trainees or people, ≤ 100 history entries each, ≤ 100 parameter keys.
 */
import { z } from 'zod';
import { AppError, invalid } from '../shared/errors.ts';
import { ratioFromDecimal } from './fraction.ts';
import { PACKS, PACK_IDS, findPack } from './packs/index.ts';
import {
  CERTIFICATE_TYPES,
  GROUPS,
  HISTORY_KINDS,
  PROGRAM_TYPES,
  type CaseParameterValue,
  type CertificateCase,
  type ParamUnit,
  type PolicyCase,
  type TrainingCase,
} from './policy.ts';

/** Every key any pack knows, with its unit (a key means the same in every pack that has it). */
const UNITS: ReadonlyMap<string, ParamUnit> = new Map(PACKS.flatMap((p) => p.parameters.map((d) => [d.key, d.unit] as const)));
const ALL_PARAMETER_KEYS: ReadonlySet<string> = new Set(UNITS.keys());

const isCalendarDate = (s: string): boolean => {
  const [y, m, d] = s.split('-').map(Number);
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
};

const date = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD')
  .refine(isCalendarDate, 'is not a calendar date');
export const LIMITS = { text: 200, id: 64, persons: 10_000, history: 100, parameters: 100, scopedValues: 1_000, groups: 50 } as const;

const count = (min = 0) => z.number().int('must be a whole number').min(min, `must be at least ${min}`);
const level = z.number().int('must be a whole number').min(1, 'must be a level 1–5').max(5, 'must be a level 1–5');
/** An optional level; `null` is the same as absent (a 特种作业操作证 has no level). */
const optionalLevel = level
  .nullish()
  .transform((l) => l ?? undefined);
const text = (max: number) => z.string().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);
const occupation = text(LIMITS.text);
const id = text(LIMITS.id);
const list = <T extends z.ZodType>(item: T, max: number) => z.array(item).max(max, `must have at most ${max} entries`);
const groupCodes = Object.keys(GROUPS) as [keyof typeof GROUPS, ...(keyof typeof GROUPS)[]];

const history = z.object({
  date,
  kind: z.enum(HISTORY_KINDS),
  occupation: occupation.optional(),
  level: optionalLevel,
  certificateType: z.enum(CERTIFICATE_TYPES).optional(),
});

const trainee = z.object({
  id,
  passed: z.boolean(),
  employed: z.boolean(),
  attendanceRate: z
    .number()
    .min(0, 'must be between 0 and 1')
    .max(1, 'must be between 0 and 1')
    .refine((x) => {
      try {
        ratioFromDecimal(x);
        return true;
      } catch {
        return false;
      }
    }, 'must be a decimal with at most 15 decimal places'),
  groups: list(z.enum(groupCodes), LIMITS.groups).default([]),
  skillUpgradeSubsidy: z.boolean().default(false),
  voucherBound: z.boolean().default(true),
  verified: z.boolean().default(true),
  history: list(history, LIMITS.history).default([]),
});

const cohort = z
  .object({
    programType: z.enum(PROGRAM_TYPES),
    occupation,
    level: optionalLevel,
    startDate: date,
    days: count(1).max(3660, 'must be at most 3660'),
    lessons: count(0),
    approvedHeadcount: count(1),
    verifiedHeadcount: count(0),
    missingRecordingHalfDays: count(0).default(0),
    years: count(1).max(3, 'must be 1–3 (apprenticeship: 1–2 years, up to 3)').default(1),
    capacityReduction: z.boolean().default(false),
  })
  .superRefine((c, ctx) => {
    if (c.verifiedHeadcount > c.approvedHeadcount) {
      ctx.addIssue({ code: 'custom', path: ['verifiedHeadcount'], message: 'must not exceed approvedHeadcount' });
    }
    if (c.missingRecordingHalfDays > 2 * c.days) {
      ctx.addIssue({ code: 'custom', path: ['missingRecordingHalfDays'], message: 'must not exceed 2 × days' });
    }
  });

/** Any number here; whether it is a whole, non-negative amount is checked per key (its unit) in `checkValues`. */
const paramValue = z.union([
  z.number(),
  list(
    z.object({
      value: z.number(),
      occupation: occupation.optional(),
      level: optionalLevel,
      programType: z.enum(PROGRAM_TYPES).optional(),
      certificateType: z.enum(CERTIFICATE_TYPES).optional(),
    }),
    LIMITS.scopedValues,
  ),
]);

const header = z.object({
  policy: z.string().refine((id) => findPack(id) !== undefined, `unknown policy; known: ${PACK_IDS.join(', ')}`),
  kind: z.enum(['training', 'certificate']),
  asOf: date,
  parameters: z
    .record(text(LIMITS.text), paramValue)
    .refine((r) => Object.keys(r).length <= LIMITS.parameters, `must have at most ${LIMITS.parameters} keys`)
    .default({}),
});

const uniqueIds = (list: readonly { id: string }[], ctx: z.RefinementCtx) => {
  const seen = new Set<string>();
  list.forEach((p, i) => {
    if (seen.has(p.id)) ctx.addIssue({ code: 'custom', path: [i, 'id'], message: `duplicate id ${p.id}` });
    seen.add(p.id);
  });
};

const trainingBody = z.object({
  cohort,
  trainees: list(trainee, LIMITS.persons).min(1, 'must list at least one trainee').superRefine(uniqueIds),
});

const person = z
  .object({
    id,
    certificate: z.object({ type: z.enum(CERTIFICATE_TYPES), occupation, level: optionalLevel, date }),
    skillUpgradeSubsidy: z.boolean().default(false),
    history: list(history, LIMITS.history).default([]),
  })
  .superRefine((p, ctx) => {
    if (p.certificate.type === 'skill_level' && p.certificate.level === undefined) {
      ctx.addIssue({ code: 'custom', path: ['certificate', 'level'], message: 'is required for a skill_level certificate' });
    }
  });

const certificateBody = z.object({
  people: list(person, LIMITS.persons).min(1, 'must list at least one person').superRefine(uniqueIds),
});

const fail = (error: z.ZodError): AppError => {
  const issue = error.issues[0];
  const field = issue.path.map(String).join('.') || '(case)';
  const message = /received undefined$/.test(issue.message) ? `is required (${issue.message})` : issue.message;
  return invalid(field, message);
};

const parse = <T>(schema: z.ZodType<T>, input: unknown): T => {
  const r = schema.safeParse(input);
  if (!r.success) throw fail(r.error);
  return r.data;
};

const UNIT_WORDS: Record<ParamUnit, string> = {
  fen: 'a whole number of fen (分; 1 元 = 100 分, e.g. 12000 for 120 元)',
  percent: 'a whole number of percent',
  days: 'a whole number of days',
  lessons: 'a whole number of lessons',
  count: 'a whole number',
};

/** Each value of a parameter: a whole, non-negative number in the key's unit, said in words. */
const checkValues = (key: string, value: CaseParameterValue, unit: ParamUnit): void => {
  const check = (n: number, field: string) => {
    if (!Number.isSafeInteger(n)) throw invalid(field, `must be ${UNIT_WORDS[unit]}; got ${n}`);
    if (n < 0) throw invalid(field, `must not be negative (${UNIT_WORDS[unit]})`);
  };
  if (typeof value === 'number') check(value, `parameters.${key}`);
  else value.forEach((v, i) => check(v.value, `parameters.${key}.${i}.value`));
};

/** JSON value → typed case, or `AppError('validation')` naming the field. */
export const parseCase = (input: unknown): PolicyCase => {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) throw invalid('(case)', 'must be a JSON object');
  const h = parse(header, input);
  const pack = findPack(h.policy)!;
  // A key no pack knows is a typo. A key of another pack is tolerated (SPEC §5.2's own example gives
  // yangquan-2024 a wenshui parameter): it is simply not used.
  for (const key of Object.keys(h.parameters)) {
    if (!ALL_PARAMETER_KEYS.has(key)) {
      throw invalid(`parameters.${key}`, `is not a parameter of any policy pack; ${pack.id} knows: ${pack.parameters.map((p) => p.key).join(', ')}`);
    }
    checkValues(key, h.parameters[key], UNITS.get(key)!);
  }
  if (h.kind === 'certificate') {
    if (!pack.certificates) throw invalid('kind', `${pack.id} has no certificate (取证) subsidy`);
    const b = parse(certificateBody, input);
    const c: CertificateCase = { policy: h.policy, kind: 'certificate', asOf: h.asOf, parameters: h.parameters, people: b.people };
    return c;
  }
  const b = parse(trainingBody, input);
  const c: TrainingCase = {
    policy: h.policy,
    kind: 'training',
    asOf: h.asOf,
    parameters: h.parameters,
    cohort: b.cohort,
    trainees: b.trainees.map((t) => ({ ...t, attendance: ratioFromDecimal(t.attendanceRate) })),
  };
  return c;
};
