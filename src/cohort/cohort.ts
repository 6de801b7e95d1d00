import { z } from 'zod';
import { isoDate } from '../shared/dates.ts';
import { allow, type Actor } from '../auth/auth.ts';
import { defineMachine } from '../shared/machine.ts';
import { PROGRAM_TYPES, type ProgramType } from '../policy/policy.ts';

export const COHORT_STATES = [
  'draft', 'opening_submitted', 'opening_county_approved', 'opening_approved', 'in_training', 'completion_submitted',
  'completion_approved', 'examined', 'claimed', 'closed', 'rejected', 'cancelled',
] as const;
export type CohortState = (typeof COHORT_STATES)[number];

export const COHORT_STATE_LABELS: Record<CohortState, string> = {
  draft: '草稿', opening_submitted: '开班待审核', opening_county_approved: '县级已审核，待市级批准', opening_approved: '已批准开班',
  in_training: '培训中', completion_submitted: '结业待审核', completion_approved: '已批准结业', examined: '已考核发证',
  claimed: '已申领补贴', closed: '已结案', rejected: '已驳回', cancelled: '已撤销',
};

/** Order and project cohorts: county reviews, city approves (yangquan 第六条). */
export const needsCityApproval = (programType: ProgramType) => programType === 'order' || programType === 'project';

/**
 * The cohort life cycle of SPEC §3.3 as data. Guards are named here and evaluated by the service from facts
 * (guards.ts); `when` picks the branch of approve_opening.
 */
export const cohortMachine = defineMachine({
  name: 'cohort',
  states: COHORT_STATES,
  initial: 'draft',
  final: ['closed', 'rejected', 'cancelled'],
  transitions: [
    { from: ['draft'], action: 'submit_opening', to: 'opening_submitted', roles: ['institution'],
      guards: ['policy_in_force', 'institution_may_train', 'licensed_for_occupation', 'terms_in_force', 'roster_not_empty', 'lesson_rules', 'opening_documents', 'opening_deadline', 'no_overlapping_enrolment'] },
    { from: ['opening_submitted'], action: 'approve_opening', to: 'opening_approved', roles: ['county_admin'], when: 'single_approval', guards: ['institution_may_train', 'terms_in_force'] },
    { from: ['opening_submitted'], action: 'approve_opening', to: 'opening_county_approved', roles: ['county_admin'], when: 'city_approval_needed', guards: ['institution_may_train', 'terms_in_force'] },
    { from: ['opening_county_approved'], action: 'approve_opening', to: 'opening_approved', roles: ['city_admin'], guards: ['institution_may_train', 'terms_in_force'] },
    { from: ['opening_submitted'], action: 'return_opening', to: 'draft', roles: ['county_admin'], guards: ['reason_given'] },
    { from: ['opening_county_approved'], action: 'return_opening', to: 'draft', roles: ['city_admin'], guards: ['reason_given'] },
    { from: ['opening_submitted'], action: 'reject', to: 'rejected', roles: ['county_admin'], guards: ['reason_given'] },
    { from: ['opening_county_approved'], action: 'reject', to: 'rejected', roles: ['city_admin'], guards: ['reason_given'] },
    { from: ['opening_approved'], action: 'start', to: 'in_training', roles: ['institution'], guards: ['institution_may_train', 'start_date_reached'] },
    { from: ['in_training'], action: 'submit_completion', to: 'completion_submitted', roles: ['institution'], guards: ['completion_roster', 'completion_window_open', 'completion_deadline'] },
    { from: ['completion_submitted'], action: 'approve_completion', to: 'completion_approved', roles: ['county_admin'], guards: ['training_ended'] },
    { from: ['completion_submitted'], action: 'return_completion', to: 'in_training', roles: ['county_admin'], guards: ['reason_given'] },
    { from: ['completion_approved'], action: 'record_exams', to: 'examined', roles: ['institution'], guards: ['training_ended', 'exams_complete'] },
    { from: ['examined'], action: 'claim', to: 'claimed', roles: ['institution'], guards: ['institution_may_train'] },
    { from: ['claimed'], action: 'close', to: 'closed', roles: ['county_admin', 'city_admin'] },
    { from: ['draft', 'opening_submitted', 'opening_county_approved', 'opening_approved'], action: 'cancel', to: 'cancelled', roles: ['institution'], guards: ['reason_given'] },
  ],
} as const);
export type CohortAction = (typeof cohortMachine.transitions)[number]['action'];
export const COHORT_ACTIONS = [...new Set(cohortMachine.transitions.map((t) => t.action))] as CohortAction[];

/** The actions that send a cohort back to the institution (退回) with reasons. */
export const RETURN_ACTIONS: readonly CohortAction[] = ['return_opening', 'return_completion'];

/** The return a cohort stands in: its latest step when that was a return, none once it has moved on (resubmitted). */
export function standingReturn<E extends { action: string }>(events: readonly E[]): E | null {
  const last = events.at(-1);
  return last && (RETURN_ACTIONS as readonly string[]).includes(last.action) ? last : null;
}

/** An evaluator can be (re)assigned until the exams are recorded; never on a cohort that has ended. */
export const EVALUATOR_ASSIGNABLE: readonly CohortState[] = ['draft', 'opening_submitted', 'opening_county_approved', 'opening_approved', 'in_training', 'completion_submitted', 'completion_approved'];

/** Who sees cohorts: bureaus by region, an institution its own, an evaluator those assigned to it. */
type CohortResource = { institutionId: string; state: CohortState; evaluatorId: string | null };
const own = (a: Actor, c: CohortResource) => a.institutionId === c.institutionId;
export const cohortPolicy = [
  allow<CohortResource>(['city_admin', 'county_admin', 'reviewer', 'finance', 'inspector', 'institution', 'evaluator', 'enterprise'], 'list'),
  allow<CohortResource>(['institution'], 'create'),
  allow<CohortResource>('institution', 'edit', (a, c) => own(a, c) && c.state === 'draft'),
  allow<CohortResource>('institution', 'upload', (a, c) => own(a, c) && ['draft', 'in_training'].includes(c.state)),
  allow<CohortResource>('institution', 'completion_roster', (a, c) => own(a, c) && c.state === 'in_training'),
  allow<CohortResource>('institution', 'record_exam', (a, c) => own(a, c) && c.state === 'completion_approved'),
  allow<CohortResource>('institution', 'employment', (a, c) => own(a, c) && ['completion_approved', 'examined', 'claimed'].includes(c.state)),
  allow<CohortResource>('evaluator', 'evaluate', (a, c) => a.evaluatorId === c.evaluatorId && ['completion_approved', 'examined', 'claimed'].includes(c.state)),
  allow<CohortResource>(['county_admin', 'city_admin'], 'assign_evaluator', (_a, c) => EVALUATOR_ASSIGNABLE.includes(c.state)),
];

export const DOCUMENT_KINDS = {
  teaching_plan: '教学计划',
  syllabus: '教学大纲',
  timetable: '课程表',
  teacher_qualifications: '教师资格证明',
  assessment_plan: '考核方案',
  training_commitment: '培训承诺书',
  safety_commitment: '安全生产承诺书',
  completion_report: '结业申请报告',
  other: '其他材料',
} as const;
export type DocumentKind = keyof typeof DOCUMENT_KINDS;

/** The opening materials of heze 第十一条 / yangquan 第十条 / xinzhou 二(二)(2) that must be uploaded. */
export const REQUIRED_OPENING_DOCUMENTS: readonly DocumentKind[] = ['teaching_plan', 'syllabus', 'teacher_qualifications', 'assessment_plan', 'training_commitment', 'safety_commitment'];

export const ALLOWED_UPLOAD_TYPES: Record<string, string> = {
  'application/pdf': '.pdf', 'image/jpeg': '.jpg', 'image/png': '.png',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': '.docx',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': '.xlsx',
};
export { UPLOAD_LIMIT_BYTES as MAX_UPLOAD_BYTES } from '../app/upload.ts';

const date = isoDate();
const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, '时间格式应为 HH:MM');

export const cohortInput = z.object({
  policy: z.string().min(1),
  programType: z.enum(PROGRAM_TYPES),
  occupationCode: z.string().trim().min(1),
  level: z.number().int().min(0).max(5),
  name: z.string().trim().min(2, '请填写班级名称').max(100),
  startDate: date,
  endDate: date,
  venue: z.string().trim().max(200).default(''),
  capacityReduction: z.boolean().default(false),
  passMark: z.number().int().min(0).max(100).default(60),
  enterpriseId: z.uuid().nullish(),
});
export type CohortInput = z.infer<typeof cohortInput>;

export const lessonInput = z.object({
  date,
  startsAt: time,
  endsAt: time,
  kind: z.enum(['theory', 'practical']),
  lessons: z.number().int().min(1).max(8),
  teacherId: z.uuid().nullish(),
  groupSize: z.number().int().min(1).nullish(),
  topic: z.string().trim().max(200).default(''),
});
export type LessonInput = z.infer<typeof lessonInput>;
