import { createHash, randomBytes } from 'node:crypto';
import { z } from 'zod';
import { allow, regionInScope, type Actor } from '../auth/auth.ts';
import { defineMachine } from '../shared/machine.ts';

/**
 * Check-in terminals (face, fingerprint), check-in phones and cameras (SPEC §4.3, §6.4), each bound to one
 * institution and one of its venues. The bureau registers and revokes them; revoking stops the device at once.
 */
export const DEVICE_KINDS = ['face', 'fingerprint', 'phone', 'camera'] as const;
export type DeviceKind = (typeof DEVICE_KINDS)[number];
export const DEVICE_KIND_LABELS: Record<DeviceKind, string> = { face: '人脸识别考勤机', fingerprint: '指纹考勤机', phone: '手机签到终端', camera: '摄像头' };

export const DEVICE_STATES = ['active', 'revoked'] as const;
export type DeviceState = (typeof DEVICE_STATES)[number];

export const deviceMachine = defineMachine({
  name: 'device',
  states: DEVICE_STATES,
  initial: 'active',
  final: ['revoked'],
  transitions: [{ from: ['active'], action: 'revoke', to: 'revoked', roles: ['city_admin', 'county_admin'] }],
});

/** What the permission conditions see of a device or of the institution a device is to be registered for. */
export interface DevicePlace { institutionId: string; cityCode: string; regionCode: string }

const bureauOf = (a: Actor, d: DevicePlace) => regionInScope(a, d.regionCode, d.cityCode);

export const devicePolicy = [
  allow<DevicePlace>(['city_admin', 'county_admin'], 'register', bureauOf),
  allow<DevicePlace>(['city_admin', 'county_admin'], 'revoke', bureauOf),
  allow<DevicePlace>(['city_admin', 'county_admin', 'reviewer', 'inspector'], 'view', bureauOf),
  // the institution sees its own devices but never registers, revokes or speaks for them
  allow<DevicePlace>('institution', 'view', (a, d) => a.institutionId === d.institutionId),
];

export const deviceInput = z.object({
  institutionId: z.uuid({ message: 'institutionId 应为 UUID' }),
  venueId: z.uuid({ message: 'venueId 应为 UUID' }),
  kind: z.enum(DEVICE_KINDS),
  name: z.string().trim().min(1, '名称不能为空').max(60),
  serialNo: z.string().trim().max(60).default(''),
});
export type DeviceInput = z.infer<typeof deviceInput>;

export const deviceTransitionInput = z.object({ action: z.string().min(1), reason: z.string().trim().min(1, '请填写理由').max(500) });

/** A new device secret: 32 random bytes, shown once; the store keeps only `secretHash` of it. */
export const newDeviceSecret = () => `pxd_${randomBytes(32).toString('base64url')}`;
export const secretHash = (secret: string) => createHash('sha256').update(secret).digest('hex');

/** The secret of `Authorization: Bearer <device secret>` (SPEC §5.3), or null when the header is not that. */
export function bearerSecret(header: string | undefined): string | null {
  const m = /^Bearer ([A-Za-z0-9_\-]{20,100})$/.exec(header?.trim() ?? '');
  return m ? m[1] : null;
}
