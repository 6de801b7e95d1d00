/** The shapes the API answers with (see SPEC §5.3 and the server's OpenAPI at /api/openapi.json). */

export const ROLES = ['city_admin', 'county_admin', 'reviewer', 'finance', 'inspector', 'institution', 'evaluator', 'enterprise', 'trainee'] as const;
export type Role = (typeof ROLES)[number];

export interface Me {
  username: string;
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

export const INSTITUTION_STATUSES = ['applied', 'listed', 'rectifying', 'suspended', 'removed'] as const;
export type InstitutionStatus = (typeof INSTITUTION_STATUSES)[number];
export const INSTITUTION_KINDS = ['private_school', 'technical_college', 'vocational_college', 'enterprise_center', 'public_training_base', 'university'] as const;
export type InstitutionKind = (typeof INSTITUTION_KINDS)[number];
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

export const PERSON_GROUPS = [
  'poverty_alleviated', 'poverty_family_child', 'graduate', 'two_after', 'rural_migrant', 'registered_unemployed', 'employment_difficulty',
  'transfer_worker', 'veteran', 'disabled', 'pre_release', 'drug_rehab', 'zero_employment_family', 'low_income', 'other',
] as const;
export type PersonGroup = (typeof PERSON_GROUPS)[number];
export const EMPLOYMENT_STATUSES = ['employed', 'unemployed', 'none'] as const;
export type EmploymentStatus = (typeof EMPLOYMENT_STATUSES)[number];
export const EDUCATION_LEVELS = ['primary', 'junior', 'senior', 'vocational', 'college', 'bachelor', 'master'] as const;
export type Education = (typeof EDUCATION_LEVELS)[number];

export interface Person {
  id: string;
  idNumber: string;
  name: string;
  gender: 'male' | 'female';
  birthDate: string;
  phone: string | null;
  householdRegionCode: string | null;
  regionCode: string;
  cityCode: string;
  education: Education | null;
  groups: PersonGroup[];
  employmentStatus: EmploymentStatus;
  employmentCardNo: string | null;
  createdAt: string;
  updatedAt: string;
  masked: boolean;
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
  facts: { found: boolean; drawsMonthlyPension: boolean; socialInsuranceEmployer: string | null; householdRegionCode: string | null; idNumber?: string };
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
