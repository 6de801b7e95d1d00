import { createHash, randomUUID } from 'node:crypto';
import type { AppContext } from '../app/context.ts';
import { appendAudit } from '../audit/store.ts';
import { AppError } from '../shared/errors.ts';
import { shanghaiDate } from '../shared/dates.ts';
import type { Device } from '../device/store.ts';
import { holdDevice } from '../device/store.ts';
import { decideCheckin, REASON_TEXT, type CheckinDecision, type CheckinEvent } from './attendance.ts';
import * as store from './store.ts';

export interface BatchReply {
  batchId: string;
  results: { eventId: string; status: 'accepted' | 'rejected'; reason?: string; text: string; citation: string }[];
}

const bodyHash = (events: CheckinEvent[]) => createHash('sha256').update(JSON.stringify(events)).digest('hex');

/**
 * One batch from one device (SPEC §5.3), in one transaction with one audit entry: the idempotency key held for the
 * transaction (a second request with it meanwhile is a 409), a key already answered gives its reply again (or 422
 * for another body), every event decided by `decideCheckin` and stored, accepted or rejected.
 */
export async function ingestBatch(ctx: AppContext, device: Device, key: string, events: CheckinEvent[]): Promise<BatchReply> {
  const hash = bodyHash(events);
  const now = ctx.now();
  return ctx.db.transaction(async (tx) => {
    if (!(await store.tryHoldKey(tx, device.id, key))) {
      throw new AppError('conflict', 'Idempotency-Key: 此批次正在处理中，请稍后重试', { field: 'Idempotency-Key' });
    }
    const prior = await store.findBatch(tx, device.cityCode, device.id, key);
    if (prior) {
      if (prior.bodySha256 !== hash) throw new AppError('idempotency_mismatch', 'Idempotency-Key: 此键已用于内容不同的批次', { field: 'Idempotency-Key' });
      return prior.response as BatchReply;
    }
    const status = await holdDevice(tx, device);
    const venue = await store.venueGeofence(tx, device.venueId);
    const known = await store.knownEventIds(tx, device.cityCode, device.id, events.map((e) => e.eventId));
    const persons = await store.personsByRef(tx, events.flatMap((e) => (e.personId ? [e.personId] : [])), events.flatMap((e) => (e.idNumber ? [e.idNumber] : [])));
    const personOf = (e: CheckinEvent) => (e.personId ? (persons.byId.has(e.personId) ? e.personId : null) : persons.byNumber.get(e.idNumber!) ?? null);
    const dates = [...new Set(events.map((e) => shanghaiDate(new Date(e.capturedAt))))];
    const enrolments = await store.enrolmentFacts(tx, device.cityCode, device.institutionId, [...new Set(events.map(personOf).filter((p) => p !== null))], dates);

    const seen = new Set<string>();
    const rows = events.map((event) => {
      const personId = personOf(event);
      const decision = decideCheckin({
        event, receivedAt: now, duplicate: known.has(event.eventId) || seen.has(event.eventId),
        device: { status, venue }, person: personId ? { id: personId } : null, enrolments: personId ? enrolments.get(personId) ?? [] : [],
      });
      seen.add(event.eventId);
      return { event, decision };
    });
    // duplicates are answered, not stored again: the event id's first record stays the only one
    const fresh = rows.filter((r) => r.decision.reason !== 'duplicate');
    const batchId = randomUUID();
    const stored = await store.insertCheckins(tx, { cityCode: device.cityCode, deviceId: device.id, batchId, receivedAt: now }, fresh);
    const results = rows.map(({ event, decision }) => {
      const d: CheckinDecision = decision.reason !== 'duplicate' && !stored.has(event.eventId)
        ? { ...decision, status: 'rejected', reason: 'duplicate', text: REASON_TEXT.duplicate }
        : decision;
      return { eventId: event.eventId, status: d.status, ...(d.reason ? { reason: d.reason } : {}), text: d.text, citation: d.citation };
    });
    const reply: BatchReply = { batchId, results };
    await store.insertBatch(tx, { cityCode: device.cityCode, deviceId: device.id, key, id: batchId, bodySha256: hash, response: reply }, now);
    const reasons: Record<string, number> = {};
    for (const r of results) if (r.reason) reasons[r.reason] = (reasons[r.reason] ?? 0) + 1;
    await appendAudit(tx, {
      cityCode: device.cityCode, at: now, actorId: null, actor: `device:${device.id}`, action: 'checkin.batch', entity: 'checkin_batch', entityId: batchId,
      after: { deviceId: device.id, idempotencyKey: key, events: results.length, accepted: results.filter((r) => r.status === 'accepted').length, reasons },
    });
    return reply;
  });
}
