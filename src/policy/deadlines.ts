/**
 * Deadlines and periods of the packs (data in each pack's `deadlines`) turned into dates on the official
 * working-day calendar. The workflow issues decide what to do with them (refuse a late opening, …).
 */
import type { WorkdayCalendar } from '../calendar/workdays.ts';
import { invalid } from '../shared/errors.ts';
import type { Deadline, ProgramType } from './policy.ts';
import type { Pack } from './pack.ts';

const addCalendarDays = (date: string, n: number): string => {
  const t = Date.parse(`${date}T00:00:00Z`);
  if (Number.isNaN(t)) throw invalid('date', `${date} is not a date`);
  return new Date(t + n * 86_400_000).toISOString().slice(0, 10);
};

const addYears = (date: string, n: number): string => {
  const [y, m, d] = date.split('-').map(Number);
  // 29 February plus a year is 28 February.
  const last = new Date(Date.UTC(y + n, m, 0)).getUTCDate();
  return `${String(y + n).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
};

/** `anchor` moved by n units (negative: before). */
export const offsetDate = (anchor: string, n: number, unit: Deadline['unit'], cal: WorkdayCalendar): string =>
  unit === 'working_day' ? cal.addWorkingDays(anchor, n, 'anchor') : unit === 'calendar_day' ? addCalendarDays(anchor, n) : addYears(anchor, n);

/**
 * The dates anchor+min and anchor+max. For `before` (开班前3-5天): submit between `from` and `to`, i.e. no
 * later than `to`. For `within` (10个工作日内): no later than `to`. For `at_least` (公示不少于5个工作日,
 * counted from the anchor day): not ending before `to`; for years (档案保存五年): keep until `to`.
 */
export const deadlineDates = (d: Deadline, anchor: string, cal: WorkdayCalendar): { from: string; to: string } => ({
  from: offsetDate(anchor, d.min, d.unit, cal),
  to: offsetDate(anchor, d.max, d.unit, cal),
});

/** The pack's deadlines for an event anchor and programme type (a programme-specific one replaces the general). */
export const deadlinesFor = (pack: Pack, anchor: Deadline['anchor'], programType?: ProgramType): Deadline[] => {
  const all = pack.deadlines.filter((d) => d.anchor === anchor);
  const specific = all.filter((d) => programType !== undefined && d.programTypes?.includes(programType));
  const general = all.filter((d) => !d.programTypes);
  if (specific.length === 0) return general;
  const events = new Set(specific.map((d) => d.event.replace(/（.*）$/, '')));
  return [...general.filter((d) => !events.has(d.event)), ...specific];
};
