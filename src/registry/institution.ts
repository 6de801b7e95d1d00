import { z } from 'zod';
import { isoDate } from '../shared/dates.ts';
import { allow, type Actor } from '../auth/auth.ts';
import { defineMachine } from '../shared/machine.ts';

export const INSTITUTION_STATUSES = ['applied', 'listed', 'rectifying', 'suspended', 'removed'] as const;
export type InstitutionStatus = (typeof INSTITUTION_STATUSES)[number];

export const INSTITUTION_STATUS_LABELS: Record<InstitutionStatus, string> = {
  applied: '申请中', listed: '已入目录', rectifying: '整改中', suspended: '暂停资质', removed: '已移出目录',
};

export const INSTITUTION_KINDS = {
  private_school: '民办职业技能培训学校', technical_college: '技工院校', vocational_college: '职业院校',
  enterprise_center: '企业培训中心', public_training_base: '公共实训基地', university: '普通高校',
} as const;
export type InstitutionKind = keyof typeof INSTITUTION_KINDS;

/**
 * SPEC §3.1: listing follows the city's yearly selection; 整改 and 暂停 under yangquan art. 13, 16–17;
 * 移出目录 is final for the year.
 */
export const institutionMachine = defineMachine({
  name: 'institution',
  states: INSTITUTION_STATUSES,
  initial: 'applied',
  final: ['removed'],
  transitions: [
    { from: ['applied'], action: 'list', to: 'listed', roles: ['city_admin'] },
    { from: ['listed'], action: 'rectify', to: 'rectifying', roles: ['city_admin', 'county_admin'] },
    { from: ['rectifying'], action: 'restore', to: 'listed', roles: ['city_admin'] },
    { from: ['listed', 'rectifying'], action: 'suspend', to: 'suspended', roles: ['city_admin'] },
    { from: ['suspended'], action: 'restore', to: 'listed', roles: ['city_admin'] },
    { from: ['applied', 'listed', 'rectifying', 'suspended'], action: 'remove', to: 'removed', roles: ['city_admin'] },
  ],
} as const);
export type InstitutionAction = (typeof institutionMachine.transitions)[number]['action'];

/** May start subsidised cohorts and claim (yangquan art. 16–17): only while listed. */
export const mayTrain = (status: InstitutionStatus) => status === 'listed';

export const venueGeofence = z.object({
  lat: z.number().min(-90).max(90),
  lng: z.number().min(-180).max(180),
  radiusM: z.number().int('半径应为整数米').min(1).max(5000),
});
export type VenueGeofence = z.infer<typeof venueGeofence>;

const areaM2 = z.number().int('面积应为整数平方米').positive('面积应大于0');
export const institutionInput = z.object({
  name: z.string().trim().min(2, '名称不能为空').max(100),
  kind: z.enum(Object.keys(INSTITUTION_KINDS) as [InstitutionKind, ...InstitutionKind[]]),
  regionCode: z.string().regex(/^\d{6}$/, '地区代码应为6位数字'),
  creditCode: z.string().trim().regex(/^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/, '统一社会信用代码应为18位'),
  licenceNo: z.string().trim().min(1, '办学许可证号不能为空').max(60),
  licenceValidUntil: isoDate().nullish(),
  contactName: z.string().trim().min(1, '联系人不能为空').max(30),
  contactPhone: z.string().trim().regex(/^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/, '联系电话格式不正确'),
  address: z.string().trim().max(200).default(''),
  contractStart: isoDate().nullish(),
  contractEnd: isoDate().nullish(),
  venues: z.array(z.object({
    // a venue already registered keeps its id (devices are bound to it); without one it is matched by name and kind
    id: z.uuid().optional(),
    name: z.string().trim().min(1).max(60), kind: z.enum(['theory', 'practical']), areaM2,
    // where the venue is and how far from it a phone check-in counts; absent keeps what is set, null clears it
    geofence: venueGeofence.nullish(),
  })).default([]),
  equipment: z.array(z.object({ name: z.string().trim().min(1).max(60), quantity: z.number().int().positive() })).default([]),
  teachers: z.array(z.object({
    // a teacher already registered keeps its id: its ID number may come back masked, as the form showed it
    id: z.uuid().optional(),
    name: z.string().trim().min(1).max(30),
    idNumber: z.string().trim().max(18),
    qualification: z.string().trim().min(1, '资格不能为空').max(100),
    certificateNo: z.string().trim().max(60).default(''),
  })).default([]),
  occupations: z.array(z.object({ occupationCode: z.string().trim().min(1), level: z.number().int().min(0).max(5) })).default([]),
});
export type InstitutionInput = z.infer<typeof institutionInput>;

export const institutionPolicy = [
  allow(['city_admin', 'county_admin', 'reviewer', 'finance', 'inspector', 'institution', 'evaluator', 'enterprise', 'trainee'], 'list'),
  allow(['city_admin', 'county_admin', 'reviewer', 'finance', 'inspector', 'evaluator', 'enterprise', 'trainee'], 'view'),
  allow<{ id: string }>('institution', 'view', (a, i) => a.institutionId === i.id),
  allow('city_admin', 'create'),
  allow('city_admin', 'update'),
];

/** Who may ask for a teacher's whole ID number (显示, audited): the bureau and the institution itself. Everyone sees it masked. */
export const seesTeacherIds = (a: Actor, institutionId: string) =>
  ['city_admin', 'county_admin', 'reviewer', 'inspector'].includes(a.role) || a.institutionId === institutionId;
