import { z } from 'zod';
import { allow } from '../auth/auth.ts';
import { defineMachine } from '../shared/machine.ts';
import { isoDate } from '../shared/dates.ts';
import { mulberry32, shuffled } from '../shared/random.ts';
import type { CohortState } from '../cohort/cohort.ts';

/** 抽查方式 (xinzhou 四(二): 书面审查、现场检查、视频调阅、电话回访…). */
export const INSPECTION_KINDS = { on_site: '现场检查', video_review: '视频调阅', phone_callback: '电话回访', document_review: '书面审查' } as const;
export type InspectionKind = keyof typeof INSPECTION_KINDS;

/** 双随机、一公开: suihua 第十三条 for Suihua's draws; SPEC §4.7 states it for every city, and is cited elsewhere. */
export const drawCitation = (cityCode: string) => (cityCode === '231200' ? '绥就办发〔2019〕1号 第十三条' : 'SPEC §4.7');

export const INSPECTION_STATES = ['planned', 'recorded', 'published'] as const;
export type InspectionState = (typeof INSPECTION_STATES)[number];
export const INSPECTION_STATE_LABELS: Record<InspectionState, string> = { planned: '待检查', recorded: '已检查', published: '已公开' };

export const inspectionMachine = defineMachine({
  name: 'inspection',
  states: INSPECTION_STATES,
  initial: 'planned',
  final: ['published'],
  transitions: [
    { from: ['planned'], action: 'record', to: 'recorded', roles: ['inspector'], guards: ['drawn_inspector', 'training_started'] },
    { from: ['recorded'], action: 'publish', to: 'published', roles: ['county_admin', 'city_admin'] },
  ],
} as const);

export const inspectionPolicy = [
  allow(['city_admin', 'county_admin'], 'draw'),
  allow(['city_admin', 'county_admin', 'reviewer', 'inspector'], 'list'),
  allow('institution', 'object'),
];

/** The cohorts a draw may pick: those whose training is under way or about to start. */
const DRAWABLE: readonly CohortState[] = ['opening_approved', 'in_training'];

export interface PoolCohort { id: string; name: string; institution: string; state: CohortState; in: boolean; why: string }
export interface PoolInspector { id: string; name: string }
export interface Pick { cohortId: string; inspectorIds: string[] }

/** Which cohorts are in the pool, each with why (in, or out and for what). */
export function cohortPool(cohorts: Array<{ id: string; name: string; institution: string; state: CohortState }>): PoolCohort[] {
  return [...cohorts].sort((a, b) => a.id.localeCompare(b.id)).map((c) => DRAWABLE.includes(c.state)
    ? { ...c, in: true, why: c.state === 'in_training' ? '培训进行中' : '已批准开班，即将开训' }
    : { ...c, in: false, why: '不在培训期内' });
}

/**
 * 双随机: random cohorts from the pool, and random inspectors for each, from the seed alone. Pools are taken in id
 * order, so the same seed and pools give the same picks on any machine (the replay).
 */
export function drawPicks(seed: number, cohorts: readonly PoolCohort[], inspectors: readonly PoolInspector[], count: number, perCohort: number): Pick[] {
  const rng = mulberry32(seed);
  const eligible = cohorts.filter((c) => c.in).map((c) => c.id).sort();
  const people = inspectors.map((i) => i.id).sort();
  return shuffled(eligible, rng).slice(0, count).map((cohortId) => ({ cohortId, inspectorIds: shuffled(people, rng).slice(0, perCohort) }));
}

export const drawInput = z.object({
  kind: z.enum(Object.keys(INSPECTION_KINDS) as [InspectionKind, ...InspectionKind[]]),
  cohorts: z.number().int().min(1).max(50),
  inspectorsPerCohort: z.number().int().min(1).max(5).default(2),
});

/** suihua 附件6 职业技能培训质量抽查情况记录表: 检查时培训人数, 授课老师, 现场检查情况. */
export const recordInput = z.object({
  seenHeadcount: z.number().int().min(0).max(10_000),
  teacher: z.string().trim().max(60).default(''),
  findings: z.string().trim().min(2, '请写明检查情况').max(2000),
  inspectedOn: isoDate(),
});

export const objectionInput = z.object({ text: z.string().trim().min(10, '请写明异议的事实和理由（至少10个字）').max(2000) });
