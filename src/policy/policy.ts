/**
 * The policy engine's vocabulary: case (input), decision (output), policy pack, parameters, deadlines.
 * Pure types and constants; the rules themselves live in packs/ and rules/.
 */
import type { Fen } from '../shared/money.ts';
import type { Ratio } from './fraction.ts';

export const PROGRAM_TYPES = [
  'employment_skills', // 就业技能培训
  'order', // 订单式培训
  'project', // 项目制培训
  'enterprise_pre_job', // 企业职工岗前培训
  'enterprise_upgrade', // 岗位技能提升培训
  'enterprise_transfer', // 转岗转业培训
  'safety', // 安全技能培训
  'apprenticeship', // 企业新型学徒制
  'entrepreneurship', // 创业培训
  'work_for_training', // 以工代训
  'practical_skills', // 实用技能培训
  'labour_preparation', // 劳动预备制培训
] as const;
export type ProgramType = (typeof PROGRAM_TYPES)[number];

export const PROGRAM_TYPE_NAMES: Record<ProgramType, string> = {
  employment_skills: '就业技能培训',
  order: '订单式培训',
  project: '项目制培训',
  enterprise_pre_job: '企业职工岗前培训',
  enterprise_upgrade: '岗位技能提升培训',
  enterprise_transfer: '转岗转业培训',
  safety: '安全技能培训',
  apprenticeship: '企业新型学徒制培训',
  entrepreneurship: '创业培训',
  work_for_training: '以工代训',
  practical_skills: '实用技能培训',
  labour_preparation: '劳动预备制培训',
};

/** Training of a company's own employees (yangquan 第四条, suihua 第四条). */
export const ENTERPRISE_TYPES: ReadonlySet<ProgramType> = new Set([
  'enterprise_pre_job',
  'enterprise_upgrade',
  'enterprise_transfer',
  'safety',
  'apprenticeship',
  'work_for_training',
]);

/** Person groups (人员类别, SPEC §4.1). Codes are the contract; names are for texts. */
export const GROUPS = {
  poverty_alleviated: '脱贫人口',
  poor_labour: '贫困劳动力',
  poor_family_child: '贫困家庭子女',
  graduate: '毕业年度高校毕业生',
  two_after: '两后生（城乡未继续升学的应届初高中毕业生）',
  rural_migrant: '农村转移就业劳动者',
  registered_unemployed: '城镇登记失业人员',
  laid_off: '下岗失业人员',
  hard_to_employ: '就业困难人员',
  zero_employment_family: '零就业家庭成员',
  job_transfer: '转岗职工',
  veteran: '退役军人',
  disabled: '残疾人',
  pre_release: '即将刑满释放人员',
  drug_rehab: '强制隔离戒毒人员',
  technical_school_parttime: '技工院校非全日制扩招人员',
  rural_household: '农村学员（农村户籍）',
  urban_dibao: '城市低保家庭学员',
  other: '其他有就业能力和培训需求的人员', // yangquan 第三条 “其他确有就业能力和培训需求…的人员”
} as const;
export type Group = keyof typeof GROUPS;

export const CERTIFICATE_TYPES = ['skill_level', 'special_operation', 'special_equipment'] as const;
export type CertificateType = (typeof CERTIFICATE_TYPES)[number];

/**
 * What a person already had. `training`: a 职业培训补贴 received; `certificate`: a certificate obtained;
 * `certificate_subsidy`: a 取证补贴 received (implies the certificate); `skill_upgrade`: a 技能提升补贴
 * (unemployment insurance) received.
 */
export const HISTORY_KINDS = ['training', 'certificate', 'certificate_subsidy', 'skill_upgrade'] as const;
export type HistoryKind = (typeof HISTORY_KINDS)[number];
export const HISTORY_KIND_NAMES: Record<HistoryKind, string> = {
  training: '已领职业培训补贴',
  certificate: '已取得证书',
  certificate_subsidy: '已领取证补贴',
  skill_upgrade: '已领技能提升补贴',
};

export interface HistoryEntry {
  readonly date: string;
  readonly kind: HistoryKind;
  readonly occupation?: string;
  readonly level?: number;
  readonly certificateType?: CertificateType;
}

export interface Trainee {
  readonly id: string;
  readonly passed: boolean;
  readonly employed: boolean;
  /** The case file's decimal, kept for display. */
  readonly attendanceRate: number;
  /** The same, exact. */
  readonly attendance: Ratio;
  readonly groups: readonly Group[];
  readonly skillUpgradeSubsidy: boolean;
  /** Extension: false when the trainee has no bound e-voucher (无券不补). Absent means bound. */
  readonly voucherBound: boolean;
  /** Extension: false when on-site checks and video did not confirm the trainee (培训人数). Absent: true. */
  readonly verified: boolean;
  readonly history: readonly HistoryEntry[];
}

export interface Cohort {
  readonly programType: ProgramType;
  readonly occupation: string;
  readonly level?: number;
  readonly startDate: string;
  readonly days: number;
  readonly lessons: number;
  readonly approvedHeadcount: number;
  readonly verifiedHeadcount: number;
  readonly missingRecordingHalfDays: number;
  /** Extension: apprenticeship years claimed in this case (每人每年). Default 1. */
  readonly years: number;
  /** Extension: trainees are from capacity-reduction enterprises (化解过剩产能, suihua advance 70%). */
  readonly capacityReduction: boolean;
}

/** A case's own parameter values: one number, or values per occupation/level/programType. */
export type CaseParameterValue =
  | number
  | readonly { readonly value: number; readonly occupation?: string; readonly level?: number; readonly programType?: ProgramType }[];
export type CaseParameters = Readonly<Record<string, CaseParameterValue>>;

export interface TrainingCase {
  readonly policy: string;
  readonly kind: 'training';
  readonly asOf: string;
  readonly parameters: CaseParameters;
  readonly cohort: Cohort;
  readonly trainees: readonly Trainee[];
}

export interface CertificatePerson {
  readonly id: string;
  readonly certificate: {
    readonly type: CertificateType;
    readonly occupation: string;
    readonly level?: number;
    readonly date: string;
  };
  readonly skillUpgradeSubsidy: boolean;
  readonly history: readonly HistoryEntry[];
}

export interface CertificateCase {
  readonly policy: string;
  readonly kind: 'certificate';
  readonly asOf: string;
  readonly parameters: CaseParameters;
  readonly people: readonly CertificatePerson[];
}

export type PolicyCase = TrainingCase | CertificateCase;

// ---- output (SPEC §5.2) ----

export interface Reason {
  readonly rule: string;
  readonly citation: string;
  readonly text: string;
}

export interface PersonResult {
  readonly id: string;
  readonly amountFen: Fen;
  readonly eligible: boolean;
  readonly reasons: readonly Reason[];
}

/** One explanation line. The lines' amounts add up to the decision's total; 0 marks a finding or note. */
export interface Line {
  readonly rule: string;
  readonly amountFen: Fen;
  readonly citation: string;
  readonly text: string;
}

export interface Decision {
  readonly policy: string;
  readonly totalFen: Fen;
  readonly persons: readonly PersonResult[];
  readonly lines: readonly Line[];
}

// ---- parameters ----

/** The scope a parameter value may be specific to (SPEC §4.4: "optionally per occupation and level"). */
export interface ParamScope {
  readonly programType?: ProgramType;
  readonly occupation?: string;
  readonly level?: number;
  readonly certificateType?: CertificateType;
}

/**
 * The seam between the engine and wherever parameter values live (pack constants, a case file, the
 * database's parameter table). Synchronous and pure: a caller with a database loads the rows first and
 * builds a resolver over them (see parameters.ts `tableResolver`).
 */
export type ParameterResolver = (key: string, scope: ParamScope, asOf: string) => number | undefined;

export type ParamUnit = 'fen' | 'percent' | 'days' | 'lessons' | 'count';

export interface ParameterValue {
  readonly value: number;
  /** Effective from (inclusive). */
  readonly from: string;
  /** Effective to (inclusive); absent: open. */
  readonly to?: string;
  readonly programType?: ProgramType;
  readonly occupation?: string;
  readonly level?: number;
  readonly certificateType?: CertificateType;
  /** The document (and article) the value comes from. */
  readonly source: string;
}

export interface ParameterDef {
  readonly key: string;
  readonly unit: ParamUnit;
  readonly text: string;
  /** Article that needs the value (a full citation). */
  readonly citation: string;
  /** Stated values; empty when the seed only refers to another document (`refersTo`). */
  readonly values: readonly ParameterValue[];
  readonly refersTo?: string;
}

// ---- packs ----

export interface RuleDef {
  readonly id: string;
  /** Article within the document, e.g. `第六条`, `三(三)`. */
  readonly article: string;
  readonly text: string;
  /** `workflow`: stated here for the record, enforced by the workflow (opening, claims, …), not by the calculator. */
  readonly stage?: 'calculation' | 'workflow';
}

/** Deadlines and periods the later workflow issues enforce; data only here. */
export interface Deadline {
  readonly id: string;
  readonly event: string;
  /** The date it counts from. */
  readonly anchor: 'cohort_start' | 'cohort_end' | 'exam' | 'disclosure_start' | 'disclosure_end' | 'appraisal';
  /** Negative: before the anchor. A range (3–5 days) has min and max; a single figure has both equal. */
  readonly min: number;
  readonly max: number;
  readonly unit: 'working_day' | 'calendar_day' | 'year';
  /** `at_least` a span (公示不少于5个工作日), `within` (10个工作日内), `before` (开班前N天). */
  readonly sense: 'at_least' | 'within' | 'before';
  readonly programTypes?: readonly ProgramType[];
  readonly article: string;
  readonly text: string;
}

export interface PackMeta {
  readonly id: string;
  readonly title: string;
  /** 文号; for heze (no number) the title and date. Every citation starts with it. */
  readonly docNumber: string;
  readonly issuer: string;
  readonly region: string;
  readonly docDate: string;
  readonly validFrom: string;
  /** Inclusive; absent: open-ended. */
  readonly validTo?: string;
  readonly validityNote: string;
  readonly rules: readonly RuleDef[];
  readonly parameters: readonly ParameterDef[];
  readonly deadlines: readonly Deadline[];
  /** Certificate (取证) subsidies handled by this pack? */
  readonly certificates: boolean;
}
