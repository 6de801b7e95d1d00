/**
 * Adapter: the holiday and make-up-workday data bundled in the `chinese-days` package (offline, 2004–2026 in
 * 1.5.x), as `CalendarDay` rows for `makeCalendar` and for the database table admins extend with later years.
 * The package answers "workday" for dates after its data ends; we read only the years it covers.
 */
import chineseDays from 'chinese-days';
import { makeCalendar, type CalendarDay, type WorkdayCalendar } from './workdays.ts';

const DAY_MS = 86_400_000;

/** Names come as "National Day,国庆节,3": English, Chinese, number of days off. */
const chineseName = (name: string): string => name.split(',')[1] ?? name;

/** Every year starts with 元旦, a holiday: a year is covered iff its 1 January is a named holiday. */
const isCoveredYear = (y: number): boolean => chineseDays.getDayDetail(`${y}-01-01`).name.includes(',');

export interface CalendarData {
  readonly firstYear: number;
  readonly lastYear: number;
  readonly days: CalendarDay[];
}

/** The package's data as rows `{date, kind, name}`, with the years it covers. */
export const chineseDaysData = (scanFrom = 1990, scanTo = 2100): CalendarData => {
  let firstYear = 0;
  let lastYear = 0;
  for (let y = scanFrom; y <= scanTo; y++) {
    if (!isCoveredYear(y)) continue;
    if (firstYear === 0) firstYear = y;
    lastYear = y;
  }
  if (firstYear === 0) throw new Error('chinese-days: no holiday data found');
  const days: CalendarDay[] = [];
  const end = Date.UTC(lastYear, 11, 31);
  for (let t = Date.UTC(firstYear, 0, 1); t <= end; t += DAY_MS) {
    const date = new Date(t).toISOString().slice(0, 10);
    const d = chineseDays.getDayDetail(date);
    if (!d.name.includes(',')) continue; // an ordinary weekday or weekend
    days.push({ date, kind: d.work ? 'workday' : 'holiday', name: chineseName(d.name) });
  }
  return { firstYear, lastYear, days };
};

let cached: WorkdayCalendar | undefined;

/** The calendar over the package's data (built once). */
export const chineseDaysCalendar = (): WorkdayCalendar => {
  if (!cached) {
    const { firstYear, lastYear, days } = chineseDaysData();
    cached = makeCalendar(days, { first: firstYear, last: lastYear });
  }
  return cached;
};
