/** The shapes the API answers with (see SPEC §5.3 and the server's OpenAPI at /api/openapi.json). */

export const ROLES = ['city_admin', 'county_admin', 'reviewer', 'finance', 'inspector', 'institution', 'evaluator', 'enterprise', 'trainee', 'system_admin'] as const;
export type Role = (typeof ROLES)[number];

export interface Me {
  username: string;
  /** The institution, evaluator, enterprise or person the account belongs to. */
  orgName: string | null;
  displayName: string;
  role: Role;
  roleLabel: string;
  regionCode: string;
  cityCode: string;
  institutionId: string | null;
  evaluatorId: string | null;
  enterpriseId: string | null;
  personId: string | null;
}

export interface Region {
  code: string;
  name: string;
  parentCode: string | null;
  level: "province" | "city" | "county";
}

// Code lists (statuses, kinds, groups …) come from GET /api/v1/reference (reference.tsx), never from here.
export type InstitutionStatus = 'applied' | 'listed' | 'rectifying' | 'suspended' | 'removed';
export type InstitutionKind = string;
export const INSTITUTION_ACTIONS = ['list', 'rectify', 'restore', 'suspend', 'remove'] as const;
export type InstitutionAction = (typeof INSTITUTION_ACTIONS)[number];

export interface InstitutionSummary {
  id: string;
  name: string;
  kind: InstitutionKind;
  regionCode: string;
  regionName: string;
  cityCode: string;
  creditCode: string;
  licenceNo: string;
  licenceValidUntil: string | null;
  contactName: string;
  contactPhone: string;
  address: string;
  status: InstitutionStatus;
  contractStart: string | null;
  contractEnd: string | null;
  occupationNames: string[];
}

export interface Venue {
  id?: string;
  name: string;
  kind: 'theory' | 'practical';
  areaM2: number;
}
export interface Equipment {
  id?: string;
  name: string;
  quantity: number;
}
export interface Teacher {
  id?: string;
  name: string;
  idNumber: string;
  qualification: string;
  certificateNo: string;
}
export interface LicensedOccupation {
  occupationCode: string;
  name?: string;
  level: number;
}

export interface InstitutionDetail extends InstitutionSummary {
  venues: Venue[];
  equipment: Equipment[];
  teachers: Teacher[];
  occupations: LicensedOccupation[];
  actions: InstitutionAction[];
  /** Teachers' ID numbers come masked; this caller may ask for one whole (显示, audited). */
  mayRevealTeacherIds: boolean;
}

export interface InstitutionInput {
  name: string;
  kind: InstitutionKind;
  regionCode: string;
  creditCode: string;
  licenceNo: string;
  licenceValidUntil?: string | null;
  contactName: string;
  contactPhone: string;
  address: string;
  contractStart?: string | null;
  contractEnd?: string | null;
  venues: Venue[];
  equipment: Equipment[];
  teachers: Teacher[];
  occupations: { occupationCode: string; level: number }[];
}

export interface Occupation {
  code: string;
  name: string;
  kind: string;
  levels: number[];
  urgent: boolean;
  shortage: boolean;
}

export type PersonGroup = string;
export type EmploymentStatus = 'employed' | 'unemployed' | 'none';
export type Education = string;

export interface Person {
  id: string;
  idNumber: string;
  name: string;
  gender: 'male' | 'female';
  /** whole years; the birth date is not sent beside a masked ID number */
  age: number;
  phone: string | null;
  regionCode: string;
  cityCode: string;
  education: Education | null;
  groups: PersonGroup[];
  employmentStatus: EmploymentStatus;
  employmentCardNo: string | null;
  createdAt: string;
  updatedAt: string;
  /** ID number and phone are always masked; the whole values come from 显示 (POST …/reveal) */
  masked: true;
}

export interface PersonInput {
  name: string;
  idNumber?: string;
  phone?: string | null;
  householdRegionCode?: string | null;
  regionCode?: string | null;
  education?: Education | null;
  groups: PersonGroup[];
  employmentStatus: EmploymentStatus;
  employmentCardNo?: string | null;
}

export interface PersonCreated extends Person {
  outcome: 'created' | 'linked';
  warnings?: string[];
}

export interface IdentityFinding {
  severity: 'refusal' | 'warning' | 'info';
  rule: string;
  citation: string;
  text: string;
}
export interface IdentityCheckResult {
  facts: { found: boolean; drawsMonthlyPension: boolean; socialInsuranceEmployer: string | null; idNumber?: string };
  findings: IdentityFinding[];
}

export type ImportMode = 'all' | 'good' | 'check';
export interface ImportReport {
  mode: ImportMode;
  total: number;
  valid: number;
  created: number;
  linked: number;
  problems: { row: number; name: string; reasons: { field: string; column: string; message: string }[] }[];
}
