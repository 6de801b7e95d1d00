import { z } from 'zod';
import { allow, type Actor } from '../auth/auth.ts';
import { actionsFrom, defineMachine } from '../shared/machine.ts';
import { isoDate } from '../shared/dates.ts';
import { packForRegion } from '../cohort/pack.ts';

/**
 * The article a place's complaints rest on: heze 第二十三条 (受理投诉举报，遵守保密规定), xinzhou 四(二) (对有投诉举报的
 * 培训主体重点监督); elsewhere SPEC §1, which gives every city the public complaint channel. Never another city's.
 */
const COMPLAINT_ARTICLES: Record<string, string> = { 'heze-2024': '第二十三条', 'xinzhou-2024': '四(二)' };
export function complaintCitation(cityCode: string, regionCode: string): string {
  const pack = packForRegion(cityCode, regionCode);
  const article = pack && COMPLAINT_ARTICLES[pack.id];
  return pack && article ? `${pack.docNumber} ${article}` : 'SPEC §1 投诉举报';
}

export const COMPLAINT_CATEGORIES = {
  false_training: '虚假培训（虚报人数、冒名顶替）',
  proxy_checkin: '代签到、代打卡',
  subsidy_fraud: '套取、骗取培训补贴',
  fees: '违规收费',
  quality: '培训质量差、课时不足',
  other: '其他',
} as const;
export type ComplaintCategory = keyof typeof COMPLAINT_CATEGORIES;

export const COMPLAINT_STATES = ['received', 'assigned', 'answered'] as const;
export type ComplaintState = (typeof COMPLAINT_STATES)[number];
export const COMPLAINT_STATE_LABELS: Record<ComplaintState, string> = { received: '已受理', assigned: '办理中', answered: '已办结' };

/** Who handles a complaint: a bureau officer of the complaint's place (the one it is assigned to answers it). */
export const HANDLER_ROLES = ['city_admin', 'county_admin', 'reviewer', 'inspector'] as const;

export const complaintMachine = defineMachine({
  name: 'complaint',
  states: COMPLAINT_STATES,
  initial: 'received',
  final: ['answered'],
  transitions: [
    { from: ['received', 'assigned'], action: 'assign', to: 'assigned', roles: ['city_admin', 'county_admin'] },
    { from: ['assigned'], action: 'answer', to: 'answered', roles: HANDLER_ROLES, guards: ['is_assignee'] },
  ],
} as const);

export interface Complaint {
  id: string;
  cityCode: string;
  regionCode: string;
  trackingCode: string;
  institutionId: string | null;
  institutionName: string | null;
  category: ComplaintCategory;
  content: string;
  state: ComplaintState;
  assigneeId: string | null;
  assigneeName: string | null;
  dueOn: string | null;
  outcome: string | null;
  receivedAt: string;
  updatedAt: string;
  anonymous: boolean;
}

export const complaintPolicy = [
  allow(HANDLER_ROLES, 'list'),
  // 保密: the complainant's name and phone only for the officer who handles the complaint
  allow<Complaint>(HANDLER_ROLES, 'see_identity', (a, c) => c.assigneeId === a.accountId),
];

const PHONE = /^1[3-9]\d{9}$/;

export const publicComplaintInput = z.object({
  regionCode: z.string().regex(/^\d{6}$/, '地区代码应为6位数字'),
  institutionId: z.uuid({ message: 'institutionId 应为 UUID' }).optional(),
  category: z.enum(Object.keys(COMPLAINT_CATEGORIES) as [ComplaintCategory, ...ComplaintCategory[]]),
  content: z.string().trim().min(10, '请写明投诉举报的事实（至少10个字）').max(2000, '内容不超过2000字'),
  name: z.string().trim().min(1).max(30).optional(),
  phone: z.string().trim().regex(PHONE, '手机号码格式不正确').optional(),
});
export type PublicComplaintInput = z.infer<typeof publicComplaintInput>;

export const complaintTransitionInput = z.object({
  action: z.string().min(1).max(40),
  assigneeId: z.uuid({ message: 'assigneeId 应为 UUID' }).optional(),
  dueOn: isoDate().optional(),
  outcome: z.string().trim().min(5, '请写明办理结果（至少5个字）').max(2000).optional(),
});

/** What the complainant sees by the tracking code: progress and outcome, never who handles it or who complained. */
export const presentPublicComplaint = (c: Complaint) => ({
  trackingCode: c.trackingCode,
  state: c.state,
  stateLabel: COMPLAINT_STATE_LABELS[c.state],
  category: COMPLAINT_CATEGORIES[c.category],
  receivedOn: c.receivedAt.slice(0, 10),
  dueOn: c.dueOn,
  outcome: c.state === 'answered' ? c.outcome : null,
});

/** An officer's view: the complainant only for the assignee; everyone else sees whether it was anonymous. */
export function presentComplaint(c: Complaint, actor: Actor, identity: { name: string | null; phone: string | null } | null) {
  return {
    ...c,
    categoryLabel: COMPLAINT_CATEGORIES[c.category],
    stateLabel: COMPLAINT_STATE_LABELS[c.state],
    complainant: c.anonymous ? { anonymous: true as const } : identity ? { anonymous: false as const, ...identity } : { anonymous: false as const, hidden: true as const },
    citation: complaintCitation(c.cityCode, c.regionCode),
    // what this caller may do now: answering belongs to the assignee alone
    actions: actionsFrom(complaintMachine, c.state, actor.role).filter((a) => a !== 'answer' || c.assigneeId === actor.accountId),
  };
}

const CODE_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';

/** A tracking code from random bytes (the caller passes them): TS + 12 characters, unguessable, easy to read out. */
export const trackingCodeFrom = (bytes: Uint8Array) => `TS${[...bytes.slice(0, 12)].map((b) => CODE_ALPHABET[b % 32]).join('')}`;
export const TRACKING_CODE = /^TS[2-9A-HJ-NP-Z]{12}$/;
