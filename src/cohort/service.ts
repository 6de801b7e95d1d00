import type { AppContext } from '../app/context.ts';
import type { Queryable } from '../db/db.ts';
import { authorize, type Actor } from '../auth/auth.ts';
import { appendAudit } from '../audit/store.ts';
import { AppError, invalid, notFound } from '../shared/errors.ts';
import { shanghaiDate } from '../shared/dates.ts';
import { fire } from '../shared/machine.ts';
import { loadCalendar } from '../calendar/store.ts';
import { findPack } from '../policy/packs/index.ts';
import { getPersonInScope } from '../person/store.ts';
import { requireInScope } from '../auth/references.ts';
import { importRoster, type ImportMode } from '../person/service.ts';
import { issueCertificates } from '../certificate/store.ts';
import { prefixFor } from '../certificate/certificate.ts';
import { cohortMachine, cohortPolicy, type CohortInput, type CohortState, type DocumentKind, type LessonInput } from './cohort.ts';
import { CONDITIONS, evaluateGuards, type CohortFacts } from './guards.ts';
import { identityFactsFor, screenCandidates, screenCohort } from './screening.ts';
import type { WorkdayCalendar } from '../calendar/workdays.ts';
import { advancePayment } from './advance.ts';
import { packForCohort } from './pack.ts';
import * as store from './store.ts';

const audit = (tx: Queryable, actor: Actor, now: Date, action: string, c: { id: string; cityCode: string }, before: unknown, after: unknown) =>
  appendAudit(tx, { cityCode: c.cityCode, at: now, actorId: actor.accountId, actor: actor.username, action, entity: 'cohort', entityId: c.id, before, after });

export async function visibleCohort(ctx: AppContext, actor: Actor, id: string) {
  authorize(cohortPolicy, actor, 'list');
  const c = await store.getCohortInScope(ctx.db, actor, id);
  if (!c) throw notFound('cohort');
  return c;
}

/** Checks a cohort's fields against the catalogue, the pack and the institution's licence. */
async function checkCohortInput(db: Queryable, input: CohortInput) {
  const pack = findPack(input.policy);
  if (!pack) throw invalid('policy', `未知的政策 ${input.policy}`);
  const { rows } = await db.query(`SELECT levels FROM occupation WHERE code = $1`, [input.occupationCode]);
  if (!rows.length) throw invalid('occupationCode', `职业目录中没有 ${input.occupationCode}`);
  const levels: number[] = rows[0].levels.length ? rows[0].levels : [0];
  if (!levels.includes(input.level)) throw invalid('level', `该职业没有 ${input.level} 级（可选：${levels.join('、')}）`);
  if (input.endDate < input.startDate) throw invalid('endDate', '结束日期早于开始日期');
  return pack;
}

/** A cohort follows the policy of the place that pays for it: the pack's city, or 文水 for its county document. */
function checkPackApplies(pack: { id: string; region: string }, institution: { city_code: string; region_code: string }) {
  const ok = pack.region.endsWith('00') ? pack.region === institution.city_code : pack.region === institution.region_code;
  if (!ok) throw invalid('policy', `${pack.id} 不适用于本机构所在地区 ${institution.region_code}`);
}

export async function createCohort(ctx: AppContext, actor: Actor, input: CohortInput) {
  authorize(cohortPolicy, actor, 'create');
  const pack = await checkCohortInput(ctx.db, input);
  const { rows } = await ctx.db.query<{ city_code: string; region_code: string }>(`SELECT city_code, region_code FROM institution WHERE id = $1`, [actor.institutionId]);
  checkPackApplies(pack, rows[0]);
  if (input.enterpriseId) await requireInScope(ctx.db, 'enterprise', input.enterpriseId, 'enterpriseId', rows[0].city_code);
  const now = ctx.now();
  return ctx.db.transaction(async (tx) => {
    const id = await store.insertCohort(tx, { ...input, cityCode: rows[0].city_code, regionCode: rows[0].region_code, institutionId: actor.institutionId! }, now);
    const c = await store.lockCohort(tx, rows[0].city_code, id);
    await audit(tx, actor, now, 'cohort.create', c, null, c);
    return c;
  });
}

/** Runs `change` on a draft the actor may edit, locked, with an audit entry (before: the cohort as it was). */
async function editDraft<T>(ctx: AppContext, actor: Actor, id: string, action: string, change: (tx: Queryable, c: store.Cohort, now: Date) => Promise<T>) {
  authorize(cohortPolicy, actor, 'list');
  const now = ctx.now();
  return ctx.db.transaction(async (tx) => {
    const c = await store.getCohortInScope(tx, actor, id, true);
    if (!c) throw notFound('cohort');
    authorize(cohortPolicy, actor, 'edit', c);
    const result = await change(tx, c, now);
    await audit(tx, actor, now, action, c, c, result ?? null);
    return result;
  });
}

export const updateCohort = (ctx: AppContext, actor: Actor, id: string, input: CohortInput) =>
  editDraft(ctx, actor, id, 'cohort.update', async (tx, c, now) => {
    checkPackApplies(await checkCohortInput(tx, input), { city_code: c.cityCode, region_code: c.regionCode });
    if (input.enterpriseId) await requireInScope(tx, 'enterprise', input.enterpriseId, 'enterpriseId', c.cityCode);
    await store.updateCohortFields(tx, c, input, now);
    return store.lockCohort(tx, c.cityCode, id);
  });

export const enrol = (ctx: AppContext, actor: Actor, id: string, personId: string) =>
  editDraft(ctx, actor, id, 'cohort.enrol', async (tx, c, now) => {
    if (!(await getPersonInScope(tx, actor, personId))) throw new AppError('not_found', 'personId: 找不到此人，或此人不在本机构名下（请先登记）', { field: 'personId' });
    const { rows } = await tx.query(`SELECT 1 FROM enrolment WHERE city_code = $1 AND cohort_id = $2 AND person_id = $3`, [c.cityCode, c.id, personId]);
    if (rows.length) throw new AppError('conflict', 'personId: 此人已在本班花名册中', { field: 'personId' });
    await store.addEnrolment(tx, c, personId, now);
    return { personId };
  });

/**
 * What screening each person would get on this draft's roster, before enrolling them: read-only, under the
 * same checks as enrolling (a draft the actor may edit, each person in the actor's scope).
 */
export async function previewScreening(ctx: AppContext, actor: Actor, id: string, personIds: string[]) {
  const c = await visibleCohort(ctx, actor, id);
  authorize(cohortPolicy, actor, 'edit', c);
  const candidates = [];
  for (const [i, personId] of [...new Set(personIds)].entries()) {
    const p = await getPersonInScope(ctx.db, actor, personId);
    if (!p) throw new AppError('not_found', `personIds.${i}: 找不到此人，或此人不在本机构名下（请先登记）`, { field: `personIds.${i}` });
    candidates.push({ personId: p.id, name: p.name, idNumber: p.idNumber, groups: [...p.groups] });
  }
  return screenCandidates(ctx.db, ctx.identity, c, candidates);
}

/** Imports a 学员花名册 into a draft: persons registered (or linked) and enrolled in one transaction. */
export async function importCohortRoster(ctx: AppContext, actor: Actor, id: string, file: Buffer, mode: ImportMode) {
  const visible = await visibleCohort(ctx, actor, id);
  authorize(cohortPolicy, actor, 'edit', visible);
  const now = ctx.now();
  return importRoster(ctx, actor, file, mode, async (tx, personIds) => {
    const c = await store.lockCohort(tx, visible.cityCode, id);
    authorize(cohortPolicy, actor, 'edit', c);
    const enrolled = new Set((await store.listEnrolments(tx, c)).map((e) => e.personId));
    const added = personIds.filter((p) => !enrolled.has(p));
    for (const p of added) await store.addEnrolment(tx, c, p, now);
    await audit(tx, actor, now, 'cohort.roster_import', c, null, { enrolled: added.length });
  });
}

export const withdraw = (ctx: AppContext, actor: Actor, id: string, personId: string) =>
  editDraft(ctx, actor, id, 'cohort.withdraw', async (tx, c) => {
    if (!(await store.removeEnrolment(tx, c, personId))) throw notFound('enrolment');
    return { personId };
  });

export const addLesson = (ctx: AppContext, actor: Actor, id: string, lesson: LessonInput) =>
  editDraft(ctx, actor, id, 'cohort.lesson_add', async (tx, c) => {
    if (lesson.endsAt <= lesson.startsAt) throw invalid('endsAt', '结束时间应晚于开始时间');
    if (lesson.date < c.startDate || lesson.date > c.endDate) throw invalid('date', `课时日期应在 ${c.startDate} 至 ${c.endDate} 之间`);
    if (lesson.teacherId) {
      const t = await requireInScope(tx, 'teacher', lesson.teacherId, 'teacherId', c.cityCode);
      if (t.institutionId !== c.institutionId) throw new AppError('not_found', 'teacherId: 授课教师不是本机构登记的教师', { field: 'teacherId' });
    }
    // One slot at a time: an overlapping slot would count its lessons twice.
    const { rows: clash } = await tx.query(
      `SELECT to_char(starts_at, 'HH24:MI') AS s, to_char(ends_at, 'HH24:MI') AS e FROM lesson
        WHERE city_code = $1 AND cohort_id = $2 AND date = $3 AND starts_at < $5::time AND ends_at > $4::time LIMIT 1`,
      [c.cityCode, c.id, lesson.date, lesson.startsAt, lesson.endsAt]);
    if (clash.length) throw new AppError('conflict', `startsAt: 与本班 ${lesson.date} ${clash[0].s}–${clash[0].e} 的课时重叠`, { field: 'startsAt' });
    return { id: await store.insertLesson(tx, c, lesson), ...lesson };
  });

export const removeLesson = (ctx: AppContext, actor: Actor, id: string, lessonId: string) =>
  editDraft(ctx, actor, id, 'cohort.lesson_remove', async (tx, c) => {
    if (!(await store.deleteLesson(tx, c, lessonId))) throw notFound('lesson');
    return { lessonId };
  });

/** The facts the guards of a transition look at. */
async function loadFacts(ctx: AppContext, tx: Queryable, c: store.Cohort, reason: string | null, calendar: WorkdayCalendar): Promise<CohortFacts> {
  const inst = (await tx.query(`SELECT status, licence_valid_until, contract_end FROM institution WHERE id = $1`, [c.institutionId])).rows[0];
  const licensed = (await tx.query<{ occupationCode: string; level: number }>(`SELECT occupation_code AS "occupationCode", level FROM institution_occupation WHERE institution_id = $1`, [c.institutionId])).rows;
  const rooms = (await tx.query(`SELECT area_m2 FROM institution_venue WHERE institution_id = $1 AND kind = 'theory'`, [c.institutionId])).rows;
  const lessons = await store.listLessons(tx, c);
  const docs = (await tx.query(`SELECT DISTINCT kind FROM cohort_document WHERE city_code = $1 AND cohort_id = $2`, [c.cityCode, c.id])).rows;
  const roster = (await tx.query(
    `SELECT count(*) FILTER (WHERE in_completion_roster)::int AS completion,
            count(*) FILTER (WHERE in_completion_roster AND NOT EXISTS (SELECT 1 FROM exam_result x WHERE x.city_code = e.city_code AND x.cohort_id = e.cohort_id AND x.person_id = e.person_id))::int AS missing
       FROM enrolment e WHERE city_code = $1 AND cohort_id = $2`, [c.cityCode, c.id])).rows[0];
  return {
    today: shanghaiDate(ctx.now()),
    pack: packForCohort(c),
    cohort: c,
    institution: { status: inst.status, licensed, theoryRoomsM2: rooms.map((r) => r.area_m2), licenceValidUntil: inst.licence_valid_until, contractEnd: inst.contract_end },
    lessons: lessons.map((l) => ({ date: l.date, startsAt: l.startsAt, endsAt: l.endsAt, kind: l.kind, lessons: l.lessons, groupSize: l.groupSize ?? null })),
    documents: docs.map((d) => d.kind as DocumentKind),
    enrolled: c.enrolled,
    completionRoster: roster.completion,
    examsMissing: roster.missing,
    overlaps: await store.overlappingEnrolments(tx, c),
    calendar,
    reason,
  };
}

/**
 * Fires one action of the cohort machine (SPEC §3.3) in one transaction: lock, decide, check guards, apply
 * effects, record the event and the audit entry. Refusals change nothing.
 */
export async function transitionCohort(ctx: AppContext, actor: Actor, id: string, action: string, reason: string | null) {
  const visible = await visibleCohort(ctx, actor, id);
  const now = ctx.now();
  // Read before the transaction: the calendar may load from the store, the identity systems are external.
  const calendar = await loadCalendar(ctx.db);
  const identityFacts = action === 'submit_opening' && visible.state === 'draft' ? await identityFactsFor(ctx.db, ctx.identity, visible) : new Map();
  return ctx.db.transaction(async (tx) => {
    const c = await store.lockCohort(tx, visible.cityCode, id);
    if (actor.role === 'institution' && c.institutionId !== actor.institutionId) throw notFound('cohort');
    const t = fire(cohortMachine, c.state, action, actor.role, (cond) => CONDITIONS[cond]({ cohort: c }));
    const facts = await loadFacts(ctx, tx, c, reason, calendar);
    const refusals = evaluateGuards(t.guards ?? [], facts);
    if (refusals.length) {
      throw new AppError('guard_failed', `${action} refused: ${refusals.map((r) => r.text).join('；')}`, { action, state: c.state, reasons: refusals });
    }
    const extra: Parameters<typeof store.setCohortState>[4] = {};
    let screening = undefined;
    if (t.action === 'submit_opening') {
      screening = await screenCohort(tx, identityFacts, c);
      for (const s of screening) await store.setScreening(tx, c, s.personId, { eligible: s.eligible, reasons: s.reasons });
      extra.submitted = true;
    }
    if (t.to === 'opening_approved') {
      extra.approvedHeadcount = c.enrolled;
      const advance = await advancePayment(tx, c);
      if (advance) Object.assign(extra, { advanceDueFen: advance.amountFen, advanceExplanation: advance.lines });
    }
    let certificates: string[] = [];
    if (t.action === 'record_exams') {
      const { rows } = await tx.query(
        `SELECT x.person_id FROM exam_result x JOIN enrolment e USING (city_code, cohort_id, person_id)
          WHERE x.city_code = $1 AND x.cohort_id = $2 AND x.passed AND e.in_completion_roster ORDER BY x.person_id`, [c.cityCode, c.id]);
      certificates = await issueCertificates(tx, c, rows.map((r) => r.person_id), prefixFor(c.programType), facts.today);
    }
    await store.setCohortState(tx, c, t.to as CohortState, now, extra);
    await store.insertEvent(tx, c, { action, from: c.state, to: t.to, actor: actor.username, role: actor.role, reason }, now);
    const after = await store.lockCohort(tx, c.cityCode, id);
    await audit(tx, actor, now, `cohort.${action}`, c, { state: c.state }, { state: after.state, reason, certificates: certificates.length || undefined, advanceDueFen: after.advanceDueFen ?? undefined });
    return { cohort: after, screening, certificates };
  });
}
