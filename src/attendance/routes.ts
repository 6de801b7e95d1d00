import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../app/context.ts';
import { actorOf, type Api } from '../app/http.ts';
import { authorize } from '../auth/auth.ts';
import { visibleCohort } from '../cohort/service.ts';
import { authenticateDevice } from '../device/service.ts';
import type { Device } from '../device/store.ts';
import { maskIdNumber } from '../person/id-number.ts';
import { invalid } from '../shared/errors.ts';
import { checkinBatch, checkinPolicy } from './attendance.ts';
import { ingestBatch } from './service.ts';
import { listCheckins } from './store.ts';

const devices = new WeakMap<FastifyRequest, Device>();

/** The device a batch came from, authenticated before the body is validated (a stranger learns nothing of the schema). */
async function authenticate(ctx: AppContext, req: FastifyRequest) {
  devices.set(req, await authenticateDevice(ctx, req.headers.authorization));
}

const KEY = /^[\x21-\x7e]{1,200}$/;

/** A keyset cursor: the last item's (capturedAt, deviceId, eventId), opaque to the caller. */
const encodeCursor = (i: { cursorAt: string; deviceId: string; eventId: string }) => Buffer.from(JSON.stringify([i.cursorAt, i.deviceId, i.eventId])).toString('base64url');
const cursorSchema = z.string().max(400).transform((s, ctx) => {
  try {
    const [capturedAt, deviceId, eventId] = JSON.parse(Buffer.from(s, 'base64url').toString('utf8'));
    const ok = typeof capturedAt === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/.test(capturedAt) && !Number.isNaN(Date.parse(capturedAt)) && z.uuid().safeParse(deviceId).success && typeof eventId === 'string' && eventId.length <= 64;
    if (ok) return { capturedAt, deviceId, eventId: eventId as string };
  } catch { /* reported below */ }
  ctx.addIssue({ code: 'custom', message: 'after 不是本列表给出的游标' });
  return z.NEVER;
});

export function attendanceRoutes(app: Api, ctx: AppContext) {
  app.post('/api/v1/checkins', {
    preValidation: async (req) => authenticate(ctx, req),
    schema: {
      tags: ['attendance'],
      summary: 'A batch of check-ins from a registered device (Authorization: Bearer <device secret>, Idempotency-Key); every event answered accepted or rejected with its reason',
      headers: z.object({ 'idempotency-key': z.string().optional() }),
      body: checkinBatch,
    },
  }, async (req) => {
    const key = req.headers['idempotency-key'];
    if (typeof key !== 'string' || !KEY.test(key)) throw invalid('Idempotency-Key', '每批须有 1–200 个可见 ASCII 字符的幂等键');
    return ingestBatch(ctx, devices.get(req)!, key, req.body.events);
  });

  app.get('/api/v1/cohorts/:id/checkins', {
    schema: {
      tags: ['attendance'], summary: 'A cohort’s check-ins, accepted and rejected (read only), oldest first, keyset-paged',
      params: z.object({ id: z.uuid({ message: 'id 应为 UUID' }) }),
      querystring: z.object({
        lessonId: z.uuid({ message: 'lessonId 应为 UUID' }).optional(),
        status: z.enum(['accepted', 'rejected']).optional(),
        after: cursorSchema.optional(),
        pageSize: z.coerce.number().int().min(1).max(500).default(100),
      }),
    },
  }, async (req) => {
    const actor = actorOf(req);
    authorize(checkinPolicy, actor, 'read');
    const cohort = await visibleCohort(ctx, actor, req.params.id);
    const q = req.query;
    const page = await listCheckins(ctx.db, { cityCode: cohort.cityCode, cohortId: cohort.id, lessonId: q.lessonId, status: q.status, after: q.after, limit: q.pageSize });
    return {
      items: page.items.map(({ cursorAt: _, ...i }) => ({ ...i, personRef: i.personRef.length === 18 ? maskIdNumber(i.personRef) : i.personRef })),
      total: page.total, pageSize: q.pageSize, next: page.more ? encodeCursor(page.items[page.items.length - 1]) : null,
    };
  });
}
