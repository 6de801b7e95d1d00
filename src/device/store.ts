import type { Queryable } from '../db/db.ts';
import type { DeviceKind, DeviceState } from './device.ts';

export interface Device {
  id: string;
  cityCode: string;
  regionCode: string;
  institutionId: string;
  institutionName: string;
  venueId: string;
  venueName: string;
  kind: DeviceKind;
  name: string;
  serialNo: string;
  status: DeviceState;
  registeredAt: string;
  revokedAt: string | null;
  revokeReason: string | null;
}

const SELECT = `SELECT d.*, i.region_code, i.name AS institution_name, v.name AS venue_name
  FROM device d JOIN institution i ON i.id = d.institution_id JOIN institution_venue v ON v.id = d.venue_id`;

const toDevice = (r: any): Device => ({
  id: r.id, cityCode: r.city_code, regionCode: r.region_code, institutionId: r.institution_id, institutionName: r.institution_name,
  venueId: r.venue_id, venueName: r.venue_name, kind: r.kind, name: r.name, serialNo: r.serial_no, status: r.status,
  registeredAt: new Date(r.registered_at).toISOString(), revokedAt: r.revoked_at ? new Date(r.revoked_at).toISOString() : null,
  revokeReason: r.revoke_reason ?? null,
});

export async function insertDevice(tx: Queryable, d: { cityCode: string; institutionId: string; venueId: string; kind: DeviceKind; name: string; serialNo: string; secretHash: string; registeredBy: string }, now: Date) {
  const { rows } = await tx.query(
    `INSERT INTO device (city_code, institution_id, venue_id, kind, name, serial_no, status, secret_hash, registered_by, registered_at)
     VALUES ($1, $2, $3, $4, $5, $6, 'active', $7, $8, $9) RETURNING id`,
    [d.cityCode, d.institutionId, d.venueId, d.kind, d.name, d.serialNo, d.secretHash, d.registeredBy, now]);
  return (await getDevice(tx, rows[0].id, true))!;
}

export async function getDevice(db: Queryable, id: string, lock = false): Promise<Device | undefined> {
  const { rows } = await db.query(`${SELECT} WHERE d.id = $1${lock ? ' FOR UPDATE OF d' : ''}`, [id]);
  return rows[0] ? toDevice(rows[0]) : undefined;
}

export async function setRevoked(tx: Queryable, d: Device, reason: string, now: Date) {
  await tx.query(`UPDATE device SET status = 'revoked', revoked_at = $3, revoke_reason = $4 WHERE city_code = $1 AND id = $2`, [d.cityCode, d.id, now, reason]);
  return (await getDevice(tx, d.id))!;
}

/** The device a secret belongs to (by its hash), active or not. */
export async function deviceBySecretHash(db: Queryable, hash: string): Promise<Device | undefined> {
  const { rows } = await db.query(`${SELECT} WHERE d.secret_hash = $1`, [hash]);
  return rows[0] ? toDevice(rows[0]) : undefined;
}

/** The device's state as this transaction sees it, held (FOR SHARE) so that a revocation waits for the batch or the batch for it. */
export async function holdDevice(tx: Queryable, d: { cityCode: string; id: string }): Promise<DeviceState> {
  const { rows } = await tx.query(`SELECT status FROM device WHERE city_code = $1 AND id = $2 FOR SHARE`, [d.cityCode, d.id]);
  return rows[0].status;
}

/** Devices of the institutions whose region matches (the caller's scope), newest first. */
export async function listDevices(db: Queryable, where: { cityCode: string; regionCode: string | null; institutionId: string | null; status?: DeviceState }, page: { offset: number; limit: number }) {
  const params = [where.cityCode, where.regionCode, where.institutionId, where.status ?? null];
  const cond = `d.city_code = $1 AND ($2::text IS NULL OR i.region_code = $2) AND ($3::uuid IS NULL OR d.institution_id = $3) AND ($4::text IS NULL OR d.status = $4)`;
  const { rows } = await db.query(`${SELECT} WHERE ${cond} ORDER BY d.registered_at DESC, d.id DESC LIMIT ${page.limit} OFFSET ${page.offset}`, params);
  const { rows: [c] } = await db.query(`SELECT count(*)::int AS n FROM device d JOIN institution i ON i.id = d.institution_id WHERE ${cond}`, params);
  return { items: rows.map(toDevice), total: c.n as number };
}

export async function venueOf(db: Queryable, venueId: string) {
  const { rows } = await db.query(`SELECT id, institution_id, name FROM institution_venue WHERE id = $1`, [venueId]);
  return rows[0] as { id: string; institution_id: string; name: string } | undefined;
}
