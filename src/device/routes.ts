import { z } from 'zod';
import type { AppContext } from '../app/context.ts';
import { actorOf, type Api } from '../app/http.ts';
import { pageOf, pageQuery } from '../shared/page.ts';
import { actionsFrom } from '../shared/machine.ts';
import type { Actor } from '../auth/auth.ts';
import { deviceInput, deviceMachine, deviceTransitionInput, DEVICE_KIND_LABELS, DEVICE_STATES } from './device.ts';
import * as service from './service.ts';
import type { Device } from './store.ts';

const idParam = z.object({ id: z.uuid({ message: 'id 应为 UUID' }) });

const present = (d: Device, actor: Actor) => ({ ...d, kindLabel: DEVICE_KIND_LABELS[d.kind], actions: actionsFrom(deviceMachine, d.status, actor.role) });

export function deviceRoutes(app: Api, ctx: AppContext) {
  app.get('/api/v1/devices', {
    schema: {
      tags: ['devices'], summary: 'Check-in terminals and cameras in the caller’s scope (an institution: its own)',
      querystring: z.object({ institutionId: z.uuid().optional(), status: z.enum(DEVICE_STATES).optional(), ...pageQuery }),
    },
  }, async (req) => {
    const actor = actorOf(req);
    const { items, total } = await service.listDevices(ctx, actor, req.query);
    return pageOf(items.map((d) => present(d, actor)), total, req.query.page, req.query.pageSize);
  });

  app.post('/api/v1/devices', {
    schema: { tags: ['devices'], summary: 'Register a device (市/县人社局); the reply shows its secret once', body: deviceInput },
  }, async (req, reply) => {
    const actor = actorOf(req);
    const { device, secret } = await service.registerDevice(ctx, actor, req.body);
    return reply.status(201).send({ ...present(device, actor), secret });
  });

  app.get('/api/v1/devices/:id', {
    schema: { tags: ['devices'], summary: 'One device', params: idParam },
  }, async (req) => {
    const actor = actorOf(req);
    return present(await service.visibleDevice(ctx, actor, req.params.id), actor);
  });

  app.post('/api/v1/devices/:id/transitions', {
    schema: { tags: ['devices'], summary: 'Revoke a device (市/县人社局): every event it sends from then on is rejected (device_revoked)', params: idParam, body: deviceTransitionInput },
  }, async (req) => {
    const actor = actorOf(req);
    return present(await service.transitionDevice(ctx, actor, req.params.id, req.body.action, req.body.reason), actor);
  });
}
