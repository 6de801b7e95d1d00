import type { WorkdayCalendar } from '../calendar/workdays.ts';
import type { ProgramType } from '../policy/policy.ts';
import type { Pack } from '../policy/pack.ts';
import { deadlineDates, deadlinesFor } from '../policy/deadlines.ts';
import { mayTrain, type InstitutionStatus } from '../registry/institution.ts';
import { END_CITATION, START_CITATION, notBefore, stepDates } from './timing.ts';
import { ownCitation } from './pack.ts';
import { heze2024 } from '../policy/packs/heze-2024.ts';
import { REQUIRED_OPENING_DOCUMENTS, DOCUMENT_KINDS, needsCityApproval, type DocumentKind } from './cohort.ts';

/** One reason a guard refuses, citing where the rule comes from. */
export interface Refusal {
  rule: string;
  citation: string;
  text: string;
  personId?: string;
}

export interface LessonFact {
  date: string;
  startsAt: string;
  endsAt: string;
  kind: 'theory' | 'practical';
  lessons: number;
  groupSize: number | null;
}

/** Everything the guards of one transition may look at, loaded by the service. */
export interface CohortFacts {
  today: string;
  pack: Pack;
  cohort: { programType: ProgramType; occupationCode: string; level: number; startDate: string; endDate: string; policy: string };
  institution: {
    status: InstitutionStatus; licensed: { occupationCode: string; level: number }[]; theoryRoomsM2: number[];
    /** 办学许可证有效期至 and the end of the 定点培训 agreement (contract term), when recorded */
    licenceValidUntil?: string | null; contractEnd?: string | null;
  };
  lessons: LessonFact[];
  documents: DocumentKind[];
  enrolled: number;
  completionRoster: number;
  examsMissing: number;
  overlaps: { personId: string; name: string; otherCohort: string; date: string }[];
  calendar: WorkdayCalendar;
  reason: string | null;
}

const YQ = '阳人社规发〔2024〕2号';
/** No seed names the overlap; heze 第十二条 is where the bureau checks each trainee and tells the institution. */
export const OVERLAP_CITATION = `${heze2024.docNumber} 第十二条`;
const SH = '绥就办发〔2019〕1号';
const WS = '文人社字〔2023〕51号';

type Guard = (f: CohortFacts) => Refusal[];

/** Filing N (working) days before the cohort starts or ends: no later than the pack's latest date. */
function deadlineGuard(anchor: 'cohort_start' | 'cohort_end'): Guard {
  return (f) => deadlinesFor(f.pack, anchor, f.cohort.programType).filter((d) => d.sense === 'before').flatMap((d) => {
    const { to: latest } = deadlineDates(d, anchor === 'cohort_start' ? f.cohort.startDate : f.cohort.endDate, f.calendar);
    if (f.today <= latest) return [];
    return [{ rule: d.id, citation: `${f.pack.docNumber} ${d.article}`, text: `${d.text}：应不晚于 ${latest} 提交，今天是 ${f.today}` }];
  });
}

export const GUARDS: Record<string, Guard> = {
  policy_in_force: (f) => {
    const { validFrom, validTo } = f.pack;
    if (f.cohort.startDate >= validFrom && (!validTo || f.cohort.startDate <= validTo)) return [];
    return [{ rule: 'policy.out_of_force', citation: f.pack.docNumber, text: `开班日期 ${f.cohort.startDate} 不在政策有效期 ${validFrom} 至 ${validTo ?? '—'} 内（${f.pack.validityNote}）` }];
  },
  institution_may_train: (f) => mayTrain(f.institution.status) ? [] : [{
    rule: 'institution.not_listed', citation: `${YQ} 第十七条`,
    text: `培训机构当前状态为“${f.institution.status}”，整改、暂停或未入目录期间不得开展政府补贴培训`,
  }],
  licensed_for_occupation: (f) => f.institution.licensed.some((l) => l.occupationCode === f.cohort.occupationCode && l.level === f.cohort.level) ? [] : [{
    rule: 'institution.not_licensed', citation: `${YQ} 第五条`,
    text: `培训机构未获准开展 ${f.cohort.occupationCode} ${f.cohort.level ? `${f.cohort.level}级` : ''} 培训`,
  }],
  // A subsidised cohort needs the institution's licence and its placement agreement in force for the whole training.
  terms_in_force: (f) => [
    ...(f.institution.licenceValidUntil && f.institution.licenceValidUntil < f.cohort.endDate ? [{
      rule: 'institution.licence_expired', citation: `${YQ} 第五条`,
      text: `培训机构办学许可证有效期至 ${f.institution.licenceValidUntil}，不能覆盖培训期 ${f.cohort.startDate} 至 ${f.cohort.endDate}`,
    }] : []),
    ...(f.institution.contractEnd && f.institution.contractEnd < f.cohort.endDate ? [{
      rule: 'institution.agreement_expired', citation: `${YQ} 第十七条`,
      text: `定点培训协议已于 ${f.institution.contractEnd} 到期，不能覆盖培训期 ${f.cohort.startDate} 至 ${f.cohort.endDate}`,
    }] : []),
  ],
  roster_not_empty: (f) => f.enrolled > 0 ? [] : [{ rule: 'opening.roster', citation: `${YQ} 第十条`, text: '开班申请须附培训学员名册，名册为空' }],
  lesson_rules: (f) => lessonRefusals(f),
  opening_documents: (f) => REQUIRED_OPENING_DOCUMENTS.filter((k) => !f.documents.includes(k)).map((k) => ({
    rule: 'opening.documents', citation: `${heze2024.docNumber} 第十一条`, text: `缺少开班材料：${DOCUMENT_KINDS[k]}`,
  })),
  opening_deadline: deadlineGuard('cohort_start'),
  completion_deadline: deadlineGuard('cohort_end'),
  no_overlapping_enrolment: (f) => f.overlaps.map((o) => ({
    rule: 'enrolment.overlap', citation: OVERLAP_CITATION, personId: o.personId,
    text: `${o.name} 已在“${o.otherCohort}”中，${o.date} 的课时与本班重叠`,
  })),
  reason_given: (f) => (f.reason && f.reason.trim() ? [] : [{ rule: 'decision.reason', citation: `${heze2024.docNumber} 第十二条`, text: '退回、驳回或撤销须写明理由' }]),
  completion_roster: (f) => (f.completionRoster > 0 ? [] : [{ rule: 'completion.roster', citation: '忻人社函〔2024〕29号 二(二)(3)', text: '结业申请须附结业花名册' }]),
  // Date rules (timing.ts): no step before the timetable allows it.
  start_date_reached: (f) => notBefore(f.today, stepDates(f).start, 'start.before_first_lesson', START_CITATION, '按批准的课程表，开始培训'),
  completion_window_open: (f) => {
    const filing = deadlinesFor(f.pack, 'cohort_end', f.cohort.programType).find((d) => d.sense === 'before');
    return notBefore(f.today, stepDates(f).submitCompletion, 'completion.too_early', filing ? `${f.pack.docNumber} ${filing.article}` : END_CITATION, '提交结业申请');
  },
  training_ended: (f) => notBefore(f.today, stepDates(f).trainingEnded, 'training.not_ended', END_CITATION, '培训结束（最后一次课）后方可结业、考核发证，日期'),
  exams_complete: (f) => (f.examsMissing === 0 ? [] : [{ rule: 'exam.missing', citation: `${YQ} 第十二条`, text: `还有 ${f.examsMissing} 名结业学员没有考核成绩` }]),
};

/** Branch selectors of the machine (`when`). */
export const CONDITIONS: Record<string, (f: Pick<CohortFacts, 'cohort'>) => boolean> = {
  single_approval: (f) => !needsCityApproval(f.cohort.programType),
  city_approval_needed: (f) => needsCityApproval(f.cohort.programType),
};

/**
 * Lesson rules (SPEC §4.3): a timetable inside the cohort's dates; ≤ 8 lessons a day and pre-job training
 * ≥ 30 lessons (suihua 第五条(三)); practical groups ≤ 5 and a theory room ≥ 50 m² (wenshui 三(五)(六)).
 */
export function lessonRefusals(f: CohortFacts): Refusal[] {
  const out: Refusal[] = [];
  if (!f.lessons.length) return [{ rule: 'lesson.timetable', citation: `${YQ} 第十条`, text: '开班申请须附课程表（教学计划），尚未排课' }];
  const perDay = new Map<string, number>();
  let total = 0;
  for (const l of f.lessons) {
    perDay.set(l.date, (perDay.get(l.date) ?? 0) + l.lessons);
    total += l.lessons;
    if (l.date < f.cohort.startDate || l.date > f.cohort.endDate) {
      out.push({ rule: 'lesson.outside_dates', citation: `${YQ} 第十六条`, text: `${l.date} 的课时不在培训起止日期 ${f.cohort.startDate}—${f.cohort.endDate} 内` });
    }
    if (l.kind === 'practical' && l.groupSize !== null && l.groupSize > 5) {
      out.push({ rule: 'lesson.practical_group', citation: `${WS} 三(五)`, text: `${l.date} ${l.startsAt} 实操分组 ${l.groupSize} 人，每组学员不得超过5人` });
    }
  }
  for (const [day, n] of [...perDay].sort()) {
    if (n > 8) out.push({ rule: 'lesson.daily_max', citation: `${SH} 第五条(三)`, text: `${day} 安排 ${n} 课时，每天不超过8课时` });
  }
  if (f.cohort.programType === 'enterprise_pre_job' && total < 30) {
    out.push({ rule: 'lesson.pre_job_min', citation: `${SH} 第五条(三)`, text: `岗前培训共 ${total} 课时，不得低于30课时` });
  }
  if (f.cohort.policy === 'wenshui-2023' && !f.institution.theoryRoomsM2.some((a) => a >= 50)) {
    out.push({ rule: 'venue.theory_area', citation: `${WS} 三(六)`, text: `理论教学场地不得低于50平方米（现有 ${f.institution.theoryRoomsM2.join('、') || '无'} 平方米）` });
  }
  return out;
}

/** Where SPEC states each workflow guard for every city: cited instead when the article is another city's. */
const SPEC_SECTION: Record<string, string> = {
  institution_may_train: 'SPEC §3.1', licensed_for_occupation: 'SPEC §3.1', terms_in_force: 'SPEC §2 institution', roster_not_empty: 'SPEC §3.3', lesson_rules: 'SPEC §4.3',
  opening_documents: 'SPEC §3.3', no_overlapping_enrolment: 'SPEC §4.3', reason_given: 'SPEC §3.3', completion_roster: 'SPEC §3.3', exams_complete: 'SPEC §3.3',
};

/** All refusals of the named guards, in order, each citing the cohort's own pack or SPEC (never another city). */
export const evaluateGuards = (names: readonly string[], f: CohortFacts): Refusal[] => names.flatMap((n) => {
  const g = GUARDS[n];
  if (!g) throw new Error(`unknown guard ${n}`);
  return g(f).map((r) => ({ ...r, citation: ownCitation(f.pack, r.citation, SPEC_SECTION[n] ?? 'SPEC §3.3') }));
});
