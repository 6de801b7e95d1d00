import type { Queryable } from '../db/db.ts';
import type { CheckinDecision, CheckinEvent, EnrolmentFacts, Geofence } from './attendance.ts';

export interface BatchRecord { id: string; bodySha256: string; response: unknown }

export async function findBatch(tx: Queryable, cityCode: string, deviceId: string, key: string): Promise<BatchRecord | undefined> {
  const { rows } = await tx.query(`SELECT id, body_sha256, response FROM checkin_batch WHERE city_code = $1 AND device_id = $2 AND idempotency_key = $3`, [cityCode, deviceId, key]);
  return rows[0] && { id: rows[0].id, bodySha256: rows[0].body_sha256, response: rows[0].response };
}

export async function insertBatch(tx: Queryable, b: { cityCode: string; deviceId: string; key: string; id: string; bodySha256: string; response: unknown }, now: Date) {
  await tx.query(`INSERT INTO checkin_batch (city_code, device_id, idempotency_key, id, body_sha256, response, received_at) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [b.cityCode, b.deviceId, b.key, b.id, b.bodySha256, JSON.stringify(b.response), now]);
}

/**
 * Takes the batch's idempotency key for this transaction without waiting: false while another transaction holds it
 * (the first request of that key is still in flight). Released at commit or rollback, so a crash leaves nothing stuck.
 */
export async function tryHoldKey(tx: Queryable, deviceId: string, key: string): Promise<boolean> {
  const { rows } = await tx.query(`SELECT pg_try_advisory_xact_lock(hashtext($1), hashtext($2)) AS ok`, [deviceId, key]);
  return rows[0].ok === true;
}

export async function venueGeofence(db: Queryable, venueId: string): Promise<Geofence | null> {
  const { rows } = await db.query(`SELECT lat, lng, geofence_radius_m FROM institution_venue WHERE id = $1`, [venueId]);
  const r = rows[0];
  return r && r.lat !== null ? { lat: Number(r.lat), lng: Number(r.lng), radiusM: r.geofence_radius_m } : null;
}

/** The event ids among these that the device has sent before. */
export async function knownEventIds(tx: Queryable, cityCode: string, deviceId: string, eventIds: string[]): Promise<Set<string>> {
  const { rows } = await tx.query(`SELECT event_id FROM checkin WHERE city_code = $1 AND device_id = $2 AND event_id = ANY($3::text[])`, [cityCode, deviceId, eventIds]);
  return new Set(rows.map((r) => r.event_id as string));
}

/** Persons named by id or ID number: id → id, and ID number → id. */
export async function personsByRef(db: Queryable, ids: string[], idNumbers: string[]) {
  const { rows } = await db.query(`SELECT id, id_number FROM person WHERE id = ANY($1::uuid[]) OR id_number = ANY($2::text[])`, [ids, idNumbers]);
  const byId = new Set(rows.map((r) => r.id as string));
  const byNumber = new Map(rows.map((r) => [r.id_number as string, r.id as string]));
  return { byId, byNumber };
}

/** Each person's enrolments at the institution, with the lessons of those cohorts on the given Shanghai dates. */
export async function enrolmentFacts(db: Queryable, cityCode: string, institutionId: string, personIds: string[], dates: string[]): Promise<Map<string, EnrolmentFacts[]>> {
  const out = new Map<string, EnrolmentFacts[]>();
  if (!personIds.length) return out;
  const { rows } = await db.query(
    `SELECT e.person_id, c.id AS cohort_id, c.policy, c.state, e.voucher_id IS NOT NULL AS has_voucher
       FROM enrolment e JOIN cohort c ON c.city_code = e.city_code AND c.id = e.cohort_id
      WHERE e.city_code = $1 AND c.institution_id = $2 AND e.person_id = ANY($3::uuid[])`, [cityCode, institutionId, personIds]);
  const cohortIds = [...new Set(rows.map((r) => r.cohort_id as string))];
  const lessons = new Map<string, EnrolmentFacts['lessons']>();
  if (cohortIds.length && dates.length) {
    const { rows: ls } = await db.query(
      `SELECT id, cohort_id, to_char(date, 'YYYY-MM-DD') AS date, to_char(starts_at, 'HH24:MI:SS') AS starts_at, to_char(ends_at, 'HH24:MI:SS') AS ends_at
         FROM lesson WHERE city_code = $1 AND cohort_id = ANY($2::uuid[]) AND date = ANY($3::date[]) ORDER BY date, starts_at`, [cityCode, cohortIds, dates]);
    for (const l of ls) {
      const list = lessons.get(l.cohort_id) ?? lessons.set(l.cohort_id, []).get(l.cohort_id)!;
      list.push({ id: l.id, date: l.date, startsAt: l.starts_at, endsAt: l.ends_at });
    }
  }
  for (const r of rows) {
    const list = out.get(r.person_id) ?? out.set(r.person_id, []).get(r.person_id)!;
    list.push({ cohortId: r.cohort_id, policy: r.policy, state: r.state, hasVoucher: r.has_voucher, lessons: lessons.get(r.cohort_id) ?? [] });
  }
  return out;
}

export interface CheckinRow { event: CheckinEvent; decision: CheckinDecision }

/**
 * The whole batch in one statement (arrays unnested: 16 parameters whatever the size). An event id another
 * transaction stored meanwhile is skipped here; the ids stored are returned, the caller reports the rest as duplicates.
 */
export async function insertCheckins(tx: Queryable, b: { cityCode: string; deviceId: string; batchId: string; receivedAt: Date }, rows: CheckinRow[]): Promise<Set<string>> {
  if (!rows.length) return new Set();
  const col = <T>(f: (r: CheckinRow) => T) => rows.map(f);
  const { rows: stored } = await tx.query(
    `INSERT INTO checkin (city_code, device_id, batch_id, received_at, event_id, person_ref, person_id, cohort_id, lesson_id, captured_at,
       method, match_score, lat, lon, status, reason, citation)
     SELECT $1, $2, $3, $4, u.* FROM unnest($5::text[], $6::text[], $7::uuid[], $8::uuid[], $9::uuid[], $10::timestamptz[], $11::text[],
       $12::float8[], $13::float8[], $14::float8[], $15::text[], $16::text[], $17::text[]) AS u
     ON CONFLICT (city_code, device_id, event_id) DO NOTHING RETURNING event_id`,
    [b.cityCode, b.deviceId, b.batchId, b.receivedAt,
      col((r) => r.event.eventId), col((r) => r.event.personId ?? r.event.idNumber!), col((r) => r.decision.personId), col((r) => r.decision.cohortId),
      col((r) => r.decision.lessonId), col((r) => r.event.capturedAt), col((r) => r.event.method), col((r) => r.event.matchScore ?? null),
      col((r) => r.event.location?.lat ?? null), col((r) => r.event.location?.lon ?? null), col((r) => r.decision.status),
      col((r) => r.decision.reason ?? null), col((r) => r.decision.citation)]);
  return new Set(stored.map((r) => r.event_id as string));
}

export interface CheckinListItem {
  deviceId: string; eventId: string;
  /** captured_at to the microsecond, for the keyset cursor (a Date would cut it to milliseconds) */
  cursorAt: string;
  personId: string | null; personName: string | null; personRef: string; lessonId: string | null;
  capturedAt: string; receivedAt: string; method: string; matchScore: number | null; location: { lat: number; lon: number } | null;
  status: 'accepted' | 'rejected'; reason: string | null; citation: string;
}

/** One cohort's check-ins (optionally one lesson's), oldest first, after the keyset cursor, at most `limit`. */
export async function listCheckins(db: Queryable, q: { cityCode: string; cohortId: string; lessonId?: string; status?: string; after?: { capturedAt: string; deviceId: string; eventId: string }; limit: number }) {
  const params: unknown[] = [q.cityCode, q.cohortId, q.lessonId ?? null, q.status ?? null];
  let cursor = '';
  if (q.after) {
    params.push(q.after.capturedAt, q.after.deviceId, q.after.eventId);
    cursor = ` AND (k.captured_at, k.device_id, k.event_id) > ($5::timestamptz, $6::uuid, $7::text)`;
  }
  const where = `k.city_code = $1 AND k.cohort_id = $2 AND ($3::uuid IS NULL OR k.lesson_id = $3) AND ($4::text IS NULL OR k.status = $4)`;
  const { rows } = await db.query(
    `SELECT k.*, p.name AS person_name, to_char(k.captured_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS cursor_at FROM checkin k LEFT JOIN person p ON p.id = k.person_id
      WHERE ${where}${cursor} ORDER BY k.captured_at, k.device_id, k.event_id LIMIT ${q.limit + 1}`, params);
  const { rows: [c] } = await db.query(`SELECT count(*)::int AS n FROM checkin k WHERE ${where}`, params.slice(0, 4));
  const items: CheckinListItem[] = rows.slice(0, q.limit).map((r) => ({
    deviceId: r.device_id, eventId: r.event_id, personId: r.person_id, personName: r.person_name ?? null, personRef: r.person_ref, lessonId: r.lesson_id,
    capturedAt: new Date(r.captured_at).toISOString(), cursorAt: r.cursor_at as string, receivedAt: new Date(r.received_at).toISOString(), method: r.method,
    matchScore: r.match_score === null ? null : Number(r.match_score), location: r.lat === null ? null : { lat: Number(r.lat), lon: Number(r.lon) },
    status: r.status, reason: r.reason, citation: r.citation,
  }));
  return { items, total: c.n as number, more: rows.length > q.limit };
}
