import { z } from 'zod';
import { allow } from '../auth/auth.ts';
import { GROUPS } from '../policy/policy.ts';

/** 人员类别 (SPEC §4.1; yangquan 第三条, suihua 第二条, xinzhou 三(一)): the policy engine's codes, which its rules test. */
export const PERSON_GROUPS = GROUPS;
export type PersonGroup = keyof typeof PERSON_GROUPS;
export const GROUP_CODES = Object.keys(PERSON_GROUPS) as [PersonGroup, ...PersonGroup[]];

/** 登记状态 on the 学员登记表 (suihua 附件2): 就业 / 失业 / 无状态. */
export const EMPLOYMENT_STATUSES = { employed: '就业', unemployed: '失业', none: '无状态' } as const;
export type EmploymentStatus = keyof typeof EMPLOYMENT_STATUSES;

export const EDUCATION_LEVELS = {
  primary: '小学', junior: '初中', senior: '高中', vocational: '中专/技校', college: '大专', bachelor: '本科', master: '研究生',
} as const;
export type Education = keyof typeof EDUCATION_LEVELS;

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
}

const personFields = {
  name: z.string().trim().min(1, '姓名不能为空').max(50),
  idNumber: z.string().trim().min(1, '公民身份号码不能为空'),
  phone: z.string().trim().regex(/^1[3-9]\d{9}$/, '手机号码应为11位数字').nullish(),
  householdRegionCode: z.string().regex(/^\d{6}$/, '地区代码应为6位数字').nullish(),
  regionCode: z.string().regex(/^\d{6}$/, '地区代码应为6位数字').nullish(),
  education: z.enum(Object.keys(EDUCATION_LEVELS) as [Education, ...Education[]]).nullish(),
  groups: z.array(z.enum(GROUP_CODES)),
  employmentStatus: z.enum(['employed', 'unemployed', 'none']),
  employmentCardNo: z.string().trim().max(40).nullish(),
};

/** What a user types in (form, API body, roster row); the ID number is checked by the service. */
export const personInput = z.object({
  ...personFields,
  groups: personFields.groups.default([]),
  employmentStatus: personFields.employmentStatus.default('none'),
});
export type PersonInput = z.infer<typeof personInput>;

// No defaults here: a field left out of a PATCH stays as it was.
const { idNumber: _idNumber, ...patchable } = personFields;
export const personPatch = z.object(patchable).partial();
export type PersonPatch = z.infer<typeof personPatch>;

// Who may do what with persons (Outline-style table). Scope (which persons) is decided by the store.
export const personPolicy = [
  allow(['city_admin', 'county_admin', 'reviewer', 'finance', 'inspector', 'institution'], 'list'),
  allow(['city_admin', 'county_admin', 'reviewer', 'finance', 'inspector', 'institution', 'trainee'], 'view'),
  allow(['city_admin', 'county_admin', 'institution'], 'create'),
  allow(['city_admin', 'county_admin', 'institution'], 'update'),
  allow(['city_admin', 'county_admin', 'institution'], 'import'),
  allow(['city_admin', 'county_admin', 'reviewer', 'institution'], 'export'),
  allow(['city_admin', 'county_admin', 'reviewer', 'institution'], 'identity_check'),
];
