import type { Database } from '../db/db.ts';
import { openingApplicationPdf, rosterPdf, traineeRegistrationPdf } from '../forms/index.ts';
import { EDUCATION_LEVELS, PERSON_GROUPS } from '../person/person.ts';
import type { Actor } from '../auth/auth.ts';
import { printablePersons } from '../person/service.ts';
import { PROGRAM_TYPE_NAMES } from '../policy/policy.ts';
import { skillLevelLabel } from '../registry/occupations.ts';
import { fullRegionName } from '../registry/regions.ts';
import { shanghaiDate } from '../shared/dates.ts';
import * as store from './store.ts';

const levelName = (level: number) => (level ? skillLevelLabel(level as 1 | 2 | 3 | 4 | 5) : '—');

/**
 * The cohort's forms as the seeds lay them out (suihua 附件1–3), filled from the records. The forms that list persons
 * carry whole ID numbers and phones only for the roles that may print them, and each such print is audited; others
 * get masked prints without the birth month or household address (which rebuild the hidden digits).
 */
export async function cohortForm(db: Database, c: store.Cohort, form: 'opening' | 'registration' | 'roster', actor: Actor, now: Date) {
  const listed = await store.listEnrolments(db, c);
  const today = shanghaiDate(now);
  const names = { opening: '职业技能培训开班申请表', registration: '职业技能培训学员登记表', roster: '职业技能培训人员名册' };
  const { rows: enrolments, whole } = form === 'opening' ? { rows: listed, whole: false } : await db.transaction((tx) => printablePersons(tx, actor, now, listed, {
    form: names[form], cityCode: c.cityCode, entity: 'cohort', entityId: c.id,
  }));
  if (form === 'opening') {
    const lessons = await store.listLessons(db, c);
    const sum = (kind?: string) => lessons.filter((l) => !kind || l.kind === kind).reduce((n, l) => n + l.lessons, 0);
    const { rows: teachers } = await db.query(
      `SELECT DISTINCT t.name, t.qualification FROM lesson l JOIN teacher t ON t.id = l.teacher_id WHERE l.city_code = $1 AND l.cohort_id = $2 ORDER BY t.name`, [c.cityCode, c.id]);
    // the latest approval (a city approval after the county's): 经办人 is the person who gave it, by name
    const approval = (await store.listEvents(db, c, 'approve_opening')).at(-1);
    return openingApplicationPdf({
      institutionName: c.institutionName, programTypeName: PROGRAM_TYPE_NAMES[c.programType], headcount: c.enrolled,
      occupationName: c.occupationName, levelName: levelName(c.level), startDate: c.startDate, endDate: c.endDate, venue: c.venue,
      lessons: { total: sum(), theory: sum('theory'), practical: sum('practical') },
      teachers: teachers.map((t) => ({ name: t.name, title: t.qualification, unit: c.institutionName })),
      bureauOpinion: approval ? { text: approval.reason || '同意开班', handledBy: approval.actorName ?? undefined, date: shanghaiDate(new Date(approval.at)) } : undefined,
      applicationDate: c.submittedAt ? shanghaiDate(new Date(c.submittedAt)) : today,
    });
  }
  if (form === 'registration') {
    return traineeRegistrationPdf(enrolments.map((e) => ({
      name: e.name, idNumber: e.idNumber, gender: e.gender === 'male' ? '男' : '女',
      birthMonth: whole ? `${e.idNumber.slice(6, 10)}-${e.idNumber.slice(10, 12)}` : undefined,
      education: e.education ? EDUCATION_LEVELS[e.education] : undefined,
      phone: e.phone ?? undefined, groups: e.groups.map((g) => PERSON_GROUPS[g]),
      employmentStatus: e.employmentStatus, institutionName: c.institutionName,
      occupationName: c.occupationName, level: (c.level || 'other') as 1 | 2 | 3 | 4 | 5 | 'other',
      householdAddress: whole ? fullRegionName(e.idNumber.slice(0, 6)) : undefined,
    })));
  }
  return rosterPdf({
    institutionName: c.institutionName, occupationName: c.occupationName, levelName: levelName(c.level), startDate: c.startDate,
    endDate: c.endDate, className: c.name, date: today,
    entries: enrolments.map((e) => ({
      name: e.name, gender: e.gender === 'male' ? '男' : '女', idNumber: e.idNumber,
      education: e.education ? EDUCATION_LEVELS[e.education] : undefined,
      groups: e.groups.map((g) => PERSON_GROUPS[g]), phone: e.phone ?? undefined,
      score: e.exam ? [e.exam.theoryScore, e.exam.practicalScore].filter((s) => s !== null).join('/') : undefined,
      certificateNo: e.certificateNumber ?? undefined,
    })),
  });
}
