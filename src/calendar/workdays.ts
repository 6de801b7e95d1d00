/**
 * Working days under the official PRC holiday calendar (放假 and 调休 make-up workdays), SPEC §2. Pure: the
 * holiday data is injected (chinese-days.ts loads the bundled data; later a database table admins extend).
 * A date outside the covered years is refused, never guessed: after the last published year, a weekday may
 * well be a holiday.
 */
import { invalid } from '../shared/errors.ts';

export interface CalendarDay {
  readonly date: string;
  /** `holiday`: no work (also on a weekday); `workday`: a make-up working day (also on a weekend). */
  readonly kind: 'holiday' | 'workday';
  readonly name: string;
}

export interface WorkdayCalendar {
  readonly firstYear: number;
  readonly lastYear: number;
  isCovered(date: string): boolean;
  isWorkingDay(date: string, field?: string): boolean;
  /** The n-th working day after `date` (n > 0) or before it (n < 0); n = 0 returns `date`. */
  addWorkingDays(date: string, n: number, field?: string): string;
  /** Working days d with from < d ≤ to (negative when to < from): 1 from a Friday to the next Monday. */
  workingDaysBetween(from: string, to: string, field?: string): number;
  /** The day's entry, if it is a holiday or make-up workday. */
  dayOf(date: string): CalendarDay | undefined;
}

const DAY_MS = 86_400_000;

const toDayNumber = (date: string, field: string): number => {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (m) {
    const t = Date.UTC(+m[1], +m[2] - 1, +m[3]);
    if (new Date(t).toISOString().slice(0, 10) === date) return t / DAY_MS;
  }
  throw invalid(field, `${date} is not a date YYYY-MM-DD`);
};

const fromDayNumber = (n: number): string => new Date(n * DAY_MS).toISOString().slice(0, 10);

/**
 * A calendar over `days`. Covered years default to the first..last year the rows mention; every covered
 * year must be complete in the data (each year has 元旦, so a year without rows is a year not published).
 */
export const makeCalendar = (
  days: readonly CalendarDay[],
  years?: { readonly first: number; readonly last: number },
): WorkdayCalendar => {
  const byDate = new Map<string, CalendarDay>();
  let first = Infinity;
  let last = -Infinity;
  for (const d of days) {
    toDayNumber(d.date, 'calendar.date');
    byDate.set(d.date, d);
    const y = Number(d.date.slice(0, 4));
    if (y < first) first = y;
    if (y > last) last = y;
  }
  const firstYear = years?.first ?? first;
  const lastYear = years?.last ?? last;
  if (!Number.isFinite(firstYear) || !Number.isFinite(lastYear)) throw invalid('calendar', 'no holiday data');
  const lo = Date.UTC(firstYear, 0, 1) / DAY_MS;
  const hi = Date.UTC(lastYear, 11, 31) / DAY_MS;

  const check = (date: string, field: string): number => {
    const n = toDayNumber(date, field);
    if (n < lo || n > hi) {
      throw invalid(field, `${date} is outside the working-day calendar (covers ${firstYear}–${lastYear}); add that year's 放假/调休 data first`);
    }
    return n;
  };
  const working = (n: number): boolean => {
    const entry = byDate.get(fromDayNumber(n));
    if (entry) return entry.kind === 'workday';
    const dow = new Date(n * DAY_MS).getUTCDay();
    return dow !== 0 && dow !== 6;
  };

  return {
    firstYear,
    lastYear,
    isCovered: (date) => {
      const n = toDayNumber(date, 'date');
      return n >= lo && n <= hi;
    },
    isWorkingDay: (date, field = 'date') => working(check(date, field)),
    addWorkingDays: (date, n, field = 'date') => {
      if (!Number.isInteger(n)) throw invalid('n', `${n} is not a whole number of working days`);
      let d = check(date, field);
      const step = n < 0 ? -1 : 1;
      for (let left = Math.abs(n); left > 0; ) {
        d += step;
        if (d < lo || d > hi) {
          throw invalid(field, `${n} working days from ${date} leave the working-day calendar (covers ${firstYear}–${lastYear})`);
        }
        if (working(d)) left--;
      }
      return fromDayNumber(d);
    },
    workingDaysBetween: (from, to, field = 'date') => {
      const a = check(from, `${field}.from`);
      const b = check(to, `${field}.to`);
      const [s, e, sign] = a <= b ? [a, b, 1] : [b, a, -1];
      let n = 0;
      for (let d = s + 1; d <= e; d++) if (working(d)) n++;
      return sign * n;
    },
    dayOf: (date) => byDate.get(date),
  };
};
