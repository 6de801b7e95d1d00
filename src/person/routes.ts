import { z } from 'zod';
import type { AppContext } from '../app/context.ts';
import { actorOf, type Api } from '../app/http.ts';
import { readUpload } from '../app/upload.ts';
import { authorize } from '../auth/auth.ts';
import { AppError } from '../shared/errors.ts';
import { pageOf, pageQuery } from '../shared/page.ts';
import { GROUP_CODES, personInput, personPatch, personPolicy, presentPerson } from './person.ts';
import { identityFindings } from './identity.ts';
import * as service from './service.ts';
import * as store from './store.ts';

const personOut = z.object({
  id: z.string(), idNumber: z.string(), name: z.string(), gender: z.enum(['male', 'female']), birthDate: z.string(),
  phone: z.string().nullable(), householdRegionCode: z.string().nullable(), regionCode: z.string(), cityCode: z.string(),
  education: z.string().nullable(), groups: z.array(z.string()), employmentStatus: z.string(),
  employmentCardNo: z.string().nullable(), createdAt: z.string(), updatedAt: z.string(),
  masked: z.boolean().describe('true when ID number and phone are partly hidden for this caller'),
});
const idParam = z.object({ id: z.uuid({ message: 'id 应为 UUID' }) });
const listQuery = z.object({
  q: z.string().trim().max(50).optional(),
  regionCode: z.string().regex(/^\d{6}$/).optional(),
  group: z.enum(GROUP_CODES).optional(),
  ...pageQuery,
});

export function personRoutes(app: Api, ctx: AppContext) {
  app.get('/api/v1/persons', {
    schema: { tags: ['persons'], summary: 'Search persons in the caller’s scope (ID numbers and phones masked)', querystring: listQuery },
  }, async (req) => {
    const actor = actorOf(req);
    authorize(personPolicy, actor, 'list');
    const { items, total } = await store.searchPersons(ctx.db, actor, req.query);
    return pageOf(items.map((p) => presentPerson(p, actor, false)), total, req.query.page, req.query.pageSize);
  });

  app.post('/api/v1/persons', {
    schema: { tags: ['persons'], summary: 'Register a person (real name, validated 公民身份号码)', body: personInput },
  }, async (req, reply) => {
    const actor = actorOf(req);
    const r = await service.createPerson(ctx, actor, req.body);
    return reply.status(r.outcome === 'created' ? 201 : 200).send({ ...presentPerson(r.person, actor, true), outcome: r.outcome, warnings: r.warnings });
  });

  app.get('/api/v1/persons/:id', {
    schema: { tags: ['persons'], summary: 'One person; whole ID number only for roles that need it', params: idParam, response: { 200: personOut } },
  }, async (req) => {
    const actor = actorOf(req);
    return presentPerson(await service.getPerson(ctx, actor, req.params.id), actor, true);
  });

  app.patch('/api/v1/persons/:id', {
    schema: { tags: ['persons'], summary: 'Update a person (the ID number cannot change)', params: idParam, body: personPatch, response: { 200: personOut } },
  }, async (req) => {
    const actor = actorOf(req);
    return presentPerson(await service.updatePerson(ctx, actor, req.params.id, req.body), actor, true);
  });

  app.get('/api/v1/persons/:id/identity-check', {
    schema: { tags: ['persons'], summary: 'Compare with social insurance, pension and household systems', params: idParam },
  }, async (req) => {
    const actor = actorOf(req);
    authorize(personPolicy, actor, 'identity_check');
    const person = await service.getPerson(ctx, actor, req.params.id);
    const facts = (await ctx.identity.lookup([person.idNumber])).get(person.idNumber)!;
    return { facts: { ...facts, idNumber: presentPerson(person, actor, true).idNumber }, findings: identityFindings(person, facts) };
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
