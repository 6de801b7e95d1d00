import { expect } from 'vitest';
import { REQUIRED_OPENING_DOCUMENTS } from '../cohort/cohort.ts';
import { multipart, PDF_BYTES, testIdNumber, type testApp } from './fixtures.ts';

type T = Awaited<ReturnType<typeof testApp>>;

export interface DraftOptions {
  user: string;
  policy?: string;
  programType?: string;
  occupationCode?: string;
  level?: number;
  startDate?: string;
  endDate?: string;
  persons?: number;
  /** distinct ID numbers per test: the n-th person gets testIdNumber(idBase + 2n) */
  idBase: number;
  region?: string;
  teacherId?: string | null;
  lessonsPerDay?: number;
  documents?: boolean;
}

const days = (from: string, to: string) => {
  const out: string[] = [];
  for (let t = Date.parse(from); t <= Date.parse(to); t += 86_400_000) out.push(new Date(t).toISOString().slice(0, 10));
  return out;
};

/** A draft cohort ready to submit: persons registered and enrolled, a timetable, the opening documents. */
export async function readyDraft(t: T, o: DraftOptions) {
  const h = t.as(o.user);
  const startDate = o.startDate ?? '2024-11-20';
  const endDate = o.endDate ?? '2024-11-29';
  const created = await t.app.inject({ method: 'POST', url: '/api/v1/cohorts', headers: h, payload: {
    policy: o.policy ?? 'yangquan-2024', programType: o.programType ?? 'employment_skills', occupationCode: o.occupationCode ?? '6-31-01-03',
    level: o.level ?? 5, name: `测试班 ${o.idBase}`, startDate, endDate, venue: '理论教室',
  } });
  expect(created.statusCode, created.body).toBe(201);
  const id = created.json().id as string;
  const personIds: string[] = [];
  for (let n = 0; n < (o.persons ?? 3); n++) {
    const p = await t.app.inject({ method: 'POST', url: '/api/v1/persons', headers: h, payload: { name: `学员${o.idBase + n}`, idNumber: testIdNumber((o.idBase + 2 * n) % 1000, o.region ?? '140302', `${1980 + Math.floor((o.idBase + 2 * n) / 1000)}-06-15`), groups: ['rural_migrant'] } });
    expect(p.statusCode, p.body).toBeLessThan(300);
    personIds.push(p.json().id);
    const e = await t.app.inject({ method: 'POST', url: `/api/v1/cohorts/${id}/enrolments`, headers: h, payload: { personId: p.json().id } });
    expect(e.statusCode, e.body).toBe(201);
  }
  for (const date of days(startDate, endDate)) {
    const l = await t.app.inject({ method: 'POST', url: `/api/v1/cohorts/${id}/lessons`, headers: h, payload: {
      date, startsAt: '08:30', endsAt: '16:30', kind: 'theory', lessons: o.lessonsPerDay ?? 6, teacherId: o.teacherId ?? null, topic: '安全用电',
    } });
    expect(l.statusCode, l.body).toBe(201);
  }
  if (o.documents ?? true) {
    for (const kind of REQUIRED_OPENING_DOCUMENTS) {
      const m = multipart({ name: `${kind}.pdf`, type: 'application/pdf', bytes: PDF_BYTES }, { kind });
      const d = await t.app.inject({ method: 'POST', url: `/api/v1/cohorts/${id}/documents`, headers: { ...h, ...m.headers }, payload: m.payload });
      expect(d.statusCode, d.body).toBe(201);
    }
  }
  return { id, personIds };
}

export const fire = (t: T, user: string, id: string, action: string, reason?: string) =>
  t.app.inject({ method: 'POST', url: `/api/v1/cohorts/${id}/transitions`, headers: t.as(user), payload: { action, ...(reason ? { reason } : {}) } });

export const stateOf = async (t: T, id: string) => (await t.ctx.db.query(`SELECT state FROM cohort WHERE id = $1`, [id])).rows[0].state as string;

/** 10:00 in Shanghai on that date, as the clock's ISO instant. */
export const onDay = (date: string) => `${date}T10:00:00+08:00`;

/**
 * From opening_approved to completion_approved, moving the clock as the timetable allows (start on the first
 * day, completion applied for and approved on the last): the date guards admit nothing earlier.
 */
export async function trainAndComplete(t: T, c: { id: string; personIds: string[] }, o: { institution: string; county: string; startDate?: string; endDate?: string }) {
  await t.travel(onDay(o.startDate ?? '2024-11-20'));
  const started = await fire(t, o.institution, c.id, 'start');
  expect(started.statusCode, started.body).toBe(200);
  const roster = await t.app.inject({ method: 'PUT', url: `/api/v1/cohorts/${c.id}/completion-roster`, headers: t.as(o.institution), payload: { personIds: c.personIds } });
  expect(roster.statusCode, roster.body).toBe(200);
  await t.travel(onDay(o.endDate ?? '2024-11-29'));
  for (const [u, a] of [[o.institution, 'submit_completion'], [o.county, 'approve_completion']]) {
    const r = await fire(t, u, c.id, a);
    expect(r.statusCode, r.body).toBe(200);
  }
}
