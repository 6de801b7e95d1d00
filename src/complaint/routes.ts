import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { AppContext } from '../app/context.ts';
import { actorOf, type Api } from '../app/http.ts';
import { authorize } from '../auth/auth.ts';
import { officersOfCity } from '../auth/store.ts';
import { notFound } from '../shared/errors.ts';
import { nextTimeIdCursor, timeIdCursor } from '../shared/page.ts';
import { COMPLAINT_STATES, complaintPolicy, HANDLER_ROLES, complaintTransitionInput, presentComplaint, presentPublicComplaint, publicComplaintInput, TRACKING_CODE } from './complaint.ts';
import * as service from './service.ts';
import * as store from './store.ts';

/** Per address: a person filing by hand, not a flood. Looking a code up is as limited as a certificate check. */
export const COMPLAINTS_PER_MINUTE = 5;
const LOOKUPS_PER_MINUTE = 30;

const idParam = z.object({ id: z.uuid({ message: 'id 应为 UUID' }) });

export function complaintRoutes(app: Api, ctx: AppContext) {
  app.post('/api/v1/public/complaints', {
    config: { rateLimit: { max: COMPLAINTS_PER_MINUTE, timeWindow: '1 minute' } },
    schema: { tags: ['public'], summary: '投诉举报 without login, anonymous allowed; answers the tracking code to follow it', body: publicComplaintInput, response: { 201: z.object({ trackingCode: z.string() }) } },
  }, async (req, reply) => reply.status(201).send(await service.fileComplaint(ctx, req.body, randomBytes(12))));

  app.get('/api/v1/public/complaints/:trackingCode', {
    config: { rateLimit: { max: LOOKUPS_PER_MINUTE, timeWindow: '1 minute' } },
    schema: { tags: ['public'], summary: 'A complaint’s progress and outcome by its tracking code (never who filed or handles it)', params: z.object({ trackingCode: z.string().trim().toUpperCase().regex(TRACKING_CODE, '查询码格式应为 TS + 12位字母数字') }) },
  }, async (req) => {
    const c = await store.findByTrackingCode(ctx.db, req.params.trackingCode);
    if (!c) throw notFound('complaint');
    return presentPublicComplaint(c);
  });

  app.get('/api/v1/complaints', {
    schema: {
      tags: ['supervision'], summary: 'Complaints of the caller’s place, newest first, a keyset page at a time (total capped at 10,000)',
      querystring: z.object({ state: z.enum(COMPLAINT_STATES).optional(), after: timeIdCursor.optional(), pageSize: z.coerce.number().int().min(1).max(100).default(20) }),
    },
  }, async (req) => {
    const actor = actorOf(req);
    authorize(complaintPolicy, actor, 'list');
    const { items, total, capped } = await store.listComplaints(ctx.db, actor, req.query);
    return {
      items: items.map((c) => ({ ...presentComplaint(c, actor, null), content: c.content.slice(0, 120) })),
      total, totalCapped: capped, page: 1, pageSize: req.query.pageSize,
      next: nextTimeIdCursor(items, req.query.pageSize, (c) => ({ at: c.receivedAt, id: c.id })),
    };
  });

  app.get('/api/v1/complaints/handlers', {
    schema: { tags: ['supervision'], summary: 'The officers of the caller’s city a complaint may be assigned to (their names, not logins)' },
  }, async (req) => {
    const actor = actorOf(req);
    authorize(complaintPolicy, actor, 'list');
    return { items: await officersOfCity(ctx.db, actor.cityCode, HANDLER_ROLES) };
  });

  app.get('/api/v1/complaints/:id', {
    schema: { tags: ['supervision'], summary: 'One complaint; the complainant only for its assignee (each such view audited)', params: idParam },
  }, async (req) => service.viewComplaint(ctx, actorOf(req), req.params.id));

  app.post('/api/v1/complaints/:id/transitions', {
    schema: { tags: ['supervision'], summary: 'assign (assigneeId, dueOn) or answer (outcome, by the assignee)', params: idParam, body: complaintTransitionInput },
  }, async (req) => service.transitionComplaint(ctx, actorOf(req), req.params.id, req.body));
}
