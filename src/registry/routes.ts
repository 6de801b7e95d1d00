import { z } from 'zod';
import type { AppContext } from '../app/context.ts';
import { actorOf, type Api } from '../app/http.ts';
import { authorize, isBureau, regionInScope, type Actor } from '../auth/auth.ts';
import { maskIdNumber } from '../person/id-number.ts';
import { forbidden } from '../shared/errors.ts';
import { actionsFrom } from '../shared/machine.ts';
import { pageOf, pageQuery } from '../shared/page.ts';
import { allRegions, regionByCode } from './regions.ts';
import { INSTITUTION_STATUSES, institutionInput, institutionMachine, institutionPolicy, seesTeacherIds } from './institution.ts';
import * as service from './service.ts';
import * as store from './store.ts';

const idParam = z.object({ id: z.uuid({ message: 'id 应为 UUID' }) });
const listQuery = z.object({
  q: z.string().trim().max(50).optional(),
  status: z.enum(INSTITUTION_STATUSES).optional(),
  regionCode: z.string().regex(/^\d{6}$/).optional(),
  occupationCode: z.string().max(20).optional(),
  ...pageQuery,
});

/** Presenter: teachers' ID numbers masked for everyone (显示 for those who may); the actions this caller may fire now. */
const presentInstitution = (d: store.InstitutionDetail, actor: Actor) => ({
  ...d,
  regionName: regionByCode(d.regionCode)?.name ?? d.regionCode,
  teachers: d.teachers.map((t) => ({ ...t, idNumber: maskIdNumber(t.idNumber) })),
  mayRevealTeacherIds: seesTeacherIds(actor, d.id),
  actions: actionsFrom(institutionMachine, d.status, actor.role),
});

export function registryRoutes(app: Api, ctx: AppContext) {
  app.get('/api/v1/institutions', {
    schema: { tags: ['institutions'], summary: 'Institutions in the caller’s scope', querystring: listQuery },
  }, async (req) => {
    const actor = actorOf(req);
    authorize(institutionPolicy, actor, 'list');
    const { items, total } = await store.searchInstitutions(ctx.db, actor, req.query);
    return pageOf(items.map((i) => ({ ...i, regionName: regionByCode(i.regionCode)?.name ?? i.regionCode })), total, req.query.page, req.query.pageSize);
  });

  app.post('/api/v1/institutions', {
    schema: { tags: ['institutions'], summary: 'Register an institution (city admin)', body: institutionInput },
  }, async (req, reply) => {
    const actor = actorOf(req);
    return reply.status(201).send(presentInstitution(await service.createInstitution(ctx, actor, req.body), actor));
  });

  app.get('/api/v1/institutions/:id', {
    schema: { tags: ['institutions'], summary: 'One institution with venues, equipment, teachers and licensed occupations', params: idParam },
  }, async (req) => {
    const actor = actorOf(req);
    return presentInstitution(await service.getInstitution(ctx, actor, req.params.id), actor);
  });

  app.put('/api/v1/institutions/:id', {
    schema: { tags: ['institutions'], summary: 'Edit an institution (city admin); parts are replaced as a whole', params: idParam, body: institutionInput },
  }, async (req) => {
    const actor = actorOf(req);
    return presentInstitution(await service.updateInstitution(ctx, actor, req.params.id, req.body), actor);
  });

  app.post('/api/v1/institutions/:id/teachers/:teacherId/reveal', {
    schema: {
      tags: ['institutions'], summary: '显示: one teacher’s whole ID number (bureau, the institution itself); each view audited',
      params: z.object({ id: z.uuid({ message: 'id 应为 UUID' }), teacherId: z.uuid({ message: 'teacherId 应为 UUID' }) }),
      response: { 200: z.object({ idNumber: z.string() }) },
    },
  }, async (req) => ({ idNumber: await service.revealTeacherId(ctx, actorOf(req), req.params.id, req.params.teacherId) }));

  app.post('/api/v1/institutions/:id/transitions', {
    schema: {
      tags: ['institutions'],
      summary: 'Change an institution’s status: list, rectify, restore, suspend, remove (SPEC §3.1)',
      params: idParam,
      body: z.object({ action: z.string().min(1), reason: z.string().trim().min(1, '请填写理由').max(500) }),
    },
  }, async (req) => {
    const actor = actorOf(req);
    const after = await service.transitionInstitution(ctx, actor, req.params.id, req.body.action, req.body.reason);
    return { id: after.id, status: after.status };
  });

  app.get('/api/v1/public/institutions', {
    config: { rateLimit: { max: 120, timeWindow: '1 minute' } },
    schema: { tags: ['public'], summary: 'The public directory: listed institutions, their occupations and contact', querystring: listQuery.omit({ status: true }) },
  }, async (req) => {
    const { items, total } = await store.searchInstitutions(ctx.db, null, req.query);
    return pageOf(items.map((i) => ({ id: i.id, name: i.name, regionCode: i.regionCode, regionName: regionByCode(i.regionCode)?.name ?? '', occupations: i.occupationNames, contactName: i.contactName, contactPhone: i.contactPhone, address: i.address })), total, req.query.page, req.query.pageSize);
  });

  app.get('/api/v1/occupations', {
    schema: { tags: ['occupations'], summary: 'The occupation catalogue with the caller’s city marks (急需紧缺)', querystring: z.object({ q: z.string().trim().max(50).optional() }) },
  }, async (req) => {
    const actor = actorOf(req);
    const items = await store.listOccupations(ctx.db, actor.cityCode, req.query.q);
    return pageOf(items, items.length, 1, Math.max(items.length, 1));
  });

  app.get('/api/v1/regions', {
    schema: { tags: ['regions'], summary: 'Regions (GB/T 2260) under a parent code, or the caller’s own', querystring: z.object({ parent: z.string().regex(/^\d{6}$/).optional() }) },
  }, async (req) => {
    const actor = actorOf(req);
    const parent = req.query.parent ?? actor.cityCode;
    return { items: allRegions().filter((r) => r.parentCode === parent || r.code === parent) };
  });

  app.get('/api/v1/public/regions', {
    config: { rateLimit: { max: 120, timeWindow: '1 minute' } },
    schema: { tags: ['public'], summary: 'Regions (GB/T 2260) under a parent code, without login (the complaint form picks a county)', querystring: z.object({ parent: z.string().regex(/^\d{6}$/, 'parent: 地区代码应为6位数字') }) },
  }, async (req) => ({ items: allRegions().filter((r) => r.parentCode === req.query.parent || r.code === req.query.parent) }));

  for (const kind of ['evaluators', 'enterprises'] as const) {
    const table = kind === 'evaluators' ? 'evaluator' : 'enterprise';
    app.get(`/api/v1/${kind}`, {
      schema: { tags: ['registry'], summary: `${kind} in the caller’s region`, querystring: z.object(pageQuery) },
    }, async (req) => {
      const actor = actorOf(req);
      const own = kind === 'evaluators' ? actor.evaluatorId : actor.enterpriseId;
      if (!isBureau(actor) && !own) throw forbidden(`role ${actor.role} may not list ${kind}`);
      const { rows } = await ctx.db.query(`SELECT * FROM ${table} ORDER BY city_code, name`);
      const visible = rows.filter((r) => (own ? r.id === own : regionInScope(actor, r.region_code, r.city_code)));
      const { page, pageSize } = req.query;
      return pageOf(visible.slice((page - 1) * pageSize, page * pageSize).map((r) => ({ id: r.id, name: r.name, regionCode: r.region_code, cityCode: r.city_code, creditCode: r.credit_code, status: r.status ?? null })), visible.length, page, pageSize);
    });
  }
}
