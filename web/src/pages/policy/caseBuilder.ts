/**
 * The calculator form's values → a SPEC §5.2 training case, the same JSON the 高级 tab sends. Trainees go out
 * under numbers (T01, T02, …): the case holds the facts the engine needs, never a name; the names stay in the
 * page to label the result.
 */
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import type { CohortDetail, EmploymentSummary, Parameter } from '../../types-cohort.ts';

const DATE = 'YYYY-MM-DD';

export interface HistoryRow {
  date?: Dayjs;
  kind?: string;
  occupation?: string;
  level?: number;
}

export interface TraineeRow {
  /** who the row is, for the page only (a name from a roster); never sent */
  label?: string;
  passed: boolean;
  employed: boolean;
  /** 0–100 */
  attendancePercent: number;
  groups: string[];
  skillUpgradeSubsidy: boolean;
  voucherBound: boolean;
  verified: boolean;
  history?: HistoryRow[];
}

export interface CaseFormValues {
  asOf?: Dayjs;
  programType: string;
  occupation: string;
  level?: number;
  startDate: Dayjs;
  days: number;
  lessons: number;
  approvedHeadcount: number;
  verifiedHeadcount: number;
  missingRecordingHalfDays?: number;
  years?: number;
  capacityReduction?: boolean;
  /** this case only: values of parameters the document leaves unset, money in yuan */
  parameters?: Record<string, number | null | undefined>;
  trainees: TraineeRow[];
}

export const newTrainee = (label?: string): TraineeRow => ({
  ...(label ? { label } : {}),
  passed: true, employed: true, attendancePercent: 100, groups: [], skillUpgradeSubsidy: false, voucherBound: true, verified: true, history: [],
});

export const traineeId = (i: number) => `T${String(i + 1).padStart(2, '0')}`;

/** Parameters a case may have to give: the document states no value and the bureau has set none. */
export const unsetParameters = (parameters: Parameter[]) =>
  parameters.filter((p) => !p.stored.length && p.values.every((v) => v.value === null));

/** The last day of training (start + days − 1), the date a case is computed on unless the officer says otherwise. */
export const lastDay = (start: Dayjs, days: number) => start.add(Math.max(days, 1) - 1, 'day');

export function buildCase(policy: string, v: CaseFormValues, units: Record<string, string>) {
  const parameters: Record<string, number> = {};
  for (const [key, value] of Object.entries(v.parameters ?? {})) {
    if (value === null || value === undefined) continue;
    parameters[key] = units[key] === 'fen' ? Math.round(value * 100) : Math.round(value);
  }
  const trainees = v.trainees.map((r, i) => ({
    id: traineeId(i),
    passed: !!r.passed,
    employed: !!r.employed,
    // a decimal with few places, as the case file wants (33.3 % is 0.333, not 0.33299999999999996)
    attendanceRate: Number((Math.min(100, Math.max(0, r.attendancePercent ?? 0)) / 100).toFixed(4)),
    groups: r.groups ?? [],
    skillUpgradeSubsidy: !!r.skillUpgradeSubsidy,
    voucherBound: !!r.voucherBound,
    verified: !!r.verified,
    history: (r.history ?? []).filter((h) => h.date && h.kind).map((h) => ({
      date: h.date!.format(DATE), kind: h.kind!,
      ...(h.occupation?.trim() ? { occupation: h.occupation.trim() } : {}),
      ...(h.level ? { level: h.level } : {}),
    })),
  }));
  const body = {
    policy,
    kind: 'training',
    asOf: (v.asOf ?? lastDay(v.startDate, v.days)).format(DATE),
    parameters,
    cohort: {
      programType: v.programType,
      occupation: v.occupation,
      ...(v.level ? { level: v.level } : {}),
      startDate: v.startDate.format(DATE),
      days: v.days,
      lessons: v.lessons,
      approvedHeadcount: v.approvedHeadcount,
      verifiedHeadcount: v.verifiedHeadcount,
      missingRecordingHalfDays: v.missingRecordingHalfDays ?? 0,
      ...(v.programType === 'apprenticeship' ? { years: v.years ?? 1 } : {}),
      capacityReduction: !!v.capacityReduction,
    },
    trainees,
  };
  const names = new Map(v.trainees.map((r, i) => [traineeId(i), r.label] as const).filter((e): e is [string, string] => !!e[1]));
  return { body, names };
}

/**
 * A cohort's records as form values: its programme and timetable, and each trainee of its completion roster
 * (the whole roster before there is one) with what is recorded — exam, employment, voucher. Whoever has no
 * exam result yet counts as passed and employed, as the roster's screening does; attendance is not recorded,
 * so it is 100 %.
 */
export function fromCohort(c: CohortDetail, employment: EmploymentSummary | null): Partial<CaseFormValues> & { policy: string } {
  const completing = c.roster.filter((r) => r.inCompletionRoster);
  const rows = completing.length ? completing : c.roster;
  const dates = new Set(c.lessons.map((l) => l.date));
  const days = dates.size || dayjs(c.endDate).diff(dayjs(c.startDate), 'day') + 1;
  const approved = Math.max(1, c.approvedHeadcount ?? c.roster.length);
  const employed = new Map((employment?.persons ?? []).map((p) => [p.personId, p.employed]));
  return {
    policy: c.policy,
    programType: c.programType,
    occupation: c.occupationCode,
    level: c.level || undefined,
    startDate: dayjs(c.startDate),
    days,
    lessons: c.lessons.reduce((n, l) => n + l.lessons, 0),
    approvedHeadcount: approved,
    verifiedHeadcount: Math.min(approved, rows.length),
    missingRecordingHalfDays: 0,
    capacityReduction: c.capacityReduction,
    trainees: rows.map((r) => ({
      ...newTrainee(r.name),
      passed: r.exam ? r.exam.passed : true,
      employed: r.exam ? (employed.get(r.personId) ?? false) : true,
      groups: r.groups,
      voucherBound: r.voucherId !== null,
    })),
  };
}
