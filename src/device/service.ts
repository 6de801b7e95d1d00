import type { AppContext } from '../app/context.ts';
import type { Queryable } from '../db/db.ts';
import { authorize, can, isCityLevel, type Actor } from '../auth/auth.ts';
import { requireInScope } from '../auth/references.ts';
import { appendAudit } from '../audit/store.ts';
import { AppError, notFound } from '../shared/errors.ts';
import { fire } from '../shared/machine.ts';
import { bearerSecret, deviceMachine, devicePolicy, newDeviceSecret, secretHash, type DeviceInput } from './device.ts';
import * as store from './store.ts';

const audit = (tx: Queryable, actor: Actor, now: Date, action: string, d: store.Device, before: unknown, after: unknown) =>
  appendAudit(tx, { cityCode: d.cityCode, at: now, actorId: actor.accountId, actor: actor.username, action, entity: 'device', entityId: d.id, before, after });

/** Registers a device for an institution of the caller's scope; the reply carries its secret, which is never shown again. */
export async function registerDevice(ctx: AppContext, actor: Actor, input: DeviceInput) {
  authorize(devicePolicy, actor, 'register', { institutionId: input.institutionId, cityCode: actor.cityCode, regionCode: actor.regionCode });
  const inst = await requireInScope(ctx.db, 'institution', input.institutionId, 'institutionId', actor.cityCode);
  authorize(devicePolicy, actor, 'register', { institutionId: input.institutionId, cityCode: inst.cityCode, regionCode: inst.regionCode });
  const venue = await store.venueOf(ctx.db, input.venueId);
  if (!venue || venue.institution_id !== input.institutionId) {
    throw new AppError('not_found', 'venueId: 找不到此场地，或不属于该培训机构', { field: 'venueId' });
  }
  const secret = newDeviceSecret();
  const now = ctx.now();
  const device = await ctx.db.transaction(async (tx) => {
    const d = await store.insertDevice(tx, { ...input, cityCode: inst.cityCode, secretHash: secretHash(secret), registeredBy: actor.username }, now);
    await audit(tx, actor, now, 'device.register', d, null, d);
    return d;
  });
  return { device, secret };
}

export async function visibleDevice(ctx: AppContext, actor: Actor, id: string) {
  const d = await store.getDevice(ctx.db, id);
  // a device outside the caller's scope is as unknown as one that does not exist
  if (!d || !can(devicePolicy, actor, 'view', d)) throw notFound('device');
  return d;
}

export async function transitionDevice(ctx: AppContext, actor: Actor, id: string, action: string, reason: string) {
  await visibleDevice(ctx, actor, id);
  const now = ctx.now();
  return ctx.db.transaction(async (tx) => {
    const d = (await store.getDevice(tx, id, true))!;
    fire(deviceMachine, d.status, action, actor.role);
    authorize(devicePolicy, actor, action, d);
    const after = await store.setRevoked(tx, d, reason, now);
    await audit(tx, actor, now, `device.${action}`, d, d, { ...after, reason });
    return after;
  });
}

export async function listDevices(ctx: AppContext, actor: Actor, q: { institutionId?: string; status?: 'active' | 'revoked'; page: number; pageSize: number }) {
  const own = actor.role === 'institution' ? actor.institutionId : null;
  if (!own && !can(devicePolicy, actor, 'view', { institutionId: '', cityCode: actor.cityCode, regionCode: actor.regionCode })) {
    throw new AppError('forbidden', `role ${actor.role} may not list devices`);
  }
  if (own && q.institutionId && q.institutionId !== own) return { items: [], total: 0 };
  return store.listDevices(ctx.db, {
    cityCode: actor.cityCode, regionCode: isCityLevel(actor) || own ? null : actor.regionCode, institutionId: own ?? q.institutionId ?? null, status: q.status,
  }, { offset: (q.page - 1) * q.pageSize, limit: q.pageSize });
}

/**
 * `Authorization: Bearer <device secret>` (SPEC §5.3) is the only credential a device has: a session cookie is not
 * looked at, so a signed-in member of staff cannot post device events. A revoked device still authenticates; its
 * events are rejected one by one with `device_revoked` and kept as evidence. Cameras send recordings, not check-ins.
 */
export async function authenticateDevice(ctx: AppContext, authorization: string | undefined): Promise<store.Device> {
  const secret = bearerSecret(authorization);
  if (!secret) throw new AppError('unauthenticated', 'Authorization: 须由已登记的设备以 Bearer 设备密钥上报', { field: 'Authorization' });
  const device = await store.deviceBySecretHash(ctx.db, secretHash(secret));
  if (!device) throw new AppError('invalid_credentials', 'Authorization: 设备密钥无效', { field: 'Authorization' });
  if (device.kind === 'camera') throw new AppError('forbidden', '摄像头上报录像，不上报打卡');
  return device;
}
