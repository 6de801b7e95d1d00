import { SYSTEM_CHAIN } from '../audit/audit.ts';
import type { Database } from '../db/db.ts';
import type { AppContext } from '../app/context.ts';
import type { Actor } from '../auth/auth.ts';
import { findAccountByUsername, toActor } from '../auth/store.ts';
import { fixtureIdentityCheck } from '../person/identity.ts';
import { REQUIRED_OPENING_DOCUMENTS, needsCityApproval, type CohortState } from '../cohort/cohort.ts';
import * as cohorts from '../cohort/service.ts';
import * as outcomes from '../cohort/outcomes.ts';
import { uploadDocument } from '../cohort/documents.ts';
import { transitionVoucher } from '../voucher/routes.ts';
import { insertVoucher } from '../voucher/store.ts';
import { insertParameter } from '../policy/store.ts';
import { appendAudit } from '../audit/store.ts';
import { SEED_REGIONS } from './generate.ts';

/** A minimal valid PDF, standing in for scanned materials. */
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');

const POLICY: Record<string, string> = { yangquan: 'yangquan-2024', xinzhou: 'xinzhou-2024', wenshui: 'wenshui-2023', heze: 'heze-2024', suihua: 'suihua-2019' };

/** Where each demo cohort stops, and the programme it runs: every state of the machine, per city. */
const PLAN: Array<{ stop: CohortState; programType: string; via?: 'reject' | 'cancel' }> = [
  { stop: 'closed', programType: 'order' },
  { stop: 'claimed', programType: 'employment_skills' },
  { stop: 'examined', programType: 'order' },
  { stop: 'completion_approved', programType: 'employment_skills' },
  { stop: 'completion_submitted', programType: 'employment_skills' },
  { stop: 'in_training', programType: 'project' },
  { stop: 'opening_approved', programType: 'employment_skills' },
  { stop: 'opening_county_approved', programType: 'order' },
  { stop: 'opening_submitted', programType: 'employment_skills' },
  { stop: 'rejected', programType: 'employment_skills', via: 'reject' },
  { stop: 'cancelled', programType: 'employment_skills', via: 'cancel' },
  { stop: 'draft', programType: 'employment_skills' },
];
const ORDER: CohortState[] = ['draft', 'opening_submitted', 'opening_county_approved', 'opening_approved', 'in_training', 'completion_submitted', 'completion_approved', 'examined', 'claimed', 'closed'];
const reached = (stop: CohortState, s: CohortState) => ORDER.indexOf(stop) >= ORDER.indexOf(s);

const addDays = (date: string, n: number) => new Date(Date.parse(`${date}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/** Standards the seeds only refer to, set so that the demo computes; marked as demo values, not real ones. */
const DEMO_PARAMETERS: Array<[string, string, number]> = [
  ['heze-2024', 'standardPerPersonFen', 120_000],
  ['suihua-2019', 'standardPerPersonFen', 150_000],
  ['wenshui-2023', 'dailyStandardFen', 12_000],
  ['wenshui-2023', 'generalDailyStandardFen', 8_000],
];

/**
 * Demo cohorts of every seed city in every state, made through the real workflow (guards, screening,
 * certificates, audit), each step at a plausible date. The last, a draft starting two weeks after `today`
 * (in the pack's window), is left for a person to walk through in the browser.
 */
export async function loadDemoCohorts(db: Database, today: Date): Promise<string> {
  let clock = today;
  const ctx: AppContext = { db, now: () => clock, identity: fixtureIdentityCheck(db), dataDir: null };
  const actor = async (username: string): Promise<Actor> => toActor((await findAccountByUsername(db, username))!);
  await db.transaction(async (tx) => {
    for (const [pack, key, value] of DEMO_PARAMETERS) {
      const p = await insertParameter(tx, { pack, key, value, from: '2019-01-01', source: '演示数据（非真实标准，请按实际文件设置）', setBy: 'system' }, today);
      await appendAudit(tx, { cityCode: SYSTEM_CHAIN, at: today, actorId: null, actor: 'system', action: 'policy_parameter.set', entity: 'policy_parameter', entityId: p.id, after: p });
    }
  });
  let made = 0;
  let certificates = 0;
  for (const seed of SEED_REGIONS) {
    const inst = await actor(`institution-${seed.key}`);
    const county = await actor(`county_admin-${seed.key}`);
    const city = await actor(`city_admin-${seed.key}`);
    const evaluator = await actor(`evaluator-${seed.key}`);
    const finance = await actor(`finance-${seed.key}`);
    const { rows: licensed } = await db.query(`SELECT occupation_code, level FROM institution_occupation WHERE institution_id = $1 ORDER BY level DESC, occupation_code LIMIT 1`, [inst.institutionId]);
    const { rows: teachers } = await db.query(`SELECT id FROM teacher WHERE institution_id = $1 ORDER BY name`, [inst.institutionId]);
    const { rows: people } = await db.query(`SELECT person_id FROM person_institution WHERE institution_id = $1 ORDER BY person_id`, [inst.institutionId]);
    const policy = POLICY[seed.key];
    // yangquan-2024 ends 2026-10-15: its history sits inside its window; the others run up to the present.
    const historyStart = '2026-03-02';
    for (const [k, plan] of PLAN.entries()) {
      const isWalkable = plan.stop === 'draft';
      const start = isWalkable ? (policy === 'yangquan-2024' ? '2026-09-21' : addDays(today.toISOString().slice(0, 10), 14)) : addDays(historyStart, k * 14);
      const end = addDays(start, 4);
      clock = new Date(`${addDays(start, -20)}T09:00:00+08:00`);
      const occ = licensed[0];
      const c = await cohorts.createCohort(ctx, inst, {
        policy, programType: plan.programType as never, occupationCode: occ.occupation_code, level: occ.level,
        name: `${start.slice(0, 4)}年第${k + 1}期${plan.programType === 'order' ? '订单式' : plan.programType === 'project' ? '项目制' : ''}培训班`,
        startDate: start, endDate: end, venue: '本校理论教室', capacityReduction: false, passMark: 60,
      });
      made++;
      const roster = people.slice((k * 4) % Math.max(people.length - 6, 1), (k * 4) % Math.max(people.length - 6, 1) + 6).map((r) => r.person_id as string);
      for (const p of roster) await cohorts.enrol(ctx, inst, c.id, p);
      // one day-long slot a day, theory and practice in turn (one slot a day keeps the first start quick)
      for (let d = 0; d < 5; d++) {
        const practical = d % 2 === 1;
        await cohorts.addLesson(ctx, inst, c.id, {
          date: addDays(start, d), startsAt: '08:30', endsAt: '16:30', kind: practical ? 'practical' : 'theory', lessons: 7,
          teacherId: (practical ? teachers[1] ?? teachers[0] : teachers[0])?.id ?? null, topic: practical ? '实操训练' : '理论教学', ...(practical ? { groupSize: 5 } : {}),
        });
      }
      for (const kind of REQUIRED_OPENING_DOCUMENTS) await uploadDocument(ctx, inst, c.id, kind, { filename: `${kind}.pdf`, mimetype: 'application/pdf', bytes: PDF });
      if (plan.stop === 'draft') continue;
      if (plan.via === 'cancel') {
        await cohorts.transitionCohort(ctx, inst, c.id, 'cancel', '学员报名人数不足，撤销开班');
        continue;
      }
      await cohorts.transitionCohort(ctx, inst, c.id, 'submit_opening', null);
      // vouchers for all but the last person, so 无券不补 shows in the screening and the subsidy
      for (const p of roster.slice(0, -1)) {
        const v = await db.transaction((tx) => insertVoucher(tx, { cityCode: c.cityCode, personId: p, occupationCode: occ.occupation_code }, clock));
        await transitionVoucher(ctx, city, v, 'issue', {});
        await transitionVoucher(ctx, inst, v, 'bind', { cohortId: c.id });
      }
      if (plan.via === 'reject') {
        await cohorts.transitionCohort(ctx, county, c.id, 'reject', '经比对，名册中多人不符合补贴条件');
        continue;
      }
      if (!reached(plan.stop, 'opening_county_approved')) continue;
      await cohorts.transitionCohort(ctx, county, c.id, 'approve_opening', '材料齐全，同意开班');
      if (needsCityApproval(plan.programType as never) && reached(plan.stop, 'opening_approved')) {
        await cohorts.transitionCohort(ctx, city, c.id, 'approve_opening', '同意');
      }
      if (!reached(plan.stop, 'in_training')) continue;
      clock = new Date(`${start}T08:00:00+08:00`);
      await cohorts.transitionCohort(ctx, inst, c.id, 'start', null);
      if (!reached(plan.stop, 'completion_submitted')) continue;
      // xinzhou 二(二)(3) files the completion application 3 days before the end; elsewhere on the last day
      clock = new Date(`${policy === 'xinzhou-2024' ? addDays(end, -3) : end}T09:00:00+08:00`);
      await outcomes.setCompletionRoster(ctx, inst, c.id, roster);
      await cohorts.transitionCohort(ctx, inst, c.id, 'submit_completion', null);
      if (!reached(plan.stop, 'completion_approved')) continue;
      // completion, exams and certificates on the last day of training, not before (src/cohort/timing.ts)
      clock = new Date(`${end}T16:00:00+08:00`);
      await cohorts.transitionCohort(ctx, county, c.id, 'approve_completion', '同意结业');
      await outcomes.recordExams(ctx, inst, c.id, roster.map((personId, i) => ({ personId, theoryScore: i === 2 ? 52 : 70 + ((i * 7) % 25), practicalScore: 65 + ((i * 11) % 30) })));
      if (!reached(plan.stop, 'examined')) continue;
      const r = await cohorts.transitionCohort(ctx, inst, c.id, 'record_exams', null);
      certificates += r.certificates.length;
      await outcomes.assignEvaluator(ctx, county, c.id, evaluator.evaluatorId!).catch(() => undefined); // only where it is filed for the level
      for (const [i, personId] of roster.entries()) {
        if (i === 2) continue;
        await outcomes.addEmploymentProof(ctx, inst, c.id, {
          personId, kind: i % 4 === 3 ? 'flexible' : 'contract', employer: `${seed.name}某某制造有限公司`, employerCreditCode: null,
          contractStart: addDays(end, 10), contractEnd: addDays(end, 10 + 400), firstPayrollMonth: addDays(end, 40).slice(0, 7), latestPayrollMonth: addDays(end, 100).slice(0, 7),
        });
      }
      if (!reached(plan.stop, 'claimed')) continue;
      await cohorts.transitionCohort(ctx, inst, c.id, 'claim', null);
      if (!reached(plan.stop, 'closed')) continue;
      for (const v of (await db.query(`SELECT id FROM voucher WHERE cohort_id = $1 AND state = 'bound'`, [c.id])).rows) {
        await transitionVoucher(ctx, finance, v.id, 'redeem', {});
        await transitionVoucher(ctx, city, v.id, 'write_off', {});
      }
      await cohorts.transitionCohort(ctx, county, c.id, 'close', '补贴已拨付，结案');
    }
  }
  return `${made} demo cohorts in every state, ${certificates} certificates`;
}
