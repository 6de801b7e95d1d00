import type { Queryable } from '../db/db.ts';
import { openingApplicationPdf, rosterPdf, traineeRegistrationPdf } from '../forms/index.ts';
import { EDUCATION_LEVELS, PERSON_GROUPS } from '../person/person.ts';
import { maskIdNumber } from '../person/id-number.ts';
import { PROGRAM_TYPE_NAMES } from '../policy/policy.ts';
import { skillLevelLabel } from '../registry/occupations.ts';
import { fullRegionName } from '../registry/regions.ts';
import { shanghaiDate } from '../shared/dates.ts';
import * as store from './store.ts';

const levelName = (level: number) => (level ? skillLevelLabel(level as 1 | 2 | 3 | 4 | 5) : '—');

/** The cohort's forms as the seeds lay them out (suihua 附件1–3), filled from the records. */
export async function cohortForm(db: Queryable, c: store.Cohort, form: 'opening' | 'registration' | 'roster', wholeIds: boolean, now: Date) {
  const enrolments = await store.listEnrolments(db, c);
  const today = shanghaiDate(now);
  if (form === 'opening') {
    const lessons = await store.listLessons(db, c);
    const sum = (kind?: string) => lessons.filter((l) => !kind || l.kind === kind).reduce((n, l) => n + l.lessons, 0);
    const { rows: teachers } = await db.query(
      `SELECT DISTINCT t.name, t.qualification FROM lesson l JOIN teacher t ON t.id = l.teacher_id WHERE l.city_code = $1 AND l.cohort_id = $2 ORDER BY t.name`, [c.cityCode, c.id]);
    const { rows: events } = await db.query(`SELECT actor, reason, at FROM cohort_event WHERE city_code = $1 AND cohort_id = $2 AND action = 'approve_opening' ORDER BY at DESC LIMIT 1`, [c.cityCode, c.id]);
    return openingApplicationPdf({
      institutionName: c.institutionName, programTypeName: PROGRAM_TYPE_NAMES[c.programType], headcount: c.enrolled,
      occupationName: c.occupationName, levelName: levelName(c.level), startDate: c.startDate, endDate: c.endDate, venue: c.venue,
      lessons: { total: sum(), theory: sum('theory'), practical: sum('practical') },
      teachers: teachers.map((t) => ({ name: t.name, title: t.qualification, unit: c.institutionName })),
      bureauOpinion: events[0] ? { text: events[0].reason || '同意开班', handledBy: events[0].actor, date: shanghaiDate(new Date(events[0].at)) } : undefined,
      applicationDate: c.submittedAt ? shanghaiDate(new Date(c.submittedAt)) : today,
    });
  }
  if (form === 'registration') {
    return traineeRegistrationPdf(enrolments.map((e) => ({
      name: e.name, idNumber: wholeIds ? e.idNumber : maskIdNumber(e.idNumber), gender: e.gender === 'male' ? '男' : '女',
      birthMonth: `${e.idNumber.slice(6, 10)}-${e.idNumber.slice(10, 12)}`,
      education: e.education ? EDUCATION_LEVELS[e.education] : undefined,
      phone: e.phone ?? undefined, groups: e.groups.map((g) => PERSON_GROUPS[g]),
      employmentStatus: e.employmentStatus, institutionName: c.institutionName,
      occupationName: c.occupationName, level: (c.level || 'other') as 1 | 2 | 3 | 4 | 5 | 'other',
      householdAddress: fullRegionName(e.idNumber.slice(0, 6)),
    })));
  }
  return rosterPdf({
    institutionName: c.institutionName, occupationName: c.occupationName, levelName: levelName(c.level), startDate: c.startDate,
    endDate: c.endDate, className: c.name, date: today,
    entries: enrolments.map((e) => ({
      name: e.name, gender: e.gender === 'male' ? '男' : '女', idNumber: wholeIds ? e.idNumber : maskIdNumber(e.idNumber),
      education: e.education ? EDUCATION_LEVELS[e.education] : undefined,
      groups: e.groups.map((g) => PERSON_GROUPS[g]), phone: e.phone ?? undefined,
      score: e.exam ? [e.exam.theoryScore, e.exam.practicalScore].filter((s) => s !== null).join('/') : undefined,
      certificateNo: e.certificateNumber ?? undefined,
    })),
  });
}
