import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { AppContext } from '../app/context.ts';
import { actorOf, type Api } from '../app/http.ts';
import { authorize, type Actor } from '../auth/auth.ts';
import { notFound } from '../shared/errors.ts';
import { actionsFrom } from '../shared/machine.ts';
import { nextTimeIdCursor, timeIdCursor } from '../shared/page.ts';
import { drawCitation, drawInput, INSPECTION_KINDS, INSPECTION_STATE_LABELS, inspectionMachine, inspectionPolicy, objectionInput, recordInput } from './inspection.ts';
import * as service from './service.ts';
import * as store from './store.ts';

const idParam = z.object({ id: z.uuid({ message: 'id 应为 UUID' }) });

/** Officers see who inspects; the institution and the public see the result, not the inspectors' accounts. */
const present = (i: store.Inspection, actor: Actor) => ({
  ...i,
  kindLabel: INSPECTION_KINDS[i.kind],
  stateLabel: INSPECTION_STATE_LABELS[i.state],
  ...(actor.role === 'institution' ? { inspectorIds: [], inspectorNames: [] } : {}),
  actions: actionsFrom(inspectionMachine, i.state, actor.role).filter((a) => a !== 'record' || i.inspectorIds.includes(actor.accountId ?? '')),
  citation: drawCitation(i.cityCode),
});

const presentPublic = (i: store.Inspection) => ({
  id: i.id, institution: i.institutionName, cohort: i.cohortName, kind: INSPECTION_KINDS[i.kind], inspectedOn: i.inspectedOn,
  approvedHeadcount: i.approvedHeadcount, seenHeadcount: i.seenHeadcount, findings: i.findings, publishedOn: i.publishedAt?.slice(0, 10) ?? null,
  objection: i.objection,
});

export function inspectionRoutes(app: Api, ctx: AppContext) {
  app.post('/api/v1/inspections/draws', {
    schema: { tags: ['supervision'], summary: '双随机: random cohorts of the caller’s place and random inspectors for each; answers the draw with its seed and pools', body: drawInput },
  }, async (req, reply) => reply.status(201).send(await service.drawInspections(ctx, actorOf(req), req.body, randomBytes(4).readUInt32BE(0))));

  app.get('/api/v1/inspections/draws/:id', {
    schema: { tags: ['supervision'], summary: 'A draw as recorded (seed, pools, picks) and whether replaying it gives the same picks', params: idParam },
  }, async (req) => {
    const actor = actorOf(req);
    authorize(inspectionPolicy, actor, 'list');
    const draw = await store.getDraw(ctx.db, req.params.id, actor.cityCode);
    if (!draw) throw notFound('draw');
    return { ...draw, replay: service.replayDraw(draw), citation: drawCitation(draw.cityCode) };
  });

  app.get('/api/v1/inspections', {
    schema: { tags: ['supervision'], summary: 'Inspections of the caller’s place (an institution: its published results)', querystring: z.object({ drawId: z.uuid().optional() }) },
  }, async (req) => {
    const actor = actorOf(req);
    authorize(inspectionPolicy, actor, actor.role === 'institution' ? 'object' : 'list');
    const items = await store.listInspections(ctx.db, actor, { drawId: req.query.drawId, limit: 200 });
    return { items: items.map((i) => present(i, actor)), total: items.length, page: 1, pageSize: 200 };
  });

  app.post('/api/v1/inspections/:id/record', {
    schema: { tags: ['supervision'], summary: '抽查记录 (suihua 附件6) by a drawn inspector: headcount seen, teacher, findings', params: idParam, body: recordInput },
  }, async (req) => present(await service.recordInspection(ctx, actorOf(req), req.params.id, req.body), actorOf(req)));

  app.post('/api/v1/inspections/:id/publish', {
    schema: { tags: ['supervision'], summary: '一公开: publish a recorded result on the public page', params: idParam },
  }, async (req) => present(await service.publishInspection(ctx, actorOf(req), req.params.id), actorOf(req)));

  app.post('/api/v1/inspections/:id/objection', {
    schema: { tags: ['supervision'], summary: 'The inspected institution’s written objection to a published result (xinzhou 四(三)5)', params: idParam, body: objectionInput },
  }, async (req) => present(await service.objectToInspection(ctx, actorOf(req), req.params.id, req.body.text), actorOf(req)));

  app.get('/api/v1/public/inspections', {
    config: { rateLimit: { max: 120, timeWindow: '1 minute' } },
    schema: { tags: ['public'], summary: 'Published inspection results, newest first (xinzhou 四(三)4), with any objection', querystring: z.object({ after: timeIdCursor.optional(), pageSize: z.coerce.number().int().min(1).max(100).default(20) }) },
  }, async (req) => {
    const items = await store.publishedInspections(ctx.db, { limit: req.query.pageSize, after: req.query.after });
    return { items: items.map(presentPublic), next: nextTimeIdCursor(items, req.query.pageSize, (i) => ({ at: i.publishedAt!, id: i.id })) };
  });
}
