/**
 * When a cohort's steps may happen, from its timetable (pure; `today` is an Asia/Shanghai calendar date).
 * Nothing is recorded before it could have happened:
 * - training starts (`start`) no earlier than the first lesson of the approved timetable;
 * - the completion application (`submit_completion`) is filed no earlier than xinzhou 二(二)(3)'s
 *   “结业前3天” (3 days before the end) where the pack says so, elsewhere no earlier than the last lesson;
 * - completion is approved (`approve_completion`), exams are recorded and certificates dated no earlier than
 *   the last lesson: the seeds put the 结业考核 and the certificate after the training (yangquan 第十二条
 *   “培训结束后…对考核合格人员核发培训合格证书”, suihua 第五条(五) “培训结束后…考试合格的发放”).
 * No seed names the day training may start; it is the timetable the bureau approved (yangquan 第十条 教学计划).
 */
import type { WorkdayCalendar } from '../calendar/workdays.ts';
import type { Pack } from '../policy/pack.ts';
import { deadlineDates, deadlinesFor } from '../policy/deadlines.ts';
import type { ProgramType } from '../policy/policy.ts';

export interface TimetableFacts {
  pack: Pack;
  cohort: { programType: ProgramType; startDate: string; endDate: string };
  lessons: { date: string }[];
  calendar: WorkdayCalendar;
}

export interface StepDates {
  /** first lesson: training may start */
  start: string;
  /** the completion application may be filed */
  submitCompletion: string;
  /** last lesson: completion approved, exams recorded, certificates dated */
  trainingEnded: string;
}

export const START_CITATION = '阳人社规发〔2024〕2号 第十条';
export const END_CITATION = '阳人社规发〔2024〕2号 第十二条';

/** The first and last lesson dates (the cohort's dates while nothing is timetabled). */
export function trainingSpan(f: Pick<TimetableFacts, 'cohort' | 'lessons'>): { first: string; last: string } {
  const dates = f.lessons.map((l) => l.date).sort();
  return { first: dates[0] ?? f.cohort.startDate, last: dates.at(-1) ?? f.cohort.endDate };
}

export function stepDates(f: TimetableFacts): StepDates {
  const { first, last } = trainingSpan(f);
  const filing = deadlinesFor(f.pack, 'cohort_end', f.cohort.programType).filter((d) => d.sense === 'before')
    .map((d) => deadlineDates(d, f.cohort.endDate, f.calendar).from).sort()[0];
  return { start: first, submitCompletion: filing && filing < last ? filing : last, trainingEnded: last };
}

export interface DateRefusal { rule: string; citation: string; text: string }

/** The refusal when `today` is before `earliest`, or none. */
export const notBefore = (today: string, earliest: string, rule: string, citation: string, what: string): DateRefusal[] =>
  today >= earliest ? [] : [{ rule, citation, text: `${what}不得早于 ${earliest}，今天是 ${today}` }];
