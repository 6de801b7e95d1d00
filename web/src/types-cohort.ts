/** Cohorts, certificates, vouchers and policy packs as the API answers them (SPEC §3.2, §3.3, §5.3). */

export type CohortState =
  | 'draft' | 'opening_submitted' | 'opening_county_approved' | 'opening_approved' | 'in_training' | 'completion_submitted'
  | 'completion_approved' | 'examined' | 'claimed' | 'closed' | 'rejected' | 'cancelled';

export const COHORT_ACTIONS = [
  'submit_opening', 'approve_opening', 'return_opening', 'reject', 'start', 'submit_completion', 'approve_completion',
  'return_completion', 'record_exams', 'claim', 'close', 'cancel',
] as const;
export type CohortAction = (typeof COHORT_ACTIONS)[number];
/** Actions that need a written reason (the server refuses them without one). */
export const REASON_ACTIONS: readonly string[] = ['return_opening', 'reject', 'return_completion', 'cancel'];
export const DANGER_ACTIONS: readonly string[] = ['reject', 'cancel'];

/** One reason a rule refuses, with where it comes from. */
export interface Reason {
  rule: string;
  citation: string;
  text: string;
  severity?: string;
  personId?: string;
}

export interface Cohort {
  id: string;
  name: string;
  institutionId: string;
  institutionName: string;
  regionCode: string;
  policy: string;
  programType: string;
  occupationCode: string;
  occupationName: string;
  level: number;
  startDate: string;
  endDate: string;
  venue: string;
  capacityReduction: boolean;
  passMark: number;
  state: CohortState;
  stateLabel: string;
  enrolled: number;
  approvedHeadcount: number | null;
  advanceDueFen: number | null;
  evaluatorId: string | null;
  submittedAt: string | null;
  createdAt: string;
  updatedAt: string;
  actions: string[];
}

export interface Screening {
  eligible: boolean;
  reasons: Reason[];
}

export interface RosterEntry {
  personId: string;
  name: string;
  idNumber: string;
  gender: 'male' | 'female';
  phone: string | null;
  groups: string[];
  voucherId: string | null;
  screening: Screening | null;
  inCompletionRoster: boolean;
  exam: { theoryScore: number | null; practicalScore: number | null; passed: boolean } | null;
  certificateNumber: string | null;
  /** The evaluator's recorded result (技能评价), if any. */
  evaluation: { passed: boolean; certificateNo: string | null; evaluatedOn: string; evaluatorName: string } | null;
}

export interface Lesson {
  id: string;
  date: string;
  startsAt: string;
  endsAt: string;
  kind: 'theory' | 'practical';
  lessons: number;
  teacherId: string | null;
  teacherName: string | null;
  groupSize: number | null;
  topic: string;
}

export interface CohortDocument {
  id: string;
  kind: string;
  filename: string;
  contentType: string;
  size: number;
  sha256: string;
  /** the uploader's login name, as recorded; pages show `uploadedByName` */
  uploadedBy: string;
  uploadedByName: string | null;
  uploadedAt: string;
}

export interface CohortEvent {
  action: string;
  from: string;
  to: string;
  /** the account's login name, as recorded; pages show `actorName` */
  actor: string;
  actorName: string | null;
  role: string;
  reason: string | null;
  at: string;
}

/** 退回 the cohort stands in: why, by whom (display name) and when. */
export interface CohortReturn {
  action: string;
  reason: string | null;
  byName: string | null;
  role: string;
  at: string;
}

export interface CohortDetail extends Cohort {
  evaluatorName: string | null;
  /** 无券不补's article in this cohort's pack; null when its pack has no such rule. */
  noVoucherCitation: string | null;
  roster: RosterEntry[];
  lessons: Lesson[];
  documents: CohortDocument[];
  events: CohortEvent[];
  returned: CohortReturn | null;
}

export interface CohortInput {
  policy: string;
  programType: string;
  occupationCode: string;
  level: number;
  name: string;
  startDate: string;
  endDate: string;
  venue: string;
  capacityReduction?: boolean;
  passMark?: number;
}

export interface TransitionResult {
  state: CohortState;
  stateLabel: string;
  screening?: { personId: string; name: string; eligible: boolean; reasons: Reason[] }[];
  certificates?: string[];
  advanceDueFen: number | null;
}

export interface Verdict {
  counts: boolean;
  citation: string;
  text: string;
}
export interface EmploymentSummary {
  persons: {
    personId: string;
    name: string;
    passed: boolean;
    employed: boolean;
    proofs: { kind: string; employer: string; contractStart: string | null; contractEnd: string | null; firstPayrollMonth: string | null; latestPayrollMonth: string | null; verdict: Verdict }[];
  }[];
  /** The server's employment rate: `reached`/`text` (current), `reaches80`/`percentText` (earlier builds). */
  rate: { passed: number; employed: number; reached?: boolean; text?: string; reaches80?: boolean; percentText?: string };
}

export interface Line {
  rule: string;
  amountFen: number;
  citation: string;
  text: string;
}
export interface Decision {
  policy: string;
  totalFen: number;
  persons: { id: string; name?: string; amountFen: number; eligible: boolean; reasons: (Reason | string)[] }[];
  lines: Line[];
  assumptions?: string[];
}

export interface Certificate {
  number: string;
  holderName: string;
  personId: string;
  /** masked; 显示 asks the server for the whole number */
  idNumber: string;
  occupationName: string;
  level: number;
  institutionName: string;
  issuedOn: string;
  cohortName: string;
  cohortId: string;
}
export interface PublicCertificate {
  number: string;
  holder: string;
  occupation: string;
  level: number;
  institution: string;
  issuedOn: string;
}

export type VoucherState = 'applied' | 'issued' | 'bound' | 'redeemed' | 'written_off' | 'cancelled';
/** The e-voucher closed loop (SPEC §3.2): apply → issue → bind → redeem → write_off; cancel before the end. */
export const VOUCHER_ACTIONS = ['issue', 'bind', 'redeem', 'write_off', 'cancel'] as const;
export type VoucherAction = (typeof VOUCHER_ACTIONS)[number];

export interface Voucher {
  id: string;
  number: string;
  personId: string;
  personName: string;
  occupationCode: string | null;
  state: VoucherState;
  cohortId: string | null;
  cohortName: string | null;
  appliedAt: string;
  issuedAt: string | null;
  boundAt: string | null;
  redeemedAt: string | null;
  writtenOffAt: string | null;
  cancelledAt: string | null;
  cancelReason: string | null;
  actions: string[];
  /** In a list: whether this account may open the person and the cohort (no link to what it cannot open). */
  personVisible?: boolean;
  cohortVisible?: boolean;
}

export interface Evaluator {
  id: string;
  name: string;
  regionCode: string;
  status: string;
}

export interface PolicySummary {
  id: string;
  title: string;
  docNumber: string;
  issuer: string;
  region: string;
  docDate: string;
  validFrom: string;
  validTo: string | null;
  validityNote: string;
  /** the pack of the caller's own city (listed first) */
  own?: boolean;
}
export interface StatedValue {
  value: number | null;
  from: string;
  to?: string | null;
  source: string;
  occupation?: string;
  level?: number;
  programType?: string;
}
export interface StoredValue {
  id: string;
  value: number;
  from: string;
  to: string | null;
  occupation: string | null;
  level: number | null;
  programType: string | null;
  source: string;
  /** the login name recorded; pages show `setByName` */
  setBy: string;
  setByName: string | null;
  setAt: string;
}
export interface Parameter {
  key: string;
  unit: string;
  text: string;
  citation: string;
  values: StatedValue[];
  refersTo?: string;
  stored: StoredValue[];
}
export interface PolicyDetail extends PolicySummary {
  rules: { id: string; article: string; text: string; stage?: string }[];
  deadlines: { id: string; event: string; anchor: string; min: number; max: number; unit: string; sense: string; article: string; text: string; programTypes?: string[] }[];
  mayEdit: boolean;
  parameters: Parameter[];
}

export interface PublicInstitution {
  id: string;
  name: string;
  regionName: string;
  occupations: string[];
  contactName: string;
  contactPhone: string;
  address: string;
}
