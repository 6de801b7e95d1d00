import { z } from 'zod';
import { isoDate } from '../shared/dates.ts';
import type { AppContext } from '../app/context.ts';
import { actorOf, type Api } from '../app/http.ts';
import { readUpload } from '../app/upload.ts';
import { authorize, type Actor } from '../auth/auth.ts';
import { AppError, invalid } from '../shared/errors.ts';
import { actionsFrom } from '../shared/machine.ts';
import { pageOf, pageQuery } from '../shared/page.ts';
import { maskedIdentity } from '../person/present.ts';
import { printablePersons } from '../person/service.ts';
import { COHORT_STATES, COHORT_STATE_LABELS, cohortInput, cohortMachine, cohortPolicy, lessonInput, standingReturn } from './cohort.ts';
import { PROOF_KINDS } from './employment.ts';
import { cohortForm } from './forms.ts';
import { writeRoster } from '../person/roster.ts';
import * as documents from './documents.ts';
import * as outcomes from './outcomes.ts';
import { identityFactsFor, screenCohort } from './screening.ts';
import * as service from './service.ts';
import { packForCohort, voucherRule } from './pack.ts';
import * as store from './store.ts';

const idParam = z.object({ id: z.uuid({ message: 'id 应为 UUID' }) });
const present = (c: store.Cohort, actor: Actor) => ({
  ...c,
  stateLabel: COHORT_STATE_LABELS[c.state],
  actions: actor.role === 'institution' && actor.institutionId !== c.institutionId ? [] : actionsFrom(cohortMachine, c.state, actor.role),
});
/** Roster rows always masked; the whole numbers via POST /api/v1/persons/{personId}/reveal. */
const presentRoster = (rows: store.EnrolmentRow[]) => rows.map((e) => ({ ...e, ...maskedIdentity(e.idNumber, e.phone), masked: true as const }));

export function cohortRoutes(app: Api, ctx: AppContext) {
  app.get('/api/v1/cohorts', {
    schema: {
      tags: ['cohorts'], summary: 'Cohorts in the caller’s scope; `state` may repeat or be comma-separated (a queue)',
      querystring: z.object({ state: z.string().optional(), q: z.string().trim().max(50).optional(), ...pageQuery }),
    },
  }, async (req) => {
    const actor = actorOf(req);
    const states = req.query.state ? req.query.state.split(',').filter(Boolean) : undefined;
    states?.forEach((s) => { if (!(COHORT_STATES as readonly string[]).includes(s)) throw invalid('state', `未知的状态 ${s}`); });
    authorize(cohortPolicy, actor, 'list');
    const { items, total } = await store.listCohorts(ctx.db, actor, { ...req.query, state: states });
    return pageOf(items.map((c) => present(c, actor)), total, req.query.page, req.query.pageSize);
  });

  app.post('/api/v1/cohorts', { schema: { tags: ['cohorts'], summary: 'Create a draft cohort (institution)', body: cohortInput } }, async (req, reply) => {
    const actor = actorOf(req);
    return reply.status(201).send(present(await service.createCohort(ctx, actor, req.body), actor));
  });

  app.get('/api/v1/cohorts/:id', { schema: { tags: ['cohorts'], summary: 'One cohort with roster, timetable, documents, history', params: idParam } }, async (req) => {
    const actor = actorOf(req);
    const c = await service.visibleCohort(ctx, actor, req.params.id);
    const evaluator = c.evaluatorId ? (await ctx.db.query(`SELECT name FROM evaluator WHERE id = $1`, [c.evaluatorId])).rows[0]?.name ?? null : null;
    const events = await store.listEvents(ctx.db, c);
    const returned = standingReturn(events);
    return {
      ...present(c, actor),
      evaluatorName: evaluator,
      // the 无券不补 banner's article, from this cohort's own pack (null: its pack has no such rule)
      noVoucherCitation: voucherRule(packForCohort(c))?.citation ?? null,
      roster: presentRoster(await store.listEnrolments(ctx.db, c)),
      lessons: await store.listLessons(ctx.db, c),
      documents: await documents.listDocuments(ctx, c),
      events,
      // 退回: why, by whom and when, while the cohort stands returned (null otherwise)
      returned: returned && { action: returned.action, reason: returned.reason, byName: returned.actorName, role: returned.role, at: returned.at },
    };
  });

  app.put('/api/v1/cohorts/:id', { schema: { tags: ['cohorts'], summary: 'Edit a draft cohort', params: idParam, body: cohortInput } }, async (req) => {
    const actor = actorOf(req);
    return present(await service.updateCohort(ctx, actor, req.params.id, req.body), actor);
  });

  app.post('/api/v1/cohorts/:id/transitions', {
    schema: {
      tags: ['cohorts'], summary: 'Fire an action of the cohort life cycle (SPEC §3.3); 409 illegal_transition, 403 forbidden, 422 guard_failed with reasons',
      params: idParam, body: z.object({ action: z.string().min(1), reason: z.string().trim().max(1000).optional() }),
    },
  }, async (req) => {
    const actor = actorOf(req);
    const r = await service.transitionCohort(ctx, actor, req.params.id, req.body.action, req.body.reason ?? null);
    return { id: r.cohort.id, state: r.cohort.state, stateLabel: COHORT_STATE_LABELS[r.cohort.state], screening: r.screening, certificates: r.certificates, advanceDueFen: r.cohort.advanceDueFen };
  });

  app.post('/api/v1/cohorts/:id/enrolments', { schema: { tags: ['cohorts'], summary: 'Add a registered person to a draft roster', params: idParam, body: z.object({ personId: z.uuid() }) } },
    async (req, reply) => reply.status(201).send(await service.enrol(ctx, actorOf(req), req.params.id, req.body.personId)));

  app.delete('/api/v1/cohorts/:id/enrolments/:personId', { schema: { tags: ['cohorts'], summary: 'Remove a person from a draft roster', params: idParam.extend({ personId: z.uuid() }) } },
    async (req, reply) => {
      await service.withdraw(ctx, actorOf(req), req.params.id, req.params.personId);
      return reply.status(204).send();
    });

  app.post('/api/v1/cohorts/:id/roster', {
    schema: { tags: ['cohorts'], summary: 'Import a 学员花名册 .xlsx into a draft: register and enrol every row (mode all, good or check)', params: idParam, querystring: z.object({ mode: z.enum(['all', 'good', 'check']).default('all') }) },
  }, async (req) => {
    const file = await readUpload(req);
    if (!/\.xlsx$/i.test(file.filename)) throw invalid('file', '请上传 .xlsx 学员花名册（multipart 字段 file）');
    return service.importCohortRoster(ctx, actorOf(req), req.params.id, file.bytes, req.query.mode);
  });

  app.get('/api/v1/cohorts/:id/roster.xlsx', { schema: { tags: ['cohorts'], summary: 'The cohort’s roster as a 学员花名册 .xlsx', params: idParam } }, async (req, reply) => {
    const actor = actorOf(req);
    const c = await service.visibleCohort(ctx, actor, req.params.id);
    const listed = await store.listEnrolments(ctx.db, c);
    const { rows } = await ctx.db.transaction((tx) => printablePersons(tx, actor, ctx.now(), listed, { form: '学员花名册', cityCode: c.cityCode, entity: 'cohort', entityId: c.id }));
    const buffer = await writeRoster(rows.map((e) => ({ ...e, householdRegionCode: null, employmentCardNo: null })), c.name);
    return reply.header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(`${c.name}-花名册.xlsx`)}`).send(buffer);
  });

  app.post('/api/v1/cohorts/:id/lessons', { schema: { tags: ['cohorts'], summary: 'Add a timetable entry to a draft', params: idParam, body: lessonInput } },
    async (req, reply) => reply.status(201).send(await service.addLesson(ctx, actorOf(req), req.params.id, req.body)));

  app.delete('/api/v1/cohorts/:id/lessons/:lessonId', { schema: { tags: ['cohorts'], summary: 'Remove a timetable entry', params: idParam.extend({ lessonId: z.uuid() }) } },
    async (req, reply) => {
      await service.removeLesson(ctx, actorOf(req), req.params.id, req.params.lessonId);
      return reply.status(204).send();
    });

  app.get('/api/v1/cohorts/:id/screening', { schema: { tags: ['cohorts'], summary: 'Screen the roster now, person by person, with reasons and citations', params: idParam } }, async (req) => {
    const actor = actorOf(req);
    const c = await service.visibleCohort(ctx, actor, req.params.id);
    return { items: await screenCohort(ctx.db, await identityFactsFor(ctx.db, ctx.identity, c), c) };
  });

  app.post('/api/v1/cohorts/:id/screening-preview', {
    schema: {
      tags: ['cohorts'], summary: 'Screen persons for this draft before enrolling them (read-only; the same checks as enrolling)',
      params: idParam, body: z.object({ personIds: z.array(z.uuid()).min(1).max(50) }),
    },
  }, async (req) => ({ items: await service.previewScreening(ctx, actorOf(req), req.params.id, req.body.personIds) }));

  app.post('/api/v1/cohorts/:id/documents', {
    schema: { tags: ['cohorts'], summary: 'Upload an opening/completion document (multipart: field kind, then file); sha256 recorded', params: idParam },
  }, async (req, reply) => {
    const actor = actorOf(req);
    const file = await readUpload(req);
    return reply.status(201).send(await documents.uploadDocument(ctx, actor, req.params.id, file.fields.kind ?? '', file));
  });

  app.get('/api/v1/cohorts/:id/documents/:documentId', { schema: { tags: ['cohorts'], summary: 'Download a document', params: idParam.extend({ documentId: z.uuid() }) } }, async (req, reply) => {
    const actor = actorOf(req);
    const c = await service.visibleCohort(ctx, actor, req.params.id);
    const d = await documents.readDocument(ctx, c, req.params.documentId);
    if (!d.intact) throw new AppError('conflict', `${d.filename} 与上传时的 sha256 不一致：文件已被改动`);
    return reply.header('content-type', d.contentType).header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(d.filename)}`).send(d.bytes);
  });

  app.get('/api/v1/cohorts/:id/forms/:form', {
    schema: { tags: ['cohorts'], summary: 'Print 开班申请表 (opening), 学员登记表 (registration) or 职业技能培训人员名册 (roster) as PDF', params: idParam.extend({ form: z.enum(['opening', 'registration', 'roster']) }) },
  }, async (req, reply) => {
    const actor = actorOf(req);
    const c = await service.visibleCohort(ctx, actor, req.params.id);
    const pdf = await cohortForm(ctx.db, c, req.params.form, actor, ctx.now());
    const names = { opening: '职业技能培训开班申请表', registration: '职业技能培训学员登记表', roster: '职业技能培训人员名册' };
    return reply.header('content-type', 'application/pdf').header('content-disposition', `inline; filename*=UTF-8''${encodeURIComponent(`${names[req.params.form]}.pdf`)}`).send(pdf);
  });

  app.put('/api/v1/cohorts/:id/completion-roster', { schema: { tags: ['cohorts'], summary: '结业花名册: who completes', params: idParam, body: z.object({ personIds: z.array(z.uuid()) }) } },
    async (req) => outcomes.setCompletionRoster(ctx, actorOf(req), req.params.id, req.body.personIds));

  const score = z.number().int().min(0).max(100).nullable();
  app.put('/api/v1/cohorts/:id/exams', {
    schema: { tags: ['cohorts'], summary: 'Record 结业考核 scores (theory, practical); passed when each given score reaches the pass mark', params: idParam, body: z.object({ results: z.array(z.object({ personId: z.uuid(), theoryScore: score, practicalScore: score })).min(1) }) },
  }, async (req) => outcomes.recordExams(ctx, actorOf(req), req.params.id, req.body.results));

  app.put('/api/v1/cohorts/:id/evaluator', { schema: { tags: ['cohorts'], summary: 'Assign the evaluator (not the trainer, filed for the occupation and level)', params: idParam, body: z.object({ evaluatorId: z.uuid() }) } },
    async (req) => outcomes.assignEvaluator(ctx, actorOf(req), req.params.id, req.body.evaluatorId));

  app.put('/api/v1/cohorts/:id/evaluations', {
    schema: { tags: ['cohorts'], summary: 'Record skill-level evaluation results (the assigned evaluator)', params: idParam, body: z.object({ results: z.array(z.object({ personId: z.uuid(), passed: z.boolean(), certificateNo: z.string().trim().max(40).nullable(), evaluatedOn: isoDate() })).min(1) }) },
  }, async (req) => outcomes.recordEvaluations(ctx, actorOf(req), req.params.id, req.body.results));

  const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式应为 YYYY-MM').nullable().default(null);
  app.post('/api/v1/cohorts/:id/employment-proofs', {
    schema: {
      tags: ['cohorts'], summary: 'Record an employment proof for a trainee; answers whether it counts under the pack', params: idParam,
      body: z.object({
        personId: z.uuid(), kind: z.enum(Object.keys(PROOF_KINDS) as ['contract', 'business_licence', 'flexible']), employer: z.string().trim().min(1).max(100),
        employerCreditCode: z.string().trim().max(18).nullable().default(null), contractStart: isoDate().nullable().default(null), contractEnd: isoDate().nullable().default(null),
        firstPayrollMonth: month, latestPayrollMonth: month,
      }),
    },
  }, async (req, reply) => reply.status(201).send(await outcomes.addEmploymentProof(ctx, actorOf(req), req.params.id, req.body)));

  app.get('/api/v1/cohorts/:id/employment', { schema: { tags: ['cohorts'], summary: 'Employment per trainee and the cohort’s employment rate', params: idParam } }, async (req) => {
    const c = await service.visibleCohort(ctx, actorOf(req), req.params.id);
    return outcomes.employmentSummary(ctx.db, c);
  });

  app.get('/api/v1/cohorts/:id/subsidy', { schema: { tags: ['cohorts'], summary: 'The engine’s decision on this cohort from its records (preview before a claim)', params: idParam } }, async (req) => {
    const c = await service.visibleCohort(ctx, actorOf(req), req.params.id);
    return outcomes.subsidyPreview(ctx.db, c);
  });
}
