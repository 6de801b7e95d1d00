import type { Queryable } from '../db/db.ts';
import { chineseDaysData } from './chinese-days.ts';
import { makeCalendar, type CalendarDay, type WorkdayCalendar } from './workdays.ts';

/** Seeds the calendar tables from the chinese-days package for the years it covers and the table lacks. */
export async function loadCalendarData(db: Queryable): Promise<void> {
  const { rows } = await db.query(`SELECT year FROM calendar_year`);
  const have = new Set(rows.map((r) => Number(r.year)));
  const data = chineseDaysData();
  const years: number[] = [];
  for (let y = data.firstYear; y <= data.lastYear; y++) if (!have.has(y)) years.push(y);
  if (!years.length) return;
  const days = data.days.filter((d) => years.includes(Number(d.date.slice(0, 4))));
  await db.query(
    `INSERT INTO calendar_day (date, kind, name, source) SELECT d::date, k, n, 'chinese-days' FROM unnest($1::text[], $2::text[], $3::text[]) AS t(d, k, n) ON CONFLICT DO NOTHING`,
    [days.map((d) => d.date), days.map((d) => d.kind), days.map((d) => d.name)],
  );
  await db.query(`INSERT INTO calendar_year (year, source) SELECT y, 'chinese-days' FROM unnest($1::int[]) AS y ON CONFLICT DO NOTHING`, [years]);
}

const cache = new WeakMap<object, WorkdayCalendar>();

/** The working-day calendar from the tables (admins may have added years); cached per store until changed. */
export async function loadCalendar(db: Queryable): Promise<WorkdayCalendar> {
  const hit = cache.get(db);
  if (hit) return hit;
  const { rows: days } = await db.query<CalendarDay>(`SELECT to_char(date, 'YYYY-MM-DD') AS date, kind, name FROM calendar_day ORDER BY date`);
  const { rows: years } = await db.query(`SELECT min(year) AS first, max(year) AS last FROM calendar_year`);
  const calendar = makeCalendar(days, { first: Number(years[0].first), last: Number(years[0].last) });
  cache.set(db, calendar);
  return calendar;
}

export const forgetCalendar = (db: Queryable) => void cache.delete(db);
