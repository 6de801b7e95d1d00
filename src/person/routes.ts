import { z } from 'zod';
import type { AppContext } from '../app/context.ts';
import { actorOf, type Api } from '../app/http.ts';
import { readUpload } from '../app/upload.ts';
import { authorize } from '../auth/auth.ts';
import { AppError } from '../shared/errors.ts';
import { pageOf, pageQuery } from '../shared/page.ts';
import { GROUP_CODES, personInput, personPatch, personPolicy } from './person.ts';
import { presentPerson, REVEAL_FIELDS } from './present.ts';
import { shanghaiDate } from '../shared/dates.ts';
import { identityFindings } from './identity.ts';
import * as service from './service.ts';
import * as store from './store.ts';

const personOut = z.object({
  id: z.string(), idNumber: z.string().describe('masked: first 4 + last 4; the whole number via POST …/reveal'), name: z.string(),
  gender: z.enum(['male', 'female']), age: z.number().int(),
  phone: z.string().nullable(), regionCode: z.string(), cityCode: z.string(),
  education: z.string().nullable(), groups: z.array(z.string()), employmentStatus: z.string(),
  employmentCardNo: z.string().nullable(), createdAt: z.string(), updatedAt: z.string(),
  masked: z.literal(true).describe('ID number and phone are always partly hidden; see POST /api/v1/persons/{id}/reveal'),
});
const idParam = z.object({ id: z.uuid({ message: 'id 应为 UUID' }) });
const listQuery = z.object({
  q: z.string().trim().max(50).optional(),
  regionCode: z.string().regex(/^\d{6}$/).optional(),
  group: z.enum(GROUP_CODES).optional(),
  ...pageQuery,
});

const today = (ctx: AppContext) => shanghaiDate(ctx.now());

export function personRoutes(app: Api, ctx: AppContext) {
  app.get('/api/v1/persons', {
    schema: { tags: ['persons'], summary: 'Search persons in the caller’s scope: names by part, ID numbers and phones by the whole value only (masked in the reply)', querystring: listQuery },
  }, async (req) => {
    const actor = actorOf(req);
    authorize(personPolicy, actor, 'list');
    const { items, total } = await store.searchPersons(ctx.db, actor, req.query);
    return pageOf(items.map((p) => presentPerson(p, actor, today(ctx))), total, req.query.page, req.query.pageSize);
  });

  app.post('/api/v1/persons', {
    schema: { tags: ['persons'], summary: 'Register a person (real name, validated 公民身份号码)', body: personInput },
  }, async (req, reply) => {
    const actor = actorOf(req);
    const r = await service.createPerson(ctx, actor, req.body);
    return reply.status(r.outcome === 'created' ? 201 : 200).send({ ...presentPerson(r.person, actor, today(ctx)), outcome: r.outcome, warnings: r.warnings });
  });

  app.get('/api/v1/persons/:id', {
    schema: { tags: ['persons'], summary: 'One person (ID number and phone masked; the whole values via …/reveal)', params: idParam, response: { 200: personOut } },
  }, async (req) => {
    const actor = actorOf(req);
    return presentPerson(await service.getPerson(ctx, actor, req.params.id), actor, today(ctx));
  });

  app.patch('/api/v1/persons/:id', {
    schema: { tags: ['persons'], summary: 'Update a person (the ID number cannot change)', params: idParam, body: personPatch, response: { 200: personOut } },
  }, async (req) => {
    const actor = actorOf(req);
    return presentPerson(await service.updatePerson(ctx, actor, req.params.id, req.body), actor, today(ctx));
  });

  app.post('/api/v1/persons/:id/reveal', {
    schema: {
      tags: ['persons'], summary: 'The whole ID number or phone of one person (显示), for roles that need it; each view is audited',
      params: idParam, body: z.object({ field: z.enum(REVEAL_FIELDS) }),
      response: { 200: z.object({ field: z.enum(REVEAL_FIELDS), value: z.string().nullable() }) },
    },
  }, async (req, reply) => {
    const actor = actorOf(req);
    const value = await service.revealPerson(ctx, actor, req.params.id, req.body.field);
    return reply.header('cache-control', 'no-store').send({ field: req.body.field, value });
  });

  app.get('/api/v1/persons/:id/identity-check', {
    schema: { tags: ['persons'], summary: 'Compare with social insurance, pension and household systems', params: idParam },
  }, async (req) => {
    const actor = actorOf(req);
    authorize(personPolicy, actor, 'identity_check');
    const person = await service.getPerson(ctx, actor, req.params.id);
    const facts = (await ctx.identity.lookup([person.idNumber])).get(person.idNumber)!;
    // The household region the external system holds would narrow the masked digits: the findings say whether it differs.
    const { householdRegionCode: _household, idNumber: _whole, ...shown } = facts;
    return { facts: { ...shown, idNumber: presentPerson(person, actor, today(ctx)).idNumber }, findings: identityFindings(person, facts) };
  });

  app.post('/api/v1/persons/import', {
    schema: {
      tags: ['persons'],
      summary: 'Import a 学员花名册 (.xlsx, multipart field `file`): mode=all (nothing unless every row is good), good (import the good rows), check (dry run)',
      querystring: z.object({ mode: z.enum(['all', 'good', 'check']).default('all') }),
    },
  }, async (req) => {
    const actor = actorOf(req);
    authorize(personPolicy, actor, 'import');
    const file = await readUpload(req);
    if (!/\.xlsx$/i.test(file.filename)) throw new AppError('validation', `file: 只接受 .xlsx 文件，收到 ${file.filename}`, { field: 'file' });
    return service.importRoster(ctx, actor, file.bytes, req.query.mode);
  });

  app.get('/api/v1/persons/export', {
    schema: { tags: ['persons'], summary: 'The persons in scope as a 学员花名册 .xlsx', querystring: listQuery.omit({ page: true, pageSize: true }) },
  }, async (req, reply) => {
    const actor = actorOf(req);
    const buffer = await service.exportRoster(ctx, actor, req.query);
    return reply
      .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent('学员花名册.xlsx')}`)
      .send(buffer);
  });
}
