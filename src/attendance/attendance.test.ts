import { describe, expect, it } from 'vitest';
import { checkinEvent, decideCheckin, distanceM, lessonAt, type CheckinFacts } from './attendance.ts';

const LESSON = { id: 'L1', date: '2024-11-20', startsAt: '08:30:00', endsAt: '16:30:00' };
const VENUE = { lat: 37.857, lng: 113.583, radiusM: 200 };

/** A face check-in at 09:00 Shanghai by an enrolled person of a yangquan cohort in training: accepted. */
const facts = (over: Partial<Omit<CheckinFacts, 'event'>> & { event?: Partial<CheckinFacts['event']> } = {}): CheckinFacts => ({
  receivedAt: new Date('2024-11-20T02:00:00Z'),
  duplicate: false,
  device: { status: 'active', venue: VENUE },
  person: { id: 'P1' },
  enrolments: [{ cohortId: 'C1', policy: 'yangquan-2024', state: 'in_training', hasVoucher: true, lessons: [LESSON] }],
  ...over,
  event: { eventId: 'e1', personId: 'P1', capturedAt: '2024-11-20T09:00:00+08:00', method: 'face', matchScore: 0.93, ...over.event },
});

describe('decideCheckin', () => {
  it.each<[string, CheckinFacts, string | undefined, string]>([
    ['an enrolled person during a lesson, well matched: accepted (yangquan states no face rule: the SPEC section)', facts(), undefined, 'SPEC §4.3 考勤'],
    ['a heze face check-in cites heze 第十三条', facts({ enrolments: [{ cohortId: 'C1', policy: 'heze-2024', state: 'in_training', hasVoucher: false, lessons: [LESSON] }] }), undefined, '《菏泽市职业技能培训管理办法（试行）》（2024年9月30日） 第十三条'],
    ['a suihua fingerprint check-in cites suihua 第五条(三)', facts({ event: { method: 'fingerprint', matchScore: 0.85 }, enrolments: [{ cohortId: 'C1', policy: 'suihua-2019', state: 'in_training', hasVoucher: false, lessons: [LESSON] }] }), undefined, '绥就办发〔2019〕1号 第五条(三)'],
    ['a yangquan phone check-in inside the geofence cites yangquan 第十一条', facts({ event: { method: 'phone', matchScore: undefined, location: { lat: 37.8575, lon: 113.5832 } } }), undefined, '阳人社规发〔2024〕2号 第十一条'],
    ['a wenshui voucher sign-in with a bound voucher cites wenshui 三(四)', facts({ event: { method: 'voucher', matchScore: undefined }, enrolments: [{ cohortId: 'C1', policy: 'wenshui-2023', state: 'in_training', hasVoucher: true, lessons: [LESSON] }] }), undefined, '文人社字〔2023〕51号 三(四)'],
    ['an event id the device sent before', facts({ duplicate: true }), 'duplicate', 'SPEC §5.3 设备上报'],
    ['a revoked device', facts({ device: { status: 'revoked', venue: VENUE } }), 'device_revoked', 'SPEC §5.3 设备上报'],
    ['captured more than five minutes after receipt', facts({ event: { capturedAt: '2024-11-20T10:06:00+08:00' } }), 'captured_in_future', 'SPEC §5.3 设备上报'],
    ['a person the system does not know', facts({ person: null, enrolments: [] }), 'unknown_person', 'SPEC §4.3 考勤'],
    ['a person not enrolled at this institution', facts({ enrolments: [] }), 'not_enrolled', 'SPEC §4.3 考勤'],
    ['before the check-in window of the lesson', facts({ event: { capturedAt: '2024-11-20T07:59:00+08:00' } }), 'no_lesson', 'SPEC §4.3 考勤'],
    ['after the lesson ended', facts({ receivedAt: new Date('2024-11-21T00:00:00Z'), event: { capturedAt: '2024-11-20T16:31:00+08:00' } }), 'no_lesson', 'SPEC §4.3 考勤'],
    ['a cohort not in training', facts({ enrolments: [{ cohortId: 'C1', policy: 'yangquan-2024', state: 'opening_approved', hasVoucher: true, lessons: [LESSON] }] }), 'no_lesson', 'SPEC §4.3 考勤'],
    ['a face match below 0.8', facts({ event: { matchScore: 0.79 } }), 'below_threshold', 'SPEC §4.3 考勤'],
    ['a heze face match below 0.8 cites heze 第十三条', facts({ event: { matchScore: 0.5 }, enrolments: [{ cohortId: 'C1', policy: 'heze-2024', state: 'in_training', hasVoucher: false, lessons: [LESSON] }] }), 'below_threshold', '《菏泽市职业技能培训管理办法（试行）》（2024年9月30日） 第十三条'],
    ['a phone 1 km from the venue', facts({ event: { method: 'phone', matchScore: undefined, location: { lat: 37.866, lon: 113.583 } } }), 'outside_geofence', 'SPEC §4.7 打卡位置'],
    ['a phone check-in at a venue without a place', facts({ device: { status: 'active', venue: null }, event: { method: 'phone', matchScore: undefined, location: { lat: 37.857, lon: 113.583 } } }), 'venue_not_located', 'SPEC §4.7 打卡位置'],
    ['a voucher sign-in without a bound voucher', facts({ event: { method: 'voucher', matchScore: undefined }, enrolments: [{ cohortId: 'C1', policy: 'wenshui-2023', state: 'in_training', hasVoucher: false, lessons: [LESSON] }] }), 'no_voucher', '文人社字〔2023〕51号 三(四)'],
  ])('%s', (_name, f, reason, citation) => {
    const d = decideCheckin(f);
    expect(d.status).toBe(reason ? 'rejected' : 'accepted');
    expect(d.reason).toBe(reason);
    expect(d.citation).toBe(citation);
  });

  it('ties an accepted event and a refusal after the lesson was found to the cohort and lesson', () => {
    expect(decideCheckin(facts())).toMatchObject({ personId: 'P1', cohortId: 'C1', lessonId: 'L1' });
    expect(decideCheckin(facts({ event: { matchScore: 0.1 } }))).toMatchObject({ cohortId: 'C1', lessonId: 'L1' });
    expect(decideCheckin(facts({ person: null, enrolments: [] }))).toMatchObject({ personId: null, cohortId: null, lessonId: null });
  });

  it('counts a check-in from 30 minutes before the lesson until its end', () => {
    expect(lessonAt([LESSON], Date.parse('2024-11-20T08:00:00+08:00'))?.id).toBe('L1');
    expect(lessonAt([LESSON], Date.parse('2024-11-20T16:30:00+08:00'))?.id).toBe('L1');
    expect(lessonAt([LESSON], Date.parse('2024-11-20T07:59:59+08:00'))).toBeUndefined();
  });

  it('measures distance on the sphere (one degree of latitude is about 111.2 km)', () => {
    expect(Math.round(distanceM({ lat: 37, lng: 113 }, { lat: 38, lng: 113 }))).toBe(111195);
    expect(distanceM(VENUE, VENUE)).toBe(0);
  });
});

describe('check-in event input', () => {
  it.each([
    ['neither personId nor idNumber', { eventId: 'a', capturedAt: '2024-11-20T09:00:00+08:00', method: 'voucher' }, 'personId'],
    ['a face event without a score', { eventId: 'a', personId: '7f1e2d3c-1111-4222-8333-444455556666', capturedAt: '2024-11-20T09:00:00+08:00', method: 'face' }, 'matchScore'],
    ['a phone event without a location', { eventId: 'a', personId: '7f1e2d3c-1111-4222-8333-444455556666', capturedAt: '2024-11-20T09:00:00+08:00', method: 'phone' }, 'location'],
    ['a time without its offset', { eventId: 'a', personId: '7f1e2d3c-1111-4222-8333-444455556666', capturedAt: '2024-11-20T09:00:00', method: 'voucher' }, 'capturedAt'],
    ['a year PostgreSQL cannot store', { eventId: 'a', personId: '7f1e2d3c-1111-4222-8333-444455556666', capturedAt: '0000-01-01T09:00:00Z', method: 'voucher' }, 'capturedAt'],
    ['an ID number with a wrong check digit', { eventId: 'a', idNumber: '140302199001010010', capturedAt: '2024-11-20T09:00:00+08:00', method: 'voucher' }, 'idNumber'],
  ])('refuses %s naming the field', (_n, input, field) => {
    const r = checkinEvent.safeParse(input);
    expect(r.success).toBe(false);
    expect(r.error!.issues[0].path).toEqual([field]);
  });
});
