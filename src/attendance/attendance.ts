import { z } from 'zod';
import { allow } from '../auth/auth.ts';
import { findPack } from '../policy/packs/index.ts';
import { isValidIdNumber } from '../person/id-number.ts';
import { FIRST_YEAR, LAST_YEAR } from '../shared/dates.ts';

/**
 * Check-in ingestion rules (SPEC §4.3, §5.3): facts about one event in, a decision with its reason and citation
 * out. No I/O and no clock: the store loads the facts, the time of receipt is one of them.
 */

export const CHECKIN_METHODS = ['face', 'fingerprint', 'phone', 'voucher'] as const;
export type CheckinMethod = (typeof CHECKIN_METHODS)[number];

/** At most this many events per batch (SPEC §5.3 batches); a bigger one is refused whole. */
export const MAX_BATCH = 1000;

/**
 * Documented constants, not pack parameters: no seed states a match threshold or a check-in window.
 * - A face or fingerprint match counts from this score (0–1, as the terminal reports it) up.
 * - A check-in counts for a lesson from this many minutes before it starts until it ends.
 * - A capture time more than this ahead of the server's clock is refused (terminal clocks drift a little).
 */
export const MATCH_THRESHOLD: Record<'face' | 'fingerprint', number> = { face: 0.8, fingerprint: 0.8 };
export const CHECKIN_EARLY_MINUTES = 30;
export const CLOCK_SKEW_MINUTES = 5;

/** Cohort states in which lessons are held and check-ins count (late uploads after the completion filing included). */
export const ATTENDING_STATES = ['in_training', 'completion_submitted'] as const;

export const REJECTION_REASONS = [
  'duplicate', 'device_revoked', 'captured_in_future', 'unknown_person', 'not_enrolled', 'no_lesson',
  'below_threshold', 'venue_not_located', 'outside_geofence', 'no_voucher',
] as const;
export type RejectionReason = (typeof REJECTION_REASONS)[number];

export const REASON_TEXT: Record<RejectionReason | 'accepted', string> = {
  accepted: '打卡有效',
  duplicate: '该设备已上报过此事件编号',
  device_revoked: '设备已注销，打卡无效',
  captured_in_future: '打卡时间晚于服务器当前时间',
  unknown_person: '系统中没有此人',
  not_enrolled: '此人未报名本机构的培训班',
  no_lesson: '打卡时间没有此人所在班的课',
  below_threshold: '识别比对分数低于阈值',
  venue_not_located: '设备所在场地未设定位置和范围',
  outside_geofence: '手机打卡位置在场地范围之外',
  no_voucher: '此人在本班没有绑定的电子券',
};

// the form and check digit only: the schema has no clock, and an unknown number is a rejection, not bad input
const idNumber = z.string().trim().toUpperCase().refine((s) => isValidIdNumber(s, '2100-12-31'), '公民身份号码无效');
export const checkinEvent = z.object({
  eventId: z.string().trim().min(1, 'eventId 不能为空').max(64),
  personId: z.uuid({ message: 'personId 应为 UUID' }).optional(),
  idNumber: idNumber.optional(),
  capturedAt: z.iso.datetime({ offset: true, message: 'capturedAt 应为带时区的 ISO 时间' })
    .refine((s) => { const y = new Date(s).getUTCFullYear(); return y >= FIRST_YEAR && y <= LAST_YEAR; }, `capturedAt 应在 ${FIRST_YEAR}–${LAST_YEAR} 年之间`),
  method: z.enum(CHECKIN_METHODS),
  matchScore: z.number().min(0).max(1).optional(),
  location: z.object({ lat: z.number().min(-90).max(90), lon: z.number().min(-180).max(180) }).optional(),
}).superRefine((e, ctx) => {
  if ((e.personId === undefined) === (e.idNumber === undefined)) ctx.addIssue({ code: 'custom', path: ['personId'], message: '请给出 personId 或 idNumber 之一' });
  if ((e.method === 'face' || e.method === 'fingerprint') && e.matchScore === undefined) ctx.addIssue({ code: 'custom', path: ['matchScore'], message: '人脸、指纹打卡须有比对分数' });
  if (e.method === 'phone' && !e.location) ctx.addIssue({ code: 'custom', path: ['location'], message: '手机打卡须有位置' });
});
export type CheckinEvent = z.infer<typeof checkinEvent>;
export const checkinBatch = z.object({ events: z.array(checkinEvent).min(1, '至少一条打卡').max(MAX_BATCH, `每批最多 ${MAX_BATCH} 条`) });

export interface Geofence { lat: number; lng: number; radiusM: number }
export interface LessonSlot { id: string; date: string; startsAt: string; endsAt: string }
export interface EnrolmentFacts { cohortId: string; policy: string; state: string; hasVoucher: boolean; lessons: LessonSlot[] }

export interface CheckinFacts {
  event: CheckinEvent;
  receivedAt: Date;
  /** the device already sent this event id (an earlier batch, or earlier in this one) */
  duplicate: boolean;
  device: { status: 'active' | 'revoked'; venue: Geofence | null };
  person: { id: string } | null;
  /** the person's enrolments at the device's institution */
  enrolments: EnrolmentFacts[];
}

export interface CheckinDecision {
  status: 'accepted' | 'rejected';
  reason?: RejectionReason;
  rule: string;
  citation: string;
  text: string;
  personId: string | null;
  cohortId: string | null;
  lessonId: string | null;
}

/**
 * Where each rule comes from, per pack: a cohort of that pack cites its own article; elsewhere the SPEC section
 * (a rule one seed writes down cites no other city's document).
 */
const SOURCES: Record<string, { spec: string; packs: Record<string, string> }> = {
  face: { spec: 'SPEC §4.3 考勤', packs: { 'heze-2024': '第十三条', 'suihua-2019': '第五条(三)' } },
  fingerprint: { spec: 'SPEC §4.3 考勤', packs: { 'suihua-2019': '第五条(三)' } },
  phone: { spec: 'SPEC §4.3 考勤', packs: { 'yangquan-2024': '第十一条' } },
  voucher: { spec: 'SPEC §3.2 电子券签到', packs: { 'wenshui-2023': '三(四)' } },
  realName: { spec: 'SPEC §4.3 考勤', packs: { 'heze-2024': '第十三条' } },
  device: { spec: 'SPEC §5.3 设备上报' , packs: {} },
  geofence: { spec: 'SPEC §4.7 打卡位置', packs: {} },
};

export function citationFor(source: keyof typeof SOURCES, policy: string | null): string {
  const s = SOURCES[source];
  const article = policy ? s.packs[policy] : undefined;
  const pack = article && findPack(policy!);
  return pack ? `${pack.docNumber} ${article}` : s.spec;
}

/** The instant of a lesson's wall-clock time in Shanghai (lessons are business times, SPEC §2). */
const at = (date: string, time: string) => Date.parse(`${date}T${time.length === 5 ? `${time}:00` : time}+08:00`);

/** The lesson the capture time falls in: from CHECKIN_EARLY_MINUTES before its start until its end. */
export function lessonAt(lessons: readonly LessonSlot[], capturedAt: number): LessonSlot | undefined {
  return lessons.find((l) => capturedAt >= at(l.date, l.startsAt) - CHECKIN_EARLY_MINUTES * 60_000 && capturedAt <= at(l.date, l.endsAt));
}

/** Great-circle distance in metres (haversine on a 6,371,008.8 m sphere; far below a geofence's tolerance). */
export function distanceM(a: { lat: number; lng: number }, b: { lat: number; lng: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLng = (b.lng - a.lng) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * 6_371_008.8 * Math.asin(Math.min(1, Math.sqrt(h)));
}

export function decideCheckin(f: CheckinFacts): CheckinDecision {
  const e = f.event;
  let personId: string | null = f.person?.id ?? null;
  let cohortId: string | null = null;
  let lessonId: string | null = null;
  let policy: string | null = null;
  const reject = (reason: RejectionReason, source: keyof typeof SOURCES): CheckinDecision =>
    ({ status: 'rejected', reason, rule: `attendance.${reason}`, citation: citationFor(source, policy), text: REASON_TEXT[reason], personId, cohortId, lessonId });

  if (f.duplicate) return reject('duplicate', 'device');
  if (f.device.status !== 'active') return reject('device_revoked', 'device');
  const captured = Date.parse(e.capturedAt);
  if (captured > f.receivedAt.getTime() + CLOCK_SKEW_MINUTES * 60_000) return reject('captured_in_future', 'device');
  if (!f.person) return reject('unknown_person', 'realName');
  if (!f.enrolments.length) return reject('not_enrolled', 'realName');

  const attending = f.enrolments.filter((x) => (ATTENDING_STATES as readonly string[]).includes(x.state));
  const hit = attending.map((x) => ({ x, lesson: lessonAt(x.lessons, captured) })).find((h) => h.lesson);
  if (!hit) {
    // a person of one cohort here: the refusal is that cohort's evidence too
    if (f.enrolments.length === 1) ({ cohortId, policy } = f.enrolments[0]);
    return reject('no_lesson', 'realName');
  }
  ({ cohortId, policy } = hit.x);
  lessonId = hit.lesson!.id;

  if (e.method === 'face' || e.method === 'fingerprint') {
    if ((e.matchScore ?? 0) < MATCH_THRESHOLD[e.method]) return reject('below_threshold', e.method);
  } else if (e.method === 'phone') {
    if (!f.device.venue) return reject('venue_not_located', 'geofence');
    const d = distanceM(f.device.venue, { lat: e.location!.lat, lng: e.location!.lon });
    if (d > f.device.venue.radiusM) return reject('outside_geofence', 'geofence');
  } else if (!hit.x.hasVoucher) {
    return reject('no_voucher', 'voucher');
  }
  return { status: 'accepted', rule: `attendance.${e.method}`, citation: citationFor(e.method, policy), text: REASON_TEXT.accepted, personId, cohortId, lessonId };
}

/**
 * Who reads a cohort's check-ins (within the cohort's scope). Nobody writes them but a device: the institution that
 * claims the money reads its own evidence and cannot make it (SPEC §5.3: a staff session cannot post check-ins).
 */
export const checkinPolicy = [
  allow(['city_admin', 'county_admin', 'reviewer', 'finance', 'inspector', 'institution'], 'read'),
];
