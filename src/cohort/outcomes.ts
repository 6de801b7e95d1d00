import type { AppContext } from '../app/context.ts';
import type { Queryable } from '../db/db.ts';
import { authorize, type Actor } from '../auth/auth.ts';
import { appendAudit } from '../audit/store.ts';
import { AppError, invalid, notFound } from '../shared/errors.ts';
import { shanghaiDate } from '../shared/dates.ts';
import { calculate } from '../policy/calculate.ts';
import { parseCase } from '../policy/case-file.ts';
import { ownCitation, packForCohort } from './pack.ts';
import { databaseResolver } from '../policy/routes.ts';
import { cohortPolicy } from './cohort.ts';
import { cohortEmploymentRate, judgeProof, type EmploymentProof, type ProofKind } from './employment.ts';
import { END_CITATION, notBefore, trainingSpan } from './timing.ts';
import { requireInScope } from '../auth/references.ts';
import * as store from './store.ts';

const YQ14_CITATION = '阳人社规发〔2024〕2号 第十四条';

/** Locks the cohort, checks the permission for this step, runs it, audits it. */
async function step<T>(ctx: AppContext, actor: Actor, id: string, permission: string, action: string, run: (tx: Queryable, c: store.Cohort, now: Date) => Promise<T>) {
  authorize(cohortPolicy, actor, 'list');
  const now = ctx.now();
  return ctx.db.transaction(async (tx) => {
    const c = await store.getCohortInScope(tx, actor, id, true);
    if (!c) throw notFound('cohort');
    authorize(cohortPolicy, actor, permission, c);
    const result = await run(tx, c, now);
    await appendAudit(tx, { cityCode: c.cityCode, at: now, actorId: actor.accountId, actor: actor.username, action, entity: 'cohort', entityId: id, after: result });
    return result;
  });
}

async function enrolledIds(tx: Queryable, c: store.Cohort) {
  const { rows } = await tx.query(`SELECT person_id FROM enrolment WHERE city_code = $1 AND cohort_id = $2`, [c.cityCode, c.id]);
  return new Set(rows.map((r) => r.person_id as string));
}

/** A person id in a body names someone on this cohort's roster, or nothing the caller may point at: 404 as for paths. */
const checkEnrolled = (ids: Set<string>, personIds: string[], fieldOf: (i: number) => string) => personIds.forEach((p, i) => {
  if (!ids.has(p)) throw new AppError('not_found', `${fieldOf(i)}: 本班花名册中没有此人`, { field: fieldOf(i) });
});

/** 结业花名册: who completes (xinzhou 二(二)(3)); set while training, before the completion application. */
export const setCompletionRoster = (ctx: AppContext, actor: Actor, id: string, personIds: string[]) =>
  step(ctx, actor, id, 'completion_roster', 'cohort.completion_roster', async (tx, c) => {
    checkEnrolled(await enrolledIds(tx, c), personIds, (i) => `personIds.${i}`);
    await store.setCompletionRoster(tx, c, personIds);
    return { completionRoster: personIds.length };
  });

export interface ExamInput {
  personId: string;
  theoryScore: number | null;
  practicalScore: number | null;
}

/** 结业考核 (yangquan 第十二条): theory and practical scores; passed when every given score reaches the pass mark. */
export const recordExams = (ctx: AppContext, actor: Actor, id: string, results: ExamInput[]) =>
  step(ctx, actor, id, 'record_exam', 'cohort.exams', async (tx, c, now) => {
    checkEnrolled(await enrolledIds(tx, c), results.map((r) => r.personId), (i) => `results.${i}.personId`);
    const { rows } = await tx.query(`SELECT person_id FROM enrolment WHERE city_code = $1 AND cohort_id = $2 AND in_completion_roster`, [c.cityCode, c.id]);
    const completing = new Set(rows.map((r) => r.person_id));
    results.forEach((r, i) => {
      if (!completing.has(r.personId)) throw invalid(`results.${i}.personId`, '此人不在结业名册中：只有结业的学员参加结业考核');
    });
    refuse(notBefore(shanghaiDate(now), await lastLesson(tx, c), 'training.not_ended', ownCitation(packForCohort(c), END_CITATION, 'SPEC §3.3'), '培训结束（最后一次课）后方可录入考核成绩，日期'));
    results.forEach((r, i) => {
      if (r.theoryScore === null && r.practicalScore === null) throw invalid(`results.${i}.theoryScore`, '理论和实操成绩至少填写一项');
    });
    let passed = 0;
    for (const r of results) {
      const ok = [r.theoryScore, r.practicalScore].every((s) => s === null || s >= c.passMark);
      passed += ok ? 1 : 0;
      await tx.query(
        `INSERT INTO exam_result (city_code, cohort_id, person_id, theory_score, practical_score, passed, recorded_by, recorded_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
         ON CONFLICT (city_code, cohort_id, person_id) DO UPDATE SET theory_score = $4, practical_score = $5, passed = $6, recorded_by = $7, recorded_at = $8`,
        [c.cityCode, c.id, r.personId, r.theoryScore, r.practicalScore, ok, actor.username, now],
      );
    }
    return { recorded: results.length, passed, passMark: c.passMark };
  });

/**
 * An evaluator may not evaluate a cohort its own organisation trained, and must be filed for the occupation
 * and level (yangquan 第十四条 严禁评价机构组织开展同批次评价对象技能培训; 第五条 评价机构目录).
 */
async function evaluatorRefusals(tx: Queryable, c: store.Cohort, evaluatorId: string) {
  const { rows: [ev] } = await tx.query(`SELECT e.name, e.credit_code, e.status, i.credit_code AS trainer_credit FROM evaluator e, institution i WHERE e.id = $1 AND i.id = $2`, [evaluatorId, c.institutionId]);
  if (!ev) throw invalid('evaluatorId', '找不到此评价机构');
  const reasons: { rule: string; citation: string; text: string }[] = [];
  const YQ14 = ownCitation(packForCohort(c), YQ14_CITATION, 'SPEC §3.3');
  if (ev.credit_code === ev.trainer_credit) reasons.push({ rule: 'evaluation.own_trainees', citation: YQ14, text: `${ev.name} 是本班的培训机构，不得评价自己培训的学员` });
  if (ev.status !== 'listed') reasons.push({ rule: 'evaluation.not_listed', citation: YQ14, text: `${ev.name} 当前不在评价机构目录中` });
  const { rows: filed } = await tx.query(`SELECT 1 FROM evaluator_filing WHERE evaluator_id = $1 AND occupation_code = $2 AND level = $3`, [evaluatorId, c.occupationCode, c.level]);
  if (!filed.length) reasons.push({ rule: 'evaluation.not_filed', citation: YQ14, text: `${ev.name} 未备案 ${c.occupationName}${c.level ? ` ${c.level}级` : ''} 的评价` });
  return reasons;
}

const lastLesson = async (tx: Queryable, c: store.Cohort) => trainingSpan({ cohort: c, lessons: await store.listLessons(tx, c) }).last;

const refuse = (reasons: { text: string }[]) => {
  if (reasons.length) throw new AppError('guard_failed', reasons.map((r) => r.text).join('；'), { reasons });
};

export const assignEvaluator = (ctx: AppContext, actor: Actor, id: string, evaluatorId: string) =>
  step(ctx, actor, id, 'assign_evaluator', 'cohort.assign_evaluator', async (tx, c) => {
    await requireInScope(tx, 'evaluator', evaluatorId, 'evaluatorId', c.cityCode);
    refuse(await evaluatorRefusals(tx, c, evaluatorId));
    await tx.query(`UPDATE cohort SET evaluator_id = $3 WHERE city_code = $1 AND id = $2`, [c.cityCode, c.id, evaluatorId]);
    return { evaluatorId };
  });

export interface EvaluationInput {
  personId: string;
  passed: boolean;
  certificateNo: string | null;
  evaluatedOn: string;
}

/** 职业技能等级认定 results, recorded by the assigned evaluator. */
export const recordEvaluations = (ctx: AppContext, actor: Actor, id: string, results: EvaluationInput[]) =>
  step(ctx, actor, id, 'evaluate', 'cohort.evaluations', async (tx, c, now) => {
    refuse(await evaluatorRefusals(tx, c, actor.evaluatorId!));
    checkEnrolled(await enrolledIds(tx, c), results.map((r) => r.personId), (i) => `results.${i}.personId`);
    const today = shanghaiDate(now);
    const last = await lastLesson(tx, c);
    results.forEach((r, i) => {
      if (r.evaluatedOn > today) throw invalid(`results.${i}.evaluatedOn`, '评价日期不能晚于今天');
      if (r.evaluatedOn < last) throw invalid(`results.${i}.evaluatedOn`, `评价日期不能早于培训结束日 ${last}`);
      if (r.passed && !r.certificateNo) throw invalid(`results.${i}.certificateNo`, '合格者须填写职业技能等级证书编号');
    });
    for (const r of results) {
      await tx.query(
        `INSERT INTO evaluation_result (city_code, cohort_id, person_id, evaluator_id, occupation_code, level, passed, certificate_no, evaluated_on, recorded_by, recorded_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
         ON CONFLICT (city_code, cohort_id, person_id) DO UPDATE SET passed = $7, certificate_no = $8, evaluated_on = $9, recorded_by = $10, recorded_at = $11`,
        [c.cityCode, c.id, r.personId, actor.evaluatorId, c.occupationCode, c.level, r.passed, r.certificateNo, r.evaluatedOn, actor.username, now],
      );
    }
    return { recorded: results.length };
  });

export type ProofInput = EmploymentProof & { personId: string; employerCreditCode: string | null };

export const addEmploymentProof = (ctx: AppContext, actor: Actor, id: string, p: ProofInput) =>
  step(ctx, actor, id, 'employment', 'cohort.employment_proof', async (tx, c, now) => {
    checkEnrolled(await enrolledIds(tx, c), [p.personId], () => 'personId');
    if (p.contractStart && p.contractEnd && p.contractEnd < p.contractStart) throw invalid('contractEnd', '合同结束日期早于开始日期');
    const verdict = judgeProof(packForCohort(c), c.programType, p);
    const { rows } = await tx.query(
      `INSERT INTO employment_proof (city_code, cohort_id, person_id, kind, employer, employer_credit_code, contract_start, contract_end,
         first_payroll_month, latest_payroll_month, recorded_by, recorded_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id`,
      [c.cityCode, c.id, p.personId, p.kind, p.employer, p.employerCreditCode, p.contractStart, p.contractEnd, p.firstPayrollMonth, p.latestPayrollMonth, actor.username, now],
    );
    return { id: rows[0].id, ...verdict };
  });

/** Per person: passed?, the proofs and whether they count; and the cohort's employment rate. */
export async function employmentSummary(db: Queryable, c: store.Cohort) {
  const enrolments = await store.listEnrolments(db, c);
  const { rows } = await db.query(
    `SELECT person_id, kind, employer, contract_start, contract_end, first_payroll_month, latest_payroll_month FROM employment_proof
      WHERE city_code = $1 AND cohort_id = $2 ORDER BY recorded_at`, [c.cityCode, c.id]);
  const persons = enrolments.filter((e) => e.inCompletionRoster).map((e) => {
    const proofs = rows.filter((r) => r.person_id === e.personId).map((r) => {
      const proof: EmploymentProof = { kind: r.kind as ProofKind, employer: r.employer, contractStart: r.contract_start, contractEnd: r.contract_end, firstPayrollMonth: r.first_payroll_month, latestPayrollMonth: r.latest_payroll_month };
      return { ...proof, verdict: judgeProof(packForCohort(c), c.programType, proof) };
    });
    return { personId: e.personId, name: e.name, passed: e.exam?.passed ?? false, employed: proofs.some((p) => p.verdict.counts), proofs };
  });
  return { persons, rate: cohortEmploymentRate(persons) };
}

/**
 * What the engine says this cohort's subsidy is, from its real facts: exams, employment proofs, bound
 * vouchers (无券不补). Attendance and recordings are not recorded yet, so full attendance is assumed and said.
 */
export async function subsidyPreview(db: Queryable, c: store.Cohort) {
  const enrolments = (await store.listEnrolments(db, c)).filter((e) => e.inCompletionRoster);
  if (!enrolments.length) {
    const reason = { rule: 'completion.roster', citation: ownCitation(packForCohort(c), '忻人社函〔2024〕29号 二(二)(3)', 'SPEC §3.3'), text: '尚无结业花名册，无法测算补贴' };
    throw new AppError('guard_failed', reason.text, { reasons: [reason] });
  }
  const employment = await employmentSummary(db, c);
  const lessons = await store.listLessons(db, c);
  const caseFile = {
    policy: c.policy, kind: 'training', asOf: c.endDate,
    cohort: {
      programType: c.programType, occupation: c.occupationCode, ...(c.level ? { level: c.level } : {}), startDate: c.startDate,
      days: new Set(lessons.map((l) => l.date)).size, lessons: lessons.reduce((n, l) => n + l.lessons, 0),
      approvedHeadcount: c.approvedHeadcount ?? c.enrolled, verifiedHeadcount: enrolments.length, missingRecordingHalfDays: 0, capacityReduction: c.capacityReduction,
    },
    trainees: enrolments.map((e) => ({
      id: e.personId, passed: e.exam?.passed ?? false, employed: employment.persons.find((p) => p.personId === e.personId)?.employed ?? false,
      attendanceRate: 1, groups: e.groups, skillUpgradeSubsidy: false, voucherBound: e.voucherId !== null, history: [],
    })),
  };
  const pack = packForCohort(c);
  const decision = calculate(parseCase(caseFile), await databaseResolver(db, pack));
  const names = new Map(enrolments.map((e) => [e.personId, e.name]));
  return { ...decision, persons: decision.persons.map((p) => ({ ...p, name: names.get(p.id) })), assumptions: ['出勤率按100%计（考勤数据尚未接入）', '录像无缺失'] };
}
